import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Pool } from 'pg';

/** The `pg` pool under a TypeORM data source (TypeORM keeps it as the driver's `master`). */
export function driverPool(db: DataSource): Pool {
  return (db.driver as unknown as { master: Pool }).master;
}

/**
 * Runs a hot-path read as a named prepared statement straight on the driver's pool, rows as arrays.
 *
 * Why not `DataSource.query`: TypeORM sends unnamed statements, so PostgreSQL parses and plans each
 * call anew, and `pg` builds an object per row. For the matcher's candidate search (up to 400 rows,
 * several per request) that was a measurable share of a request. A name derived from the text
 * means each distinct statement is prepared once per connection and reused; the same text always
 * gets the same name, which `pg` requires. Statements are counted in the data source's logger like
 * any other query, so the N+1 tests still see them. Errors keep TypeORM's behaviour (the caller's
 * error mapping applies); parameters never reach a log.
 */
export class PreparedQuery {
  private readonly names = new Map<string, string>();

  constructor(private readonly db: DataSource) {}

  /** Rows as arrays, columns in SELECT order: no object per row. */
  rows(text: string, values: unknown[]): Promise<unknown[][]> {
    return this.run(text, values, 'array') as Promise<unknown[][]>;
  }

  /** Rows as objects keyed by column name, like `DataSource.query`. */
  objects<T>(text: string, values: unknown[]): Promise<T[]> {
    return this.run(text, values) as Promise<T[]>;
  }

  private async run(text: string, values: unknown[], rowMode?: 'array'): Promise<unknown[]> {
    let name = this.names.get(text);
    if (!name) {
      name = `lotse_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.names.set(text, name);
    }
    const pool = driverPool(this.db);
    this.db.logger.logQuery(text);
    try {
      const result = rowMode ? await pool.query({ name, text, values, rowMode }) : await pool.query({ name, text, values });
      return result.rows;
    } catch (error) {
      this.db.logger.logQueryError(error as Error, text);
      throw error;
    }
  }
}
