import { Logger } from '@nestjs/common';
import { SearchDocumentLoader } from '../document/search-document.loader';
import { SearchEngine } from '../search-engine.port';
import { RetryPolicy, SearchOutboxRepository } from './search-outbox.repository';

export interface DeliveryOptions {
  /** listings per batch */
  batchSize: number;
  /** how long a claim holds; longer than any engine call can take (those time out) */
  leaseMs: number;
  retry: RetryPolicy;
}

export interface BatchOutcome {
  /** outbox rows claimed (several rows of one listing coalesce into one delivery) */
  rows: number;
  listings: number;
  upserted: number;
  removed: number;
  /** set when the batch failed and went back to the queue */
  error?: string;
}

export interface DrainOutcome {
  batches: number;
  rows: number;
  listings: number;
  failed: boolean;
  error?: string;
}

/**
 * Delivers outbox rows to a search engine: claim the listings with the oldest due rows, read their
 * *current* state from the catalogue, upsert the visible ones and remove the rest, then acknowledge.
 * Delivering state rather than events makes redelivery harmless (idempotent) and several changes of
 * one listing collapse into one write; the claim makes one worker at a time responsible for a
 * listing, so its updates reach the engine in order. A failure returns the rows with back-off.
 */
export class OutboxProcessor {
  private initialized = false;

  constructor(
    private readonly outbox: SearchOutboxRepository,
    private readonly loader: SearchDocumentLoader,
    readonly engine: SearchEngine,
    private readonly options: DeliveryOptions,
    private readonly logger = new Logger('SearchIndexer'),
  ) {}

  async processBatch(): Promise<BatchOutcome> {
    const rows = await this.outbox.claim(this.options.batchSize, this.options.leaseMs);
    if (rows.length === 0) return { rows: 0, listings: 0, upserted: 0, removed: 0 };
    const ids = rows.map((r) => r.id);
    const listingIds = [...new Set(rows.map((r) => r.listingId))];
    try {
      if (!this.initialized) {
        await this.engine.init();
        this.initialized = true;
      }
      const { documents, removed } = await this.loader.load(listingIds);
      if (documents.length > 0) await this.engine.upsert(documents);
      if (removed.length > 0) await this.engine.remove(removed);
      await this.outbox.markDelivered(ids);
      return { rows: rows.length, listings: listingIds.length, upserted: documents.length, removed: removed.length };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.initialized = false;
      // If even this fails, the claim expires after leaseMs and the rows are taken again.
      await this.outbox.markFailed(ids, error, this.options.retry).catch(() => undefined);
      this.logger.warn(`search index update of ${listingIds.length} listings failed, will retry: ${error}`);
      return { rows: rows.length, listings: listingIds.length, upserted: 0, removed: 0, error };
    }
  }

  /** Batches until nothing is due, a batch fails, or `deadline` (epoch ms) passes. */
  async drain(deadline = Infinity): Promise<DrainOutcome> {
    const total: DrainOutcome = { batches: 0, rows: 0, listings: 0, failed: false };
    while (Date.now() < deadline) {
      const outcome = await this.processBatch();
      if (outcome.rows === 0) break;
      total.batches++;
      total.rows += outcome.rows;
      total.listings += outcome.listings;
      if (outcome.error) return { ...total, failed: true, error: outcome.error };
    }
    return total;
  }
}
