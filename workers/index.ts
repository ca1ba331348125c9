import { app } from "./app.ts";

export { BroadcastHub } from "../durable-objects/broadcast-hub.ts";
export { ViewerFanout } from "../durable-objects/viewer-fanout.ts";
export { ChatCapture } from "../durable-objects/chat-capture.ts";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
