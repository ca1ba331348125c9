import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./corpus.ts";
import { startDevServer } from "./dev-server.ts";

export interface WorkerdTiming {
  classifier: "embedded" | "rules";
  usPerChat: number;
}

/**
 * µs per chat of the classifiers inside workerd (`wrangler dev`, the benchmark worker's
 * `/bench/classify`). Timers stand still during compute in workerd, so each figure is the
 * wall time of a request classifying `texts` `repeat` times, minus a `repeat: 0` request
 * carrying the same body, divided by the chats classified; best of `rounds`.
 */
export async function measureInWorkerd(texts: readonly string[], repeat = 20, rounds = 5): Promise<WorkerdTiming[]> {
  const server = await startDevServer({
    port: 8798,
    config: path.join(ROOT, "scripts/bench/wrangler.toml"),
    persistTo: mkdtempSync(path.join(tmpdir(), "liveq-bench-intent-")),
    quiet: true,
  });
  const time = async (classifier: string, n: number) => {
    const started = performance.now();
    const res = await fetch(`${server.url}/bench/classify`, {
      method: "POST",
      body: JSON.stringify({ texts, repeat: n, classifier }),
    });
    if (!res.ok) throw new Error(`bench/classify: ${res.status} ${await res.text()}`);
    await res.json();
    return performance.now() - started;
  };
  try {
    const results: WorkerdTiming[] = [];
    for (const classifier of ["embedded", "rules"] as const) {
      await time(classifier, 2); // warm up: JIT, lazy weight decoding
      let best = Infinity;
      for (let r = 0; r < rounds; r++)
        best = Math.min(best, (await time(classifier, repeat)) - (await time(classifier, 0)));
      results.push({ classifier, usPerChat: (best * 1000) / (texts.length * repeat) });
    }
    return results;
  } finally {
    server.stop();
  }
}
