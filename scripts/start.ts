import { parseArgs } from "node:util";
import { ROOT } from "./lib/corpus.ts";
import { startDevServer } from "./lib/dev-server.ts";
import { exitOnSignals, runAsync } from "./lib/process.ts";

/**
 * `npm start [-- --no-build] [--persist-to DIR] [--var NAME:value …]`: build the dashboard, migrate local D1, run
 * the Worker on 127.0.0.1 (PORT overrides 8787), create the `demo` broadcast and start its
 * rehearsal: the ChatCapture object replays the labelled corpus inside the Worker at ~300 chats
 * a minute (DEMO_RATE). Ctrl-C or SIGTERM stops everything within seconds; if this process is
 * killed hard, wrangler and workerd follow it (scripts/lib/guard.ts).
 */
const { values } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    /** Local state elsewhere than wrangler's default `.wrangler/state` (the soak, tests). */
    "persist-to": { type: "string" },
    /** Extra Worker vars, e.g. SAGEMAKER_ENDPOINT_URL (the soak points them at local stubs). */
    var: { type: "string", multiple: true, default: [] },
  },
});
const vars = Object.fromEntries(
  values.var.map((pair) => {
    const at = pair.indexOf(":");
    if (at <= 0) throw new Error(`--var expects NAME:value, got ${pair}`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);
const port = Number(process.env.PORT ?? 8787);
process.chdir(ROOT);
exitOnSignals();
if (!values["no-build"]) {
  await runAsync("vite", ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
  await runAsync("node", ["extension/build.ts"]); // the viewer extension, loadable unpacked from extension/dist
}
const persistTo = values["persist-to"];
const server = await startDevServer({ port, vars, ...(persistTo ? { persistTo } : {}) });

const created = await fetch(`${server.url}/api/broadcasts`, {
  method: "POST",
  headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
  body: JSON.stringify({ id: "demo", title: "데모 방송 · 겨울 라이브 쇼핑", source: "replay" }),
});
if (created.status !== 201 && created.status !== 409) throw new Error(`could not create the demo broadcast: ${await created.text()}`);
const rehearsal = await fetch(`${server.url}/api/broadcasts/demo/capture`, {
  method: "POST",
  headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
  body: JSON.stringify({ kind: "replay", ratePerMin: Number(process.env.DEMO_RATE ?? 300) }),
});
if (rehearsal.status !== 202) throw new Error(`could not start the demo rehearsal: ${await rehearsal.text()}`);

console.log(`
  LiveQ is running.
  Dashboard: ${server.url}/#token=${server.token}&board=demo
  Admin token${server.tokenCreated ? " (new, saved in .dev.vars)" : " (from .dev.vars)"}: ${server.token}
  Demo broadcast "demo" is fed by its in-Worker rehearsal (ChatCapture replay). Ctrl-C stops.
`);
// Wrangler exiting on its own (a crash) ends `npm start` too, rather than a server-less shell.
server.child.on("exit", (code) => process.exit(code ?? 1));
