/**
 * YouTube Data API quota, counted per project day. Google resets quotas at midnight Pacific
 * time; `liveChatMessages.list` costs 5 units, `videos.list` 1, `insert`/`delete` 50, a ban 200.
 */
export const QUOTA_COST = {
  videosList: 1,
  messagesList: 5,
  messagesInsert: 50,
  messagesDelete: 50,
  bansInsert: 200,
} as const;
export const DEFAULT_DAILY_QUOTA = 10_000;
/** Past this share of the daily quota the capture warns and spreads the rest over the day. */
export const QUOTA_WARN_SHARE = 0.8;
/** Beyond the configured quota polls continue at most this often (the API itself refuses when it is really spent). */
export const OVER_QUOTA_POLL_MS = 60_000;

export interface QuotaLedger {
  /** The Pacific date the units were spent on (YYYY-MM-DD). */
  day: string;
  units: number;
}

const PACIFIC = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Los_Angeles",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function pacificParts(now: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const p of PACIFIC.formatToParts(new Date(now))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return parts;
}

/** The quota day of `now`: the date in Pacific time. */
export function quotaDay(now: number): string {
  const p = pacificParts(now);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** Milliseconds until the next Pacific midnight (a DST day is off by at most an hour). */
export function msUntilQuotaReset(now: number): number {
  const p = pacificParts(now);
  const sinceMidnight = ((p.hour! * 60 + p.minute!) * 60 + p.second!) * 1000 + (now % 1000);
  return 24 * 3600_000 - sinceMidnight;
}

/** Adds `units` spent at `now`; a new day starts from zero. */
export function spend(ledger: QuotaLedger | null, units: number, now: number): QuotaLedger {
  const day = quotaDay(now);
  return { day, units: (ledger?.day === day ? ledger.units : 0) + units };
}

/** Units spent today (zero when the ledger is from an earlier day). */
export function unitsToday(ledger: QuotaLedger | null, now: number): number {
  return ledger?.day === quotaDay(now) ? ledger.units : 0;
}

export interface PollPlan {
  delayMs: number;
  /** True at or past 80% of the daily quota. */
  warning: boolean;
}

/**
 * When to poll next: as the API asks (`pollingIntervalMillis`) while under 80% of the daily
 * quota; past it, no sooner than spreading the remaining units evenly until the reset, so
 * the chat keeps coming (slower) all day rather than stopping; over the quota, once a minute.
 */
export function planPoll(input: {
  pollingIntervalMillis: number;
  ledger: QuotaLedger | null;
  dailyQuota: number;
  now: number;
}): PollPlan {
  const used = unitsToday(input.ledger, input.now);
  const asked = Math.max(0, input.pollingIntervalMillis);
  if (used < input.dailyQuota * QUOTA_WARN_SHARE) return { delayMs: asked, warning: false };
  const calls = Math.floor((input.dailyQuota - used) / QUOTA_COST.messagesList);
  if (calls <= 0) return { delayMs: Math.max(asked, OVER_QUOTA_POLL_MS), warning: true };
  return { delayMs: Math.max(asked, Math.ceil(msUntilQuotaReset(input.now) / calls)), warning: true };
}

/** The daily quota a setting names (default 10,000; nonsense falls back to the default). */
export function dailyQuotaOf(setting: string | undefined): number {
  const n = Number(setting);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_DAILY_QUOTA;
}
