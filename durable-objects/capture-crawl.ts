import { drizzle } from "drizzle-orm/d1";
import * as z from "zod";
import { naverEndpoints } from "../server/capture/naver-api.ts";
import { runCrawlStep, DEFAULT_CRAWL_LIMITS } from "../server/capture/setup-crawl.ts";
import { failCrawl } from "../server/capture/setup-store.ts";

/** One step's budget: a slice of the alarm, so chat capture keeps its cadence around it. */
const STEP_MS = 20_000;
const STEP_REQUESTS = 60;
/** Steps in a row that Naver failed before the crawl is marked `failed` (resumable). */
export const MAX_FAILED_STEPS = 5;
/** A claim whose setup never started its crawl (the request died) is given up after this. */
const CLAIM_TTL_MS = 120_000;
const KEY = "crawl";

/** `NAVER_API_BASE`: every Naver endpoint on one base (fixture site, proxy); the real hosts when empty. */
export function naverApiBase(env: Env): string | undefined {
  return (env as Env & { NAVER_API_BASE?: string }).NAVER_API_BASE || undefined;
}

interface CrawlVars {
  /** Pause between Naver requests (default 250 ms); tests crawl without it. */
  SETUP_CRAWL_DELAY_MS?: string;
  /** First wait after a failed step (default 5 s), doubling up to 5 minutes. */
  SETUP_CRAWL_RETRY_MS?: string;
}

function numberVar(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/**
 * Who drives a broadcast's setup crawl: its ChatCapture object, one crawl at a time. `claimed`
 * while the setup route fetches the snapshot (a second start is refused), `running` while the
 * object's alarm steps it; `failures` counts steps in a row that Naver failed.
 */
const CrawlOwner = z.object({
  state: z.enum(["claimed", "running"]),
  since: z.number(),
  failures: z.number().int().nonnegative(),
  retryAt: z.number(),
});
type CrawlOwner = z.infer<typeof CrawlOwner>;

/** The crawl ownership in a ChatCapture object's synchronous storage. */
export class CrawlOwnership {
  private readonly kv: SyncKvStorage;

  constructor(kv: SyncKvStorage) {
    this.kv = kv;
  }

  /** The owner record, or null when no crawl is owned (a stale claim counts as none). */
  current(now: number): CrawlOwner | null {
    const parsed = CrawlOwner.safeParse(this.kv.get(KEY));
    if (!parsed.success) return null;
    if (parsed.data.state === "claimed" && now - parsed.data.since > CLAIM_TTL_MS) return null;
    return parsed.data;
  }

  /** Takes the crawl for a new start; false while another start or a running crawl holds it. */
  claim(now: number): boolean {
    if (this.current(now)) return false;
    this.kv.put(KEY, { state: "claimed", since: now, failures: 0, retryAt: 0 } satisfies CrawlOwner);
    return true;
  }

  /** The claimed (or resumed) crawl is handed to the alarm. */
  run(now: number): void {
    this.kv.put(KEY, { state: "running", since: now, failures: 0, retryAt: now } satisfies CrawlOwner);
  }

  release(): void {
    this.kv.delete(KEY);
  }

  /** When the alarm should step the crawl next; null when there is nothing to step. */
  nextStepAt(now: number): number | null {
    const owner = this.current(now);
    if (!owner) {
      this.kv.delete(KEY);
      return null;
    }
    return owner.state === "running" ? owner.retryAt : owner.since + CLAIM_TTL_MS;
  }

  /** Records a step's outcome; the time of the next step, or null when the crawl is over. */
  afterStep(
    env: Env,
    outcome: { more: boolean; failure: string | null },
    now: number,
  ): { nextAt: number | null; gaveUp: string | null } {
    const owner = this.current(now);
    if (owner?.state !== "running") return { nextAt: null, gaveUp: null };
    if (outcome.failure === null) {
      if (!outcome.more) return (this.release(), { nextAt: null, gaveUp: null });
      this.kv.put(KEY, { ...owner, failures: 0, retryAt: now } satisfies CrawlOwner);
      return { nextAt: now, gaveUp: null };
    }
    const failures = owner.failures + 1;
    if (failures >= MAX_FAILED_STEPS) {
      this.release();
      return { nextAt: null, gaveUp: `${failures} attempts in a row failed; last: ${outcome.failure}` };
    }
    const wait = Math.min(
      numberVar((env as Env & CrawlVars).SETUP_CRAWL_RETRY_MS, 5000) * 2 ** (failures - 1),
      300_000,
    );
    this.kv.put(KEY, { ...owner, failures, retryAt: now + wait } satisfies CrawlOwner);
    return { nextAt: now + wait, gaveUp: null };
  }
}

/**
 * One step of a broadcast's setup Q&A crawl. `more` while steps remain; `failure` when Naver
 * failed the step (the cursor stays on the page that failed) or the step threw.
 */
export async function stepSetupCrawl(
  env: Env,
  broadcastId: string,
): Promise<{ more: boolean; failure: string | null }> {
  try {
    const { crawl, interrupted } = await runCrawlStep({
      db: drizzle(env.DB),
      fetch: (input, init) => fetch(input, init),
      urls: naverEndpoints(naverApiBase(env)),
      broadcastId,
      limits: {
        ...DEFAULT_CRAWL_LIMITS,
        delayMs: numberVar((env as Env & CrawlVars).SETUP_CRAWL_DELAY_MS, DEFAULT_CRAWL_LIMITS.delayMs),
        maxRequests: STEP_REQUESTS,
        deadline: Date.now() + STEP_MS,
      },
      sleep: (ms) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve()),
    });
    return { more: crawl !== null && crawl.status !== "done" && crawl.status !== "failed", failure: interrupted };
  } catch (err) {
    return { more: true, failure: `step failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Writes the crawl's end as `failed`, with why, for the dashboard and a later resume. */
export async function markCrawlFailed(env: Env, broadcastId: string, reason: string): Promise<void> {
  await failCrawl(drizzle(env.DB), broadcastId, reason, Date.now());
}
