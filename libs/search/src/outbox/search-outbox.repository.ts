import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ClaimedRow {
  /** bigint, as text */
  id: string;
  listingId: string;
  op: 'index' | 'remove';
  attempts: number;
}

export interface RetryPolicy {
  /** delay after the first failure; doubles with every further one */
  baseMs: number;
  maxMs: number;
  /** 0 = exact delays; 0.2 = ±10 % so that many failed rows don't retry in lockstep */
  jitter: number;
}

export interface OutboxStats {
  /** undelivered rows */
  pending: number;
  /** undelivered rows that failed at least once */
  failing: number;
  /** age of the oldest undelivered row in seconds (0 when none) */
  oldestPendingSeconds: number;
  lastDeliveredAt: Date | null;
  /** the latest delivery error still pending, if any */
  lastError: string | null;
}

/** Serialises claims of all workers (API replicas, a reindex) so a listing is never claimed twice. */
const CLAIM_LOCK = 0x4c4f5453; // "LOTS"

/**
 * All SQL of the search outbox. Rows are written by triggers in the catalogue's transactions (see
 * the migration); this repository claims, acknowledges and measures them.
 */
@Injectable()
export class SearchOutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims the listings with the oldest due rows — all their undelivered rows, for `leaseMs`. A
   * listing whose rows another worker holds is skipped, so each listing has one deliverer at a time
   * and its updates reach the engine in order. The transaction is a few milliseconds long (the
   * embedded database has one connection for everyone).
   */
  claim(limit: number, leaseMs: number): Promise<ClaimedRow[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`);
      // UPDATE … RETURNING comes back from TypeORM as [rows, affected]
      const [rows] = await tx.query(
        `WITH picked AS (
           SELECT o.listing_id, min(o.id) AS first_id FROM search_outbox o
           WHERE o.delivered_at IS NULL AND o.next_attempt_at <= now()
             AND NOT EXISTS (SELECT 1 FROM search_outbox c
                             WHERE c.listing_id = o.listing_id AND c.delivered_at IS NULL AND c.claimed_until > now())
           GROUP BY o.listing_id ORDER BY first_id LIMIT $1
         )
         UPDATE search_outbox s SET claimed_until = now() + $2::float8 * interval '1 millisecond'
         FROM picked WHERE s.listing_id = picked.listing_id AND s.delivered_at IS NULL
         RETURNING s.id::text AS id, s.listing_id AS "listingId", s.op, s.attempts`,
        [limit, leaseMs],
      );
      return rows as ClaimedRow[];
    });
  }

  async markDelivered(ids: string[]): Promise<void> {
    await this.db.query(`UPDATE search_outbox SET delivered_at = now(), claimed_until = NULL WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Back to the queue with exponential back-off per row: base · 2^(attempts so far), capped. */
  async markFailed(ids: string[], error: string, retry: RetryPolicy): Promise<void> {
    await this.db.query(
      `UPDATE search_outbox SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
         next_attempt_at = now() + LEAST($4::float8, $3::float8 * power(2::float8, LEAST(attempts, 60)))
                                   * (1 + $5::float8 * (random() - 0.5)) * interval '1 millisecond'
       WHERE id = ANY($1::bigint[])`,
      [ids, error.slice(0, 1000), retry.baseMs, retry.maxMs, retry.jitter],
    );
  }

  async enqueue(listingIds: string[], op: 'index' | 'remove' = 'index'): Promise<void> {
    for (let i = 0; i < listingIds.length; i += 5000) {
      await this.db.query(`INSERT INTO search_outbox (listing_id, op) SELECT unnest($1::uuid[]), $2`, [listingIds.slice(i, i + 5000), op]);
    }
  }

  async maxId(): Promise<string> {
    const [row] = await this.db.query(`SELECT coalesce(max(id), 0)::text AS id FROM search_outbox`);
    return row.id;
  }

  /** Rows with ids in (afterId, upToId]: how many, how many delivered. */
  async progress(afterId: string, upToId: string): Promise<{ total: number; delivered: number }> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE delivered_at IS NOT NULL)::int AS delivered
       FROM search_outbox WHERE id > $1::bigint AND id <= $2::bigint`,
      [afterId, upToId],
    );
    return row;
  }

  /**
   * Whether anything is due — the background worker's probe, every poll interval. It runs on a raw
   * pool connection, past TypeORM's logger, so it never shows up in the per-request query counts
   * (QueryCounter) that tests use to prove the absence of N+1 queries.
   */
  async hasDueWork(): Promise<boolean> {
    const driver = this.db.driver as unknown as { obtainMasterConnection(): Promise<[{ query(sql: string): Promise<{ rows: { due: boolean }[] }> }, () => void]> };
    const [connection, release] = await driver.obtainMasterConnection();
    try {
      const result = await connection.query(
        `SELECT EXISTS (SELECT 1 FROM search_outbox WHERE delivered_at IS NULL AND next_attempt_at <= now()
                        AND (claimed_until IS NULL OR claimed_until <= now())) AS due`,
      );
      return result.rows[0].due;
    } finally {
      release();
    }
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE attempts > 0)::int AS failing,
              coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::float8 AS "oldestPendingSeconds",
              (SELECT max(delivered_at) FROM search_outbox WHERE delivered_at IS NOT NULL) AS "lastDeliveredAt",
              (SELECT last_error FROM search_outbox WHERE delivered_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS "lastError"
       FROM search_outbox WHERE delivered_at IS NULL`,
    );
    return row;
  }

  /** Forgets delivered rows older than `retentionMs` (they only serve as a short audit trail). */
  async prune(retentionMs: number): Promise<number> {
    const [, affected] = await this.db.query(`DELETE FROM search_outbox WHERE delivered_at < now() - $1::float8 * interval '1 millisecond'`, [retentionMs]);
    return affected ?? 0;
  }
}
