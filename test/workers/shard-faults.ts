import { env } from "cloudflare:workers";
import { ViewerFanout } from "../../durable-objects/viewer-fanout.ts";

/**
 * Faults for viewer shards in tests: the real ViewerFanout class, with its `deliver` RPC made to
 * fail (throw), hang, or stop answering for a shard chosen by name, a given number of times.
 * The hub under test is untouched; only the shard it calls misbehaves, as a shard does when its
 * machine is lost, overloaded or restarting.
 */
export type ShardFault = { kind: "throw" } | { kind: "hang"; ms: number };

interface Plan {
  faults: ShardFault[];
  calls: number;
}

const plans = new Map<string, Plan>();
const original = ViewerFanout.prototype.deliver;

/** The next `faults.length` deliveries to shard `name` misbehave in this order; later ones work. */
export function injectShardFaults(name: string, faults: ShardFault[]): Plan {
  install();
  const plan = { faults: [...faults], calls: 0 };
  plans.set(env.VIEWER_FANOUT.idFromName(name).toString(), plan);
  return plan;
}

export function clearShardFaults(): void {
  plans.clear();
  ViewerFanout.prototype.deliver = original;
}

function install(): void {
  if (ViewerFanout.prototype.deliver !== original) return;
  ViewerFanout.prototype.deliver = async function deliver(this: ViewerFanout, input: unknown) {
    const plan = plans.get((this as unknown as { ctx: DurableObjectState }).ctx.id.toString());
    if (plan) plan.calls++;
    const fault = plan?.faults.shift();
    if (fault?.kind === "throw") throw new Error("shard unavailable (injected)");
    if (fault?.kind === "hang") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    return original.call(this, input);
  };
}
