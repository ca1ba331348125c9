/** Close code a socket gets when its broadcast is deleted (4000–4999: the application's own). */
export const DELETED_CLOSE_CODE = 4404;

/** Closes every socket the object holds; one already closing is skipped. */
export function closeAllSockets(ctx: DurableObjectState, code: number, reason: string): void {
  for (const ws of ctx.getWebSockets()) {
    try {
      ws.close(code, reason);
    } catch {
      // Already closing: nothing to tell it.
    }
  }
}

/**
 * Clears an object for good: sockets closed, alarm removed, every key and SQLite table
 * dropped. The caller rebuilds its (empty) schema if the object should keep serving.
 */
export async function wipeObject(ctx: DurableObjectState, reason: string): Promise<void> {
  closeAllSockets(ctx, DELETED_CLOSE_CODE, reason);
  await ctx.storage.deleteAlarm();
  await ctx.storage.deleteAll();
}
