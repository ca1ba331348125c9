/**
 * Flood rules over a sliding window, in memory (a hub restart forgets them, which only
 * lets a few more chats through): one nickname repeating, and one text from many nicknames.
 */
import type { ModerationSettings } from "./settings.ts";

const MAX_TRACKED = 5000;

export class FloodTracker {
  private readonly byNickname = new Map<string, number[]>();
  private readonly byText = new Map<string, { first: number; nicknames: Set<string> }>();

  /** Records a chat and says which flood rule it breaks, if any. */
  check(nickname: string, textKey: string, textLength: number, at: number, flood: ModerationSettings["flood"]): "flood_nickname" | "flood_same_text" | null {
    const windowMs = flood.nicknameWindowSeconds * 1000;
    let times = this.byNickname.get(nickname);
    if (times === undefined) {
      if (this.byNickname.size >= MAX_TRACKED) this.byNickname.clear();
      times = [];
      this.byNickname.set(nickname, times);
    }
    while (times.length > 0 && times[0]! <= at - windowMs) times.shift();
    times.push(at);
    if (times.length > flood.nicknameMaxChats) times.shift();
    const nicknameFlood = times.length >= flood.nicknameMaxChats && at - times[0]! < windowMs;
    let textFlood = false;
    if (textLength >= flood.sameTextMinLength) {
      let entry = this.byText.get(textKey);
      if (entry === undefined || at - entry.first > flood.sameTextWindowSeconds * 1000) {
        if (this.byText.size >= MAX_TRACKED) this.byText.clear();
        entry = { first: at, nicknames: new Set() };
        this.byText.set(textKey, entry);
      }
      entry.nicknames.add(nickname);
      textFlood = entry.nicknames.size >= flood.sameTextNicknames;
    }
    return nicknameFlood ? "flood_nickname" : textFlood ? "flood_same_text" : null;
  }
}
