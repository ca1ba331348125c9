import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { cacheHome, ensureBrowserRenderingShim } from "./browser-rendering-shim.ts";
import { ROOT } from "./corpus.ts";
import { ensureAdminToken } from "./dev-vars.ts";
import { run, start, stop, waitForOk } from "./process.ts";
import { writeEnvFile } from "./youtube-env.ts";

export interface DevServer {
  url: string;
  token: string;
  tokenCreated: boolean;
  child: ChildProcess;
  /** Stops wrangler and workerd; resolves once they are gone. */
  stop: () => Promise<void>;
}

/**
 * Migrates local D1 and starts `wrangler dev` on 127.0.0.1. Local tracing stays off
 * unless LIVEQ_TRACE=1: with it on, every event and sql.exec is traced, throughput
 * drops several times and the trace store grows by about a gigabyte an hour.
 */
export async function startDevServer(options: {
  port: number;
  /** A separate local state folder (benchmarks, tests); wrangler's default otherwise. */
  persistTo?: string;
  /** Another wrangler config (bench:hub's). */
  config?: string;
  quiet?: boolean;
  /** A fixed admin token (tests); otherwise the one in `.dev.vars`, generated on first use. */
  token?: string;
  /** Extra Worker vars (`--var NAME:value`), e.g. NAVER_API_BASE pointing at the fixture site. */
  vars?: Record<string, string>;
  /** Settings that may be secret (YouTube OAuth): passed in a private env file, never as arguments. */
  secrets?: Record<string, string>;
  /** workerd's DevTools inspector on this port (heap snapshots: the soak's memory checks). */
  inspectorPort?: number;
}): Promise<DevServer> {
  const { port, quiet = false } = options;
  const { token, created } = options.token
    ? { token: options.token, created: false }
    : ensureAdminToken(path.join(ROOT, ".dev.vars"));
  const common = [
    ...(options.persistTo ? ["--persist-to", options.persistTo] : []),
    ...(options.config ? ["--config", options.config] : []),
  ];
  run("wrangler", ["d1", "migrations", "apply", "DB", "--local", ...common], { CI: "1" });
  // The BROWSER binding runs the local Chromium instead of downloading Chrome for Testing.
  ensureBrowserRenderingShim();
  // Offline by design: no Request.cf download, no telemetry.
  // The browser wrapper lives in the project's own cache folder, never in the user's.
  const env: NodeJS.ProcessEnv = {
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_SEND_METRICS: "false",
    XDG_CACHE_HOME: cacheHome(),
  };
  if (process.env.LIVEQ_TRACE !== "1") env.X_LOCAL_OBSERVABILITY = "false";
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", ...common];
  if (options.inspectorPort) args.push("--inspector-port", String(options.inspectorPort));
  if (options.config || options.token) args.push("--var", `ADMIN_TOKEN:${token}`);
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);
  // With --env-file wrangler skips .dev.vars, so the file carries .dev.vars' lines too.
  const envFile =
    options.secrets && Object.keys(options.secrets).length
      ? writeEnvFile(path.join(ROOT, ".dev.vars"), options.secrets)
      : null;
  if (envFile) args.push("--env-file", envFile.file);
  const child = start("wrangler", args, env, quiet);
  child.once("exit", () => envFile?.remove());
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/api/health`, 90_000);
  return {
    url,
    token,
    tokenCreated: created,
    child,
    stop: async () => {
      await stop(child);
      envFile?.remove();
    },
  };
}
