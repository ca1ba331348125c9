/** Hard limits shared by every side of the protocols. Changing one is a protocol change. */
export const LIMITS = {
  /** Chats in one ingest batch. */
  maxBatchChats: 1000,
  /** Characters in one chat message (Naver caps chats far below this). */
  maxMessageChars: 1000,
  maxNicknameChars: 100,
  /** Chats in one coalesced board frame. */
  maxFrameItems: 500,
  /** A board further behind than this gets `resync` and pages through the log. */
  maxReplayChats: 5000,
  /** Bytes of one incoming socket message. */
  maxSocketMessageBytes: 512 * 1024,
} as const;
