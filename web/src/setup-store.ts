import { signal } from "@preact/signals";
import { api, ApiFailure } from "./api.ts";
import { captureApi, knowledgeApi, setupApi, type CaptureStart } from "./api-board.ts";
import type {
  BroadcastSummary,
  CaptureStatus,
  CrawlProgress,
  Knowledge,
  SetupResult,
} from "../../core/protocol/index.ts";
import { t } from "./i18n.ts";
import { crawlNeedsPolling, type StepStatus } from "./setup-progress.ts";

const POLL_MS = 1500;

/** A step's state: its status and, on error, why (shown with a retry). */
export interface StepState {
  status: StepStatus;
  error: string | null;
}

const idle: StepState = { status: "idle", error: null };

function failed(err: unknown): StepState {
  return { status: "error", error: t("error.generic", { message: err instanceof Error ? err.message : String(err) }) };
}

/** Everything the setup page shows and does for one broadcast; the components only render it. */
export function createSetupStore(broadcastId: string) {
  const broadcast = signal<BroadcastSummary | null>(null);
  const knowledge = signal<Knowledge | null>(null);
  const loaded = signal<SetupResult | null>(null);
  const crawl = signal<CrawlProgress | null>(null);
  const capture = signal<CaptureStatus | null>(null);
  const source = signal<StepState>(idle);
  const captureStep = signal<StepState>(idle);
  const crawlError = signal<string | null>(null);
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function refreshKnowledge(): Promise<void> {
    knowledge.value = await knowledgeApi.get(broadcastId);
  }

  function schedulePoll(): void {
    clearTimeout(pollTimer);
    if (stopped || !crawlNeedsPolling(crawl.value)) return;
    pollTimer = setTimeout(() => void pollCrawl(), POLL_MS);
  }

  async function pollCrawl(): Promise<void> {
    try {
      const before = crawl.value;
      const now = (await setupApi.progress(broadcastId)).crawl;
      crawl.value = now;
      crawlError.value = null;
      if (now && before?.qnaStored !== now.qnaStored) void refreshKnowledge().catch(() => undefined);
    } catch (err) {
      crawlError.value = failed(err).error;
    }
    schedulePoll();
  }

  /** Resumes a failed (or stopped) crawl; the server's alarm then drives it to the end. */
  async function resumeCrawl(): Promise<void> {
    try {
      crawl.value = (await setupApi.resumeCrawl(broadcastId)).crawl;
      if (crawl.value && crawl.value.status !== "done") crawl.value = { ...crawl.value, status: "running" };
      crawlError.value = null;
    } catch (err) {
      // Already crawling (the server's alarm drives it): nothing to resume, keep following it.
      if (err instanceof ApiFailure && err.code === "crawl_running") crawlError.value = null;
      else crawlError.value = failed(err).error;
    }
    schedulePoll();
  }

  return {
    broadcastId,
    broadcast,
    knowledge,
    loaded,
    crawl,
    capture,
    source,
    captureStep,
    crawlError,
    /** First load: the broadcast, its knowledge, crawl progress and capture state. */
    async start(): Promise<void> {
      try {
        broadcast.value = await api.getBroadcast(broadcastId);
        await refreshKnowledge();
        if (knowledge.value?.products.length) source.value = { status: "done", error: null };
      } catch (err) {
        source.value = failed(err);
      }
      await pollCrawl();
      captureApi.status(broadcastId).then(
        (s) => (capture.value = s),
        () => undefined,
      );
    },
    stop(): void {
      stopped = true;
      clearTimeout(pollTimer);
    },
    /** Step 1: read the broadcast from Naver (detail, products, coupons, benefits) and start the crawl. */
    async loadFromNaver(naverUrl: string | undefined): Promise<void> {
      source.value = { status: "working", error: null };
      try {
        loaded.value = await setupApi.run(broadcastId, naverUrl);
        crawl.value = loaded.value.crawl;
        await refreshKnowledge();
        source.value = { status: "done", error: null };
        schedulePoll();
      } catch (err) {
        source.value = failed(err);
      }
    },
    /** Rehearsal: no Naver to read; knowledge is typed in by hand. */
    skipSource(): void {
      source.value = { status: "skipped", error: null };
    },
    refreshKnowledge,
    /** The manager resumes a paused or failed crawl. */
    resumeCrawl: () => resumeCrawl(),
    async startCapture(body: CaptureStart): Promise<void> {
      captureStep.value = { status: "working", error: null };
      try {
        capture.value = await captureApi.start(broadcastId, body);
        captureStep.value = { status: "done", error: null };
      } catch (err) {
        captureStep.value = failed(err);
      }
    },
    async stopCapture(): Promise<void> {
      try {
        capture.value = await captureApi.stop(broadcastId);
        captureStep.value = idle;
      } catch (err) {
        captureStep.value = failed(err);
      }
    },
  };
}

export type SetupStore = ReturnType<typeof createSetupStore>;
