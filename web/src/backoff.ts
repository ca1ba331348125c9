/** First reconnect delay; it doubles per failed attempt up to `MAX_DELAY_MS`. */
export const BASE_DELAY_MS = 500;
export const MAX_DELAY_MS = 10_000;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential with "equal jitter"
 * (half fixed, half random) so a server restart is not met by every board at once.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
