import { ROOT } from "./lib/corpus.ts";
import { startDevServer } from "./lib/dev-server.ts";
import { startDemo } from "./lib/demo.ts";
import { run } from "./lib/process.ts";
import { youtubeSettingsFrom } from "./lib/youtube-env.ts";

/**
 * `npm start`: build the dashboard, migrate local D1, run the Worker on 127.0.0.1
 * (PORT overrides 8787), create the `demo` broadcast (a winter-outerwear show: products,
 * notes, Q&A and benefits from data/demo) and start its rehearsal: the ChatCapture object
 * replays the show's chat (data/demo/chat.tsv) inside the Worker at ~300 chats a minute
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

await startDemo(server.url, server.token, { ratePerMin: Number(process.env.DEMO_RATE ?? 300) });

console.log(`
  LiveQ is running.
  Dashboard: ${server.url}/#token=${server.token}&board=demo
  Admin token${server.tokenCreated ? " (new, saved in .dev.vars)" : " (from .dev.vars)"}: ${server.token}
  Demo broadcast "demo": a winter-outerwear show (data/demo) whose chat is replayed in the Worker;
  within a minute its board shows question clusters with drafted answers. Ctrl-C stops.
`);
