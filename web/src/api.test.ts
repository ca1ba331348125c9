import { describe, expect, it } from "vitest";
import { CaptureAnswer, CrawlAnswer, NoContent } from "../../core/protocol/index.ts";
import { ApiFailure, readAnswer } from "./api.ts";

const crawl = {
  status: "paused",
  nextPage: 2,
  productsTotal: 3,
  productsLeft: 1,
  qnaStored: 12,
  secretSkipped: 1,
  requests: 9,
  error: null,
  updatedAt: 1,
};

async function failure(p: Promise<unknown>): Promise<ApiFailure> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiFailure)) throw new Error(`expected an ApiFailure, got ${String(err)}`);
  return err;
}

describe("readAnswer: the dashboard parses answers with the routes' shared schemas", () => {
  it("answers the parsed body when it matches", async () => {
    expect(await readAnswer(CrawlAnswer, "/api/broadcasts/b/setup", Response.json({ crawl }))).toEqual({ crawl });
    expect(await readAnswer(NoContent, "/api/members/m", new Response(null, { status: 204 }))).toBeNull();
  });

  it("names the route and the field when an answer drifted from its schema", async () => {
    const { productsLeft: _, ...renamed } = crawl;
    const err = await failure(
      readAnswer(CrawlAnswer, "/api/broadcasts/b/setup", Response.json({ crawl: { ...renamed, left: 1 } })),
    );
    expect(err).toMatchObject({ status: 200, code: "bad_response" });
    expect(err.message).toContain("/api/broadcasts/b/setup");
    expect(err.message).toContain("crawl.productsLeft");
    // The capture answer is `{status}`; the old guesses (a bare status, `{capture}`) are refused, not read as null.
    expect((await failure(readAnswer(CaptureAnswer, "/c", Response.json({ capture: null })))).code).toBe(
      "bad_response",
    );
  });

  it("refuses a body that is not JSON, and a 200 where no content was expected", async () => {
    expect((await failure(readAnswer(CrawlAnswer, "/s", new Response("<html>", { status: 200 })))).code).toBe(
      "bad_response",
    );
    expect((await failure(readAnswer(NoContent, "/m", Response.json({ ok: true })))).code).toBe("bad_response");
  });

  it("throws the server's error code, or the status when the body is no API error", async () => {
    expect(
      await failure(
        readAnswer(
          CrawlAnswer,
          "/s",
          Response.json({ error: { code: "not_found", message: "no such broadcast" } }, { status: 404 }),
        ),
      ),
    ).toMatchObject({ status: 404, code: "not_found", message: "no such broadcast" });
    expect(
      await failure(
        readAnswer(CrawlAnswer, "/s", new Response("bad gateway", { status: 502, statusText: "Bad Gateway" })),
      ),
    ).toMatchObject({ status: 502, code: "http_502" });
  });
});
