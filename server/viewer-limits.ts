/** Viewer fan-out settings, from wrangler `[vars]` (strings), with safe defaults. */
export interface ViewerConfig {
  /** ViewerFanout shards per broadcast; each holds well under the 32k hibernated-socket limit. */
  shards: number;
  /** Open viewer sockets one IP address may hold on one shard (mobile carriers NAT many viewers behind one address). */
  maxSocketsPerIp: number;
  /** Messages one IP address may send to one shard per minute before its socket is closed. */
  maxMessagesPerMinute: number;
  /** How long the hub waits for one shard to confirm a publish before it counts as failed and is retried. */
  deliverTimeoutMs: number;
}

export const VIEWER_DEFAULTS: ViewerConfig = {
  shards: 8,
  maxSocketsPerIp: 64,
  maxMessagesPerMinute: 30,
  deliverTimeoutMs: 5000,
};

interface ViewerVars {
  VIEWER_SHARDS?: string;
  VIEWER_MAX_SOCKETS_PER_IP?: string;
  VIEWER_MAX_MESSAGES_PER_MIN?: string;
  VIEWER_DELIVER_TIMEOUT_MS?: string;
}

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** Reads the viewer settings; a missing or invalid value takes its default. */
export function viewerConfig(env: ViewerVars): ViewerConfig {
  return {
    shards: positiveInt(env.VIEWER_SHARDS, VIEWER_DEFAULTS.shards, 256),
    maxSocketsPerIp: positiveInt(env.VIEWER_MAX_SOCKETS_PER_IP, VIEWER_DEFAULTS.maxSocketsPerIp, 1_000_000),
    maxMessagesPerMinute: positiveInt(env.VIEWER_MAX_MESSAGES_PER_MIN, VIEWER_DEFAULTS.maxMessagesPerMinute, 1_000_000),
    deliverTimeoutMs: positiveInt(env.VIEWER_DELIVER_TIMEOUT_MS, VIEWER_DEFAULTS.deliverTimeoutMs, 60_000),
  };
}

const WINDOW_MS = 60_000;
/** Addresses remembered at most; past this the oldest windows are forgotten first. */
export const MAX_TRACKED = 50_000;

/**
 * Fixed one-minute windows of messages per IP address. Memory only: after hibernation an
 * address starts a fresh window, which errs on the viewer's side and costs no storage I/O.
 */
export class ViewerRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly limit: number;

  constructor(limitPerMinute: number) {
    this.limit = limitPerMinute;
  }

  /** Addresses remembered now (at most MAX_TRACKED). */
  get tracked(): number {
    return this.windows.size;
  }

  /** Counts one message from `ip`; false once the address is over its limit for this minute. */
  allow(ip: string, now: number): boolean {
    let window = this.windows.get(ip);
    if (!window || now - window.start >= WINDOW_MS) {
      this.windows.delete(ip);
      if (this.windows.size >= MAX_TRACKED) this.windows.delete(this.windows.keys().next().value!);
      window = { start: now, count: 0 };
      this.windows.set(ip, window);
    }
    window.count++;
    return window.count <= this.limit;
  }
}
