import { parseArgs } from "node:util";
import { createReplay } from "../core/simulator/replay.ts";
import { loadChatCorpus } from "./lib/corpus.ts";
import { IngestClient } from "./lib/ingest-client.ts";
import { exitOnSignals } from "./lib/process.ts";

export interface SimulateOptions {
  server: string;
  broadcast: string;
  token: string;
  ratePerMin: number;
  seed?: number;
  /** Stop after this many seconds; run until stopped when absent. */
  seconds?: number;
  log?: (line: string) => void;
}

/**
 * Feeds a broadcast with replayed chats from the labelled corpus over the ingest socket.
 * commentNos continue from the current time so restarts never collide with old chats.
 */
export function simulate(options: SimulateOptions): { stop: () => void; client: IngestClient } {
  const replay = createReplay({
    corpus: loadChatCorpus(),
    ratePerMin: options.ratePerMin,
    seed: options.seed ?? Date.now(),
    startCommentNo: Date.now() * 10,
  });
  const client = new IngestClient({ ...options, source: "replay", ...(options.log ? { log: options.log } : {}) });
  const timer = setInterval(() => client.push(replay.tick(Date.now())), 200);
  const stop = () => {
    clearInterval(timer);
    client.close();
  };
  if (options.seconds) setTimeout(stop, options.seconds * 1000);
  return { stop, client };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      server: { type: "string", default: "http://127.0.0.1:8787" },
      broadcast: { type: "string", default: "demo" },
      token: { type: "string", default: process.env.LIVEQ_TOKEN ?? "" },
      rate: { type: "string", default: "300" },
      seconds: { type: "string" },
    },
  });
  if (!values.token)
    throw new Error("--token (or LIVEQ_TOKEN) is required: the admin token or the broadcast's ingest token");
  const { client, stop } = simulate({
    server: values.server,
    broadcast: values.broadcast,
    token: values.token,
    ratePerMin: Number(values.rate),
    ...(values.seconds ? { seconds: Number(values.seconds) } : {}),
    log: (line) => console.log(line),
  });
  exitOnSignals(stop);
  setInterval(() => console.log(`acked ${client.acked} chats, backlog ${client.backlog}`), 10_000).unref();
}
