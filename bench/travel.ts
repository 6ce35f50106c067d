/**
 * Travel bench: a synthetic Saxony-sized GTFS feed (bench/gtfs-feed.ts: ≈ 20,000 stops, ≈ 1,000,000
 * stop times at --scale 1) on the server PostgreSQL, in a database of its own.
 *
 *   npm run bench:travel -- [--scale 1] [--queries 200] [--coverage-runs 3] [--server-url postgres://…]
 *
 * Measured, in this order, with the machine's load printed before and after:
 *   1. import-gtfs of the feed (the service the CLI calls): reading and checking, writing; stop times
 *      per second of writing and overall;
 *   2. the timetable loaded from the database into memory;
 *   3. the router: one origin to 400 candidates over the two-hour window (Tuesday 07:00–09:00), at
 *      concurrency 1, p50 / p95 — beside the calibrated estimate for the same 400 legs (the baseline
 *      of the same run);
 *   4. coverage of all Saxony × one need (demo catalogue) with the feed, and without it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JsonLogger } from '@lotse/common';
import { loadEnvironment } from '@lotse/config';
import { CoverageService, GRAPHQL_FIELDS } from '@lotse/coverage';
import { CalibratedTravelTimeEstimator, DEFAULT_DEPARTURE_WINDOW, GtfsImportService, TimetableProvider, TravelMode } from '@lotse/travel';
import { haversineMeters } from '@lotse/travel/testing';
import { createApp } from '../apps/api/src/bootstrap';
import { writeSyntheticFeed } from './gtfs-feed';
import { Rng } from './random';
import { mean, ms, percentile, ratio, table } from './stats';

const log = (line: string) => process.stderr.write(line + '\n');
const arg = (argv: string[], name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const scale = Number(arg(argv, '--scale') ?? 1);
  const queries = Number(arg(argv, '--queries') ?? 200);
  const coverageRuns = Number(arg(argv, '--coverage-runs') ?? 3);
  const serverUrl = arg(argv, '--server-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const os = require('node:os') as typeof import('node:os');
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stdout.write(`Travel bench · scale ${scale} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · node ${process.version} · ${new Date().toISOString()} · load ${load()}\n`);

  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-gtfs-'));
  const name = `lotse_bench_travel_${String(scale).replace('.', '_')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = loadEnvironment({ DATABASE_URL: url.toString(), SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'test', SEARCH_OUTBOX_POLL_MS: '0' });
  const app = await createApp({ env, logger: new JsonLogger('warn', () => undefined) });
  try {
    log('writing the synthetic feed …');
    const feed = writeSyntheticFeed(dir, scale);
    log(`  ${feed.stops} stops, ${feed.routes} lines, ${feed.trips} trips, ${feed.stopTimes} stop times`);

    // 1. import
    const report = await app.get(GtfsImportService).importPath(dir, { name: 'Synthetisch', licence: 'keine (synthetisch)' });
    const total = report.parseMs + report.writeMs;
    // 2. load
    const provider = app.get(TimetableProvider);
    provider.invalidate();
    const loadStarted = Date.now();
    const loaded = (await provider.current())!;
    const loadMs = Date.now() - loadStarted;
    const dayStarted = Date.now();
    const router = loaded.router;
    router.timetable.dayTable(router.timetable.typicalDate(2)!);
    const dayMs = Date.now() - dayStarted;

    // 3. router: origins near served stops, 400 targets near served stops, mostly within 25 km
    const rng = new Rng('lotse-travel-bench');
    const jitter = (v: number, m: number) => v + ((rng.next() - 0.5) * 2 * m) / 111_000;
    const cases = Array.from({ length: queries }, () => {
      const o = feed.served[rng.int(0, feed.served.length - 1)];
      const origin = { latitude: jitter(feed.lat[o], 300), longitude: jitter(feed.lon[o], 450) };
      const targets: { latitude: number; longitude: number }[] = [];
      while (targets.length < 400) {
        const s = feed.served[rng.int(0, feed.served.length - 1)];
        if (haversineMeters(origin.latitude, origin.longitude, feed.lat[s], feed.lon[s]) < 25_000) targets.push({ latitude: jitter(feed.lat[s], 400), longitude: jitter(feed.lon[s], 600) });
        else if (rng.next() < 0.02) targets.push({ latitude: jitter(feed.lat[s], 400), longitude: jitter(feed.lon[s], 600) });
      }
      return { origin, targets };
    });
    const estimator = new CalibratedTravelTimeEstimator();
    const routerMs: number[] = [];
    const estimateMs: number[] = [];
    let connections = 0;
    let answered = 0;
    for (let i = 0; i < 5; i++) router.journeys(cases[i].origin, cases[i].targets, DEFAULT_DEPARTURE_WINDOW); // warm-up
    for (const c of cases) {
      let started = process.hrtime.bigint();
      const answers = router.journeys(c.origin, c.targets, DEFAULT_DEPARTURE_WINDOW);
      routerMs.push(Number(process.hrtime.bigint() - started) / 1e6);
      for (const a of answers) {
        if (a.kind !== 'timetable' || !a.connections.length) continue;
        answered++;
        connections += a.connections.length;
      }
      const legs = c.targets.map((t) => ({ destination: t, distanceMeters: haversineMeters(c.origin.latitude, c.origin.longitude, t.latitude, t.longitude) }));
      started = process.hrtime.bigint();
      await estimator.travelTimes({ origin: c.origin, mode: TravelMode.PUBLIC_TRANSPORT, rural: true }, legs);
      estimateMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }

    // 4. coverage, all Saxony × one need, with and without the feed
    const coverage = app.get(CoverageService);
    const request = { needs: ['addiction'], mode: TravelMode.PUBLIC_TRANSPORT, thresholdMinutes: 45 };
    const timeCoverage = async () => {
      const samples: number[] = [];
      let points = 0;
      let timetable = 0;
      for (let i = 0; i < coverageRuns; i++) {
        const started = Date.now();
        const result = await coverage.networkCoverage(request, GRAPHQL_FIELDS);
        samples.push(Date.now() - started);
        points = result.municipalities.reduce((n, m) => n + m.measuringPoints.length, 0);
        timetable = result.municipalities.reduce((n, m) => n + m.needs[0].points.filter((p) => p.nearest?.travelBasis.kind === 'timetable').length, 0);
      }
      return { samples, points, timetable };
    };
    const withFeed = await timeCoverage();
    await app.get(DataSource).query(`DELETE FROM gtfs_feed`);
    provider.invalidate();
    const withoutFeed = await timeCoverage();

    const rows = [
      ['import: read + check', ms(report.parseMs), '', ''],
      ['import: write (unnest, one transaction)', ms(report.writeMs), `${Math.round(report.counts.stopTimes / (report.writeMs / 1000)).toLocaleString('en')} stop times/s`, ''],
      ['import: total', ms(total), `${Math.round(report.counts.stopTimes / (total / 1000)).toLocaleString('en')} stop times/s`, ''],
      ['timetable: load from the database', ms(loadMs), '', ''],
      ['timetable: build one service day', ms(dayMs), '', ''],
      ['router: 1 origin → 400, 07–09 (p50 / p95)', `${ms(percentile(routerMs, 50))} / ${ms(percentile(routerMs, 95))}`, `mean ${ms(mean(routerMs))}`, `×${ratio(percentile(routerMs, 95) / percentile(estimateMs, 95))} the estimate`],
      ['estimate: the same 400 legs (p50 / p95)', `${ms(percentile(estimateMs, 50))} / ${ms(percentile(estimateMs, 95))}`, `mean ${ms(mean(estimateMs))}`, 'baseline'],
      ['coverage all Saxony × 1 need, with the feed (p50)', ms(percentile(withFeed.samples, 50)), `${withFeed.points} points, ${withFeed.timetable} by timetable`, `×${ratio(percentile(withFeed.samples, 50) / percentile(withoutFeed.samples, 50))} without`],
      ['coverage all Saxony × 1 need, without a feed (p50)', ms(percentile(withoutFeed.samples, 50)), `${withoutFeed.points} points`, 'baseline'],
    ];
    process.stdout.write(
      `\nfeed: ${report.counts.stops} stops, ${report.counts.routes} lines, ${report.counts.trips} trips, ${report.counts.stopTimes} stop times; ` +
        `router answered ${answered} of ${queries * 400} pairs from the timetable, ${(connections / Math.max(1, answered)).toFixed(1)} connections each\n\n` +
        table(['measured', 'ms', 'rate / detail', 'ratio'], rows) +
        `\nload average at the end: ${load()} (other processes on the machine inflate the figures)\n`,
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    const drop = new Client({ connectionString: serverUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);
