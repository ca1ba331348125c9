import { signal, type ReadonlySignal } from "@preact/signals";
import type { DraftResponse } from "../../core/answers/api.ts";
import { answersApi } from "./api-board.ts";
import type { BoardStore } from "./board-store.ts";
import { t } from "./i18n.ts";
import { managerName } from "./manager-name.ts";
import { isYouTube, youtubeApi } from "./youtube-api.ts";

/** What the manager is answering: a question cluster, or one chat picked from the board. */
export type AnswerTarget =
  | { kind: "cluster"; clusterId: string; question: string; count: number }
  | { kind: "chat"; seq: number; commentNo: number; question: string };

/** The answer editor's state and actions for one board. */
export interface AnswerSession {
  readonly broadcastId: string;
  readonly target: ReadonlySignal<AnswerTarget | null>;
  readonly draft: ReadonlySignal<DraftResponse | null>;
  readonly drafting: ReadonlySignal<boolean>;
  readonly draftError: ReadonlySignal<string | null>;
  /** The answer text being edited (starts as the draft). */
  readonly text: ReadonlySignal<string>;
  readonly sending: ReadonlySignal<boolean>;
  /** The outcome of the last send, shown after the editor closes. */
  readonly notice: ReadonlySignal<{ kind: "ok" | "warn" | "error"; text: string } | null>;
  /** Also post the answer into the YouTube live chat (YouTube broadcasts only). */
  readonly postToYouTube: ReadonlySignal<boolean>;
  setPostToYouTube(next: boolean): void;
  open(target: AnswerTarget, ready?: DraftResponse | null, productKey?: string): void;
  setText(text: string): void;
  redraft(): void;
  send(): Promise<void>;
  dismiss(): void;
  close(): void;
  /** Claims the open cluster once the manager has a display name. */
  claimOpen(): void;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Drafts come from the cluster (pre-drafted by the hub) or the draft API; stale answers are ignored. */
export function createAnswerSession(broadcastId: string, store: BoardStore): AnswerSession {
  const target = signal<AnswerTarget | null>(null);
  const draft = signal<DraftResponse | null>(null);
  const drafting = signal(false);
  const draftError = signal<string | null>(null);
  const text = signal("");
  const sending = signal(false);
  const notice = signal<AnswerSession["notice"]["value"]>(null);
  const postToYouTube = signal(true);
  let request = 0;
  let product: string | undefined;

  function useDraft(d: DraftResponse): void {
    draft.value = d;
    text.value = d.abstained ? "" : d.answer;
  }

  async function fetchDraft(question: string): Promise<void> {
    const mine = ++request;
    drafting.value = true;
    draftError.value = null;
    try {
      const d = await answersApi.draft(broadcastId, question, product);
      if (mine === request) useDraft(d);
    } catch (err) {
      if (mine === request) draftError.value = t("answer.draftFailed", { message: message(err) });
    } finally {
      if (mine === request) drafting.value = false;
    }
  }

  function claimOpen(): void {
    const current = target.value;
    if (current?.kind === "cluster" && managerName.value) store.claim(current.clusterId, managerName.value);
  }

  function close(): void {
    request++;
    if (store.claimed.value && managerName.value) store.claim(null, managerName.value);
    target.value = null;
    draft.value = null;
    drafting.value = false;
    draftError.value = null;
    text.value = "";
  }

  return {
    target,
    draft,
    drafting,
    draftError,
    text,
    sending,
    notice,
    claimOpen,
    close,
    open(next, ready, productKey) {
      close();
      product = productKey;
      target.value = next;
      notice.value = null;
      claimOpen();
      if (ready) useDraft(ready);
      else void fetchDraft(next.question);
    },
    setText: (value) => (text.value = value),
    broadcastId,
    postToYouTube,
    setPostToYouTube: (next) => (postToYouTube.value = next),
    redraft() {
      if (target.value) void fetchDraft(target.value.question);
    },
    async send() {
      const current = target.value;
      const answer = text.value.trim();
      if (!current || !answer || sending.value) return;
      sending.value = true;
      try {
        const body = {
          question: current.question,
          answer,
          ...(current.kind === "chat" ? { sourceCommentNo: current.commentNo } : { clusterId: current.clusterId }),
        };
        const outcome = await answersApi.publish(broadcastId, body);
        const a = outcome.answer;
        store.notePublished({ id: a.id, question: a.question, answer: a.answer, at: a.updatedAt });
        // The hub marked the cluster answered for every board; show it here without waiting.
        if (current.kind === "cluster") store.noteClusterStatus(current.clusterId, "answered");
        notice.value = outcome.relay
          ? { kind: "ok", text: t("answer.sent") }
          : { kind: "warn", text: t("answer.relayFailed") };
        if (postToYouTube.value && isYouTube(store)) {
          // The board hears the outcome from the hub too (answer-posted); a failure also shows here.
          await youtubeApi.post(broadcastId, a.id).catch((err: unknown) => {
            notice.value = { kind: "warn", text: t("youtube.postFailed", { message: message(err) }) };
          });
        }
        close();
      } catch (err) {
        notice.value = { kind: "error", text: t("answer.sendFailed", { message: message(err) }) };
      } finally {
        sending.value = false;
      }
    },
    dismiss() {
      const current = target.value;
      if (current?.kind === "cluster") store.setClusterStatus(current.clusterId, "dismissed");
      close();
    },
  };
}
