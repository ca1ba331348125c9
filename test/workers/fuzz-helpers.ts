import fc from "fast-check";
import { expect } from "vitest";
import { ApiError } from "../../core/protocol/api.ts";

/** Runs per property: enough to find shape bugs, few enough that each property takes seconds. */
export const RUNS = 25;

/** Any JSON value, small. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Values that break naive code: edge numbers, odd strings, wrong types. */
export const nasty = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1e308,
    -1e308,
    9e15,
    2 ** 53,
    1.5,
    "",
    " ",
    "\u0000",
    "=cmd|' /C calc'!A0",
    "＝1+1",
    "\uD800",
    "a".repeat(5000),
    "가".repeat(2000),
    [],
    {},
    [null],
    { __proto__: { x: 1 } },
    "../../etc/passwd",
    "<script>alert(1)</script>",
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  anyJson,
);

/**
 * Mutations of a valid example: one field replaced by a nasty value, removed, or an unknown
 * field added; or, for arrays of items (chats), one item mutated the same way.
 */
export function mutated(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  if (keys.length === 0) return fc.tuple(fc.string({ maxLength: 10 }), nasty).map(([key, value]) => ({ [key]: value }));
  const fieldOps = fc
    .tuple(fc.constantFrom(...keys), nasty, fc.constantFrom("replace", "delete", "add"))
    .map(([key, value, op]) => {
      const copy: Record<string, unknown> = { ...example };
      if (op === "replace") copy[key] = value;
      else if (op === "delete") delete copy[key];
      else copy[`x${key}`] = value;
      return copy;
    });
  const listKey = keys.find(
    (k) =>
      Array.isArray(example[k]) &&
      (example[k] as unknown[]).length > 0 &&
      typeof (example[k] as unknown[])[0] === "object",
  );
  if (!listKey) return fieldOps;
  const items = example[listKey] as Record<string, unknown>[];
  const itemOps = fc.tuple(fc.nat({ max: items.length - 1 }), mutated(items[0]!)).map(([i, item]) => {
    const list = [...items];
    list[i] = item as Record<string, unknown>;
    return { ...example, [listKey]: list };
  });
  return fc.oneof(fieldOps, itemOps);
}

/** A request body: a mutated example, any JSON, or text that is not JSON at all. */
export function bodyFor(example: Record<string, unknown> | null): fc.Arbitrary<string> {
  const json = (
    example
      ? fc.oneof(fc.constant(example), mutated(example), mutated(example), mutated(example), anyJson, nasty)
      : fc.oneof(anyJson, nasty)
  ).map((v) => JSON.stringify(v) ?? "null");
  const broken = fc.oneof(
    fc.string({ maxLength: 60 }),
    json.map((t) => t.slice(0, Math.max(0, t.length - 1))),
  );
  return fc.oneof({ weight: 4, arbitrary: json }, { weight: 1, arbitrary: broken });
}

/** A path parameter: sometimes valid-looking, often not (encoded, so the path stays one segment). */
export const pathParam = fc
  .oneof(
    fc.string({ maxLength: 70 }),
    fc.constantFrom("x", "0", "b-00000000", "A", "-", "..", "%", "a".repeat(65), "99999999999999999999999"),
    fc.stringMatching(/^[a-z0-9-]{1,70}$/),
    fc.bigInt({ min: 0n, max: 10n ** 21n }).map(String),
  )
  .map((s) => encodeURIComponent(s) || "x");

/** Answers that are never a server error, and errors that keep the API's one shape. */
export async function expectSafeAnswer(res: Response, what: string): Promise<void> {
  const text = await res.text();
  // 503 browser_unavailable is the documented answer to a browser capture without the BROWSER binding.
  const documented = res.status === 503 && text.includes("browser_unavailable");
  expect(res.status < 500 || documented, `${what} → ${res.status} ${text.slice(0, 200)}`).toBe(true);
  if (res.status >= 400) {
    expect(ApiError.safeParse(JSON.parse(text)).success, `${what} → ${res.status} ${text.slice(0, 200)}`).toBe(true);
  }
}
