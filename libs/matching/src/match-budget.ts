import { cooperativeSlicer, DomainError, ErrorCode } from '@lotse/common';

export const MATCH_LIMITS = Symbol('MATCH_LIMITS');

/**
 * What one match may spend (issue 12: "keep any request's CPU bounded"). Set from MATCH_WORK_LIMIT
 * and MATCH_TIME_LIMIT_MS, validated at boot (libs/config).
 */
export interface MatchLimits {
  /** need × candidate pairs one match may score: each considered candidate is scored against each need */
  workUnits: number;
  /** how long one match may compute, from its start to its ranking, in ms */
  timeMs: number;
  /** how long a stretch of work runs before the event loop gets a turn, in ms */
  sliceMs: number;
}

/** Candidates scored between two looks at the clock: a look costs well under a µs, a candidate µs per need. */
export const CANDIDATES_PER_LOOK = 16;

/**
 * A match over its budget, stopped: by its counted work before scoring starts (the same answer
 * under any load), or by its time at the next look at the clock. Names the limit and its value, so
 * a client can ask for less (fewer needs, a shorter travel limit, more filters).
 */
export class MatchTooLargeError extends DomainError {
  constructor(limit: 'MATCH_WORK_LIMIT' | 'MATCH_TIME_LIMIT_MS', value: number, needed?: number) {
    super(
      ErrorCode.MATCH_TOO_LARGE,
      limit === 'MATCH_WORK_LIMIT'
        ? `Match is too large: it would score ${needed} need × candidate pairs, the limit (MATCH_WORK_LIMIT) is ${value}. Ask for fewer needs, a shorter travel limit or more filters.`
        : `Match took too long and was stopped: the limit (MATCH_TIME_LIMIT_MS) is ${value} ms. Ask for fewer needs, a shorter travel limit or more filters, or try again later.`,
      { limit, maxValue: value, ...(needed !== undefined ? { needed } : {}) },
    );
  }
}

/**
 * One match's budget, made when the match starts. The matcher calls `reserve` before it scores
 * (refused when the counted work would exceed the limit), `checkpoint` between its steps and
 * `each` for its loops: every `sliceMs` of work the event loop gets a turn (a macrotask, as the
 * coverage analysis does), so other requests are served meanwhile, and past `timeMs` the match is
 * stopped. The counted work is what `MatchWork` reports.
 */
export class MatchBudget {
  private readonly started = performance.now();
  private readonly slice: () => Promise<void>;
  /** when the event loop last had a turn (the slicer's own clock starts with the budget, too) */
  private lastTurn = this.started;

  constructor(
    private readonly limits: MatchLimits,
    private readonly meter: { scoredPairs: number; slices: number },
  ) {
    this.slice = cooperativeSlicer(limits.sliceMs, () => {
      this.meter.slices++;
      this.lastTurn = performance.now();
    });
  }

  /** Counts `units` need × candidate pairs about to be scored; refuses when the match would exceed MATCH_WORK_LIMIT. */
  reserve(units: number): void {
    const total = this.meter.scoredPairs + units;
    if (total > this.limits.workUnits) throw new MatchTooLargeError('MATCH_WORK_LIMIT', this.limits.workUnits, total);
    this.meter.scoredPairs = total;
  }

  /** Between two steps: a turn for the event loop when this stretch ran long enough; stops the match past MATCH_TIME_LIMIT_MS. */
  async checkpoint(): Promise<void> {
    this.assertInTime();
    await this.slice();
  }

  /**
   * `work` for each item, with a look at the clock every few items; it awaits only when a turn is
   * due — an await per look, due or not, was a promise and a microtask per 16 candidates.
   */
  async each<T>(items: readonly T[], work: (item: T, index: number) => void): Promise<void> {
    for (let i = 0; i < items.length; i++) {
      if (i % CANDIDATES_PER_LOOK === 0) {
        this.assertInTime();
        if (performance.now() - this.lastTurn >= this.limits.sliceMs) await this.slice();
      }
      work(items[i], i);
    }
  }

  private assertInTime(): void {
    if (performance.now() - this.started > this.limits.timeMs) throw new MatchTooLargeError('MATCH_TIME_LIMIT_MS', this.limits.timeMs);
  }
}
