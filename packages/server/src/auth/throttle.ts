/**
 * Sign-in throttling: after `limit` failed attempts within `windowMs` for one account or one
 * address, further attempts are refused until the oldest failure leaves the window. Kept in
 * memory: one server process per database (documented in docs/architecture.md).
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until a new attempt is allowed for any of the keys, 0 if allowed now. */
  retryAfterMs(keys: string[]): number {
    const t = this.now();
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, t);
      if (recent.length >= this.limit) wait = Math.max(wait, recent[recent.length - this.limit]! + this.windowMs - t);
    }
    return wait;
  }

  recordFailure(keys: string[]): void {
    const t = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key, t), t]);
  }

  /** A successful sign-in clears the account's failures, never the address's. */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, t: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((at) => t - at < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }
}
