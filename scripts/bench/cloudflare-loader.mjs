// `node --import ./scripts/bench/cloudflare-loader.mjs`: resolves `cloudflare:workers` to the stub.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "cloudflare:workers")
    return { url: ${JSON.stringify(new URL("./cloudflare-workers-stub.mjs", import.meta.url).href)}, shortCircuit: true };
  return next(specifier, context);
}`)}`,
);
