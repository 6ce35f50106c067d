import { Injectable } from '@nestjs/common';
import { ConcurrencyGate, ConcurrencyGateOptions } from '@lotse/common';

/**
 * Coverage analyses at once: one per user (an all-Saxony analysis takes seconds of CPU), two in
 * the process (the cores); a user's next three wait up to 30 s, more are refused with
 * TOO_MANY_REQUESTS. Aliases of one request count one by one.
 */
export const COVERAGE_CONCURRENCY: ConcurrencyGateOptions = { what: 'coverage analyses', perKey: 1, total: 2, queuePerKey: 3, maxWaitMs: 30_000 };

@Injectable()
export class CoverageGate extends ConcurrencyGate {
  constructor() {
    super(COVERAGE_CONCURRENCY);
  }
}
