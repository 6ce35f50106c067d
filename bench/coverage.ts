/**
 * Coverage benchmark: all 426 municipalities of Saxony × 6 needs, on the server PostgreSQL.
 *
 *   npm run bench:coverage -- [--synthetic 100000] [--runs 20] [--server-url postgres://…] [--fresh] [--explain] [--wait-quiet 600]
 *
 * Catalogues: the demo catalogue (database `lotse_bench_coverage_demo`), and with `--synthetic N`
 * also a synthetic one of N listings from bench/generate.ts (database `lotse_bench_coverage_<N>`).
 * Both are reused across runs unless --fresh. The Zensus 2022 population is imported when
 * ../shared/data/saxony is present. Timed, warm, at concurrency 1:
 *   - networkCoverage   the service call as the GraphQL resolver makes it (6 set-based queries side
 *                       by side on the pool, estimator, roll-ups, gap list)
 *   - SQL, sequential   the 6 per-need queries one after another on one `pg` connection (the bare floor)
 *   - GeoJSON / SVG / PNG of one need for all Saxony
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { JsonLogger } from '@lotse/common';
import { loadEnvironment } from '@lotse/config';
import { CANDIDATES_PER_POINT, CoverageRequest, CoverageService, GRAPHQL_FIELDS } from '@lotse/coverage';
import { TravelMode } from '@lotse/travel';
import { createApp } from '../apps/api/src/bootstrap';
import { CoverageRepository, PLANNER_SETTINGS } from '@lotse/coverage/testing';
import { catalogueMarker, countListings, generateCatalogue, readMarker, SqlTarget, truncateCatalogue } from './generate';
import { mean, ms, percentile, table } from './stats';

const NEEDS = ['addiction', 'psychotherapy', 'exercise', 'primary_care', 'mental_health', 'debt_counselling'];
const ZENSUS = join(__dirname, '..', '..', 'shared', 'data', 'saxony', 'population', 'sn_gemeinden_zensus2022.csv');
const log = (line: string) => process.stderr.write(line + '\n');

interface Options {
  serverUrl: string;
  synthetic: number[];
  runs: number;
  fresh: boolean;
  explain: boolean;
  /** wait up to this many seconds for the 1-minute load average to drop below 1 */
  waitQuiet: number;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    serverUrl: value('--server-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    synthetic: (value('--synthetic') ?? '').split(',').filter(Boolean).map(Number),
    runs: Number(value('--runs') ?? 20),
    fresh: argv.includes('--fresh'),
    explain: argv.includes('--explain'),
    waitQuiet: Number(value('--wait-quiet') ?? 0),
  };
}

async function ensureDatabase(adminUrl: string, name: string, fresh: boolean): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, result];
}

async function sample(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 2; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(fn))[0]);
  return samples;
}

const row = (label: string, samples: number[]) => [label, String(samples.length), ms(percentile(samples, 50)), ms(percentile(samples, 95)), ms(Math.min(...samples)), ms(mean(samples))];

async function benchOne(name: string, url: string, options: Options, prepare: (app: INestApplication, sql: SqlTarget) => Promise<string>): Promise<void> {
  const env = loadEnvironment({ DATABASE_URL: url, SEED_DEMO_DATA: name === 'demo' ? 'true' : 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test' });
  const app = await createApp({ env, logger: new JsonLogger('warn', () => undefined) });
  const pool = new Pool({ connectionString: url, max: 2 });
  const sql: SqlTarget = {
    parallelism: 2,
    query: async (text, params) => (await pool.query(text, params)).rows,
    async transaction(statements) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
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
  try {
    const catalogue = await prepare(app, sql);
    const coverage = app.get(CoverageService);
    if (existsSync(ZENSUS) && !(await coverage.populationInfo())) {
      await coverage.importPopulationCsv(readFileSync(ZENSUS, 'utf8'), { source: 'Zensus 2022 © Statistisches Bundesamt' });
    }
    const request: CoverageRequest = { needs: NEEDS, mode: TravelMode.PUBLIC_TRANSPORT, thresholdMinutes: 30 };
    const result = await coverage.networkCoverage(request, GRAPHQL_FIELDS);
    const method = await coverage.method(request);
    const [{ listings }] = await sql.query<{ listings: number }>(`SELECT count(*)::int AS listings FROM service_location`);

    // the bare floor: the same statements, one after another, on one plain connection
    const client = new Client({ connectionString: url });
    await client.connect();
    for (const setting of PLANNER_SETTINGS) await client.query(setting.replace('SET LOCAL', 'SET'));
    const repository = app.get(CoverageRepository);
    const points = result.municipalities.flatMap((m) => m.measuringPoints);
    const statements = NEEDS.map((need) => repository.candidatesStatement(need, points, CANDIDATES_PER_POINT));

    if (options.explain) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statements[0].sql}`, statements[0].params);
      log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const rows = [
      row('networkCoverage (service, 6 needs)', await sample(options.runs, () => coverage.networkCoverage(request, GRAPHQL_FIELDS))),
      row('networkCoverage, 1 need (addiction)', await sample(options.runs, () => coverage.networkCoverage({ ...request, needs: ['addiction'] }, GRAPHQL_FIELDS))),
      row('SQL, 6 queries sequential (pg)', await sample(options.runs, async () => {
        for (const s of statements) await client.query(s.sql, s.params);
      })),
      row('SQL, 1 need (addiction)', await sample(options.runs, () => client.query(statements[0].sql, statements[0].params))),
      row('GeoJSON, 1 need, all Saxony', await sample(Math.ceil(options.runs / 2), () => coverage.coverageGeoJson({ ...request, needs: ['addiction'] }, GRAPHQL_FIELDS))),
      row('SVG map, 1 need, all Saxony', await sample(Math.ceil(options.runs / 2), () => coverage.coverageMapSvg({ ...request, need: 'addiction' }, GRAPHQL_FIELDS))),
      row('PNG map (2×), 1 need, all Saxony', await sample(Math.ceil(options.runs / 4), () => coverage.coverageMapPng({ ...request, need: 'addiction' }, GRAPHQL_FIELDS, 2))),
    ];
    await client.end();
    const covered = result.summary.map((s) => `${s.need} ${s.coveredMunicipalities}`).join(', ');
    process.stdout.write(
      `\n### ${catalogue}: ${listings.toLocaleString('en')} listings, ${result.municipalities.length} municipalities × ${NEEDS.length} needs\n` +
        `public transport, 30 min, ${method.estimatorName}, ${points.length} measuring points × the nearest ${CANDIDATES_PER_POINT} listings; covered municipalities: ${covered}\n\n` +
        table(['timed (ms)', 'runs', 'p50', 'p95', 'min', 'mean'], rows) +
        '\n',
    );
  } finally {
    await pool.end();
    await app.close();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const os = require('node:os') as typeof import('node:os');
  const cpus = os.cpus();
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stdout.write(`Coverage bench · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · node ${process.version} · ${new Date().toISOString()} · load ${load()}\n`);

  const deadline = Date.now() + options.waitQuiet * 1000;
  while (Date.now() < deadline && os.loadavg()[0] >= 1) {
    log(`waiting for a quiet machine (load ${load()}) …`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  if (options.waitQuiet) process.stdout.write(`load before measuring: ${load()}\n`);
  const demoUrl = await ensureDatabase(options.serverUrl, 'lotse_bench_coverage_demo', options.fresh);
  await benchOne('demo', demoUrl, options, async () => 'demo catalogue (fictitious, 5 model regions)');

  for (const size of options.synthetic) {
    const url = await ensureDatabase(options.serverUrl, `lotse_bench_coverage_${size}`, options.fresh);
    await benchOne(`synthetic-${size}`, url, options, async (_app, sql) => {
      const marker = catalogueMarker(size);
      if ((await readMarker(sql)) !== marker || (await countListings(sql)) !== size) {
        log(`generating a synthetic catalogue of ${size} listings (bench/generate.ts) …`);
        await truncateCatalogue(sql);
        await generateCatalogue(sql, { listings: size, log });
      }
      return `synthetic catalogue (bench/generate.ts, Germany-wide)`;
    });
  }
  process.stdout.write(`\nload average at the end: ${load()} (other processes on the machine inflate the figures)\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);
