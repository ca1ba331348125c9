import { signal, type ReadonlySignal, type Signal } from "@preact/signals";
import type { AnswerDelivery, CaptureStatus, Claim, ClusterStatus, Intent } from "../../core/protocol/index.ts";
import { ApiFailure, api } from "./api.ts";
import { answersApi } from "./api-board.ts";
import { applyPublished, applyUnpublished, fromApi, mergeLoaded, type PublishedList } from "./answers-state.ts";
import { BoardSocket, boardSocketUrl, type BoardEvent, type ConnectionState } from "./board-socket.ts";
import { applyFrames, dropOlder, emptyBoard, olderCursor, type BoardFrame, type BoardState } from "./board-state.ts";
import { applyClusters, withStatus, type ClusterMap } from "./clusters-state.ts";
import { applyDecision, applyHeld, type HeldQueue, type NicknameInfo } from "./moderation-state.ts";

/** Whether an answer reached the source's own chat (YouTube), as the hub said. */
export interface PostedState {
  posted: boolean;
  text: string;
  message?: string;
}

/** Chats asked for per older page when scrolling back. */
const OLDER_PAGE = 100;
/**
 * Empty older pages followed at once, without a scroll: a column rare in that stretch of the
 * log still fills (each page reads a bounded span), yet a column with nothing left stops.
 */
const MAX_EMPTY_FOLLOWS = 20;
/** Longest a frame may wait when the tab is hidden and animation frames stop. */
const HIDDEN_FLUSH_MS = 250;

/** A live board for one broadcast: socket, frame queue and the signals components read. */
export interface BoardStore {
  readonly state: ReadonlySignal<BoardState>;
  readonly connection: ReadonlySignal<ConnectionState>;
  /** Messages that failed validation on this board. */
  readonly invalid: ReadonlySignal<number>;
  readonly serverError: ReadonlySignal<string | null>;
  /** Set when the board cannot work at all (e.g. the broadcast does not exist). */
  readonly notFound: ReadonlySignal<boolean>;
  readonly clusters: ReadonlySignal<ClusterMap>;
  /** Every board's claim, this one's included. */
  readonly claims: ReadonlySignal<readonly Claim[]>;
  /** The cluster this board says it is answering. */
  readonly claimed: ReadonlySignal<string | null>;
  readonly published: ReadonlySignal<PublishedList>;
  readonly capture: ReadonlySignal<CaptureStatus | null>;
  /** Answers posted (or not) into the YouTube chat, by answer id. */
  readonly posted: ReadonlySignal<ReadonlyMap<string, PostedState>>;
  /** How far each answer reached viewers, by answer id (the hub's outbox; absent: no news since the board opened). */
  readonly deliveries: ReadonlySignal<ReadonlyMap<string, AnswerDelivery>>;
  /** Asks the hub for the next older page of a column (the manager scrolled to its end); one request at a time. */
  loadOlder(column: Intent): void;
  /** A column is back at its live top: the older pages it loaded are let go. */
  dropOlder(column: Intent): void;
  /** Chats moderation holds, waiting for a decision. */
  readonly held: ReadonlySignal<HeldQueue>;
  /** The nickname panel (null: closed). */
  readonly nickname: Signal<NicknameInfo | null>;
  /** Allows (the chat joins its column) or denies a held chat, for every board. */
  moderate(seq: number, decision: "allow" | "deny"): void;
  lookupNickname(nickname: string): void;
  /** The broadcast's moderation rules as the hub last sent them. */
  readonly moderationSettings: ReadonlySignal<Record<string, unknown> | null>;
  /** Replaces the rules for every board (the hub validates them and needs broadcast.setup). */
  saveModerationSettings(settings: Record<string, unknown>): void;
  /** Marks a cluster for every manager (shown here at once, confirmed by the hub's echo). */
  setClusterStatus(id: string, status: ClusterStatus): void;
  /** Shows a status the hub already set (an answer published for the cluster). */
  noteClusterStatus(id: string, status: ClusterStatus): void;
  /** Tells the other boards this manager is (or, with null, is no longer) answering a cluster. */
  claim(clusterId: string | null, manager: string): void;
  /** Applies a publish/edit/unpublish this board made, before the hub's frame echoes it. */
  notePublished(pair: PublishedList[number]): void;
  noteUnpublished(id: string): void;
  start(): void;
  stop(): void;
}

/**
 * Frames are queued as they arrive and applied at most once per animation frame, so a
 * burst of many small frames costs one state change and one render.
 */
export function createBoardStore(broadcastId: string): BoardStore {
  const state = signal<BoardState>(emptyBoard());
  const connection = signal<ConnectionState>("connecting");
  const invalid = signal(0);
  const serverError = signal<string | null>(null);
  const notFound = signal(false);
  const clusters = signal<ClusterMap>(new Map());
  const claims = signal<readonly Claim[]>([]);
  const claimed = signal<string | null>(null);
  const published = signal<PublishedList>([]);
  const capture = signal<CaptureStatus | null>(null);
  const posted = signal<ReadonlyMap<string, PostedState>>(new Map());
  const deliveries = signal<ReadonlyMap<string, AnswerDelivery>>(new Map());
  /** Columns with an `older` request in flight: cleared by its answer, or by a reconnect. */
  const olderInFlight = new Set<Intent>();
  const emptyFollows: Record<Intent, number> = { question: 0, request: 0, general: 0 };
  const held = signal<HeldQueue>([]);
  const nickname = signal<NicknameInfo | null>(null);
  const moderationSettings = signal<Record<string, unknown> | null>(null);
  /** Ids taken down since the board opened: a late API list must not bring them back. */
  const unpublishedIds = new Set<string>();
  let claimManager = "";

  let queue: BoardFrame[] = [];
  /** Highest seq received, queued or applied: the resume point must not wait for a render. */
  let receivedSeq = 0;
  let frameRequest = 0;
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    cancelAnimationFrame(frameRequest);
    clearTimeout(fallbackTimer);
    frameRequest = 0;
    fallbackTimer = undefined;
    if (queue.length === 0) return;
    const frames = queue;
    queue = [];
    state.value = applyFrames(state.value, frames);
  }

  function enqueue(frame: BoardFrame): void {
    queue.push(frame);
    if (frame.type === "chats") {
      const last = frame.items.at(-1);
      if (last) receivedSeq = Math.max(receivedSeq, last.seq);
    } else if (frame.type === "resync") {
      receivedSeq = Math.max(receivedSeq, frame.fromSeq - 1);
    } else if (frame.type === "window") {
      receivedSeq = Math.max(receivedSeq, frame.lastSeq);
    } else if (frame.type === "older-chats") {
      olderInFlight.delete(frame.column);
      emptyFollows[frame.column] = frame.items.length ? 0 : emptyFollows[frame.column] + 1;
      if (!frame.items.length && frame.next > 0 && emptyFollows[frame.column] <= MAX_EMPTY_FOLLOWS) {
        queueMicrotask(() => loadOlder(frame.column));
      }
    }
    if (frameRequest === 0) frameRequest = requestAnimationFrame(flush);
    fallbackTimer ??= setTimeout(flush, HIDDEN_FLUSH_MS);
  }

  function onEvent(event: BoardEvent): void {
    switch (event.type) {
      case "clusters":
        clusters.value = applyClusters(clusters.value, event.items);
        return;
      case "claims":
        claims.value = event.items;
        return;
      case "answer-published":
        published.value = applyPublished(published.value, event.answer);
        return;
      case "answer-unpublished":
        unpublishedIds.add(event.id);
        published.value = applyUnpublished(published.value, event.id);
        return;
      case "capture":
        capture.value = event.status;
        return;
      case "answer-posted": {
        const { id, type: _type, ...outcome } = event;
        posted.value = new Map(posted.value).set(id, outcome);
        return;
      }
      case "answer-delivery": {
        const next = new Map(deliveries.value);
        for (const item of event.items) next.set(item.id, item);
        deliveries.value = next;
        return;
      }
      case "held":
        held.value = applyHeld(held.value, event.items);
        return;
      case "moderation-decision":
        held.value = applyDecision(held.value, event.seq);
        return;
      case "nickname":
        nickname.value = event;
        return;
      case "moderation-settings":
        moderationSettings.value = event.settings;
        return;
    }
  }

  async function loadPublished(): Promise<void> {
    try {
      const { answers } = await answersApi.list(broadcastId);
      published.value = mergeLoaded(published.value, fromApi(answers), unpublishedIds);
    } catch {
      // The frames still keep the list current; a reload fetches it again.
    }
  }

  function loadOlder(column: Intent): void {
    flush();
    const before = olderCursor(state.value, column);
    if (before === null || olderInFlight.has(column)) return;
    if (socket.send({ type: "older", column, beforeSeq: before, limit: OLDER_PAGE })) olderInFlight.add(column);
  }

  const socket = new BoardSocket(() => boardSocketUrl(broadcastId), {
    lastSeq: () => Math.max(receivedSeq, state.peek().lastSeq),
    onFrame: enqueue,
    onEvent,
    afterHello: () =>
      claimed.value && claimManager ? [{ type: "claim", clusterId: claimed.value, manager: claimManager }] : [],
    onInvalid: () => invalid.value++,
    onServerError: (code, message) => {
      serverError.value = `${message} (${code})`;
    },
    onState: (next) => {
      connection.value = next;
      if (next !== "open") olderInFlight.clear();
      if (next === "open") serverError.value = null;
    },
    onRefused: async () => {
      try {
        await api.getBroadcast(broadcastId);
        return "retry";
      } catch (err) {
        if (!(err instanceof ApiFailure)) return "retry";
        if (err.status === 401) return "stop"; // api.ts already signed out with a notice
        if (err.status === 404) {
          notFound.value = true;
          return "stop";
        }
        return "retry";
      }
    },
  });

  return {
    state,
    connection,
    invalid,
    serverError,
    notFound,
    clusters,
    claims,
    claimed,
    published,
    capture,
    posted,
    deliveries,
    loadOlder,
    dropOlder(column) {
      flush();
      state.value = dropOlder(state.value, column);
    },
    held,
    nickname,
    moderationSettings,
    saveModerationSettings: (settings) => void socket.send({ type: "moderation-settings", settings }),
    moderate: (seq, decision) => void socket.send({ type: "moderate", seq, decision }),
    lookupNickname: (name) => void socket.send({ type: "nickname", nickname: name }),
    setClusterStatus(id, status) {
      clusters.value = withStatus(clusters.value, id, status);
      socket.send({ type: "cluster-status", id, status });
    },
    noteClusterStatus: (id, status) => (clusters.value = withStatus(clusters.value, id, status)),
    claim(clusterId, manager) {
      if (claimed.value === clusterId) return;
      claimed.value = clusterId;
      claimManager = manager;
      socket.send({ type: "claim", clusterId, manager });
    },
    notePublished: (pair) => (published.value = applyPublished(published.value, pair)),
    noteUnpublished(id) {
      unpublishedIds.add(id);
      published.value = applyUnpublished(published.value, id);
    },
    start: () => {
      socket.start();
      void loadPublished();
    },
    stop: () => {
      socket.stop();
      flush();
    },
  };
}
