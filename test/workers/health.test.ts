import { describe, expect, it } from "vitest";
import { Health } from "../../core/protocol/api.ts";
import { api } from "./helpers.ts";

describe("GET /api/health", () => {
  it("tells anyone only that it is up", async () => {
    for (const token of [null, "wrong-token"]) {
      const res = await api("/api/health", { token });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    }
  });

  it("names the backend behind each interface to an authenticated manager", async () => {
    const res = await api("/api/health");
    expect(res.status).toBe(200);
    const body = Health.parse(await res.json());
    expect(body.backends?.intent).toMatch(/embedded|rules/);
    expect(body.backends?.retrieval).toBe("embedded");
  });

  it("answers unknown API routes with the one error shape", async () => {
    const res = await api("/api/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "no such route" } });
  });
});
