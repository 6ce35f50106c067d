/**
 * A bench database with the real API in front of it: the server PostgreSQL (database
 * `lotse_bench_<n>`, reused across runs when its catalogue is complete) or the embedded PGlite (data
 * directory `<data-dir>/pglite-<n>`, likewise reused). The API is started in-process with
 * `createApp` — migrations, boundaries, no demo data — and listens on a loopback port.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { JsonLogger } from '@lotse/common';
import { loadEnvironment } from '@lotse/config';
import { PreparedQuery } from '@lotse/database';
import { HeuristicTravelTimeEstimator, TRAVEL_TIME_ESTIMATOR, TravelTimeEstimator } from '@lotse/travel';
import { createApp } from '../apps/api/src/bootstrap';
import { catalogueMarker, countListings, generateCatalogue, GenerateResult, readMarker, SqlTarget, truncateCatalogue } from './generate';
import { BenchOptions, DatabaseKind, Run, Workload } from './options';

export interface Target {
  workload: Workload;
  db: DatabaseKind;
  size: number;
  app: INestApplication;
  port: number;
  /**
   * runs one floor query: a plain `pg` client (server) or the app's own DataSource (embedded, one
   * connection); `prepared` runs it as a named prepared statement, as the matcher runs its own
   */
  floorQuery(sql: string, params: unknown[], prepared?: boolean): Promise<unknown[]>;
  sql: SqlTarget;
  /** set when the catalogue was (re)generated in this run */
  generation?: GenerateResult & { seconds: number };
  startSeconds: number;
  /** `<n> log lines discarded` and any warnings of the app */
  appLog: { infoLines: number; warnings: string[] };
  close(): Promise<void>;
}

const log = (line: string) => process.stderr.write(line + '\n');

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The app's environment for the bench: as in production (NODE_ENV=production, as the Docker image
 * sets it; `npm run bench` also sets it for the process, since graphql-js reads it when loaded and
 * runs extra development checks on every field otherwise), no demo data, anonymous reads (no token
 * checks measured), and no background search indexing (SEARCH_OUTBOX_POLL_MS=0): after a bulk load
 * its catch-up would index the whole catalogue while the bench measures. Unknown variables are
 * ignored by loadEnvironment, so this also works on versions of the app without them.
 */
function benchEnvironment(vars: Record<string, string>) {
  return loadEnvironment({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'false',
    GRAPHQL_IDE: 'true',
    LOG_LEVEL: 'info',
    PUBLIC_READ_ACCESS: 'true',
    SEARCH_OUTBOX_POLL_MS: '0',
    ...vars,
  });
}

/**
 * The app's log lines are formatted as in production (JSON, level info: one line per GraphQL request)
 * but not printed: they would bury the bench's output. Warnings and errors go to stderr.
 */
function benchLogger(sink: Target['appLog']): JsonLogger {
  return new JsonLogger('info', (line) => {
    if (line.includes('"level":"info"') || line.includes('"level":"debug"')) sink.infoLines++;
    else {
      sink.warnings.push(line);
      process.stderr.write(`  app: ${line}\n`);
    }
  });
}

/** Database name / data directory suffix: `<n>` for the Germany-wide catalogue (as before), `saxony_<n>` for Saxony's. */
const storeName = (workload: Workload, size: number) => (workload === 'saxony' ? `saxony_${size}` : String(size));

export async function openTarget(run: Run, options: BenchOptions): Promise<Target> {
  return run.db === 'server' ? openServer(run.workload, run.size, options) : openEmbedded(run.workload, run.size, options);
}

/**
 * The demo catalogue (libs/demo-data, ≈ 700 fictitious listings in five model regions) instead of a
 * generated one: database `lotse_bench_demo` / data directory `pglite-demo`, seeded by the app at its
 * first start (SEED_DEMO_DATA), reused afterwards; `size` is its listing count.
 */
export async function openDemoTarget(db: DatabaseKind, options: BenchOptions): Promise<Target> {
  return db === 'server' ? openServer('saxony', 0, options, true) : openEmbedded('saxony', 0, options, true);
}

async function openServer(workload: Workload, size: number, options: BenchOptions, demo = false): Promise<Target> {
  const name = `lotse_bench_${demo ? 'demo' : storeName(workload, size)}`;
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  await withClient(options.serverUrl, async (admin) => {
    if (options.fresh) {
      log(`  server: dropping ${name} (--fresh)`);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) {
      log(`  server: creating database ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
  });
  const appLog = { infoLines: 0, warnings: [] as string[] };
  const started = Date.now();
  const env = benchEnvironment({ DATABASE_URL: url.toString(), ...(demo ? { SEED_DEMO_DATA: 'true' } : {}) });
  const app = await createApp({ env, logger: benchLogger(appLog) });
  const startSeconds = (Date.now() - started) / 1000;

  const pool = new Pool({ connectionString: url.toString(), max: 2 });
  const sql: SqlTarget = {
    parallelism: 2,
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async transaction(statements) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query('SET LOCAL synchronous_commit = off');
        for (const s of statements) await c.query(s.sql, s.params);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
  };
  const floorClient = new Client({ connectionString: url.toString() });
  await floorClient.connect();
  const target = await finish({
    workload, db: 'server', size, demo, app, startSeconds, appLog, sql,
    floorQuery: async (text, params, prepared) => (await floorClient.query(prepared ? { name: statementName(text), text, values: params } : { text, values: params })).rows,
    close: async () => {
      await floorClient.end();
      await pool.end();
      await app.close();
    },
  }, options);
  return target;
}

async function openEmbedded(workload: Workload, size: number, options: BenchOptions, demo = false): Promise<Target> {
  const dir = join(options.dataDir, `pglite-${demo ? 'demo' : storeName(workload, size).replace('_', '-')}`);
  if (options.fresh) {
    log(`  embedded: removing ${dir} (--fresh)`);
    await rm(dir, { recursive: true, force: true });
  }
  const appLog = { infoLines: 0, warnings: [] as string[] };
  const started = Date.now();
  const env = benchEnvironment({ LOTSE_DATA_DIR: dir, ...(demo ? { SEED_DEMO_DATA: 'true' } : {}) });
  const app = await createApp({ env, logger: benchLogger(appLog) });
  const startSeconds = (Date.now() - started) / 1000;
  const ds = app.get(DataSource);
  const sql: SqlTarget = {
    parallelism: 1,
    query: (text, params) => ds.query(text, params),
    transaction: (statements) =>
      ds.transaction(async (m) => {
        for (const s of statements) await m.query(s.sql, s.params);
      }),
  };
  const statements = new PreparedQuery(ds);
  return finish({
    workload, db: 'embedded', size, demo, app, startSeconds, appLog, sql,
    floorQuery: (text, params, prepared) => (prepared ? statements.rows(text, params) : ds.query(text, params)),
    close: () => app.close(),
  }, options);
}

/** Reuses a complete catalogue or generates one, then starts listening. */
async function finish(t: Omit<Target, 'port' | 'generation'> & { demo: boolean }, options: BenchOptions): Promise<Target> {
  if (options.estimate === 'heuristic-v1') useFirstEstimate(t.app);
  if (t.demo) {
    await t.app.listen(0, '127.0.0.1');
    return { ...t, size: await countListings(t.sql), port: (t.app.getHttpServer().address() as AddressInfo).port };
  }
  const marker = catalogueMarker(t.size, options.seed, t.workload);
  const [found, listings] = [await readMarker(t.sql), await countListings(t.sql)];
  let generation: Target['generation'];
  if (found === marker && listings === t.size) {
    log(`  ${t.workload} ${t.db} ${t.size}: reusing the generated catalogue (${listings} listings; --fresh regenerates)`);
  } else {
    log(`  ${t.workload} ${t.db} ${t.size}: generating the catalogue (${found?.startsWith('lotse-bench') ? `found "${found}", ${listings} listings` : listings ? `${listings} listings, unmarked` : 'empty'})`);
    const started = Date.now();
    if (listings > 0 || found) await truncateCatalogue(t.sql);
    const result = await generateCatalogue(t.sql, { listings: t.size, seed: options.seed, workload: t.workload });
    generation = { ...result, seconds: (Date.now() - started) / 1000 };
  }
  await t.app.listen(0, '127.0.0.1');
  const port = (t.app.getHttpServer().address() as AddressInfo).port;
  return { ...t, port, generation };
}

function statementName(text: string): string {
  return `floor_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

/**
 * --estimate heuristic-v1: the routing port keeps its timetable (none in the bench) and falls back to
 * heuristic-v1 instead of calibrated-v2, so the matcher asks the question the code of 2026-11-22
 * asked (its smaller reach). Bench only: it replaces the port's private fallback in place.
 */
function useFirstEstimate(app: INestApplication): void {
  const port = app.get<symbol, TravelTimeEstimator>(TRAVEL_TIME_ESTIMATOR, { strict: false }) as unknown as { fallback?: TravelTimeEstimator };
  if (!port || !('fallback' in port)) throw new Error('--estimate: the routing port has no fallback estimate to replace');
  port.fallback = new HeuristicTravelTimeEstimator();
}
