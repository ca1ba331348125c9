import { describe, expect, it } from "vitest";
import { BroadcastList, BroadcastSummary } from "../../core/protocol/api.ts";
import { api, createBroadcast } from "./helpers.ts";

describe("auth", () => {
  it("refuses the API without a token or with a wrong one", async () => {
    for (const token of [null, "wrong-token"]) {
      const res = await api("/api/broadcasts", { token });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
  });

  it("refuses a query-string token, even beside a valid Bearer header", async () => {
    for (const token of [null, undefined]) {
      const res = await api("/api/broadcasts?token=test-admin-token", { token });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "token_in_url" } });
    }
  });

  it("does not let an ingest token manage broadcasts", async () => {
    const { ingestToken } = await createBroadcast();
    expect((await api("/api/broadcasts", { token: ingestToken })).status).toBe(401);
  });
});

describe("broadcasts", () => {
  it("creates, lists and reads a broadcast in D1", async () => {
    const { id, ingestToken } = await createBroadcast({ title: "겨울 니트 특가" });
    expect(id).toMatch(/^b-[0-9a-f]{8}$/);
    expect(ingestToken.length).toBeGreaterThanOrEqual(32);

    const one = BroadcastSummary.parse(await (await api(`/api/broadcasts/${id}`)).json());
    expect(one).toMatchObject({ id, title: "겨울 니트 특가", source: "ingest", status: "ready", chatCount: 0 });

    const list = BroadcastList.parse(await (await api("/api/broadcasts")).json());
    expect(list.broadcasts.map((b) => b.id)).toContain(id);
  });

  it("accepts a chosen id once and answers 409 after", async () => {
    await createBroadcast({ id: "spring-sale" });
    const again = await api("/api/broadcasts", {
      method: "POST",
      body: JSON.stringify({ id: "spring-sale", title: "x", source: "ingest" }),
    });
    expect(again.status).toBe(409);
  });

  it("reads the Naver broadcast id from the viewer URL", async () => {
    const { id } = await createBroadcast({
      source: "naver",
      naverUrl: "https://view.shoppinglive.naver.com/lives/1234567?tr=lim",
    });
    const one = BroadcastSummary.parse(await (await api(`/api/broadcasts/${id}`)).json());
    expect(one.naverId).toBe("1234567");
  });

  it("rejects invalid bodies with a clear message", async () => {
    const cases = [
      [{ title: "", source: "ingest" }, "title"],
      [{ title: "x", source: "tv" }, "source"],
      [{ title: "x", source: "naver" }, "naverUrl"],
      [{ title: "x", source: "naver", naverUrl: "https://example.com/lives/1" }, "naverUrl"],
      [{ title: "x", source: "ingest", id: "Bad Id!" }, "id"],
    ] as const;
    for (const [body, field] of cases) {
      const res = await api("/api/broadcasts", { method: "POST", body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await res.json()) as { error: { code: string; message: string } };
      expect(err.error.code).toBe("invalid_request");
      expect(err.error.message).toContain(field);
    }
  });

  it("answers 404 for an unknown broadcast and 400 for a malformed id", async () => {
    expect((await api("/api/broadcasts/b-nothere")).status).toBe(404);
    expect((await api("/api/broadcasts/NOT_VALID")).status).toBe(400);
  });
});
