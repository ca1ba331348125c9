// Node stand-in for the `cloudflare:workers` module, so hub-path.ts can load the BroadcastHub
// outside workerd: only the base class the hub extends.
export class DurableObject {
  constructor(ctx, env) {
    this.ctx = ctx;
    this.env = env;
  }
}
