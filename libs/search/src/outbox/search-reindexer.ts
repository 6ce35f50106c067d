import { Inject, Injectable } from '@nestjs/common';
import { CatalogueService } from '@lotse/catalogue';
import { SEARCH_ENGINE, SearchEngine } from '../search-engine.port';
import { OutboxProcessor } from './outbox-processor';
import { SearchIndexer } from './search-indexer';
import { SearchOutboxRepository } from './search-outbox.repository';

export interface ReindexOptions {
  /** empty the index first (searches see a partial index until the rebuild is done) */
  reset?: boolean;
  onProgress?: (delivered: number, total: number) => void;
  /** give up after this many consecutive failed batches (the engine is down) */
  maxConsecutiveFailures?: number;
  /** pause between polls while other workers hold listings or rows wait for their retry */
  pollMs?: number;
  /** use this processor instead of the module's (tests) */
  processor?: OutboxProcessor;
}

export interface ReindexReport {
  listings: number;
  /** index entries of listings that are gone or hidden, swept */
  stale: number;
  durationMs: number;
}

export class ReindexIncompleteError extends Error {}

/**
 * Rebuilds the index from the database *through the outbox*: every visible listing, and every
 * listing the index still holds, gets a row; the rows are then delivered like any change. So a
 * reindex can run while the API serves (its worker and this one share the claims and never
 * deliver one listing twice at once), and its result is by construction the incremental result.
 */
@Injectable()
export class SearchReindexer {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly outbox: SearchOutboxRepository,
    private readonly indexer: SearchIndexer,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  async reindex(options: ReindexOptions = {}): Promise<ReindexReport> {
    const started = Date.now();
    const processor = options.processor ?? this.indexer.processor;
    await processor.engine.init();
    if (options.reset) await processor.engine.clear();

    const visible = new Set<string>();
    for (let after: (string | number)[] | undefined; ; ) {
      const [services] = await this.catalogue.findServices({}, { limit: 1000, after });
      for (const s of services) visible.add(s.id);
      if (services.length < 1000) break;
      after = [services[services.length - 1].name, services[services.length - 1].id];
    }
    const stale: string[] = [];
    for await (const ids of processor.engine.listIds()) for (const id of ids) if (!visible.has(id)) stale.push(id);

    const from = await this.outbox.maxId();
    await this.outbox.enqueue([...visible], 'index');
    await this.outbox.enqueue(stale, 'remove');
    const to = await this.outbox.maxId();

    const maxFailures = options.maxConsecutiveFailures ?? 3;
    let failures = 0;
    for (;;) {
      const { total, delivered } = await this.outbox.progress(from, to);
      options.onProgress?.(delivered, total);
      if (delivered >= total) break;
      const outcome = await processor.processBatch();
      if (outcome.error) {
        if (++failures >= maxFailures) {
          throw new ReindexIncompleteError(
            `reindex stopped after ${failures} failed attempts (${outcome.error}); ${total - delivered} listings stay queued and are delivered when the search engine is back`,
          );
        }
      } else if (outcome.rows > 0) {
        failures = 0;
      }
      if (outcome.rows === 0 || outcome.error) await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
    }
    return { listings: visible.size, stale: stale.length, durationMs: Date.now() - started };
  }
}
