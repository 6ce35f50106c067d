import { ErrorCode } from '@lotse/common';
import { CANDIDATES_PER_LOOK as LOOK, MatchBudget, MatchLimits, MatchTooLargeError } from './match-budget';

const LIMITS: MatchLimits = { workUnits: 1000, timeMs: 60_000, sliceMs: 1 };
const meter = () => ({ scoredPairs: 0, slices: 0 });

/** A few ms of CPU without a turn of the event loop. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('MatchBudget', () => {
  it('counts the work it reserves and refuses what would exceed MATCH_WORK_LIMIT, naming the limit', () => {
    const work = meter();
    const budget = new MatchBudget(LIMITS, work);
    budget.reserve(600);
    budget.reserve(400);
    expect(work.scoredPairs).toBe(1000);
    let refusal: unknown;
    try {
      budget.reserve(1);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(MatchTooLargeError);
    expect(refusal).toMatchObject({ code: ErrorCode.MATCH_TOO_LARGE, details: { limit: 'MATCH_WORK_LIMIT', maxValue: 1000, needed: 1001 } });
    expect((refusal as Error).message).toContain('the limit (MATCH_WORK_LIMIT) is 1000');
    // refused work is not counted
    expect(work.scoredPairs).toBe(1000);
  });

  it('gives the event loop turns while it works: a timer set before the loop runs before the loop ends', async () => {
    const order: string[] = [];
    const work = meter();
    const budget = new MatchBudget(LIMITS, work);
    setTimeout(() => order.push('other request'), 0);
    await budget.each(Array.from({ length: LOOK * 20 }), (_, i) => {
      if (i % LOOK === 0) busy(2);
      if (i === LOOK * 20 - 1) order.push('match');
    });
    expect(order).toEqual(['other request', 'match']);
    expect(work.slices).toBeGreaterThan(0);
  });

  it('does not give a turn while its stretch is short', async () => {
    const order: string[] = [];
    const work = meter();
    const budget = new MatchBudget({ ...LIMITS, sliceMs: 60_000 }, work);
    setImmediate(() => order.push('other request'));
    await budget.each(Array.from({ length: LOOK * 5 }), () => undefined);
    order.push('match');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['match', 'other request']);
    expect(work.slices).toBe(0);
  });

  it('stops a match past MATCH_TIME_LIMIT_MS at its next checkpoint', async () => {
    const budget = new MatchBudget({ ...LIMITS, timeMs: 1 }, meter());
    let scored = 0;
    const run = budget.each(Array.from({ length: LOOK * 10 }), (_, i) => {
      if (i % LOOK === 0) busy(2);
      scored++;
    });
    await expect(run).rejects.toMatchObject({ code: ErrorCode.MATCH_TOO_LARGE, details: { limit: 'MATCH_TIME_LIMIT_MS', maxValue: 1 } });
    // stopped at the first look after the limit, not at the end
    expect(scored).toBeLessThanOrEqual(LOOK);
    await expect(budget.checkpoint()).rejects.toThrow('the limit (MATCH_TIME_LIMIT_MS) is 1 ms');
  });
});
