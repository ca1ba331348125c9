/** Every user-visible string of the extension, Korean first; `en` has the same keys. */
const ko = {
  "overlay.title": "판매자 답변",
  "overlay.collapse": "접기",
  "overlay.expand": "펼치기",
  "overlay.pin": "고정",
  "overlay.unpin": "고정 해제",
  "overlay.dismiss": "닫기",
  "overlay.question": "질문",
  "overlay.answer": "답변",
  "overlay.new": "새 답변",
  "status.open": "연결됨",
  "status.connecting": "연결 중…",
  "status.retrying": "다시 연결하는 중…",
  "status.closed": "연결 안 됨",
  "popup.none": "열려 있는 쇼핑라이브 방송이 없습니다.",
  "popup.broadcast": "방송 {id} · 답변 {count}개",
  "popup.options": "설정",
  "popup.server": "서버: {url}",
  "options.title": "LiveQ 설정",
  "options.server": "LiveQ 서버 주소",
  "options.serverHint": "예: http://127.0.0.1:8787 (npm start 로 띄운 로컬 서버)",
  "options.language": "언어",
  "options.save": "저장",
  "options.saved": "저장했습니다. 열린 방송에 다시 연결합니다.",
  "options.invalid": "http:// 또는 https:// 로 시작하는 주소를 입력하세요.",
};

type Key = keyof typeof ko;

const en: Record<Key, string> = {
  "overlay.title": "Seller answers",
  "overlay.collapse": "Collapse",
  "overlay.expand": "Expand",
  "overlay.pin": "Pin",
  "overlay.unpin": "Unpin",
  "overlay.dismiss": "Dismiss",
  "overlay.question": "Q",
  "overlay.answer": "A",
  "overlay.new": "New answer",
  "status.open": "Connected",
  "status.connecting": "Connecting…",
  "status.retrying": "Reconnecting…",
  "status.closed": "Not connected",
  "popup.none": "No Shopping Live broadcast is open.",
  "popup.broadcast": "Broadcast {id} · {count} answers",
  "popup.options": "Settings",
  "popup.server": "Server: {url}",
  "options.title": "LiveQ settings",
  "options.server": "LiveQ server URL",
  "options.serverHint": "e.g. http://127.0.0.1:8787 (the local server of npm start)",
  "options.language": "Language",
  "options.save": "Save",
  "options.saved": "Saved. Open broadcasts reconnect.",
  "options.invalid": "Enter a URL starting with http:// or https://.",
};

/** Korean first: English only when the viewer chooses it in the options. */
export type Language = "ko" | "en";

/** A translator for one language; `{name}` placeholders are filled from `vars`. */
export function translator(lang: "ko" | "en") {
  const table: Record<Key, string> = lang === "en" ? en : ko;
  return (key: Key, vars: Record<string, string | number> = {}) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export type Translate = ReturnType<typeof translator>;
export type MessageKey = Key;
