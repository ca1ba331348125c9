import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BroadcastReport } from "../core/report/types.ts";
import { loadChatCorpus, ROOT } from "./lib/corpus.ts";
import { startDevServer } from "./lib/dev-server.ts";
import { exitOnSignals } from "./lib/process.ts";
import { IngestClient } from "./lib/ingest-client.ts";

// Ctrl-C / SIGTERM stop the servers this bench started (and a hard kill takes them too: guard.ts).
exitOnSignals();

/**
 * bench:report: fills one broadcast's hub through the real ingest socket (batches of 1,000,
 * trained-model classification, clusters, the chatter set) with `--chats` chats spread over a
 * `--hours` broadcast, and times `GET /api/broadcasts/:id/report` (Worker, D1 and hub RPC)
 * at a small log and at the full one. Baseline in the same run: streaming the same log's
 * chats.jsonl export, what a report read from the log would at least cost.
 */
const { values } = parseArgs({
  options: {
    chats: { type: "string", default: "1000000" },
    small: { type: "string", default: "10000" },
    hours: { type: "string", default: "3" },
    chatters: { type: "string", default: "40000" },
    runs: { type: "string", default: "5" },
  },
});
const total = Number(values.chats);
const small = Math.min(Number(values.small), total);
const spanMs = Number(values.hours) * 3_600_000;
const runs = Number(values.runs);
const messages = loadChatCorpus().map((c) => c.text);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function timed(url: string, token: string): Promise<{ ms: number; bytes: number; body: Uint8Array }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const body = new Uint8Array(await res.arrayBuffer());
  return { ms: performance.now() - started, bytes: body.length, body };
}

/** Median of `runs` report calls after one warm-up; checks the answer against the contract. */
async function timeReport(base: string, id: string, token: string, expected: number) {
  const first = await timed(`${base}/api/broadcasts/${id}/report`, token);
  const times = [first.ms];
  for (let i = 1; i < runs; i++) times.push((await timed(`${base}/api/broadcasts/${id}/report`, token)).ms);
  const report = BroadcastReport.parse(JSON.parse(new TextDecoder().decode(first.body)));
  if (report.totals.chats !== expected)
    throw new Error(`report counts ${report.totals.chats} chats, expected ${expected}`);
  return { firstMs: first.ms, medianMs: median(times), report };
}

const server = await startDevServer({
  port: 8798,
  config: path.join(ROOT, "scripts/bench/wrangler.toml"),
  persistTo: mkdtempSync(path.join(tmpdir(), "liveq-bench-report-")),
  quiet: true,
});
try {
  const created = await fetch(`${server.url}/api/broadcasts`, {
    method: "POST",
    headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
    body: JSON.stringify({ title: "bench report", source: "ingest" }),
  });
  const { id } = (await created.json()) as { id: string };
  const client = new IngestClient({
    server: server.url,
    broadcast: id,
    token: server.token,
    source: "bench",
    maxBatch: 1000,
    batchMs: 5,
  });
  const start = Date.now() - spanMs;
  let sent = 0;
  const fillTo = async (n: number) => {
    const began = performance.now();
    while (sent < n) {
      while (client.backlog > 16_000) await sleep(2);
      const chats = [];
      for (const end = Math.min(n, sent + 1000); sent < end; sent++) {
        // A fixed pseudo-random viewer per chat: some talk a lot, most a little.
        const viewer = Math.floor(
          ((((sent * 2654435761) % 2 ** 32) / 2 ** 32) * Number(values.chatters) * ((sent % 3) + 1)) / 3,
        );
        chats.push({
          commentNo: sent + 1,
          commentType: "CHATTING",
          nickname: `시청자${viewer}`,
          message: messages[sent % messages.length]!,
          at: start + Math.floor((sent / total) * spanMs),
        });
      }
      client.push(chats);
    }
    while (client.backlog > 0) await sleep(5);
    return performance.now() - began;
  };

  await fillTo(small);
  await sleep(1500); // the clusters' next stats tick
  const atSmall = await timeReport(server.url, id, server.token, small);
  const fillMs = await fillTo(total);
  await sleep(1500);
  const atFull = await timeReport(server.url, id, server.token, total);
  const csv = await timed(`${server.url}/api/broadcasts/${id}/report.csv`, server.token);
  const jsonl = await timed(`${server.url}/api/broadcasts/${id}/chats.jsonl`, server.token);
  client.close();

  const r = atFull.report;
  console.log(
    `filled ${total.toLocaleString("en-US")} chats through the ingest socket in ${(fillMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `report at ${small.toLocaleString("en-US")} chats: first ${atSmall.firstMs.toFixed(0)} ms, median of ${runs} ${atSmall.medianMs.toFixed(0)} ms`,
  );
  console.log(
    `report at ${total.toLocaleString("en-US")} chats: first ${atFull.firstMs.toFixed(0)} ms, median of ${runs} ${atFull.medianMs.toFixed(0)} ms`,
  );
  console.log(
    `  ${r.perMinute.length} minutes, ${r.totals.uniqueChatters} chatters, ` +
      `${r.clusters.length} of ${r.clustersTotal} clusters, peak ${r.peakMinute?.chats} chats/min`,
  );
  console.log(`report.csv: ${csv.ms.toFixed(0)} ms (${csv.bytes} bytes)`);
  console.log(
    `baseline: chats.jsonl export of the same log: ${(jsonl.ms / 1000).toFixed(2)} s (${(jsonl.bytes / 1e6).toFixed(0)} MB)`,
  );
  console.log(
    JSON.stringify({
      chats: total,
      report_ms: Math.round(atFull.medianMs),
      report_first_ms: Math.round(atFull.firstMs),
      report_small_ms: Math.round(atSmall.medianMs),
      small_chats: small,
      csv_ms: Math.round(csv.ms),
      export_jsonl_ms: Math.round(jsonl.ms),
      unique_chatters: r.totals.uniqueChatters,
      minutes: r.perMinute.length,
    }),
  );
} finally {
  server.stop();
}
