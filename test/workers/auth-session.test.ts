import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { AuditList, MemberList } from "../../core/auth/api.ts";
import { addMember, signIn, withCookie } from "./auth-helpers.ts";
import { ADMIN, api, chat, createBroadcast, openSocket } from "./helpers.ts";

describe("sessions", () => {
  it("exchanges a token for an HttpOnly, SameSite=Strict session cookie that identifies the member", async () => {
    const member = await addMember("manager", { name: "김민지" });
    const { cookie, setCookie } = await signIn(member.token);
    expect(setCookie).toMatch(/^liveq_session=[A-Za-z0-9_-]{32,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=\d+/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP here; Secure over HTTPS (next test)
    expect(setCookie).not.toContain(member.token);
    const me = await withCookie("/api/me", cookie);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ id: member.id, name: "김민지", role: "manager" });
    // The token itself is never the cookie: two sign-ins give two sessions.
    expect((await signIn(member.token)).cookie).not.toBe(cookie);
  });

  it("marks the cookie Secure over HTTPS", async () => {
    const res = await api("/api/session", {
      method: "POST",
      token: null,
      body: JSON.stringify({ token: ADMIN }),
      headers: { "x-forwarded-proto": "https" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("signs the bootstrap owner in with ADMIN_TOKEN", async () => {
    const { cookie } = await signIn(ADMIN);
    expect(await (await withCookie("/api/me", cookie)).json()).toEqual({ id: "owner", name: "Owner", role: "owner" });
    expect(await (await api("/api/me")).json()).toMatchObject({ id: "owner", role: "owner" });
  });

  it("refuses a wrong token, an ingest token and a malformed body", async () => {
    const { ingestToken } = await createBroadcast();
    for (const token of ["wrong", ingestToken]) {
      const res = await api("/api/session", { method: "POST", token: null, body: JSON.stringify({ token }) });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const bad = await api("/api/session", { method: "POST", token: null, body: JSON.stringify({ secret: "x" }) });
    expect(bad.status).toBe(400);
  });

  it("signing out revokes the session on the server and clears the cookie", async () => {
    const { cookie } = await signIn((await addMember("analyst")).token);
    const out = await withCookie("/api/session", cookie, { method: "DELETE" });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^liveq_session=;.*Max-Age=0/);
    // A copy of the cookie kept elsewhere is no longer accepted.
    const me = await withCookie("/api/me", cookie);
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("signing out closes that session's board sockets", async () => {
    const { id } = await createBroadcast();
    const { cookie } = await signIn((await addMember("analyst")).token);
    const board = await openSocket(`/api/broadcasts/${id}/board`, null, { cookie, origin: "http://liveq.test" });
    await board.until((m) => m.some((x) => x.type === "welcome"));
    expect((await withCookie("/api/session", cookie, { method: "DELETE" })).status).toBe(204);
    expect(await board.closed).toBe(1008);
  });
});

describe("members", () => {
  it("adds members with hashed one-time tokens, lists them and revokes them", async () => {
    const m = await addMember("moderator", { name: "  박  서준 ", email: "Seojun@Example.com" });
    expect(m.token.length).toBeGreaterThanOrEqual(32);
    const listed = MemberList.parse(await (await api("/api/members")).json()).members.find((x) => x.id === m.id);
    expect(listed).toMatchObject({ name: "박 서준", role: "moderator", email: "seojun@example.com" });
    expect(JSON.stringify(listed)).not.toContain(m.token);
    const stored = await env.DB.prepare("select token_hash from members where id = ?")
      .bind(m.id)
      .first<{ token_hash: string }>();
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toBe(m.token);
    expect((await api(`/api/members/${m.id}`, { method: "DELETE" })).status).toBe(204);
    expect(MemberList.parse(await (await api("/api/members")).json()).members.some((x) => x.id === m.id)).toBe(false);
    expect((await api(`/api/members/${m.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("validates new members and keeps emails unique among active members", async () => {
    for (const body of [
      { name: "", role: "manager" },
      { name: "x", role: "admin" },
      { name: "x", role: "analyst", email: "not-an-email" },
    ]) {
      const res = await api("/api/members", { method: "POST", body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_request" } });
    }
    await addMember("analyst", { email: "dup@example.com" });
    const again = await api("/api/members", {
      method: "POST",
      body: JSON.stringify({ name: "y", role: "analyst", email: "DUP@example.com" }),
    });
    expect(again.status).toBe(409);
  });

  it("rotates a member's sign-in token: the old token, its sessions and sockets end; the new one works", async () => {
    const { id } = await createBroadcast();
    const m = await addMember("manager", { name: "교체 대상" });
    const { cookie } = await signIn(m.token);
    const board = await openSocket(`/api/broadcasts/${id}/board`, m.token);
    await board.until((x) => x.some((y) => y.type === "welcome"));
    const res = await api(`/api/members/${m.id}/token`, { method: "POST" });
    expect(res.status).toBe(201);
    const rotated = (await res.json()) as { id: string; token: string };
    expect(rotated.id).toBe(m.id);
    expect(rotated.token).not.toBe(m.token);
    expect(await board.closed).toBe(1008);
    expect((await api("/api/me", { token: m.token })).status).toBe(401);
    expect((await withCookie("/api/me", cookie)).status).toBe(401);
    expect(await (await api("/api/me", { token: rotated.token })).json()).toEqual({
      id: m.id,
      name: "교체 대상",
      role: "manager",
    });
    expect((await api(`/api/members/${m.id}/token`, { method: "POST", token: rotated.token })).status).toBe(403);
    expect((await api("/api/members/owner/token", { method: "POST" })).status).toBe(409);
    const audit = AuditList.parse(await (await api("/api/audit?limit=20")).json()).items;
    expect(audit.some((i) => i.action === "member.token-rotate" && i.target.startsWith(m.id))).toBe(true);
  });

  it("never removes the bootstrap owner", async () => {
    const res = await api("/api/members/owner", { method: "DELETE" });
    expect(res.status).toBe(409);
    expect((await api("/api/me")).status).toBe(200);
  });
});

describe("real names", () => {
  it("claims carry the member's name, not the one typed in", async () => {
    const { id } = await createBroadcast();
    const member = await addMember("manager", { name: "이하늘" });
    const board = await openSocket(`/api/broadcasts/${id}/board`, member.token);
    board.send({ type: "hello", lastSeq: 0 });
    board.send({ type: "claim", clusterId: "c-1", manager: "사칭" });
    const messages = await board.until((m) =>
      m.some((x) => x.type === "claims" && (x.items as unknown[]).length === 1),
    );
    expect(messages.filter((x) => x.type === "claims").at(-1)!.items).toEqual([
      { clusterId: "c-1", manager: "이하늘" },
    ]);
  });

  it("published answers carry the publisher's name", async () => {
    const { id } = await createBroadcast();
    const member = await addMember("manager", { name: "최유나" });
    const res = await api(`/api/broadcasts/${id}/answers`, {
      method: "POST",
      token: member.token,
      body: JSON.stringify({ question: "배송 언제?", answer: "내일 출발합니다." }),
    });
    expect(res.status).toBe(201);
    const { answer } = (await res.json()) as { answer: { id: string; publishedBy: unknown } };
    expect(answer.publishedBy).toEqual({ id: member.id, name: "최유나" });
    const listed = (await (await api(`/api/broadcasts/${id}/answers`)).json()) as {
      answers: { id: string; publishedBy: unknown }[];
    };
    expect(listed.answers.find((a) => a.id === answer.id)?.publishedBy).toEqual({ id: member.id, name: "최유나" });
  });
});

describe("audit log", () => {
  it("records publishes, edits, unpublishes, exports, member changes and token rotation with who and which broadcast", async () => {
    const { id } = await createBroadcast();
    const manager = await addMember("manager", { name: "감사 대상" });
    const published = await api(`/api/broadcasts/${id}/answers`, {
      method: "POST",
      token: manager.token,
      body: JSON.stringify({ question: "q?", answer: "a." }),
    });
    const answerId = ((await published.json()) as { answer: { id: string } }).answer.id;
    await api(`/api/broadcasts/${id}/answers/${answerId}`, {
      method: "PATCH",
      token: manager.token,
      body: JSON.stringify({ answer: "b." }),
    });
    await api(`/api/broadcasts/${id}/answers/${answerId}`, { method: "DELETE", token: manager.token });
    await api(`/api/broadcasts/${id}/chats`, {
      method: "POST",
      body: JSON.stringify({ type: "chats", source: "t", chats: [chat(1)] }),
    });
    expect((await api(`/api/broadcasts/${id}/chats.csv`, { token: manager.token })).status).toBe(200);
    const token = (await (
      await api(`/api/broadcasts/${id}/ingest-tokens`, { method: "POST", token: manager.token })
    ).json()) as { id: string };
    expect(
      (await api(`/api/broadcasts/${id}/ingest-tokens/${token.id}`, { method: "DELETE", token: manager.token })).status,
    ).toBe(204);

    const res = await api(`/api/audit?broadcastId=${id}&limit=50`);
    expect(res.status).toBe(200);
    const { items } = AuditList.parse(await res.json());
    const mine = items.filter((i) => i.actor.id === manager.id).map((i) => [i.action, i.target]);
    expect(mine.reverse()).toEqual([
      ["answer.publish", answerId],
      ["answer.edit", answerId],
      ["answer.unpublish", answerId],
      ["broadcast.export", "chats.csv"],
      ["ingest-token.create", token.id],
      ["ingest-token.revoke", token.id],
    ]);
    expect(items.every((i) => i.broadcastId === id && i.at > 0)).toBe(true);
    expect(items.find((i) => i.actor.id === manager.id)?.actor.name).toBe("감사 대상");
    expect(AuditList.parse(await (await api(`/api/audit?broadcastId=${id}&limit=2`)).json()).items).toHaveLength(2);

    const all = AuditList.parse(await (await api("/api/audit?limit=500")).json()).items;
    expect(
      all.some((i) => i.action === "member.add" && i.target.startsWith(manager.id) && i.actor.id === "owner"),
    ).toBe(true);
  });

  it("is the owner's to read", async () => {
    for (const role of ["manager", "moderator", "analyst"] as const) {
      const res = await api("/api/audit", { token: (await addMember(role)).token });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    }
    expect((await api("/api/audit?limit=0")).status).toBe(400);
  });
});

describe("ingest tokens", () => {
  it("issues new tokens that work at once and revokes old ones without touching the rest", async () => {
    const { id, ingestToken, ingestTokenId } = (await createBroadcast()) as {
      id: string;
      ingestToken: string;
      ingestTokenId: string;
    };
    const created = await api(`/api/broadcasts/${id}/ingest-tokens`, { method: "POST" });
    expect(created.status).toBe(201);
    const fresh = (await created.json()) as { id: string; token: string };
    const post = (token: string, n: number) =>
      api(`/api/broadcasts/${id}/chats`, {
        method: "POST",
        token,
        body: JSON.stringify({ type: "chats", source: "t", chats: [chat(n)] }),
      });
    expect((await post(fresh.token, 1)).status).toBe(200);
    expect((await api(`/api/broadcasts/${id}/ingest-tokens/${ingestTokenId}`, { method: "DELETE" })).status).toBe(204);
    expect((await post(ingestToken, 2)).status).toBe(401);
    expect((await post(fresh.token, 3)).status).toBe(200);
    expect((await api(`/api/broadcasts/${id}/ingest-tokens/${ingestTokenId}`, { method: "DELETE" })).status).toBe(404);
    // A token of one broadcast is no use on another.
    const other = await createBroadcast();
    expect(
      (
        await api(`/api/broadcasts/${other.id}/chats`, {
          method: "POST",
          token: fresh.token,
          body: JSON.stringify({ type: "chats", source: "t", chats: [] }),
        })
      ).status,
    ).toBe(401);
    expect((await api(`/api/broadcasts/${other.id}/ingest-tokens/${fresh.id}`, { method: "DELETE" })).status).toBe(404);
  });
});
