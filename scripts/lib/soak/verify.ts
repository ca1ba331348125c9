/** What the broadcast's export says about the chats a feeder had acknowledged. */
export interface ExportCheck {
  broadcast: string;
  chats: number;
  lastSeq: number;
  /** Acknowledged commentNos missing from the log (only known for the soak's own feeders). */
  lost: number;
  duplicated: number;
  /** Adjacent log lines whose commentNo goes down (a feeder sends in commentNo order). */
  reordered: number;
  /** Log lines whose seq does not follow the previous one by exactly 1. */
  seqBreaks: number;
  pending: number;
}

/**
 * Reads `GET /api/broadcasts/:id/chats.jsonl` and checks it: every acknowledged commentNo
 * once, in order (`ackedUpTo` null for sources the soak does not feed, like the demo).
 */
export async function checkExport(
  base: string,
  token: string,
  broadcast: string,
  ackedUpTo: number | null,
): Promise<ExportCheck> {
  const res = await fetch(`${base}/api/broadcasts/${encodeURIComponent(broadcast)}/chats.jsonl`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`export of ${broadcast}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  const check: ExportCheck = {
    broadcast,
    chats: 0,
    lastSeq: 0,
    lost: 0,
    duplicated: 0,
    reordered: 0,
    seqBreaks: 0,
    pending: 0,
  };
  const seen = new Set<number>();
  let lastCommentNo = -Infinity;
  for (const line of text.split("\n")) {
    if (!line) continue;
    const chat = JSON.parse(line) as { seq: number; commentNo: number; intent: string };
    check.chats++;
    if (check.lastSeq !== 0 && chat.seq !== check.lastSeq + 1) check.seqBreaks++;
    check.lastSeq = chat.seq;
    if (seen.has(chat.commentNo)) check.duplicated++;
    seen.add(chat.commentNo);
    if (chat.commentNo < lastCommentNo) check.reordered++;
    lastCommentNo = chat.commentNo;
    if (chat.intent === "pending") check.pending++;
  }
  if (ackedUpTo !== null) for (let n = 1; n <= ackedUpTo; n++) if (!seen.has(n)) check.lost++;
  return check;
}
