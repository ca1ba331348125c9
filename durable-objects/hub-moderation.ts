import { type CompiledRules, DEFAULT_RULES, compileRules } from "../core/moderation/moderator.ts";
import { FloodTracker } from "../core/moderation/flood.ts";
import { ModerationSettings } from "../core/moderation/settings.ts";
import type { HoldCategory } from "../core/moderation/types.ts";
import type { BoardChat, BoardServerMessage, HeldChat } from "../core/protocol/board.ts";
import { type ChatRow, type HubLog, heldView, rowToChat } from "./hub-log.ts";

/** Held chats sent to a board when it goes live (the newest). */
const QUEUE_LIMIT = 200;
/** The nickname panel reads this many of the most recent chats, through the seq key (no nickname index on the hot path). */
const NICKNAME_WINDOW = 20_000;
const NICKNAME_RECENT = 20;
/** A nickname with this many held chats is marked as a repeat offender. */
export const REPEAT_OFFENDER_AT = 3;

type HeldRow = ChatRow & {
  held: HoldCategory;
  hold_state: HeldChat["state"];
  hold_score: number;
  hold_reasons: string;
};

/**
 * The hub's moderation state: the broadcast's rules (kept in meta, compiled once per
 * change), the held queue (the chats table's hold columns, through a partial index), a
 * moderator's allow/deny, the nickname panel and a manager's reveal of masked text.
 */
export class HubModeration {
  rules: CompiledRules = DEFAULT_RULES;
  /** This broadcast's flood windows (never shared with other hubs in the isolate). */
  readonly flood = new FloodTracker();
  private readonly sql: SqlStorage;
  private readonly log: HubLog;

  constructor(sql: SqlStorage, log: HubLog) {
    this.sql = sql;
    this.log = log;
    const stored = log.getMeta("moderation_settings");
    if (stored) {
      const parsed = ModerationSettings.safeParse(JSON.parse(stored));
      if (parsed.success) this.rules = compileRules(parsed.data);
    }
  }

  /** Validates and stores new rules; null when they are invalid. */
  setSettings(raw: unknown): ModerationSettings | null {
    const parsed = ModerationSettings.safeParse(raw);
    if (!parsed.success) return null;
    this.rules = compileRules(parsed.data);
    this.log.setMeta("moderation_settings", JSON.stringify(parsed.data));
    return parsed.data;
  }

  settingsFrame(): BoardServerMessage {
    return { type: "moderation-settings", settings: this.rules.settings as unknown as Record<string, unknown> };
  }

  /** The chats still waiting for a decision, oldest first (the newest QUEUE_LIMIT). */
  queue(): HeldChat[] {
    return this.sql
      .exec<HeldRow>(
        `SELECT * FROM (SELECT seq, comment_no, nickname, message, intent, confidence, at, held, hold_state, hold_score, hold_reasons
         FROM chats WHERE hold_state = 'held' ORDER BY seq DESC LIMIT ?) ORDER BY seq`,
        QUEUE_LIMIT,
      )
      .toArray()
      .map(toHeld);
  }

  /**
   * Allows or denies a held chat; the chat as it now shows (allowed: joins its column), or
   * null when it is not waiting (unknown, or decided already by another board).
   */
  decide(seq: number, decision: "allow" | "deny"): { chat: BoardChat; category: HoldCategory } | null {
    const row = this.sql
      .exec<HeldRow>(
        "SELECT seq, comment_no, nickname, message, intent, confidence, at, held, hold_state, hold_score, hold_reasons FROM chats WHERE seq = ? AND hold_state = 'held'",
        seq,
      )
      .toArray()[0];
    if (!row) return null;
    this.sql.exec("UPDATE chats SET hold_state = ? WHERE seq = ?", decision === "allow" ? "allowed" : "denied", seq);
    this.log.addCounters(decision === "allow" ? { allowed: 1 } : { denied: 1 });
    return { chat: rowToChat(row), category: row.held };
  }

  /** A nickname's recent chats (masked, with their moderation state) and its held count. */
  nickname(nickname: string): Extract<BoardServerMessage, { type: "nickname" }> {
    const rows = this.sql
      .exec<HeldRow>(
        `SELECT seq, comment_no, nickname, message, intent, confidence, at, held, hold_state, hold_score, hold_reasons FROM chats
         WHERE seq > ? AND nickname = ? ORDER BY seq DESC LIMIT ?`,
        this.log.lastSeq - NICKNAME_WINDOW,
        nickname,
        NICKNAME_RECENT,
      )
      .toArray();
    const held = this.sql
      .exec<{ n: number }>("SELECT count(*) AS n FROM chats WHERE hold_state IS NOT NULL AND nickname = ?", nickname)
      .one().n;
    return {
      type: "nickname",
      nickname,
      chats: rows.map((r) => ({ ...rowToChat(r), state: r.hold_state ?? null, category: r.held ?? null })),
      held,
      repeatOffender: held >= REPEAT_OFFENDER_AT,
    };
  }

  /** The unmasked text of a chat (a manager's deliberate reveal, audited by the route); null when unknown. */
  reveal(seq: number): { seq: number; message: string; category: string | null } | null {
    const row = this.sql
      .exec<{ message: string; held: string | null }>("SELECT message, held FROM chats WHERE seq = ?", seq)
      .toArray()[0];
    return row ? { seq, message: row.message, category: row.held } : null;
  }
}

function toHeld(r: HeldRow): HeldChat {
  return heldView(
    rowToChat({ ...r, held: null }),
    r.held,
    r.hold_score,
    r.hold_reasons ? r.hold_reasons.split(",") : [],
    r.hold_state,
  );
}
