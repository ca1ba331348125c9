import { ROOT } from "./lib/corpus.ts";
import { startDevServer } from "./lib/dev-server.ts";
import { run } from "./lib/process.ts";
import { youtubeSettingsFrom } from "./lib/youtube-env.ts";

/**
 * `npm start`: build the dashboard, migrate local D1, run the Worker on 127.0.0.1
 * (PORT overrides 8787), create the `demo` broadcast and start its rehearsal: the
 * ChatCapture object replays the labelled corpus inside the Worker at ~300 chats a minute
 * (DEMO_RATE). YouTube settings set in the environment reach the Worker. Ctrl-C stops everything.
 */
const port = Number(process.env.PORT ?? 8787);
process.chdir(ROOT);
run("vite", ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
run("node", ["extension/build.ts"]); // the viewer extension, loadable unpacked from extension/dist
// YOUTUBE_API_KEY, YOUTUBE_API_BASE, YOUTUBE_OAUTH_* … from this environment, when set (README: YouTube Live).
const server = await startDevServer({ port, secrets: youtubeSettingsFrom(process.env) });
const shutdown = () => {
  server.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

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
