import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "vite";

/**
 * `npm run build:extension`: bundles extension/src into extension/dist, loadable unpacked
 * (chrome://extensions → Load unpacked). The content script and the pages' scripts are
 * classic scripts (IIFE); the service worker is a module.
 */
const root = import.meta.dirname;
const outDir = path.join(root, "dist");

const entries = [
  { name: "background", format: "es" },
  { name: "content", format: "iife" },
  { name: "options", format: "iife" },
  { name: "popup", format: "iife" },
] as const;

export async function buildExtension(): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const entry of entries) {
    await build({
      configFile: false,
      logLevel: "warn",
      root,
      build: {
        outDir,
        emptyOutDir: false,
        target: "chrome116",
        minify: false,
        sourcemap: false,
        copyPublicDir: false,
        lib: {
          entry: path.join(root, "src", `${entry.name}.ts`),
          formats: [entry.format],
          name: `liveq_${entry.name}`,
          fileName: () => `${entry.name}.js`,
        },
      },
    });
  }
  cpSync(path.join(root, "static"), outDir, { recursive: true });
  return outDir;
}

if (import.meta.main) {
  console.log(`extension built: ${await buildExtension()}`);
}
