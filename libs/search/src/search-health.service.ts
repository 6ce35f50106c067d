import { Inject, Injectable } from '@nestjs/common';
import { SearchOutboxRepository } from './outbox/search-outbox.repository';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';

export interface SearchHealthReport {
  engine: string;
  status: 'up' | 'down';
  message?: string;
  outbox: {
    /** changes not yet in the index */
    pending: number;
    /** of those, how many failed at least once */
    failing: number;
    /** age of the oldest pending change: how far the index lags behind the database */
    lagSeconds: number;
    lastDeliveredAt: string | null;
    lastError: string | null;
  };
}

const ENGINE_CHECK_TIMEOUT_MS = 2000;

/** For /health: is the engine reachable, and how far behind the database is its index? */
@Injectable()
export class SearchHealthService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly outbox: SearchOutboxRepository,
  ) {}

  async report(): Promise<SearchHealthReport> {
    const timeout = new Promise<{ status: 'down'; message: string }>((resolve) => {
      setTimeout(() => resolve({ status: 'down', message: `no answer within ${ENGINE_CHECK_TIMEOUT_MS} ms` }), ENGINE_CHECK_TIMEOUT_MS).unref();
    });
    const [health, stats] = await Promise.all([Promise.race([this.engine.health(), timeout]), this.outbox.stats()]);
    return {
      engine: this.engine.name,
      status: health.status,
      ...(health.message ? { message: health.message } : {}),
      outbox: {
        pending: stats.pending,
        failing: stats.failing,
        lagSeconds: Math.round(stats.oldestPendingSeconds * 10) / 10,
        lastDeliveredAt: stats.lastDeliveredAt ? new Date(stats.lastDeliveredAt).toISOString() : null,
        lastError: stats.lastError,
      },
    };
  }
}
