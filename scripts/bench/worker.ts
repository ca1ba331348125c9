import liveq from "../../workers/index.ts";
import { benchClassify } from "./classify-route.ts";

export { BroadcastHub, ChatCapture, ClusterDrafter, ViewerFanout } from "../../workers/index.ts";
export { BareHub } from "./bare-hub.ts";

interface BenchEnv extends Env {
  BARE_HUB: DurableObjectNamespace;
}

/**
 * The benchmarks' Worker: LiveQ as deployed, plus `/bare/:id/(ingest|board)` for the bare
 * hub (bench:hub) and `/bench/classify` (bench:intent inside workerd).
 */
export default {
  fetch(request: Request, env: BenchEnv, ctx: ExecutionContext) {
    if (new URL(request.url).pathname === "/bench/classify") return benchClassify(request);
    const bare = /^\/bare\/([a-z0-9-]+)\/(ingest|board)$/.exec(new URL(request.url).pathname);
    if (bare) return env.BARE_HUB.getByName(bare[1]!).fetch(request);
    return liveq.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<BenchEnv>;
