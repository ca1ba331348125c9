import { describe, expect, it } from "vitest";
import { BoardClientMessage } from "../protocol/board.ts";
import {
  BOARD_MESSAGE_PERMISSIONS,
  can,
  canSendBoardMessage,
  isRole,
  PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
} from "./roles.ts";
import { hasCredentialInQuery, originAllowed, parseOriginList } from "./origin.ts";

/** The table written out by hand, cell by cell: a change to roles.ts must be made here too. */
const EXPECTED: Record<Role, Record<Permission, boolean>> = {
  owner: Object.fromEntries(PERMISSIONS.map((p) => [p, true])) as Record<Permission, boolean>,
  manager: {
    "broadcast.read": true,
    "broadcast.export": true,
    "broadcast.setup": true,
    "broadcast.delete": false,
    "capture.run": true,
    "ingest-token.manage": true,
    "knowledge.edit": true,
    "answer.publish": true,
    "cluster.triage": true,
    "moderation.act": true,
    "member.manage": false,
    "audit.read": false,
    "settings.manage": false,
  },
  moderator: {
    "broadcast.read": true,
    "broadcast.export": false,
    "broadcast.setup": false,
    "broadcast.delete": false,
    "capture.run": false,
    "ingest-token.manage": false,
    "knowledge.edit": false,
    "answer.publish": false,
    "cluster.triage": true,
    "moderation.act": true,
    "member.manage": false,
    "audit.read": false,
    "settings.manage": false,
  },
  analyst: {
    "broadcast.read": true,
    "broadcast.export": true,
    "broadcast.setup": false,
    "broadcast.delete": false,
    "capture.run": false,
    "ingest-token.manage": false,
    "knowledge.edit": false,
    "answer.publish": false,
    "cluster.triage": false,
    "moderation.act": false,
    "member.manage": false,
    "audit.read": false,
    "settings.manage": false,
  },
};

describe("role → permission table", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      it(`${role} ${EXPECTED[role][permission] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(EXPECTED[role][permission]);
      });
    }
  }

  it("gives nothing to unknown or missing roles, including inherited object keys", () => {
    for (const role of ["admin", "ingest", "", "toString", "__proto__", "constructor", null, undefined]) {
      for (const permission of PERMISSIONS) expect(can(role, permission)).toBe(false);
    }
  });

  it("only the owner manages members, reads the audit log and deletes broadcasts", () => {
    for (const permission of ["member.manage", "audit.read", "broadcast.delete"] as const) {
      expect(ROLES.filter((r) => can(r, permission))).toEqual(["owner"]);
    }
  });

  it("recognises exactly the four roles", () => {
    expect(ROLES.filter(isRole)).toEqual(["owner", "manager", "moderator", "analyst"]);
    expect(isRole("admin")).toBe(false);
    expect(isRole(3)).toBe(false);
  });
});

describe("board messages", () => {
  const samples: BoardClientMessage[] = [
    { type: "hello", lastSeq: 0 },
    { type: "ping" },
    { type: "cluster-status", id: "c1", status: "dismissed" },
    { type: "claim", clusterId: "c1" },
    { type: "older", column: "question", beforeSeq: 10 },
    { type: "moderate", seq: 1, decision: "allow" },
    { type: "moderation-settings", settings: { sensitivity: 3 } },
    { type: "nickname", nickname: "민지" },
  ];

  it("has a sample for every message type", () => {
    expect(samples.map((m) => m.type).sort()).toEqual(Object.keys(BOARD_MESSAGE_PERMISSIONS).sort());
    for (const m of samples) expect(BoardClientMessage.safeParse(m).success).toBe(true);
  });

  const expected: Record<Role, string[]> = {
    owner: ["hello", "ping", "cluster-status", "claim", "older", "moderate", "moderation-settings", "nickname"],
    manager: ["hello", "ping", "cluster-status", "claim", "older", "moderate", "moderation-settings", "nickname"],
    moderator: ["hello", "ping", "cluster-status", "older", "moderate", "nickname"],
    analyst: ["hello", "ping", "older", "nickname"],
  };
  for (const role of ROLES) {
    it(`${role} may send ${expected[role].join(", ")}`, () => {
      expect(samples.filter((m) => canSendBoardMessage(role, m.type)).map((m) => m.type)).toEqual(expected[role]);
    });
  }

  it("a socket without a role may send nothing", () => {
    for (const m of samples) expect(canSendBoardMessage(undefined, m.type)).toBe(false);
  });
});

describe("origins", () => {
  it("keeps only bare origins from the allow-list", () => {
    expect(parseOriginList("https://a.example, https://b.example:8443 http://c.example/")).toEqual([
      "https://a.example",
      "https://b.example:8443",
      "http://c.example",
    ]);
    expect(parseOriginList("https://a.example/path *.example.com nonsense null")).toEqual([]);
    expect(parseOriginList(undefined)).toEqual([]);
  });

  it("allows the app's own origin and listed ones, never others or null", () => {
    const own = ["http://127.0.0.1:8787"];
    expect(originAllowed("http://127.0.0.1:8787", own, [])).toBe(true);
    expect(originAllowed("https://evil.example", own, [])).toBe(false);
    expect(originAllowed("http://127.0.0.1:8788", own, [])).toBe(false);
    expect(originAllowed("https://dash.example", own, ["https://dash.example"])).toBe(true);
    expect(originAllowed("null", own, ["null"])).toBe(false);
  });

  it("normalises origins and ignores default ports and case", () => {
    expect(originAllowed("HTTPS://Dash.Example:443", [], ["https://dash.example"])).toBe(true);
    expect(originAllowed("http://127.0.0.1:8787/", ["http://127.0.0.1:8787"], [])).toBe(true);
    expect(originAllowed("http://127.0.0.1:8787.evil.example", ["http://127.0.0.1:8787"], [])).toBe(false);
  });

  it("finds credentials in a query string", () => {
    expect(hasCredentialInQuery("?token=abc")).toBe(true);
    expect(hasCredentialInQuery("?client=x&access_token=")).toBe(true);
    expect(hasCredentialInQuery("?%74oken=abc")).toBe(true);
    expect(hasCredentialInQuery("?token")).toBe(true);
    expect(hasCredentialInQuery("?client=abc&tokens=1&x=token")).toBe(false);
    expect(hasCredentialInQuery("")).toBe(false);
  });
});
