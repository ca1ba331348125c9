/**
 * A consecutive-failure circuit breaker: closed until `threshold` calls in a row fail, then
 * open (no calls) for `cooldownMs`, then half-open: one probe call at a time decides whether
 * it closes again or reopens for another cooldown.
 */
export type BreakerState = "closed" | "open" | "half-open";

export class CircuitBreaker {
  #failures = 0;
  #openedAt: number | null = null;
  #probing = false;
  readonly threshold: number;
  readonly cooldownMs: number;
  readonly #now: () => number;

  constructor(threshold: number, cooldownMs: number, now: () => number = Date.now) {
    this.threshold = threshold;
    this.cooldownMs = cooldownMs;
    this.#now = now;
  }

  get state(): BreakerState {
    if (this.#openedAt === null) return "closed";
    return this.#now() - this.#openedAt >= this.cooldownMs ? "half-open" : "open";
  }

  get consecutiveFailures(): number {
    return this.#failures;
  }

  /**
   * Whether a call may start now: `"call"` when closed, `"probe"` for the single probe
   * when half-open, `null` otherwise. Report the outcome with the same kind.
   */
  tryAcquire(): "call" | "probe" | null {
    const state = this.state;
    if (state === "closed") return "call";
    if (state === "open" || this.#probing) return null;
    this.#probing = true;
    return "probe";
  }

  /** Records a successful call: closes the breaker. */
  success(kind: "call" | "probe"): void {
    if (kind === "probe") this.#probing = false;
    this.#failures = 0;
    this.#openedAt = null;
  }

  /** Records a failed call; returns true when this failure opened (or reopened) the breaker. */
  failure(kind: "call" | "probe"): boolean {
    this.#failures++;
    if (kind === "probe") this.#probing = false;
    // A straggler that started before the breaker opened does not extend the cooldown.
    if (kind === "probe" || (this.#openedAt === null && this.#failures >= this.threshold)) {
      this.#openedAt = this.#now();
      return true;
    }
    return false;
  }
}
