import { TooManyRequestsError } from './errors';

export interface ConcurrencyGateOptions {
  /** what is gated, for the refusal: "coverage analyses" */
  what: string;
  /** running at once per key (user) */
  perKey: number;
  /** running at once in this process, all keys together */
  total: number;
  /** waiting per key beyond `perKey`; more are refused at once */
  queuePerKey: number;
  /** how long a waiting one waits before it is refused */
  maxWaitMs: number;
}

interface Waiter {
  key: string;
  start: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Bounds expensive work per user and in total: a user's excess waits briefly (first come, first
 * served) or is refused with TOO_MANY_REQUESTS naming the rule, so one user cannot stall everyone.
 * In memory, per process — like the rate limiter.
 */
export class ConcurrencyGate {
  private readonly running = new Map<string, number>();
  private runningTotal = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly options: ConcurrencyGateOptions) {}

  /** Runs `work` when a slot is free for `key`. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await work();
    } finally {
      this.release(key);
    }
  }

  /** What runs and waits now (tests, health). */
  load(): { running: number; waiting: number } {
    return { running: this.runningTotal, waiting: this.waiting.length };
  }

  private free(key: string): boolean {
    return (this.running.get(key) ?? 0) < this.options.perKey && this.runningTotal < this.options.total;
  }

  private take(key: string): void {
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    this.runningTotal++;
  }

  private acquire(key: string): Promise<void> {
    if (this.free(key) && !this.waiting.some((w) => w.key === key)) {
      this.take(key);
      return Promise.resolve();
    }
    const { what, perKey, queuePerKey, maxWaitMs } = this.options;
    const refusal = () =>
      new TooManyRequestsError(
        Math.ceil(maxWaitMs / 1000),
        `Too many ${what} at once: at most ${perKey} per user run at a time and ${queuePerKey} more wait up to ${Math.round(maxWaitMs / 1000)} s; try again shortly`,
        { limit: perKey, queue: queuePerKey },
      );
    if (this.waiting.filter((w) => w.key === key).length >= queuePerKey) return Promise.reject(refusal());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        start: () => {
          clearTimeout(waiter.timer);
          this.take(key);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(refusal());
        }, maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private release(key: string): void {
    const n = (this.running.get(key) ?? 1) - 1;
    if (n > 0) this.running.set(key, n);
    else this.running.delete(key);
    this.runningTotal--;
    // the longest-waiting one whose key has a free slot
    for (let i = 0; i < this.waiting.length && this.runningTotal < this.options.total; i++) {
      const waiter = this.waiting[i];
      if (!this.free(waiter.key)) continue;
      this.waiting.splice(i--, 1);
      waiter.start();
    }
  }
}

/**
 * Lets other requests run during a long computation: `await slice()` in a loop yields to the event
 * loop once every `sliceMs` of work (a macrotask turn, so pending I/O and other requests proceed);
 * `onYield` counts the turns.
 */
export function cooperativeSlicer(sliceMs = 10, onYield?: () => void): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    onYield?.();
    last = performance.now();
  };
}
