import { app } from "./app.ts";

export { BroadcastHub } from "../durable-objects/broadcast-hub.ts";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
