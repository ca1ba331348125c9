import { parseArgs } from "node:util";
import { ROOT } from "./lib/corpus.ts";
import { startDevServer } from "./lib/dev-server.ts";
import { startDemo } from "./lib/demo.ts";
import { startIsolateCollector } from "./lib/isolate-collector.ts";
import { descendants, exitOnSignals, runAsync } from "./lib/process.ts";
import { youtubeSettingsFrom } from "./lib/youtube-env.ts";

/**
 * `npm start [-- --no-build] [--persist-to DIR] [--var NAME:value …] [--inspector-port N]`: build the dashboard, migrate local D1, run
 * the Worker on 127.0.0.1 (PORT overrides 8787), create the `demo` broadcast (a winter-outerwear
 * show: products, notes, Q&A and benefits from data/demo) and start its rehearsal: the
 * ChatCapture object replays the show's chat (data/demo/chat.tsv) inside the Worker at ~300 chats
 * a minute (DEMO_RATE). YouTube settings set in the environment reach the Worker. Ctrl-C or
 * SIGTERM stops everything within seconds; if this process is killed hard, wrangler and workerd
 * follow it (scripts/lib/guard.ts).
 */
const { values } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    /** Local state elsewhere than wrangler's default `.wrangler/state` (the soak, tests). */
    "persist-to": { type: "string" },
    /** Extra Worker vars, e.g. SAGEMAKER_ENDPOINT_URL (the soak points them at local stubs). */
    var: { type: "string", multiple: true, default: [] },
    /** workerd's DevTools inspector port (heap snapshots); wrangler picks one otherwise. */
    "inspector-port": { type: "string" },
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
// YOUTUBE_API_KEY, YOUTUBE_API_BASE, YOUTUBE_OAUTH_* … from this environment, when set (README: YouTube Live).
const server = await startDevServer({
  port,
  vars,
  secrets: youtubeSettingsFrom(process.env),
  ...(persistTo ? { persistTo } : {}),
  ...(values["inspector-port"] ? { inspectorPort: Number(values["inspector-port"]) } : {}),
});

// A full collection in every isolate of workerd once a minute (LIVEQ_COLLECT_EVERY_S, 0 = off): left
// alone, garbage pinning native memory piles up in workerd's isolates under steady traffic
// (scripts/lib/isolate-collector.ts; README, soak notes).
const collectEveryS = Number(process.env.LIVEQ_COLLECT_EVERY_S ?? 60);
if (collectEveryS > 0 && server.child.pid) {
  const guard = server.child.pid;
  const collector = startIsolateCollector(() => descendants(guard), collectEveryS * 1000, { log: console.warn });
  exitOnSignals(() => collector.stop());
}

await startDemo(server.url, server.token, { ratePerMin: Number(process.env.DEMO_RATE ?? 300) });

console.log(`
  LiveQ is running.
  Dashboard: ${server.url}/#token=${server.token}&board=demo
  Admin token${server.tokenCreated ? " (new, saved in .dev.vars)" : " (from .dev.vars)"}: ${server.token}
  Demo broadcast "demo": a winter-outerwear show (data/demo) whose chat is replayed in the Worker;
  within a minute its board shows question clusters with drafted answers. Ctrl-C stops.
`);
// Wrangler exiting on its own (a crash) ends `npm start` too, rather than a server-less shell.
server.child.on("exit", (code) => process.exit(code ?? 1));
