import { Injectable } from '@nestjs/common';
import { TimetableProvider } from '../transit/timetable.provider';
import { FeedCounts, feedCounts } from './feed-data';
import { readFeedFiles } from './feed-source';
import { GtfsRepository, StoredFeed } from './gtfs.repository';
import { FeedIssue, parseFeed } from './parse-feed';

export interface GtfsImportOptions {
  /** short name shown to coaches ("VVO") */
  name?: string;
  licence?: string;
  licenceUrl?: string;
}

export interface GtfsImportReport {
  feed: StoredFeed;
  counts: FeedCounts;
  warnings: FeedIssue[];
  /** wall-clock milliseconds: reading and validating, writing */
  parseMs: number;
  writeMs: number;
}

export type ImportProgress = (phase: string, done: number, total: number) => void;

/**
 * Imports a GTFS feed: reads it, validates all of it (GtfsValidationError with the report — and
 * nothing written — when anything is wrong), then replaces the stored feed in one transaction and
 * has the timetable reloaded.
 */
@Injectable()
export class GtfsImportService {
  constructor(
    private readonly repository: GtfsRepository,
    private readonly timetables: TimetableProvider,
  ) {}

  async importPath(path: string, options: GtfsImportOptions = {}, onProgress?: ImportProgress): Promise<GtfsImportReport> {
    onProgress?.('lesen', 0, 1);
    const files = await readFeedFiles(path);
    onProgress?.('lesen', 1, 1);
    return this.importFiles(files, path, options, onProgress);
  }

  async importFiles(files: Map<string, Uint8Array>, source: string, options: GtfsImportOptions = {}, onProgress?: ImportProgress): Promise<GtfsImportReport> {
    const started = Date.now();
    const { feed, warnings } = parseFeed(files, { ...options, onProgress });
    const parsed = Date.now();
    const stored = await this.repository.replaceFeed(feed, source, (done, total) => onProgress?.('schreiben', done, total));
    this.timetables.invalidate();
    return { feed: stored, counts: feedCounts(feed), warnings, parseMs: parsed - started, writeMs: Date.now() - parsed };
  }
}
