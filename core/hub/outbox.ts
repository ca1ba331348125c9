/**
 * The pure side of the hub's viewer outbox: a publish, edit or unpublish is an intention
 * kept until every viewer shard has confirmed it. Only the newest intention per answer is
 * kept (an edit supersedes the publish it edits, an unpublish supersedes both), and each has
 * a version so a confirmation of a superseded intention never clears the newer one.
 */

/** First retry after this long; doubles per failed round up to `RETRY_MAX_MS`. */
export const RETRY_BASE_MS = 500;
export const RETRY_MAX_MS = 30_000;

/** When to try a shard again after `attempts` failed rounds (1 = the first failure). */
export function retryDelay(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 16));
  return Math.min(RETRY_BASE_MS * 2 ** exponent, RETRY_MAX_MS);
}

/** One answer's delivery to viewers, as boards show it: every shard, or `pending` still retrying. */
export interface DeliveryStatus {
  id: string;
  kind: "qa" | "unpublish";
  shards: number;
  /** Shards that have not confirmed the newest intention yet (0: delivered everywhere). */
  pending: number;
}

/** What one delivery round did: the shards that confirmed and the ones to retry. */
export interface RoundResult {
  confirmed: readonly number[];
  failed: readonly number[];
}

/** The shards still pending after a round: those pending before, minus the confirmed. */
export function remainingShards(pending: readonly number[], round: RoundResult): number[] {
  const confirmed = new Set(round.confirmed);
  return pending.filter((shard) => !confirmed.has(shard));
}

/** Every shard of a broadcast: a new intention is pending on all of them. */
export function allShards(shards: number): number[] {
  return Array.from({ length: shards }, (_, shard) => shard);
}
