import { env } from "cloudflare:workers";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { addMember } from "./auth-helpers.ts";
import { api, createBroadcast, openSocket } from "./helpers.ts";

const TEAM = env.TEST_ACCESS_URL;
const AUD = "test-access-aud";

type Jwk = JsonWebKey & { kid: string; alg: string };

async function teamKey(): Promise<Jwk> {
  return (await (await fetch(`${TEAM}/__test/key`)).json()) as Jwk;
}

async function certsFetches(): Promise<number> {
  return ((await (await fetch(`${TEAM}/__test/stats`)).json()) as { certsFetches: number }).certsFetches;
}

/** A key the team never published, under the team's current key id (a forger's best guess). */
async function forgerKey(kid: string): Promise<Jwk> {
  const pair = (await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  return { ...((await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey), kid, alg: "RS256" };
}

function claims(email: string | null, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    aud: [AUD],
    iss: TEAM,
    iat: now,
    nbf: now,
    exp: now + 600,
    type: "app",
    ...(email ? { email } : {}),
    ...overrides,
  };
}

function asAccess(assertion: string, path = "/api/me", init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("cf-access-jwt-assertion", assertion);
  return api(path, { ...init, headers, token: null });
}

describe("Cloudflare Access", () => {
  it("takes the member from a verified assertion, keyed by email", async () => {
    const member = await addMember("moderator", { name: "액세스 회원", email: "access.member@example.com" });
    const res = await asAccess(await sign(claims("Access.Member@example.com"), await teamKey()));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: member.id, name: "액세스 회원", role: "moderator" });
    // OWNER_EMAIL maps to the bootstrap owner.
    expect(await (await asAccess(await sign(claims("owner@liveq.test"), await teamKey()))).json()).toMatchObject({
      id: "owner",
      role: "owner",
    });
  });

  it("checks the role of an Access identity like any other", async () => {
    await addMember("analyst", { email: "access.analyst@example.com" });
    const assertion = await sign(claims("access.analyst@example.com"), await teamKey());
    expect((await asAccess(assertion, "/api/broadcasts")).status).toBe(200);
    expect(
      (
        await asAccess(assertion, "/api/broadcasts", {
          method: "POST",
          body: JSON.stringify({ title: "t", source: "ingest" }),
        })
      ).status,
    ).toBe(403);
  });

  it("authenticates board sockets with the assertion", async () => {
    const { id } = await createBroadcast();
    await addMember("analyst", { email: "access.socket@example.com" });
    const board = await openSocket(`/api/broadcasts/${id}/board`, null, {
      "cf-access-jwt-assertion": await sign(claims("access.socket@example.com"), await teamKey()),
    });
    await board.until((m) => m.some((x) => x.type === "welcome"));
  });

  it("refuses expired, wrong-audience, wrong-issuer, unsigned and wrongly signed assertions with 401", async () => {
    await addMember("manager", { email: "access.target@example.com" });
    const key = await teamKey();
    const now = Math.floor(Date.now() / 1000);
    const cases: Record<string, string> = {
      expired: await sign(
        claims("access.target@example.com", { iat: now - 7200, nbf: now - 7200, exp: now - 60 }),
        key,
      ),
      "wrong audience": await sign(claims("access.target@example.com", { aud: ["another-app"] }), key),
      "wrong issuer": await sign(
        claims("access.target@example.com", { iss: "https://other-team.cloudflareaccess.com" }),
        key,
      ),
      "no expiry": await sign(claims("access.target@example.com", { exp: undefined }), key),
      "wrong key, team's kid": await sign(claims("access.target@example.com"), await forgerKey(key.kid)),
      "wrong key, unknown kid": await sign(claims("access.target@example.com"), await forgerKey("forged-kid")),
      "HS256 with the public key": await sign(
        claims("access.target@example.com"),
        JSON.stringify({ kty: key.kty, n: key.n, e: key.e }),
        "HS256",
      ),
      garbage: "not.a.jwt",
    };
    for (const [name, assertion] of Object.entries(cases)) {
      const res = await asAccess(assertion);
      expect(res.status, name).toBe(401);
      expect(await res.json(), name).toMatchObject({ error: { code: "unauthorized" } });
    }
    // A forged assertion is refused even next to a valid token: it is never ignored.
    const withToken = await api("/api/me", { headers: { "cf-access-jwt-assertion": cases["wrong key, team's kid"]! } });
    expect(withToken.status).toBe(401);
  });

  it("refuses a valid identity whose email is not a member's with 403", async () => {
    const res = await asAccess(await sign(claims("stranger@example.com"), await teamKey()));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "not_a_member" } });
    const revoked = await addMember("manager", { email: "access.gone@example.com" });
    await api(`/api/members/${revoked.id}`, { method: "DELETE" });
    expect((await asAccess(await sign(claims("access.gone@example.com"), await teamKey()))).status).toBe(403);
  });

  it("caches the team's keys and picks up a rotated key", async () => {
    await addMember("analyst", { email: "access.rotation@example.com" });
    const before = await teamKey();
    expect((await asAccess(await sign(claims("access.rotation@example.com"), before))).status).toBe(200);
    const fetched = await certsFetches();
    for (let i = 0; i < 3; i++)
      expect((await asAccess(await sign(claims("access.rotation@example.com"), before))).status).toBe(200);
    expect(await certsFetches()).toBe(fetched);

    const rotated = (await (await fetch(`${TEAM}/__test/rotate`, { method: "POST" })).json()) as Jwk;
    expect(rotated.kid).not.toBe(before.kid);
    // The new key id is unknown to the cache: the Worker refetches the certs (after a short cooldown).
    await expect
      .poll(async () => (await asAccess(await sign(claims("access.rotation@example.com"), rotated))).status, {
        timeout: 10_000,
        interval: 500,
      })
      .toBe(200);
    expect(await certsFetches()).toBeGreaterThan(fetched);
    // The previous key stays published during the rotation, as Access does.
    expect((await asAccess(await sign(claims("access.rotation@example.com"), before))).status).toBe(200);
  });
});
