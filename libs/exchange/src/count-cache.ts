/**
 * `total_items` of the service lists without counting every visible service on every page.
 *
 * Counting 75,000 visible services (100k listings) takes ≈ 70 ms on the server even on a quiet
 * machine — a hash join over service and organisation — while the page itself takes a few ms; a
 * harvester walking the pages would pay it on every page. The count of one filter is therefore kept
 * with the **catalogue's change stamp**: the last value of `search_outbox_id_seq`, which every
 * statement that changes what a listing shows advances in its own transaction (the search outbox's
 * statement triggers on service, service_need, service_location, organisation, location and
 * need_term — see migration 1732300000000-search; deleting an organisation cascades to its
 * services). A changed stamp makes every kept count stale at once, in every API process.
 *
 * The stamp moves when a writer draws from the sequence, before it commits; a count taken in that
 * moment can miss the write it belongs to. So a count is also kept for at most {@link MAX_AGE_MS}:
 * `total_items` is exact, or at most that long behind a write that raced the count. (TRUNCATE, which
 * fires no triggers, is covered by the same bound.)
 */
export const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 500;

interface Entry {
  stamp: string;
  at: number;
  n: number;
}

export class CountCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string, stamp: string): number | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.stamp !== stamp || this.now() - e.at > MAX_AGE_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return e.n;
  }

  set(key: string, stamp: string, n: number): void {
    // filters with free words are unbounded: forget everything rather than grow
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { stamp, at: this.now(), n });
  }
}

/** The catalogue's change stamp (see CountCache); one read of a sequence's own row. */
export const CHANGE_STAMP_SQL = `SELECT last_value::text || ':' || is_called::text AS stamp FROM search_outbox_id_seq`;
