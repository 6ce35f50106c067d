import { TooManyRequestsError } from '@lotse/common';

/**
 * Fixed-window counters in memory, per key (e.g. "login:<ip>"). Enough for one API process; a
 * horizontally scaled deployment would move this to a shared store (Redis) behind the same method.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one hit; throws TOO_MANY_REQUESTS beyond `limit` per `windowMs`. */
  hit(key: string, limit: number, windowMs = 60_000): void {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.prune(now, windowMs);
    }
    window.count++;
    if (window.count > limit) throw new TooManyRequestsError(Math.ceil((window.start + windowMs - now) / 1000));
  }

  private prune(now: number, windowMs: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
  }
}
