import { signal, type ReadonlySignal } from "@preact/signals";
import { ApiFailure, api } from "./api.ts";
import { token } from "./auth.ts";
import { BoardSocket, boardSocketUrl, type ConnectionState } from "./board-socket.ts";
import { applyFrames, emptyBoard, type BoardFrame, type BoardState } from "./board-state.ts";

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
    }
    if (frameRequest === 0) frameRequest = requestAnimationFrame(flush);
    fallbackTimer ??= setTimeout(flush, HIDDEN_FLUSH_MS);
  }

  const socket = new BoardSocket(() => boardSocketUrl(broadcastId, token.value ?? ""), {
    lastSeq: () => Math.max(receivedSeq, state.peek().lastSeq),
    onFrame: enqueue,
    onInvalid: () => invalid.value++,
    onServerError: (code, message) => {
      serverError.value = `${message} (${code})`;
    },
    onState: (next) => {
      connection.value = next;
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
    start: () => socket.start(),
    stop: () => {
      socket.stop();
      flush();
    },
  };
}
