import { collectGarbageEverywhere, findInspectorPort, type InspectorTarget, WORKER_TARGET } from "./soak/inspector.ts";

export interface IsolateCollector {
  /** Rounds in which every isolate was asked for a full collection. */
  readonly rounds: number;
  /** Rounds that found no inspector or failed. */
  readonly misses: number;
  stop(): void;
}

/**
 * Asks workerd, over its DevTools inspector, for a full garbage collection in every isolate
 * every `everyMs` (one round at a time). Why: under steady traffic workerd's isolates keep
 * garbage whose weight is native (requests, responses, sockets, statement handles behind small
 * JavaScript wrappers), and V8, seeing small heaps, may not collect it for a long time; in
 * `wrangler dev` every request also passes through miniflare's entry worker, every `fetch`
 * through its outbound service and every D1 query through D1's object, each an isolate of its
 * own with a tiny heap. Left alone, a local server under the soak's traffic grew 3–5 MiB a
 * minute, and forcing these collections stopped it (README, soak notes). Deployed Workers are
 * not affected: Cloudflare limits and evicts isolates, and those local helper isolates do not
 * exist there.
 */
export function startIsolateCollector(
  pids: () => readonly number[],
  everyMs: number,
  options: { pick?: (target: InspectorTarget) => boolean; log?: (line: string) => void } = {},
): IsolateCollector {
  const pick = options.pick ?? ((t: InspectorTarget) => t.id === WORKER_TARGET);
  let port: number | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const state = { rounds: 0, misses: 0 };
  const round = async () => {
    try {
      port ??= (await findInspectorPort(pids(), pick))?.port ?? null;
      if (port === null) {
        state.misses++;
        return;
      }
      const gc = await collectGarbageEverywhere(port);
      if (gc.collected === 0)
        port = null; // a restarted workerd listens elsewhere
      else state.rounds++;
    } catch (err) {
      port = null;
      if (state.misses++ === 0) options.log?.(`isolate collector: ${String(err)}`);
    } finally {
      if (!stopped) timer = setTimeout(() => void round(), everyMs).unref();
    }
  };
  timer = setTimeout(() => void round(), everyMs).unref();
  return {
    get rounds() {
      return state.rounds;
    },
    get misses() {
      return state.misses;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
