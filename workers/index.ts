import { app } from "./app.ts";
import { purgeExpiredChats } from "./lifecycle.ts";

export { BroadcastHub } from "../durable-objects/broadcast-hub.ts";
export { ViewerFanout } from "../durable-objects/viewer-fanout.ts";
export { ChatCapture } from "../durable-objects/chat-capture.ts";
export { ClusterDrafter } from "../durable-objects/cluster-drafter.ts";

export default {
  fetch: app.fetch,
  /** The daily cron (wrangler.toml `[triggers]`): retention purges chat logs of long-ended broadcasts. */
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      purgeExpiredChats(env).then((ids) => console.log(JSON.stringify({ event: "retention", purged: ids.length }))),
    );
  },
} satisfies ExportedHandler<Env>;
