/**
 * Flood rules over fixed windows, in memory, one tracker per broadcast (a hub restart forgets
 * them, which only lets a few more chats through): one nickname repeating, and one text from
 * many nicknames. Both are off until a manager sets them; then each chat costs one or two map
 * lookups, with no allocation for nicknames already seen.
 */
import type { ModerationSettings } from "./settings.ts";

const MAX_TRACKED = 5000;

interface Window {
  start: number;
  count: number;
}

interface TextWindow {
  start: number;
  nicknames: Set<string>;
}

export class FloodTracker {
  private readonly byNickname = new Map<string, Window>();
  private readonly byText = new Map<number, TextWindow>();

  /**
   * Records a chat and says which flood rule it breaks, if any. `textKey` is a small-integer
   * hash of the chat without spaces and `textLength` its length (short chats are never a text flood).
   */
  check(
    nickname: string,
    textKey: number,
    textLength: number,
    at: number,
    flood: ModerationSettings["flood"],
  ): "flood_nickname" | "flood_same_text" | null {
    if (flood.nicknameMaxChats > 0 && this.nicknameFlood(nickname, at, flood)) return "flood_nickname";
    return this.textFlood(nickname, textKey, textLength, at, flood) ? "flood_same_text" : null;
  }

  private nicknameFlood(nickname: string, at: number, flood: ModerationSettings["flood"]): boolean {
    let w = this.byNickname.get(nickname);
    if (w === undefined) {
      if (this.byNickname.size >= MAX_TRACKED) this.byNickname.clear();
      w = { start: at, count: 0 };
      this.byNickname.set(nickname, w);
    }
    if (at - w.start >= flood.nicknameWindowSeconds * 1000) {
      w.start = at;
      w.count = 0;
    }
    w.count++;
    return w.count >= flood.nicknameMaxChats;
  }

  private textFlood(
    nickname: string,
    textKey: number,
    textLength: number,
    at: number,
    flood: ModerationSettings["flood"],
  ): boolean {
    if (flood.sameTextNicknames === 0 || textLength < flood.sameTextMinLength) return false;
    let t = this.byText.get(textKey);
    if (t === undefined || at - t.start >= flood.sameTextWindowSeconds * 1000) {
      if (t === undefined && this.byText.size >= MAX_TRACKED) this.byText.clear();
      t = { start: at, nicknames: new Set() };
      this.byText.set(textKey, t);
    }
    t.nicknames.add(nickname);
    return t.nicknames.size >= flood.sameTextNicknames;
  }
}
