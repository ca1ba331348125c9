/** How long a found broadcast id is trusted without asking D1 again. */
export const FOUND_TTL_MS = 60_000;
/**
 * How long an id no broadcast has is answered 404 from memory. Long enough that a flood of
 * connects for bad ids costs one D1 read per id and minute; creating a broadcast forgets the
 * entry in this isolate at once (others find it when theirs expires).
 */
export const UNKNOWN_TTL_MS = 60_000;
const MAX_FOUND = 10_000;
const MAX_UNKNOWN = 50_000;

type Entry = { id: string | null; until: number };

/**
 * Per isolate: viewer page key (`naver:<id>` or `id:<broadcast>`) → broadcast id, or null for
 * none. Found and unknown ids live in separate maps, each bounded (oldest dropped first), so a
 * flood of bad ids can neither evict the real broadcasts nor grow memory without end.
 */
export class ViewerLookupCache {
  private readonly found = new Map<string, Entry>();
  private readonly unknown = new Map<string, Entry>();
  /** Lookups in flight: concurrent connects for one key share one D1 read. */
  private readonly inflight = new Map<string, Promise<string | null>>();
  private readonly maxFound: number;
  private readonly maxUnknown: number;

  constructor(limits: { maxFound?: number; maxUnknown?: number } = {}) {
    this.maxFound = limits.maxFound ?? MAX_FOUND;
    this.maxUnknown = limits.maxUnknown ?? MAX_UNKNOWN;
  }

  async resolve(key: string, lookup: () => Promise<string | null>, now = Date.now()): Promise<string | null> {
    const hit = this.found.get(key) ?? this.unknown.get(key);
    if (hit && hit.until > now) return hit.id;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const work: Promise<string | null> = lookup()
      .then((id) => {
        // A `forget` while the read was in flight (a broadcast just created) wins over its answer.
        if (this.inflight.get(key) === work) this.remember(key, id, now);
        return id;
      })
      .finally(() => {
        if (this.inflight.get(key) === work) this.inflight.delete(key);
      });
    this.inflight.set(key, work);
    return work;
  }

  private remember(key: string, id: string | null, now: number): void {
    this.found.delete(key);
    this.unknown.delete(key);
    const map = id ? this.found : this.unknown;
    if (map.size >= (id ? this.maxFound : this.maxUnknown)) map.delete(map.keys().next().value!);
    map.set(key, { id, until: now + (id ? FOUND_TTL_MS : UNKNOWN_TTL_MS) });
  }

  /** Drops what this isolate knows about `key` (a broadcast was created or deleted). */
  forget(key: string): void {
    this.found.delete(key);
    this.unknown.delete(key);
    this.inflight.delete(key);
  }

  get size(): { found: number; unknown: number } {
    return { found: this.found.size, unknown: this.unknown.size };
  }
}

/** The Worker's one cache of viewer lookups. */
export const viewerLookups = new ViewerLookupCache();

/** Forgets a broadcast's viewer keys after it is created or deleted. */
export function forgetViewerLookups(broadcastId: string, naverId: string | null): void {
  viewerLookups.forget(`id:${broadcastId}`);
  if (naverId) viewerLookups.forget(`naver:${naverId}`);
}
