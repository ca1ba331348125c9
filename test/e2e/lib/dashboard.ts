import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startDevServer, type DevServer } from "../../../scripts/lib/dev-server.ts";
import { adminFetch, OUTPUT_DIR } from "../browser.ts";

/** Where one test talks to LiveQ: the shared e2e server or a private one. */
export interface Target {
  base: string;
  token: string;
}

/** Creates a broadcast through the API and answers its id. */
export async function newBroadcast(
  t: Target,
  title: string,
  extra: Record<string, unknown> = { source: "ingest" },
): Promise<string> {
  const res = await adminFetch(t.base, t.token, "/api/broadcasts", { title, ...extra });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Posts chats over the HTTP ingest route (as a capture would), numbered from `firstNo`. */
export async function postChats(t: Target, id: string, messages: readonly string[], firstNo: number): Promise<void> {
  const chats = messages.map((message, i) => ({
    commentNo: firstNo + i,
    nickname: `viewer${(firstNo + i) % 97}****`,
    message,
    at: Date.now(),
  }));
  const res = await adminFetch(t.base, t.token, `/api/broadcasts/${id}/chats`, { type: "chats", source: "e2e", chats });
  if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
}

/** A fresh browser context (its own localStorage: one manager) signed in through the login form. */
export async function signedInPage(
  browser: Browser,
  t: Target,
  viewport = { width: 1366, height: 850 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(t.base);
  await page.getByTestId("login-token").fill(t.token);
  await page.getByTestId("login-submit").click();
  await page.locator(".list-page").waitFor();
  return { context, page };
}

/** Opens a broadcast's live board and waits until its socket is connected. */
export async function openBoard(page: Page, t: Target, id: string): Promise<void> {
  await page.goto(`${t.base}/#/board/${id}`);
  await connected(page);
}

export async function connected(page: Page): Promise<void> {
  await page.getByTestId("connection-state").and(page.locator("[data-state=open]")).waitFor({ timeout: 60_000 });
}

/** The seqs of the chat rows a page renders, in DOM order. */
export function renderedSeqs(page: Page): Promise<number[]> {
  return page.getByTestId("chat-item").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });
}

/** A `wrangler dev` of its own (restart and load tests must not disturb the shared one). */
export async function privateServer(
  port: number,
  token: string,
  persistTo = mkdtempSync(path.join(tmpdir(), "liveq-dash-")),
) {
  const server: DevServer = await startDevServer({ port, persistTo, quiet: true, token });
  return { server, persistTo };
}

/** Stops a dev server and waits until its process group is gone (so the port is free again). */
export async function stopServer(server: DevServer): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once("exit", () => resolve());
  });
  server.stop();
  const timer = setTimeout(() => {
    try {
      if (server.child.pid) process.kill(-server.child.pid, "SIGKILL");
    } catch {
      // gone
    }
  }, 15_000);
  await exited;
  clearTimeout(timer);
}
