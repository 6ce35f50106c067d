import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SearchDocumentLoader } from '../document/search-document.loader';
import { SEARCH_ENGINE, SearchEngine } from '../search-engine.port';
import { SEARCH_OPTIONS, SearchOptions } from '../search.options';
import { DrainOutcome, OutboxProcessor } from './outbox-processor';
import { SearchOutboxRepository } from './search-outbox.repository';

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The background worker of the API process: catches up at start (so a fresh start serves a true
 * index), then polls the outbox every SEARCH_OUTBOX_POLL_MS and delivers what is due. Several API
 * processes may run it side by side; claims keep them off each other's listings.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SearchIndexer.name);
  readonly processor: OutboxProcessor;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private lastPrune = 0;

  constructor(
    private readonly outbox: SearchOutboxRepository,
    loader: SearchDocumentLoader,
    @Inject(SEARCH_ENGINE) engine: SearchEngine,
    @Inject(SEARCH_OPTIONS) private readonly options: SearchOptions,
  ) {
    this.processor = new OutboxProcessor(outbox, loader, engine, options, this.logger);
  }

  get enabled(): boolean {
    return this.options.backgroundIndexer && this.options.pollMs > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const outcome = await this.drain(Date.now() + this.options.startupCatchUpMs).catch((e: Error) => {
      this.logger.warn(`search index catch-up failed: ${e.message}`);
      return undefined;
    });
    if (outcome?.listings) this.logger.log(`search index caught up: ${outcome.listings} listings in ${outcome.batches} batches`);
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Delivers everything due now (used at start, by tests and by reindex). */
  drain(deadline?: number): Promise<DrainOutcome> {
    return this.processor.drain(deadline);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (await this.outbox.hasDueWork()) await this.drain(Date.now() + Math.max(10 * this.options.pollMs, 10_000));
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await this.outbox.prune(this.options.retentionMs);
      }
    } catch (e) {
      // e.g. the database is restarting; the next tick tries again
      this.logger.warn(`search outbox poll failed: ${e instanceof Error ? e.message : e}`);
    }
  }
}
