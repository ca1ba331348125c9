import { Hono, type MiddlewareHandler } from "hono";
import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { KnowledgePatch, NewQna, ProductDetails, QnaPatch } from "../../core/answers/api.ts";
import { BroadcastId } from "../../core/protocol/api.ts";
import type { Knowledge, ProductDetailsSaved, ProductList, QnaList, QnaSaved } from "../../core/protocol/responses.ts";
import { loadKnowledge } from "../../server/answers/knowledge-db.ts";
import {
  addManualQna,
  editManualQna,
  listProducts,
  listQna,
  patchBroadcastText,
  setProductDetails,
} from "../../server/answers/knowledge-edits.ts";
import { reindexBroadcast } from "../../server/answers/service.ts";
import { requirePermission } from "../auth.ts";
import type { AppContext, AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { validate } from "../validate.ts";

const IdParam = z.object({ id: BroadcastId });
const ProductParam = z.object({ id: BroadcastId, key: z.string().min(1).max(64) });
const QnaParam = z.object({ id: BroadcastId, qnaId: z.string().min(1).max(100) });

async function requireKnowledge(c: AppContext, id: string): Promise<Knowledge> {
  const knowledge = await loadKnowledge(drizzle(c.env.DB), id);
  if (!knowledge) throw new AppError("not_found", 404, "no such broadcast");
  return knowledge;
}

const readKnowledge = requirePermission("broadcast.read");
const editKnowledge = requirePermission("knowledge.edit");
/** Every member reads the knowledge; changing it takes `knowledge.edit`. */
const knowledgeAccess: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.method === "GET" ? readKnowledge(c, next) : editKnowledge(c, next);

/**
 * The knowledge managers edit for answering: the broadcast's text, product detail lines and
 * manual Q&A. Every change re-indexes the broadcast incrementally (only changed chunks).
 */
export const knowledgeRoutes = new Hono<AppEnv>()
  .use("/:id/knowledge", knowledgeAccess)
  .use("/:id/products/*", knowledgeAccess)
  .use("/:id/products", knowledgeAccess)
  .use("/:id/qna/*", knowledgeAccess)
  .use("/:id/qna", knowledgeAccess)
  .get("/:id/knowledge", validate("param", IdParam), async (c) =>
    c.json(await requireKnowledge(c, c.req.valid("param").id)),
  )
  .patch("/:id/knowledge", validate("param", IdParam), validate("json", KnowledgePatch), async (c) => {
    const { id } = c.req.valid("param");
    if (!(await patchBroadcastText(drizzle(c.env.DB), id, c.req.valid("json"), Date.now()))) {
      throw new AppError("not_found", 404, "no such broadcast");
    }
    await reindexBroadcast(c.env, id);
    return c.json(await requireKnowledge(c, id));
  })
  .get("/:id/products", validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    await requireKnowledge(c, id);
    return c.json({ products: await listProducts(drizzle(c.env.DB), id) } satisfies ProductList);
  })
  .put("/:id/products/:key/details", validate("param", ProductParam), validate("json", ProductDetails), async (c) => {
    const { id, key } = c.req.valid("param");
    const { details } = c.req.valid("json");
    if (!(await setProductDetails(drizzle(c.env.DB), id, key, details, Date.now()))) {
      throw new AppError("not_found", 404, "no such product in this broadcast");
    }
    await reindexBroadcast(c.env, id);
    return c.json({ key, details } satisfies z.infer<typeof ProductDetailsSaved>);
  })
  .get("/:id/qna", validate("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    await requireKnowledge(c, id);
    return c.json({ qna: await listQna(drizzle(c.env.DB), id) } satisfies QnaList);
  })
  .post("/:id/qna", validate("param", IdParam), validate("json", NewQna), async (c) => {
    const { id } = c.req.valid("param");
    await requireKnowledge(c, id);
    const body = c.req.valid("json");
    const qnaId = await addManualQna(drizzle(c.env.DB), id, { ...body, productKey: body.productKey ?? "" }, Date.now());
    await reindexBroadcast(c.env, id);
    return c.json({ id: qnaId } satisfies z.infer<typeof QnaSaved>, 201);
  })
  .put("/:id/qna/:qnaId", validate("param", QnaParam), validate("json", QnaPatch), async (c) => {
    const { id, qnaId } = c.req.valid("param");
    if (!(await editManualQna(drizzle(c.env.DB), id, qnaId, c.req.valid("json"), Date.now()))) {
      throw new AppError("not_found", 404, "no such manual Q&A (crawled pairs are read-only)");
    }
    await reindexBroadcast(c.env, id);
    return c.json({ id: qnaId } satisfies z.infer<typeof QnaSaved>);
  });
