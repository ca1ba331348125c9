import { Document } from "@langchain/core/documents";
import type { Chunk, ChunkKind } from "./types.ts";

const KINDS: readonly ChunkKind[] = ["broadcast", "note", "product", "qna", "coupon", "benefit", "answer"];

/** Flat string metadata of a chunk's document (Vectorize rejects nested values). */
export type ChunkMetadata = Record<"id" | "broadcastId" | "kind" | "productKey" | "question" | "answer", string>;

/** A chunk as a LangChain document: the text is the page content, the rest flat metadata. */
export function chunkToDocument(chunk: Chunk): Document<ChunkMetadata> {
  const { text, ...metadata } = chunk;
  return new Document({ pageContent: text, metadata, id: chunk.id });
}

/**
 * Back from a document (ours, or one a remote store returned): unknown or missing metadata
 * is tolerated, since a remote index may hold entries written by an older version.
 */
export function documentToChunk(doc: {
  pageContent: string;
  metadata: Record<string, unknown>;
  id?: string | undefined;
}): Chunk | null {
  const m = doc.metadata;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const id = str(m.id) || doc.id || "";
  const kind = KINDS.find((k) => k === m.kind);
  if (!id || !kind || typeof doc.pageContent !== "string") return null;
  return {
    id,
    broadcastId: str(m.broadcastId),
    kind,
    productKey: str(m.productKey),
    text: doc.pageContent,
    question: str(m.question),
    answer: str(m.answer),
  };
}
