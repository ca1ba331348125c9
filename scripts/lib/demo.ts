import { readFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { BenefitsPut, ProductUpsert } from "../../core/answers/catalogue.ts";
import { NewQna } from "../../core/answers/api.ts";
import { ROOT } from "./corpus.ts";

/**
 * The demo show `npm start` runs (data/demo): a winter-outerwear broadcast with products,
 * detail lines, notes, past Q&A and benefits, and a rehearsal replaying data/demo/chat.tsv,
 * questions about them in many wordings (and some the knowledge does not answer).
 */
const DemoScenario = z.object({
  title: z.string(),
  description: z.string(),
  notes: z.array(z.string()),
  products: z.array(ProductUpsert.extend({ key: z.string() })),
  qna: z.array(NewQna),
  coupons: BenefitsPut.shape.coupons,
  benefits: BenefitsPut.shape.benefits,
});
export type DemoScenario = z.infer<typeof DemoScenario>;

export function loadDemoScenario(file = path.join(ROOT, "data/demo/broadcast.json")): DemoScenario {
  return DemoScenario.parse(JSON.parse(readFileSync(file, "utf8")));
}

async function call(base: string, token: string, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function expectOk(res: Response, what: string): Promise<void> {
  if (!res.ok) throw new Error(`demo: ${what}: ${res.status} ${await res.text()}`);
}

/**
 * Creates the demo broadcast (if missing), gives it the scenario's knowledge (if it has no
 * products yet, so a restart does not add the Q&A twice) and starts its rehearsal.
 */
export async function startDemo(
  base: string,
  token: string,
  options: { id?: string; ratePerMin?: number } = {},
): Promise<string> {
  const id = options.id ?? "demo";
  const demo = loadDemoScenario();
  const created = await call(base, token, "POST", "/api/broadcasts", { id, title: demo.title, source: "replay" });
  if (created.status !== 201 && created.status !== 409)
    throw new Error(`demo: could not create the broadcast: ${await created.text()}`);
  const listed = await call(base, token, "GET", `/api/broadcasts/${id}/products`);
  await expectOk(listed, "products");
  if (((await listed.json()) as { products: unknown[] }).products.length === 0)
    await seedKnowledge(base, token, id, demo);
  const rehearsal = await call(base, token, "POST", `/api/broadcasts/${id}/capture`, {
    kind: "replay",
    ratePerMin: options.ratePerMin ?? 300,
    corpus: "demo",
  });
  if (rehearsal.status !== 202) throw new Error(`demo: could not start the rehearsal: ${await rehearsal.text()}`);
  return id;
}

async function seedKnowledge(base: string, token: string, id: string, demo: DemoScenario): Promise<void> {
  const api = (method: string, route: string, body: unknown) =>
    call(base, token, method, `/api/broadcasts/${id}${route}`, body);
  await expectOk(
    await api("PATCH", "/knowledge", { title: demo.title, description: demo.description, notes: demo.notes }),
    "knowledge",
  );
  for (const { key, ...product } of demo.products)
    await expectOk(await api("PUT", `/products/${key}`, product), `product ${key}`);
  for (const qna of demo.qna) await expectOk(await api("POST", "/qna", qna), "Q&A");
  await expectOk(await api("PUT", "/benefits", { coupons: demo.coupons, benefits: demo.benefits }), "benefits");
}
