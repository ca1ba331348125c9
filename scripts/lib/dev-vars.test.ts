import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureAdminToken, parseDevVars } from "./dev-vars.ts";

describe("ensureAdminToken", () => {
  const file = () => path.join(mkdtempSync(path.join(tmpdir(), "liveq-")), ".dev.vars");

  it("generates a token once, keeps other vars and reuses it afterwards", () => {
    const f = file();
    writeFileSync(f, 'OTHER="x"');
    const first = ensureAdminToken(f);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(parseDevVars(readFileSync(f, "utf8"))).toEqual({ OTHER: "x", ADMIN_TOKEN: first.token });
    expect(ensureAdminToken(f)).toEqual({ token: first.token, created: false });
  });
});
