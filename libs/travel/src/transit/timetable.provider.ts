import { Injectable, Logger } from '@nestjs/common';
import { FeedAttribution } from '../travel-time.port';
import { feedAttribution } from '../gtfs/attribution';
import { GtfsRepository } from '../gtfs/gtfs.repository';
import { Timetable } from './timetable';
import { TransitRouter } from './transit-router';

export interface LoadedTimetable {
  feedId: number;
  router: TransitRouter;
  attribution: FeedAttribution;
}

/** How long the process trusts that the stored feed has not changed (another process may import one). */
export const FEED_CHECK_MS = 10_000;

/**
 * The imported feed in memory, built once per feed: it is loaded on first use (the API asks at
 * start, so the first request does not wait), and reloaded when the stored feed's id changes — at once after an import in this
 * process, within FEED_CHECK_MS after one by another process (the CLI).
 */
@Injectable()
export class TimetableProvider {
  private readonly logger = new Logger(TimetableProvider.name);
  private loaded: LoadedTimetable | null = null;
  private checkedAt = -Infinity;
  private pending: Promise<LoadedTimetable | null> | null = null;

  constructor(private readonly repository: GtfsRepository) {}

  /** The loaded timetable, or null when no feed is imported. */
  current(): Promise<LoadedTimetable | null> {
    if (Date.now() - this.checkedAt < FEED_CHECK_MS) return Promise.resolve(this.loaded);
    this.pending ??= this.refresh().finally(() => (this.pending = null));
    return this.pending;
  }

  /** Forget what is loaded: the next call reads the database again (after an import). */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  private async refresh(): Promise<LoadedTimetable | null> {
    const id = await this.repository.activeFeedId();
    if (id === null) {
      this.loaded = null;
    } else if (this.loaded?.feedId !== id) {
      const started = Date.now();
      const result = await this.repository.loadFeed();
      if (!result) {
        this.loaded = null;
      } else {
        const timetable = new Timetable(result.feed);
        this.loaded = { feedId: result.stored.id, router: new TransitRouter(timetable), attribution: feedAttribution(result.stored) };
        this.logger.log(`timetable ${result.stored.name} loaded: ${result.stored.counts.stopTimes} stop times in ${Date.now() - started} ms`);
      }
    }
    this.checkedAt = Date.now();
    return this.loaded;
  }
}
