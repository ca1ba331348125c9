/**
 * Off-platform contact handles: a messenger name (카톡, 텔레그램, 오픈채팅, …) beside an ID written
 * in Latin letters (`카톡 cash77`, `ㅋㅌ cash77` in 초성, `라인 아이디 nightcat` — 라인 only with 아이디: 허리 라인 is a waist, `텔레 @fastjob`, `winpick 카톡 주세요`). Side-job, loan and
 * gambling spam moves viewers to a messenger this way, with no link for the link rule to see.
 * Runs only on chats with a few Latin letters (scan.ts), about 1% of shopping chat.
 */

/** Messenger names; 텔레 not before 비 (텔레비전). */
const MESSENGER =
  "카톡|ㅋㅌ|카카오톡|텔레그램|텔레(?!비)|텔그|오픈채팅|오픈톡|오픈카톡|위챗|kakaotalk|telegram|wechat|라인\\s*(?:아이디|id)|line\\s*id";
/** An ID: optional @, a Latin letter, then 3+ letters, digits, `_` or `.`. */
const HANDLE = "@?[A-Za-z][A-Za-z0-9_.]{3,}";

const CONTACT = new RegExp(
  `(?:${MESSENGER})[^A-Za-z0-9@\\n]{0,8}${HANDLE}|${HANDLE}[^A-Za-z0-9\\n]{0,3}(?:카톡|텔레(?!비)|텔그)`,
  "iu",
);

/** Whether `text` gives a messenger handle to move the conversation off the platform. */
export function hasContactHandle(text: string): boolean {
  return CONTACT.test(text);
}
