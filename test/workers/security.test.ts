import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { can, type Permission, type Role } from "../../core/auth/roles.ts";
import { addMember, signIn, withCookie } from "./auth-helpers.ts";
import { ADMIN, api, chat, createBroadcast, openSocket } from "./helpers.ts";

const OWN_ORIGIN = "http://liveq.test";

/** Every route a member can call, with the permission it needs and a harmless valid request. */
function routes(
  id: string,
  memberId: string,
): { name: string; permission: Permission; path: string; init?: RequestInit }[] {
  const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
  return [
    { name: "list broadcasts", permission: "broadcast.read", path: "/api/broadcasts" },
    { name: "read a broadcast", permission: "broadcast.read", path: `/api/broadcasts/${id}` },
    { name: "list answers", permission: "broadcast.read", path: `/api/broadcasts/${id}/answers` },
    { name: "read knowledge", permission: "broadcast.read", path: `/api/broadcasts/${id}/knowledge` },
    { name: "capture status", permission: "broadcast.read", path: `/api/broadcasts/${id}/capture` },
    { name: "export CSV", permission: "broadcast.export", path: `/api/broadcasts/${id}/chats.csv` },
    { name: "export JSONL", permission: "broadcast.export", path: `/api/broadcasts/${id}/chats.jsonl` },
    {
      name: "create a broadcast",
      permission: "broadcast.setup",
      path: "/api/broadcasts",
      init: json("POST", { title: "t", source: "ingest" }),
    },
    {
      name: "stop capture",
      permission: "capture.run",
      path: `/api/broadcasts/${id}/capture`,
      init: { method: "DELETE" },
    },
    {
      name: "send chats",
      permission: "capture.run",
      path: `/api/broadcasts/${id}/chats`,
      init: json("POST", { type: "chats", source: "t", chats: [chat(1)] }),
    },
    {
      name: "issue an ingest token",
      permission: "ingest-token.manage",
      path: `/api/broadcasts/${id}/ingest-tokens`,
      init: { method: "POST" },
    },
    {
      name: "edit knowledge",
      permission: "knowledge.edit",
      path: `/api/broadcasts/${id}/knowledge`,
      init: json("PATCH", { notes: ["메모"] }),
    },
    {
      name: "add manual Q&A",
      permission: "knowledge.edit",
      path: `/api/broadcasts/${id}/qna`,
      init: json("POST", { question: "q?", answer: "a." }),
    },
    {
      name: "draft an answer",
      permission: "answer.publish",
      path: `/api/broadcasts/${id}/answers/draft`,
      init: json("POST", { question: "배송?" }),
    },
    {
      name: "publish an answer",
      permission: "answer.publish",
      path: `/api/broadcasts/${id}/answers`,
      init: json("POST", { question: "q?", answer: "a." }),
    },
    { name: "list members", permission: "member.manage", path: "/api/members" },
    {
      name: "add an owner",
      permission: "member.manage",
      path: "/api/members",
      init: json("POST", { name: "me too", role: "owner" }),
    },
    { name: "read the audit log", permission: "audit.read", path: "/api/audit" },
    // Last: once it succeeds the victim is gone.
    {
      name: "revoke a member",
      permission: "member.manage",
      path: `/api/members/${memberId}`,
      init: { method: "DELETE" },
    },
  ];
}

describe("role escalation", () => {
  for (const role of ["owner", "manager", "moderator", "analyst"] as const satisfies readonly Role[]) {
    it(`role ${role} gets 403 for every route beyond the role, and through for the rest (token and session)`, {
      timeout: 60_000,
    }, async () => {
      const { id } = await createBroadcast();
      const victim = await addMember("analyst");
      const member = role === "owner" ? { token: ADMIN } : await addMember(role);
      const { cookie } = await signIn(member.token);
      for (const route of routes(id, victim.id)) {
        for (const via of ["token", "session"] as const) {
          const res =
            via === "token"
              ? await api(route.path, { ...route.init, token: member.token })
              : await withCookie(route.path, cookie, route.init);
          const label = `${role} ${via}: ${route.name} → ${res.status}`;
          if (can(role, route.permission)) {
            expect([401, 403], label).not.toContain(res.status);
            expect(res.status, label).toBeLessThan(500);
          } else {
            expect(res.status, label).toBe(403);
            expect(await res.json(), label).toMatchObject({ error: { code: "forbidden" } });
          }
          if (route.name === "revoke a member" && res.status === 204) return; // owner: victim gone, nothing more to try
        }
      }
    });
  }

  it("board messages beyond the role are refused on the socket, and nothing changes", async () => {
    const { id } = await createBroadcast();
    const expected: Record<Exclude<Role, "owner">, { claim: string; triage: string }> = {
      manager: { claim: "ok", triage: "unknown_cluster" },
      moderator: { claim: "forbidden", triage: "unknown_cluster" },
      analyst: { claim: "forbidden", triage: "forbidden" },
    };
    const watcher = await openSocket(`/api/broadcasts/${id}/board`);
    watcher.send({ type: "hello", lastSeq: 0 });
    for (const [role, outcome] of Object.entries(expected)) {
      const board = await openSocket(`/api/broadcasts/${id}/board`, (await addMember(role as Role)).token);
      board.send({ type: "hello", lastSeq: 0 });
      board.send({ type: "cluster-status", id: "c-none", status: "dismissed" });
      const triage = await board.until((m) => m.some((x) => x.type === "error"));
      expect(triage.find((x) => x.type === "error")?.code, `${role} triage`).toBe(outcome.triage);
      board.send({ type: "claim", clusterId: `c-${role}` });
      board.send({ type: "ping" });
      const after = await board.until((m) => m.some((x) => x.type === "pong"));
      const refused = after
        .filter((x) => x.type === "error")
        .some((x) => x.code === "forbidden" && after.indexOf(x) > after.findIndex((y) => y.type === "error"));
      expect(refused, `${role} claim refused`).toBe(outcome.claim === "forbidden");
      board.close();
    }
    // Only the manager's claim reached the other boards.
    await watcher.until((m) =>
      m.some(
        (x) => x.type === "claims" && (x.items as { clusterId: string }[]).some((c) => c.clusterId === "c-manager"),
      ),
    );
    const claims = watcher.messages
      .filter((x) => x.type === "claims")
      .flatMap((x) => x.items as { clusterId: string }[]);
    expect(claims.some((c) => c.clusterId === "c-moderator" || c.clusterId === "c-analyst")).toBe(false);
  });
});

describe("credentials in URLs", () => {
  it("refuses ?token= on every kind of route with 401 and the error shape, whatever else is sent", async () => {
    const { id, ingestToken } = await createBroadcast();
    const paths = [
      "/api/health",
      "/api/me",
      "/api/broadcasts",
      `/api/broadcasts/${id}/chats.csv`,
      "/api/members",
      "/api/audit",
      `/api/viewer/broadcasts/${id}`,
      "/api/nowhere",
    ];
    for (const path of paths) {
      for (const param of [`token=${ADMIN}`, "access_token=x"]) {
        const res = await api(`${path}?${param}`);
        expect(res.status, path).toBe(401);
        expect(await res.json(), path).toMatchObject({ error: { code: "token_in_url" } });
      }
    }
    for (const [kind, token] of [
      ["board", ADMIN],
      ["ingest", ingestToken],
    ] as const) {
      await expect(openSocket(`/api/broadcasts/${id}/${kind}?token=${token}`, null)).rejects.toThrow(
        /401.*token_in_url/,
      );
    }
  });
});

describe("cross-site socket upgrades", () => {
  it("refuses a board upgrade from a foreign Origin with the session cookie or a token", async () => {
    const { id } = await createBroadcast();
    const { cookie } = await signIn(ADMIN);
    for (const origin of ["https://evil.example", "http://liveq.test.evil.example", "null"]) {
      await expect(openSocket(`/api/broadcasts/${id}/board`, null, { cookie, origin })).rejects.toThrow(
        /403.*forbidden_origin/,
      );
      await expect(openSocket(`/api/broadcasts/${id}/board`, ADMIN, { origin })).rejects.toThrow(
        /403.*forbidden_origin/,
      );
    }
    // A cookie without any Origin is not a browser on the app's page either.
    await expect(openSocket(`/api/broadcasts/${id}/board`, null, { cookie })).rejects.toThrow(/403/);
    const ok = await openSocket(`/api/broadcasts/${id}/board`, null, { cookie, origin: OWN_ORIGIN });
    await ok.until((m) => m.some((x) => x.type === "welcome"));
  });

  it("a page of another origin can neither sign this browser in nor out", async () => {
    const signInFromAfar = await api("/api/session", {
      method: "POST",
      token: null,
      body: JSON.stringify({ token: ADMIN }),
      headers: { origin: "https://evil.example" },
    });
    expect(signInFromAfar.status).toBe(403);
    expect(signInFromAfar.headers.get("set-cookie")).toBeNull();
    const { cookie } = await signIn(ADMIN);
    expect(
      (await withCookie("/api/session", cookie, { method: "DELETE", headers: { origin: "https://evil.example" } }))
        .status,
    ).toBe(403);
    expect((await withCookie("/api/me", cookie)).status).toBe(200);
  });

  it("refuses cookie-authenticated writes from a foreign Origin", async () => {
    const { cookie } = await signIn(ADMIN);
    const res = await withCookie("/api/broadcasts", cookie, {
      method: "POST",
      body: JSON.stringify({ title: "t", source: "ingest" }),
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(
      (
        await withCookie("/api/broadcasts", cookie, {
          method: "POST",
          body: JSON.stringify({ title: "t", source: "ingest" }),
        })
      ).status,
    ).toBe(201);
  });
});

describe("revocation", () => {
  it("a revoked member is refused at once: token, session, and open board sockets close", async () => {
    const { id } = await createBroadcast();
    const member = await addMember("manager");
    const { cookie } = await signIn(member.token);
    const byToken = await openSocket(`/api/broadcasts/${id}/board`, member.token);
    const byCookie = await openSocket(`/api/broadcasts/${id}/board`, null, { cookie, origin: OWN_ORIGIN });
    const other = await createBroadcast();
    const elsewhere = await openSocket(`/api/broadcasts/${other.id}/board`, member.token);
    const bystander = await openSocket(`/api/broadcasts/${id}/board`);
    for (const s of [byToken, byCookie, elsewhere, bystander])
      await s.until((m) => m.some((x) => x.type === "welcome"));

    expect((await api(`/api/members/${member.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await byToken.closed).toBe(1008);
    expect(await byCookie.closed).toBe(1008);
    expect(await elsewhere.closed).toBe(1008);
    expect((await api("/api/me", { token: member.token })).status).toBe(401);
    expect((await withCookie("/api/me", cookie)).status).toBe(401);
    expect(
      (await api("/api/session", { method: "POST", token: null, body: JSON.stringify({ token: member.token }) }))
        .status,
    ).toBe(401);
    await expect(openSocket(`/api/broadcasts/${id}/board`, member.token)).rejects.toThrow(/401/);
    // Others stay connected.
    bystander.send({ type: "ping" });
    await bystander.until((m) => m.some((x) => x.type === "pong"));
  });

  it("a revoked ingest token is refused at once, and its open ingest socket closes", async () => {
    const { id, ingestToken, ingestTokenId } = (await createBroadcast()) as {
      id: string;
      ingestToken: string;
      ingestTokenId: string;
    };
    const ingest = await openSocket(`/api/broadcasts/${id}/ingest`, ingestToken);
    ingest.send({ type: "chats", source: "t", chats: [chat(1)] });
    await ingest.until((m) => m.some((x) => x.type === "ack"));
    const spare = (await (await api(`/api/broadcasts/${id}/ingest-tokens`, { method: "POST" })).json()) as {
      token: string;
    };
    const other = await openSocket(`/api/broadcasts/${id}/ingest`, spare.token);

    expect((await api(`/api/broadcasts/${id}/ingest-tokens/${ingestTokenId}`, { method: "DELETE" })).status).toBe(204);
    expect(await ingest.closed).toBe(1008);
    await expect(openSocket(`/api/broadcasts/${id}/ingest`, ingestToken)).rejects.toThrow(/401/);
    expect(
      (
        await api(`/api/broadcasts/${id}/chats`, {
          method: "POST",
          token: ingestToken,
          body: JSON.stringify({ type: "chats", source: "t", chats: [chat(2)] }),
        })
      ).status,
    ).toBe(401);
    other.send({ type: "chats", source: "t", chats: [chat(3)] });
    await other.until((m) => m.some((x) => x.type === "ack" && x.accepted === 1));
  });
});

describe("expired sessions", () => {
  it("an expired session is refused on the API and on socket upgrades", async () => {
    const { id } = await createBroadcast();
    const member = await addMember("analyst");
    const { cookie } = await signIn(member.token);
    expect((await withCookie("/api/me", cookie)).status).toBe(200);
    // Expire it in D1 as time would (the cookie's own Max-Age is the browser's business).
    await env.DB.prepare("update sessions set expires_at = ? where member_id = ?")
      .bind(Date.now() - 1, member.id)
      .run();
    const res = await withCookie("/api/me", cookie);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "session_expired" } });
    await expect(openSocket(`/api/broadcasts/${id}/board`, null, { cookie, origin: OWN_ORIGIN })).rejects.toThrow(
      /401.*session_expired/,
    );
    // Signing in again works.
    expect((await withCookie("/api/me", (await signIn(member.token)).cookie)).status).toBe(200);
  });
});
