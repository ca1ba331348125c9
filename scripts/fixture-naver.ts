import { parseArgs } from "node:util";
import { naverPaths } from "../core/naver/endpoints.ts";
import { DEFAULT_BROADCAST } from "./lib/naver-fixture/routes.ts";
import { startNaverFixture } from "./lib/naver-fixture/server.ts";
import { exitOnSignals } from "./lib/process.ts";

/**
 * `npm run fixture:naver -- [--port 8840] [--rate 5] [--seed 42] [--no-bursts] [--max-chats N]`:
 * a local Naver Shopping Live (viewer page, chat socket, viewer API, Q&A) for development,
 * tests and benchmarks. Any numeric broadcast id works; each gets its own chat stream.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8840" },
    host: { type: "string", default: "127.0.0.1" },
    rate: { type: "string", default: "5" },
    seed: { type: "string", default: "42" },
    "no-bursts": { type: "boolean", default: false },
    "max-chats": { type: "string" },
  },
});

const fixture = await startNaverFixture({
  port: Number(values.port),
  host: values.host,
  ratePerSec: Number(values.rate),
  seed: Number(values.seed),
  bursts: !values["no-bursts"],
  ...(values["max-chats"] ? { maxChats: Number(values["max-chats"]) } : {}),
});
const id = DEFAULT_BROADCAST;
console.log(`Naver fixture on ${fixture.url}`);
console.log(`  viewer page     ${fixture.url}${naverPaths.viewerPage(id)}`);
console.log(`  detail          ${fixture.url}${naverPaths.broadcastDetail(id)}?needTimeMachine=true`);
console.log(`  recent-comments ${fixture.url}${naverPaths.recentComments(id)}?size=20`);
console.log(
  `capture it: npm run capture -- --url ${fixture.url}${naverPaths.viewerPage(id)} --api-base ${fixture.url} --broadcast <LiveQ id> --token <token>`,
);
exitOnSignals(() => fixture.close());
