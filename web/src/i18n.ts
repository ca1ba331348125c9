import { computed, signal } from "@preact/signals";

/**
 * Every user-visible string of the dashboard, Korean first. `en` must have the same
 * keys (the type enforces it). `{name}` placeholders are filled by `t(key, vars)`.
 */
const ko = {
  "app.name": "LiveQ",
  "app.tagline": "라이브 커머스 채팅 코파일럿",
  "lang.toggle": "English",
  "lang.toggleLabel": "언어를 영어로 바꾸기",
  "login.title": "관리자 로그인",
  "login.hint": "서버를 시작할 때 출력된 관리자 토큰을 입력하세요.",
  "login.token": "관리자 토큰",
  "login.submit": "로그인",
  "login.checking": "확인 중…",
  "login.unauthorized": "토큰이 올바르지 않습니다. 다시 로그인하세요.",
  "login.unreachable": "서버에 연결할 수 없습니다.",
  "logout": "로그아웃",
  "health.backends": "백엔드: 분류 {intent} · 검색 {retrieval} · 답변 {drafting} · 수집 {capture}",
  "list.title": "방송",
  "list.empty": "아직 방송이 없습니다. 아래에서 만드세요.",
  "list.loading": "불러오는 중…",
  "list.refresh": "새로 고침",
  "list.col.title": "제목",
  "list.col.source": "소스",
  "list.col.status": "상태",
  "list.col.chats": "채팅 수",
  "list.col.created": "생성",
  "list.open": "보드 열기",
  "list.openLabel": "{title} 보드 열기",
  "source.ingest": "수집 소켓",
  "source.naver": "네이버 라이브",
  "source.replay": "리플레이",
  "status.ready": "준비",
  "status.live": "라이브",
  "status.ended": "종료",
  "create.title": "새 방송",
  "create.name": "제목",
  "create.source": "소스",
  "create.naverUrl": "네이버 쇼핑라이브 URL",
  "create.submit": "만들기",
  "create.creating": "만드는 중…",
  "create.done": "방송 {id}을(를) 만들었습니다. 수집 토큰(한 번만 표시): {token}",
  "board.back": "← 방송 목록",
  "board.question": "질문",
  "board.request": "요청",
  "board.general": "일반",
  "board.empty": "아직 채팅이 없습니다",
  "board.pending": "분류 중",
  "board.uncertain": "불확실",
  "board.total": "전체 {n}",
  "board.rate": "분당 {n}",
  "board.invalid": "무시한 메시지 {n}",
  "board.late": "늦게 도착한 채팅 {n}",
  "board.skipped": "너무 오래되어 건너뛴 채팅 {n}",
  "board.serverError": "서버 오류: {message}",
  "board.notFound": "방송을 찾을 수 없습니다.",
  "board.shown": "최근 {n}개 표시",
  "conn.connecting": "연결 중",
  "conn.open": "연결됨",
  "conn.reconnecting": "재연결 중",
  "conn.closed": "끊김",
  "conn.label": "연결 상태: {state}",
  "error.generic": "오류: {message}",
} as const;

export type MessageKey = keyof typeof ko;

const en: Record<MessageKey, string> = {
  "app.name": "LiveQ",
  "app.tagline": "Live-commerce chat copilot",
  "lang.toggle": "한국어",
  "lang.toggleLabel": "Switch the language to Korean",
  "login.title": "Manager sign-in",
  "login.hint": "Enter the admin token printed when the server started.",
  "login.token": "Admin token",
  "login.submit": "Sign in",
  "login.checking": "Checking…",
  "login.unauthorized": "The token was not accepted. Please sign in again.",
  "login.unreachable": "Cannot reach the server.",
  logout: "Sign out",
  "health.backends": "Backends: intent {intent} · retrieval {retrieval} · drafting {drafting} · capture {capture}",
  "list.title": "Broadcasts",
  "list.empty": "No broadcasts yet. Create one below.",
  "list.loading": "Loading…",
  "list.refresh": "Refresh",
  "list.col.title": "Title",
  "list.col.source": "Source",
  "list.col.status": "Status",
  "list.col.chats": "Chats",
  "list.col.created": "Created",
  "list.open": "Open board",
  "list.openLabel": "Open the board of {title}",
  "source.ingest": "Ingest socket",
  "source.naver": "Naver Live",
  "source.replay": "Replay",
  "status.ready": "Ready",
  "status.live": "Live",
  "status.ended": "Ended",
  "create.title": "New broadcast",
  "create.name": "Title",
  "create.source": "Source",
  "create.naverUrl": "Naver Shopping Live URL",
  "create.submit": "Create",
  "create.creating": "Creating…",
  "create.done": "Created broadcast {id}. Ingest token (shown once): {token}",
  "board.back": "← Broadcasts",
  "board.question": "Questions",
  "board.request": "Requests",
  "board.general": "General",
  "board.empty": "No chats yet",
  "board.pending": "classifying",
  "board.uncertain": "uncertain",
  "board.total": "{n} total",
  "board.rate": "{n}/min",
  "board.invalid": "{n} messages ignored",
  "board.late": "{n} chats arrived late",
  "board.skipped": "{n} chats skipped (too old to replay)",
  "board.serverError": "Server error: {message}",
  "board.notFound": "No such broadcast.",
  "board.shown": "latest {n} shown",
  "conn.connecting": "Connecting",
  "conn.open": "Connected",
  "conn.reconnecting": "Reconnecting",
  "conn.closed": "Disconnected",
  "conn.label": "Connection: {state}",
  "error.generic": "Error: {message}",
};

export type Lang = "ko" | "en";
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { ko, en };
const LANG_KEY = "liveq.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "ko";
  } catch {
    return "ko";
  }
}

/** The UI language; Korean unless the manager chose English on this browser. */
export const lang = signal<Lang>(initialLang());

/** Switches and remembers the language, and keeps `<html lang>` right for screen readers. */
export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = next;
}

/** The translated string for `key`, reading `lang` so components re-render on a switch. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang.value][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : typeof value === "number" ? formatNumber(value) : value;
  });
}

const numberFormats = computed(() => new Intl.NumberFormat(lang.value === "ko" ? "ko-KR" : "en-US"));
const dateFormats = computed(
  () => new Intl.DateTimeFormat(lang.value === "ko" ? "ko-KR" : "en-US", { dateStyle: "medium", timeStyle: "short" }),
);
const timeFormats = computed(
  () =>
    new Intl.DateTimeFormat(lang.value === "ko" ? "ko-KR" : "en-US", {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
    }),
);

export function formatNumber(n: number): string {
  return numberFormats.value.format(n);
}

/** Date and time of an epoch-millisecond instant, e.g. a broadcast's creation. */
export function formatDateTime(ms: number): string {
  return dateFormats.value.format(ms);
}

/** Clock time (HH:MM:SS) of a chat. */
export function formatTime(ms: number): string {
  return timeFormats.value.format(ms);
}
