/**
 * Export bench: the HSDS 3.0 and FHIR R4 read endpoints over HTTP, on the server PostgreSQL.
 *
 *   npm run bench:hsds -- [--sizes 10k,100k] [--runs 200] [--server-url postgres://…] [--fresh] [--explain] [--datapackage]
 *
 * Per size a synthetic catalogue of that many listings (bench/generate.ts, Germany-wide; database
 * `lotse_bench_hsds_<n>`, reused unless --fresh). The real API (createApp, reading open) on a local
 * port; each request timed end to end at concurrency 1 after a warm-up:
 *   - /hsds/services, page of 50, the first 20 pages      ← the target: p95 ≤ 50 ms at 100k (issue 17)
 *   - /hsds/services, page of 50 anywhere (offset paging: a harvester walking the whole list)
 *   - the same, full=true (every service fully nested)
 *   - /hsds/services?taxonomy_term_id=<a need>, /hsds/service_at_locations?postcode&proximity
 *   - /fhir/HealthcareService?_count=50, /fhir/Location?near=…
 * With --datapackage also the full export (zip) once, its time and size.
 */
import { Writable } from 'node:stream';
import { AddressInfo } from 'node:net';
import { Client, Pool } from 'pg';
import { JsonLogger } from '@lotse/common';
import { loadEnvironment } from '@lotse/config';
import { HsdsDatapackageExporter, taxonomyTermId } from '@lotse/exchange';
import { createApp } from '../apps/api/src/bootstrap';
import { catalogueMarker, countListings, generateCatalogue, readMarker, SqlTarget, truncateCatalogue } from './generate';
import { mean, ms, percentile, size as sizeLabel, table } from './stats';

const log = (line: string) => process.stderr.write(line + '\n');
const TARGET_MS = 50;

interface Options {
  serverUrl: string;
  sizes: number[];
  runs: number;
  fresh: boolean;
  explain: boolean;
  datapackage: boolean;
}

const parseSize = (s: string) => Number(s.replace(/k$/i, '000').replace(/m$/i, '000000'));

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    serverUrl: value('--server-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    sizes: (value('--sizes') ?? '10k,100k').split(',').filter(Boolean).map(parseSize),
    runs: Number(value('--runs') ?? 200),
    fresh: argv.includes('--fresh'),
    explain: argv.includes('--explain'),
    datapackage: argv.includes('--datapackage'),
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

/** Deterministic pseudo-random integers, so every run asks the same pages. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function timed(base: string, paths: () => string, runs: number): Promise<number[]> {
  const get = async (path: string) => {
    const res = await fetch(base + path);
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 10; i++) await get(paths()); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const path = paths();
    const started = process.hrtime.bigint();
    await get(path);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

async function benchSize(listings: number, options: Options): Promise<string[]> {
  const url = await ensureDatabase(options.serverUrl, `lotse_bench_hsds_${sizeLabel(listings).toLowerCase()}`, options.fresh);
  const env = loadEnvironment({ DATABASE_URL: url, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test', PUBLIC_READ_ACCESS: 'true', RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
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
    const marker = catalogueMarker(listings);
    if ((await readMarker(sql)) !== marker || (await countListings(sql)) !== listings) {
      log(`generating a synthetic catalogue of ${listings} listings (bench/generate.ts) …`);
      await truncateCatalogue(sql);
      await generateCatalogue(sql, { listings, log });
    }
    const [{ services }] = await sql.query<{ services: number }>(`SELECT count(*)::int AS services FROM service`);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const total = ((await (await fetch(`${base}/hsds/services?per_page=1`)).json()) as { total_items: number }).total_items;
    const pages = Math.max(1, Math.ceil(total / 50));
    const rnd = lcg(17);
    const anyPage = () => 1 + Math.floor(rnd() * pages);
    const firstPages = () => 1 + Math.floor(rnd() * Math.min(20, pages));
    const addiction = taxonomyTermId('need', 'addiction');
    const cities = [['01067', 'Dresden'], ['04109', 'Leipzig'], ['09111', 'Chemnitz'], ['01662', 'Meißen']];
    const points = [[51.05, 13.74], [51.34, 12.37], [50.83, 12.92], [52.52, 13.4]];

    if (options.explain) {
      const client = new Client({ connectionString: url });
      await client.connect();
      for (const offset of [0, Math.floor(total / 2)]) {
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
          WITH page AS MATERIALIZED (SELECT s.id, s.name FROM service s JOIN organization o ON o.id = s.organization_id
          WHERE listing_visible(s.status, o.status) ORDER BY s.name, s.id LIMIT 50 OFFSET ${offset}) SELECT count(*) FROM page`);
        log(`-- page at offset ${offset}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
      const count = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM service s JOIN organization o ON o.id = s.organization_id WHERE listing_visible(s.status, o.status)`);
      log(`-- count\n${count.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      await client.end();
    }

    const cases: [string, () => string, number][] = [
      ['/hsds/services, page of 50, pages 1–20', () => `/hsds/services?per_page=50&page=${firstPages()}`, options.runs],
      ['/hsds/services, page of 50 anywhere', () => `/hsds/services?per_page=50&page=${anyPage()}`, options.runs],
      ['/hsds/services?full=true, page of 50, pages 1–20', () => `/hsds/services?per_page=50&full=true&page=${firstPages()}`, Math.ceil(options.runs / 2)],
      ['/hsds/services?taxonomy_term_id (need), 50', () => `/hsds/services?per_page=50&taxonomy_term_id=${addiction}&page=${1 + Math.floor(rnd() * 5)}`, Math.ceil(options.runs / 2)],
      ['/hsds/service_at_locations?postcode&proximity=10 km, 50', () => `/hsds/service_at_locations?per_page=50&postcode=${cities[Math.floor(rnd() * cities.length)][0]}&proximity=10000`, Math.ceil(options.runs / 2)],
      ['/fhir/HealthcareService?_count=50', () => `/fhir/HealthcareService?_count=50&_offset=${50 * Math.floor(rnd() * 20)}`, Math.ceil(options.runs / 2)],
      ['/fhir/Location?near=…|10|km&_count=50', () => { const [lat, lon] = points[Math.floor(rnd() * points.length)]; return `/fhir/Location?near=${lat}|${lon}|10|km&_count=50`; }, Math.ceil(options.runs / 2)],
    ];
    const rows: string[][] = [];
    let verdict = '';
    for (const [label, paths, runs] of cases) {
      const samples = await timed(base, paths, runs);
      rows.push([label, sizeLabel(listings), String(samples.length), ms(percentile(samples, 50)), ms(percentile(samples, 95)), ms(Math.max(...samples)), ms(mean(samples))]);
      if (!verdict) verdict = `${percentile(samples, 95) <= TARGET_MS ? 'PASS' : 'FAIL'}: /hsds/services page of 50 p95 ${ms(percentile(samples, 95))} ms at ${sizeLabel(listings)} listings (target ≤ ${TARGET_MS} ms at 100k)`;
    }
    process.stdout.write(`\n### ${listings.toLocaleString('en')} listings (${services.toLocaleString('en')} services, ${total.toLocaleString('en')} visible), server PostgreSQL\n\n`);
    process.stdout.write(table(['timed (ms), concurrency 1', 'size', 'runs', 'p50', 'p95', 'max', 'mean'], rows) + `\n\n${verdict}\n`);
    if (options.datapackage) {
      let bytes = 0;
      const sink = new Writable({ write: (chunk, _enc, done) => ((bytes += chunk.length), done()) });
      const started = Date.now();
      const result = await app.get(HsdsDatapackageExporter).write(sink);
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`datapackage: ${(bytes / 1e6).toFixed(1)} MB zip in ${seconds.toFixed(1)} s (${Math.round(result.rows.service / seconds)} services/s; ${Object.values(result.rows).reduce((a, b) => a + b, 0).toLocaleString('en')} rows)\n`);
    }
    return [verdict];
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
  process.stdout.write(`Export bench (HSDS, FHIR) · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · node ${process.version} · ${new Date().toISOString()} · load ${load()}\n`);
  const verdicts: string[] = [];
  for (const listings of options.sizes) verdicts.push(...(await benchSize(listings, options)));
  if (!options.sizes.includes(100_000)) verdicts.push(`REDUCED SIZES (${options.sizes.map(sizeLabel).join(', ')}): the target is judged at 100k; indicative only`);
  process.stdout.write(`\n${verdicts.join('\n')}\nload average at the end: ${load()} (other processes on the machine inflate the figures)\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);
