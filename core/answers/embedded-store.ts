import type { DocumentInterface } from "@langchain/core/documents";
import { Embeddings } from "@langchain/core/embeddings";
import { VectorStore } from "@langchain/core/vectorstores";
import { chunkToDocument, documentToChunk } from "./documents.ts";
import { RetrievalIndex, type ChunkFilter } from "./retrieval-index.ts";
import type { Chunk, Passage } from "./types.ts";
import { hashedVector, toDense, toSparse } from "./vectors.ts";

/** LangChain `Embeddings` over hashed character n-grams: no model, no network. */
export class HashedNgramEmbeddings extends Embeddings {
  constructor() {
    super({});
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => toDense(hashedVector(t)));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return toDense(hashedVector(text));
  }
}

/**
 * The embedded LangChain `VectorStore`: BM25 and hashed vectors fused when searched by text
 * (`similaritySearch`, retrievers), cosine alone when searched by a vector. Filters are
 * `ChunkFilter`s (broadcast, products, kinds).
 */
export class EmbeddedVectorStore extends VectorStore {
  declare FilterType: ChunkFilter;
  readonly index = new RetrievalIndex();

  constructor(embeddings: Embeddings = new HashedNgramEmbeddings()) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return "liveq-embedded";
  }

  /** Adds chunks directly (hashing inline, which is what the embeddings would do). */
  upsertChunks(chunks: readonly Chunk[]): void {
    this.index.upsert(chunks);
  }

  async addDocuments(documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    return this.addVectors(
      await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)),
      documents,
      options,
    );
  }

  async addVectors(
    vectors: number[][],
    documents: DocumentInterface[],
    options?: { ids?: string[] },
  ): Promise<string[]> {
    const chunks: Chunk[] = [];
    const sparse = [];
    for (const [i, doc] of documents.entries()) {
      const id = options?.ids?.[i] ?? doc.id;
      const chunk = documentToChunk({ ...doc, metadata: { kind: "note", ...doc.metadata, ...(id ? { id } : {}) } });
      if (!chunk) throw new Error(`document ${i} has no id: pass options.ids or metadata.id`);
      chunks.push(chunk);
      sparse.push(toSparse(vectors[i] ?? []));
    }
    this.index.upsert(chunks, sparse);
    return chunks.map((c) => c.id);
  }

  override async delete(params: { ids: string[] }): Promise<void> {
    this.index.remove(params.ids);
  }

  override async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: ChunkFilter,
  ): Promise<[DocumentInterface, number][]> {
    return this.index.searchVector(toSparse(query), k, filter).map((p) => [chunkToDocument(p.chunk), p.score]);
  }

  override async similaritySearchWithScore(
    query: string,
    k = 4,
    filter?: ChunkFilter,
  ): Promise<[DocumentInterface, number][]> {
    return this.searchPassages(query, k, filter).map((p) => [chunkToDocument(p.chunk), p.score]);
  }

  override async similaritySearch(query: string, k = 4, filter?: ChunkFilter): Promise<DocumentInterface[]> {
    return this.searchPassages(query, k, filter).map((p) => chunkToDocument(p.chunk));
  }

  /** The fused search as passages (chunks with scores), without the document round trip. */
  searchPassages(query: string, k: number, filter?: ChunkFilter): Passage[] {
    return this.index.search(query, k, filter);
  }
}
