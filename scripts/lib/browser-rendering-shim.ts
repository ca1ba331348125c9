import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./corpus.ts";

/**
 * Local Browser Rendering without a download. Miniflare's `BROWSER` binding launches a
 * Chrome-for-Testing build it keeps in wrangler's cache
 * (`$XDG_CACHE_HOME/.wrangler/chrome/linux-{BROWSER_VERSION}/chrome-linux64/chrome`) and
 * downloads one when that folder is missing. The dev server points XDG_CACHE_HOME at a folder
 * inside the project (`CACHE_HOME`), so nothing is written into the user's own caches. An install counts as done when the folder holds
 * the executable and the `.miniflare-install-complete` marker, so a wrapper script there that
 * runs the local Chromium makes the binding work offline.
 */

const MARKER = ".miniflare-install-complete";
/** Every miniflare copy wrangler or the vitest plugin may load; each names its own version. */
const MINIFLARE_BUNDLES = [
  "node_modules/miniflare/dist/src/index.js",
  "node_modules/wrangler/node_modules/miniflare/dist/src/index.js",
];

/** The local Chromium: CHROMIUM_PATH, else Debian's. */
export function localChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => Boolean(p),
  );
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Chrome versions the installed miniflare copies ask for (`var BROWSER_VERSION = "…"`). */
export function miniflareBrowserVersions(root = ROOT): string[] {
  const versions = new Set<string>();
  for (const bundle of MINIFLARE_BUNDLES) {
    const file = path.join(root, bundle);
    if (!existsSync(file)) continue;
    const match = /\bBROWSER_VERSION = "([0-9.]+)"/.exec(readFileSync(file, "utf8"));
    if (match) versions.add(match[1]!);
  }
  return [...versions];
}

/** The XDG cache folder wrangler runs with locally: the project's own, ignored by git. */
export function cacheHome(root = ROOT): string {
  return path.join(root, ".wrangler", "cache-home");
}

/** Where miniflare, run with XDG_CACHE_HOME = `cacheHome()`, looks for a Linux Chrome of `version`. */
export function chromeInstallDir(version: string, root = ROOT): string {
  return path.join(cacheHome(root), ".wrangler", "chrome", `linux-${version}`);
}

/**
 * The wrapper: the local Chromium with the flags a root, sandbox-less container needs, and a
 * watchdog. Chromium keeps the wrapper's pid (exec), so miniflare stops it as before; the
 * watchdog, a detached loop without the browser's pipes, ends it when the process that launched
 * it is gone (wrangler killed hard), which Chromium would otherwise outlive.
 */
export function wrapperScript(chromium: string): string {
  return [
    "#!/bin/sh",
    "# Written by scripts/lib/browser-rendering-shim.ts: miniflare's Browser Rendering runs the local Chromium.",
    "launcher=$PPID",
    "browser=$$",
    '(while kill -0 "$launcher" && kill -0 "$browser"; do sleep 1; done; kill -TERM "$browser"; sleep 3; kill -KILL "$browser") </dev/null >/dev/null 2>&1 &',
    `exec "${chromium}" --no-sandbox --disable-gpu "$@"`,
    "",
  ].join("\n");
}

/**
 * Places the wrapper for every Chrome version miniflare may ask for (Linux only; elsewhere
 * wrangler downloads its browser as usual). Returns the installs written or kept, or null
 * when there is no local Chromium (the binding then needs a download, or stays unused).
 */
export function ensureBrowserRenderingShim(
  options: { root?: string; log?: (line: string) => void } = {},
): string[] | null {
  if (process.platform !== "linux") return [];
  const chromium = localChromium();
  if (!chromium) return null;
  const installed: string[] = [];
  for (const version of miniflareBrowserVersions(options.root)) {
    const dir = chromeInstallDir(version, options.root);
    const executable = path.join(dir, "chrome-linux64", "chrome");
    const script = wrapperScript(chromium);
    const current = existsSync(executable) ? readFileSync(executable, "utf8") : null;
    // A real Chrome-for-Testing download is left alone; only our own wrapper is rewritten.
    if (current === null || (current !== script && current.includes("browser-rendering-shim"))) {
      mkdirSync(path.dirname(executable), { recursive: true });
      writeFileSync(executable, script);
      chmodSync(executable, 0o755);
      options.log?.(`browser rendering: ${executable} → ${chromium}`);
    }
    if (!existsSync(path.join(dir, MARKER))) writeFileSync(path.join(dir, MARKER), "");
    installed.push(dir);
  }
  return installed;
}

if (import.meta.main) {
  const dirs = ensureBrowserRenderingShim({ log: (line) => console.log(line) });
  if (dirs === null) {
    console.error("no local Chromium (set CHROMIUM_PATH): Browser Rendering would download one");
    process.exit(1);
  }
  for (const dir of dirs) console.log(`${dir}: ${readdirSync(dir).join(", ")}`);
}
