import { describePrice } from "./facts.ts";
import { textId } from "./hash.ts";
import { shortProductName } from "./sentence.ts";
import type { Chunk, ChunkKind, KnowledgeSet, ProductKnowledge, QnaKnowledge } from "./types.ts";

/**
 * Splits a broadcast's knowledge into retrievable chunks with stable ids: the same text
 * gives the same id, so re-indexing after an edit touches only what changed.
 */
export function knowledgeChunks(set: KnowledgeSet): Chunk[] {
  const b = set.broadcastId;
  const chunks: Chunk[] = [];
  const about = [set.title, set.description].filter((t) => t.trim()).join("\n");
  if (about) chunks.push(chunk(b, "broadcast", `${b}:broadcast`, "", about));
  for (const note of lines(set.notes)) chunks.push(chunk(b, "note", `${b}:note:${textId(note)}`, "", note));
  for (const line of lines(set.benefits)) {
    const kind = benefitKind(line);
    chunks.push(chunk(b, kind, `${b}:${kind}:${textId(line)}`, "", line));
  }
  for (const product of set.products) chunks.push(...productChunks(b, product));
  for (const qna of set.qna) chunks.push(qnaChunk(b, "qna", qna));
  for (const answer of set.answers) chunks.push(qnaChunk(b, "answer", answer));
  return chunks;
}

/** A coupon line ("… 쿠폰 …") or another benefit. */
export function benefitKind(line: string): "coupon" | "benefit" {
  return /쿠폰|coupon/i.test(line) ? "coupon" : "benefit";
}

/** The product's summary (name, price, status) and one chunk per detail line. */
export function productChunks(broadcastId: string, product: ProductKnowledge): Chunk[] {
  const prefix = `${broadcastId}:product:${product.key}`;
  const summary = [product.name, product.brandName, describePrice(product), statusText(product.status)]
    .filter(Boolean)
    .join(" · ");
  const out = [chunk(broadcastId, "product", `${prefix}:summary`, product.key, summary)];
  // Detail lines carry the product's short name: retrieval (and a chat model reading the
  // sources) must know which product "소재: 면 100%" is about.
  const name = shortProductName(product.name);
  for (const line of lines(product.details)) {
    out.push(chunk(broadcastId, "product", `${prefix}:detail:${textId(line)}`, product.key, `${name} · ${line}`));
  }
  return out;
}

function qnaChunk(broadcastId: string, kind: "qna" | "answer", qna: QnaKnowledge): Chunk {
  return {
    ...chunk(
      broadcastId,
      kind,
      `${broadcastId}:${kind}:${qna.id}`,
      qna.productKey ?? "",
      `Q: ${qna.question}\nA: ${qna.answer}`,
    ),
    question: qna.question,
    answer: qna.answer,
  };
}

function chunk(broadcastId: string, kind: ChunkKind, id: string, productKey: string, text: string): Chunk {
  return { id, broadcastId, kind, productKey, text, question: "", answer: "" };
}

function lines(texts: string[]): string[] {
  return [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
}

function statusText(status: string | null | undefined): string {
  if (status === "OUTOFSTOCK") return "품절";
  if (status === "CLOSE") return "판매 종료";
  if (status === "SALE") return "판매 중";
  return "";
}
