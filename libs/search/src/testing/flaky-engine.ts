import { SearchEngine } from '../search-engine.port';
import { SearchDocument, SearchEngineHealth, SearchQuery, SearchResult } from '../search.types';

export interface Delivery {
  op: 'upsert' | 'remove';
  id: string;
  /** the listing's name as delivered (upserts) */
  name?: string;
}

/**
 * A real engine behind a switch, for outage tests: `failNext(n)` makes the next n writes fail
 * before reaching the engine (engine down), `failNext(n, 'after-apply')` lets them reach it and
 * then fail (the acknowledgement is lost), `down = true` fails every write until set back. Every
 * write that reached the engine is recorded in `applied`, in order.
 */
export class FlakySearchEngine implements SearchEngine {
  readonly name: string;
  down = false;
  /** delay before each write reaches the engine, to widen race windows in tests */
  delayMs = 0;
  readonly applied: Delivery[] = [];
  attempts = 0;
  failures = 0;
  private failuresLeft = 0;
  private mode: 'before-apply' | 'after-apply' = 'before-apply';

  constructor(private readonly inner: SearchEngine) {
    this.name = inner.name;
  }

  failNext(times: number, mode: 'before-apply' | 'after-apply' = 'before-apply'): void {
    this.failuresLeft = times;
    this.mode = mode;
  }

  private async write(apply: () => Promise<void>, record: Delivery[]): Promise<void> {
    this.attempts++;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.down || (this.failuresLeft > 0 && this.mode === 'before-apply')) {
      if (!this.down) this.failuresLeft--;
      this.failures++;
      throw new Error('search engine unavailable (simulated outage)');
    }
    await apply();
    this.applied.push(...record);
    if (this.failuresLeft > 0 && this.mode === 'after-apply') {
      this.failuresLeft--;
      this.failures++;
      throw new Error('connection reset after the write (simulated)');
    }
  }

  upsert(documents: SearchDocument[]): Promise<void> {
    return this.write(() => this.inner.upsert(documents), documents.map((d) => ({ op: 'upsert' as const, id: d.id, name: d.name })));
  }

  remove(ids: string[]): Promise<void> {
    return this.write(() => this.inner.remove(ids), ids.map((id) => ({ op: 'remove' as const, id })));
  }

  init(): Promise<void> {
    return this.inner.init();
  }
  search(query: SearchQuery): Promise<SearchResult> {
    return this.inner.search(query);
  }
  listIds(): AsyncIterable<string[]> {
    return this.inner.listIds();
  }
  clear(): Promise<void> {
    return this.inner.clear();
  }
  async health(): Promise<SearchEngineHealth> {
    return this.down ? { status: 'down', message: 'simulated outage' } : this.inner.health();
  }
}
