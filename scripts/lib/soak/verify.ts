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
  /** Log lines whose seq does not follow the previous one by exactly 1, held chats aside. */
  seqBreaks: number;
  /** Acknowledged chats moderation held: logged, left out of the export until a manager allows them. */
  held: number;
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
  held: ReadonlyMap<number, number> = new Map(),
): Promise<ExportCheck> {
  const res = await fetch(`${base}/api/broadcasts/${encodeURIComponent(broadcast)}/chats.jsonl`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`export of ${broadcast}: ${res.status} ${await res.text()}`);
  return checkExportText(broadcast, await res.text(), ackedUpTo, held);
}

/** The checks over an export's text; `held` maps the seq of each chat the boards saw held to its commentNo. */
export function checkExportText(
  broadcast: string,
  text: string,
  ackedUpTo: number | null,
  held: ReadonlyMap<number, number>,
): ExportCheck {
  const check: ExportCheck = {
    broadcast,
    chats: 0,
    lastSeq: 0,
    lost: 0,
    duplicated: 0,
    reordered: 0,
    seqBreaks: 0,
    held: 0,
    pending: 0,
  };
  const seen = new Set<number>();
  let lastCommentNo = -Infinity;
  for (const line of text.split("\n")) {
    if (!line) continue;
    const chat = JSON.parse(line) as { seq: number; commentNo: number; intent: string };
    check.chats++;
    if (check.lastSeq !== 0 && chat.seq !== check.lastSeq + 1 && !allHeld(check.lastSeq + 1, chat.seq - 1, held))
      check.seqBreaks++;
    check.lastSeq = chat.seq;
    if (seen.has(chat.commentNo)) check.duplicated++;
    seen.add(chat.commentNo);
    if (chat.commentNo < lastCommentNo) check.reordered++;
    lastCommentNo = chat.commentNo;
    if (chat.intent === "pending") check.pending++;
  }
  const heldNos = new Set(held.values());
  if (ackedUpTo !== null)
    for (let n = 1; n <= ackedUpTo; n++) {
      if (seen.has(n)) continue;
      if (heldNos.has(n)) check.held++;
      else check.lost++;
    }
  return check;
}

/** Whether every seq from `from` to `to` is a held chat (a gap in the export that is not a break). */
function allHeld(from: number, to: number, held: ReadonlyMap<number, number>): boolean {
  for (let seq = from; seq <= to; seq++) if (!held.has(seq)) return false;
  return true;
}
