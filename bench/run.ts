/**
 * Lotse matching benchmark (see bench/README.md):
 *
 *   npm run bench -- [--sizes 10k,100k,500k] [--db server,embedded] [--fresh] …   (--help lists all)
 *
 * For every database × catalogue size, in one run against the same database: the floor (the matcher's
 * candidate SQL, bare, concurrency 1), the GraphQL match over HTTP at concurrency 1 and at 20 clients,
 * `{ __typename }` at 20 clients as the ceiling of the HTTP/GraphQL stack, and a one-row read by
 * primary key at 20 clients as the cost of any round trip to the database.
 */
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import { dirname } from 'node:path';
import { QueryCounter } from '@lotse/database';
import { MatchingService, MatchRequest } from '@lotse/matching';
import { TRAVEL_TIME_ESTIMATOR, TravelMode, TravelTimeEstimator } from '@lotse/travel';
import { CpuMonitor, CpuShare } from './cpu';
import { LoadGenerator } from './load';
import { runLoad } from './load-worker';
import { BenchOptions, parseArgs, Run, TARGET_SIZES, WORKLOADS } from './options';
import { FALLBACK_RADIUS_METERS, FLOOR_SQL, floorParams, MatchCase, matchBody, matchCases, matchCheckBody, NO_DB_BODY, oneRowBodies, placeInSaxony, servicesNearBody, TRAVEL } from './requests';
import { mean, median, ms, percentile, rate, ratio, size, table } from './stats';
import { openTarget, Target } from './targets';

type QueryKind = 'match' | 'servicesNear';

interface RunResult extends Run {
  query: QueryKind;
  queryNote: string;
  databaseVersion: string;
  /** p50/p95: the median over the pairs of each pair's percentile */
  floor: { p50: number; p95: number; meanRows: number; maxRows: number; slowest: { town: string; need: string; rows: number; ms: number }[] };
  /** candidates per request: the floor's rows, which are the matcher's considered candidates (see candidatesAgree) */
  candidates: { mean: number; p95: number; max: number; zero: number; byTown: { town: string; mean: number; max: number }[] };
  /** each run of the (floor, GraphQL c = 1) pair, in order */
  pairs: { floorP50: number; floorP95: number; graphqlP50: number; graphqlP95: number }[];
  /** medians over the pairs: p95(GraphQL) / p95(floor) and p95(GraphQL) − p95(floor) */
  pairRatio: number;
  pairOverhead: number;
  radius: { source: string; urbanMeters: number; ruralMeters: number };
  /** cases where the floor returned exactly as many rows as the matcher considered candidates (match only) */
  candidatesAgree?: { same: number; of: number; firstDifference?: string };
  /** p50/p95: the median over the pairs */
  graphql1: { p50: number; p95: number; meanTotalCount: number; failures: number };
  graphql20: { rps: number; p50: number; p95: number; requests: number; failures: number };
  noDb20: { rps: number; p50: number; p95: number; requests: number; failures: number };
  /** `organization(id)` by primary key: one round trip to the database, nothing else */
  oneRow20: { rps: number; p50: number; p95: number; requests: number; failures: number };
  originsMoved: number;
  /** SQL statements per GraphQL request (the app's query counter over the concurrency-1 phase) */
  queriesPerRequest: number;
  /** API process CPU per request at concurrency 1, by layer (match only; see `measureLayers`) */
  layers?: { httpMatchMs: number; serviceMs: number; noDbMs: number; requests: number };
  /** CPU shares (of both cores) per phase: this process, the database backends, other processes */
  cpu: Record<string, CpuShare | undefined>;
  appLogLinesDiscarded: number;
  /** seconds per phase */
  phases: Record<string, number>;
  generation?: Target['generation'];
}

const err = (line: string) => process.stderr.write(line + '\n');

async function post(port: number, body: string): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return res.json();
}

async function chooseQuery(t: Target, choice: BenchOptions['query']): Promise<{ kind: QueryKind; note: string }> {
  const r = await post(t.port, JSON.stringify({ query: `{ __schema { queryType { fields { name } } } }` }));
  const fields: string[] = r.data?.__schema?.queryType?.fields?.map((f: { name: string }) => f.name) ?? [];
  if (!fields.length) throw new Error(`introspection failed: ${JSON.stringify(r).slice(0, 500)}`);
  const hasMatch = fields.includes('matchReferralTargets');
  if (choice === 'match' && !hasMatch) throw new Error('--query match: the schema has no matchReferralTargets query');
  if (choice === 'servicesNear') return { kind: 'servicesNear', note: 'servicesNear (chosen with --query)' };
  if (hasMatch) return { kind: 'match', note: 'matchReferralTargets' };
  return { kind: 'servicesNear', note: 'servicesNear — FALLBACK: matchReferralTargets is not in the schema yet' };
}

/**
 * The matcher searches candidates within the reach of the time limit, as its travel-time estimator
 * computes it (rural origins reach less far by public transport). Ask the app's own estimator, so the
 * floor searches the same radius; --radius overrides; without a matching module: 40 km.
 */
async function reachRadius(t: Target, options: BenchOptions): Promise<RunResult['radius']> {
  if (options.radiusMeters) return { source: '--radius', urbanMeters: options.radiusMeters, ruralMeters: options.radiusMeters };
  let estimator: TravelTimeEstimator | undefined;
  try {
    estimator = t.app.get<symbol, TravelTimeEstimator>(TRAVEL_TIME_ESTIMATOR, { strict: false });
  } catch {
    estimator = undefined;
  }
  if (!estimator) return { source: 'no travel-time estimator in the app, fixed', urbanMeters: FALLBACK_RADIUS_METERS, ruralMeters: FALLBACK_RADIUS_METERS };
  const reach = (rural: boolean) => estimator!.reachMeters({ mode: TravelMode.PUBLIC_TRANSPORT, rural }, TRAVEL.maxMinutes);
  const { name } = await estimator.describe();
  return { source: `the app's estimator (${name}), ${TRAVEL.maxMinutes} min public transport`, urbanMeters: await reach(false), ruralMeters: await reach(true) };
}

interface Clock {
  phases: Record<string, number>;
  cpu: Record<string, CpuShare | undefined>;
  monitor?: CpuMonitor;
}

async function timed<T>(clock: Clock, name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const snapshot = await clock.monitor?.start();
  try {
    return await fn();
  } finally {
    clock.phases[name] = (Date.now() - started) / 1000;
    if (clock.monitor) clock.cpu[name] = await clock.monitor.stop(snapshot);
  }
}

/** the towns whose candidates the report shows apart: the two big cities, a regional centre, a small town */
const BY_TOWN = ['Dresden', 'Leipzig', 'Chemnitz', 'Meißen'];
const pct = (x: number | undefined) => (x === undefined ? '?' : `${(x * 100).toFixed(0)} %`);
const MEASURED_PHASES = ['floor', 'graphql1', 'graphql20', 'noDb20', 'oneRow20'];
/** other processes may use this share of the CPUs without the measurement counting as disturbed */
const QUIET = 0.1;
const maxOther = (r: RunResult) => Math.max(...MEASURED_PHASES.map((p) => r.cpu[p]?.other ?? 0));

/** With --cpu-profile: a V8 CPU profile of the main thread (the API) while `fn` runs; open it in Chrome DevTools. */
async function withProfile<T>(file: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const session = new inspector.Session();
  session.connect();
  const call = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await call('Profiler.enable');
  await call('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await call('Profiler.stop');
    session.disconnect();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    err(`  CPU profile written to ${file}`);
  }
}

/**
 * Where a match's CPU goes: this process's CPU time (user + system, all threads) per request at
 * concurrency 1 for the match over HTTP, for the same requests given straight to MatchingService
 * (its database client work included, no HTTP, GraphQL or validation), and for `{ __typename }`.
 * The client runs in this thread in both HTTP loops, so it cancels out of the difference. Not a
 * target, a diagnosis: it says which layer a saving has to come from.
 */
async function measureLayers(t: Target, cases: MatchCase[], bodies: string[]): Promise<RunResult['layers']> {
  const service = t.app.get(MatchingService, { strict: false });
  const request = (c: MatchCase): MatchRequest => ({
    needs: [c.need],
    origin: { latitude: c.latitude, longitude: c.longitude },
    travel: { mode: TravelMode[TRAVEL.mode], maxMinutes: TRAVEL.maxMinutes },
    constraints: { acceptingNewClientsOnly: true },
    preferences: {},
    diversify: true,
  });
  // the direct call must consider what the HTTP request considers, or it measures something else
  const check = await post(t.port, matchCheckBody(cases[0]));
  const direct = await service.match(request(cases[0]));
  if (check.data?.matchReferralTargets?.consideredCandidates !== direct.consideredCandidates) {
    throw new Error(`layers: MatchingService considered ${direct.consideredCandidates} candidates, the HTTP request ${JSON.stringify(check)}`);
  }
  const n = Math.min(cases.length, 200) * 3; // 600 requests per loop settle the CPU figure; more only takes longer
  const cpuMs = async (fn: () => Promise<unknown>) => {
    await fn(); // warm
    const u = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(u);
    return (d.user + d.system) / 1000 / n;
  };
  const overHttp = (b: string[]) => () => runLoad({ id: 0, port: t.port, path: '/graphql', bodies: b, clients: 1, maxRequests: n, durationMs: 600_000, warmupMs: 0, errorMarker: '"errors"' });
  return {
    httpMatchMs: await cpuMs(overHttp(bodies)),
    serviceMs: await cpuMs(async () => {
      for (let i = 0; i < n; i++) await service.match(request(cases[i % cases.length]));
    }),
    noDbMs: await cpuMs(overHttp([NO_DB_BODY])),
    requests: n,
  };
}

async function waitForQuiet(clock: Clock, seconds: number): Promise<void> {
  const waitUntil = Date.now() + seconds * 1000;
  for (;;) {
    await timed(clock, 'idle', () => new Promise((r) => setTimeout(r, 1000)));
    const other = clock.cpu.idle?.other ?? 0;
    if (other <= QUIET) return;
    if (Date.now() >= waitUntil) {
      err(`  WARNING: other processes use ${pct(other)} of the CPUs before the measurements: the figures will be low and noisy`);
      return;
    }
    err(`  waiting for a quiet machine: other processes use ${pct(other)} of the CPUs`);
    await new Promise((r) => setTimeout(r, 4000));
  }
}

async function measure(run: Run, options: BenchOptions, load: LoadGenerator): Promise<RunResult> {
  const runStarted = Date.now();
  const setup: Clock = { phases: {}, cpu: {} };
  err(`\n== ${run.workload} workload, ${run.db} database, ${run.size.toLocaleString('en')} listings`);
  const t = await timed(setup, 'open', () => openTarget(run, options));
  setup.phases.appStart = t.startSeconds;
  if (t.generation) setup.phases.generate = t.generation.seconds;
  setup.monitor = new CpuMonitor(async () =>
    t.db === 'server' ? ((await t.floorQuery(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`, [])) as { pid: number }[]).map((r) => r.pid) : [],
  );
  try {
    const [{ version }] = (await t.floorQuery(`SELECT version() || ' / PostGIS ' || postgis_lib_version() AS version`, [])) as { version: string }[];
    const { kind, note } = await chooseQuery(t, options.query);
    err(`  query: ${note}`);
    const placed = await placeInSaxony(matchCases(options.queries, options.seed), (sql, params) => t.floorQuery(sql, params) as Promise<any[]>);
    const radius = await reachRadius(t, options);
    err(`  radius of the floor: ${radius.source}: ${radius.urbanMeters} m from a kreisfreie Stadt, ${radius.ruralMeters} m from a Landkreis`);
    const cases: MatchCase[] = placed.cases.map((c) => ({ ...c, radiusMeters: c.rural ? radius.ruralMeters : radius.urbanMeters }));
    const bodies = cases.map(kind === 'match' ? matchBody : servicesNearBody);
    const organizationIds = ((await t.floorQuery(`SELECT id FROM organization WHERE status = 'active' ORDER BY id LIMIT 200`, [])) as { id: string }[]).map((r) => r.id);
    const oneRow = oneRowBodies(organizationIds);

    // warm-up and validation: every request once through GraphQL (all must succeed) and the floor;
    // for the match, the floor must return as many rows as the matcher considered candidates
    const totals: number[] = [];
    let candidatesAgree: RunResult['candidatesAgree'];
    await timed(setup, 'warmup', async () => {
      for (const body of bodies) {
        const r = await post(t.port, body);
        const data = kind === 'match' ? r.data?.matchReferralTargets?.targets : r.data?.servicesNear;
        if (r.errors || !data) throw new Error(`the ${kind} request failed: ${JSON.stringify(r.errors ?? r).slice(0, 1000)}\nrequest: ${body}`);
        totals.push(data.totalCount);
      }
      if (kind === 'match') candidatesAgree = { same: 0, of: cases.length };
      for (const body of oneRow) {
        const r = await post(t.port, body);
        if (r.errors || !r.data?.organization) throw new Error(`the one-row read failed: ${JSON.stringify(r).slice(0, 1000)}\nrequest: ${body}`);
      }
      for (const c of cases) {
        const rows = await t.floorQuery(FLOOR_SQL, floorParams(c), true);
        if (!candidatesAgree) continue;
        const r = await post(t.port, matchCheckBody(c));
        const considered = r.data?.matchReferralTargets?.consideredCandidates;
        if (considered === rows.length) candidatesAgree.same++;
        else candidatesAgree.firstDifference ??= `${c.town} (${c.latitude}, ${c.longitude}) ${c.need}: floor ${rows.length} rows, matcher ${considered} candidates`;
      }
    });
    if (candidatesAgree && candidatesAgree.same < candidatesAgree.of) {
      err(`  WARNING: the floor and the matcher disagree on the candidates in ${candidatesAgree.of - candidatesAgree.same} of ${candidatesAgree.of} cases, e.g. ${candidatesAgree.firstDifference}`);
    }

    const counter = t.app.get(QueryCounter);
    // a throughput phase: `clients` closed-loop clients for the configured time, after the warm-up
    const closedLoop = (b: string[]) =>
      load.run({ port: t.port, path: '/graphql', bodies: b, clients: options.clients, maxRequests: Number.MAX_SAFE_INTEGER, durationMs: options.durationSeconds * 1000, warmupMs: options.warmupSeconds * 1000, errorMarker: '"errors"' });
    const attempt = async (clock: Clock) => {
      // 1.–2. the pair, `pairs` times back to back: the floor at concurrency 1, then GraphQL at
      // concurrency 1 on the same cases. One pair's p95 moves with the VM's drift; the latency
      // verdicts take the median over the pairs, each pair's figures measured minutes apart at most.
      const pairs: RunResult['pairs'] = [];
      let floorMs: number[] = [];
      let rows: number[] = [];
      let one: Awaited<ReturnType<typeof runLoad>> | undefined;
      let queriesPerRequest = 0;
      const floorCpu: { share: CpuShare; seconds: number }[] = [];
      let graphql1Seconds = 0;
      for (let pair = 1; pair <= options.pairs; pair++) {
        err(`  pair ${pair}/${options.pairs}: floor, ${cases.length} queries; GraphQL ${kind}, ${cases.length} requests at concurrency 1 …`);
        const pairFloorMs: number[] = [];
        const pairRows: number[] = [];
        await timed(clock, 'floor', async () => {
          for (const c of cases) {
            const t0 = performance.now();
            const result = await t.floorQuery(FLOOR_SQL, floorParams(c), true);
            pairFloorMs.push(performance.now() - t0);
            pairRows.push(result.length);
          }
        });
        if (clock.cpu.floor) floorCpu.push({ share: clock.cpu.floor, seconds: clock.phases.floor });
        const queriesBefore = counter.queries;
        const pairOne = await timed(clock, 'graphql1', () =>
          // In this thread, like the floor's client: a client in the worker thread adds a cross-thread
          // wake-up to every request (≈ 0.7 ms on the 2-core VM), which the floor does not pay.
          withProfile(pair === 1 && options.cpuProfile ? `${options.cpuProfile}/${run.workload}-${run.db}-${run.size}-graphql1.cpuprofile` : undefined, () =>
            runLoad({ id: 0, port: t.port, path: '/graphql', bodies, clients: 1, maxRequests: cases.length, durationMs: 600_000, warmupMs: 0, errorMarker: '"errors"' }),
          ),
        );
        graphql1Seconds += clock.phases.graphql1;
        if (pair === 1) {
          floorMs = pairFloorMs;
          rows = pairRows;
          one = pairOne;
          queriesPerRequest = (counter.queries - queriesBefore) / cases.length;
        } else if (one) one = { ...one, failures: one.failures + pairOne.failures, firstFailure: one.firstFailure ?? pairOne.firstFailure };
        pairs.push({
          floorP50: percentile(pairFloorMs, 50), floorP95: percentile(pairFloorMs, 95),
          graphqlP50: percentile(pairOne.latenciesMs, 50), graphqlP95: percentile(pairOne.latenciesMs, 95),
        });
      }
      // phases and CPU of the floor over all pairs (the cores' bound needs its database CPU per query)
      const floorSeconds = floorCpu.reduce((a, c) => a + c.seconds, 0);
      const weighted = (pick: (c: CpuShare) => number) => floorCpu.reduce((a, c) => a + pick(c.share) * c.seconds, 0) / floorSeconds;
      if (floorCpu.length) {
        clock.cpu.floor = { own: weighted((c) => c.own), db: weighted((c) => c.db), other: Math.max(...floorCpu.map((c) => c.share.other)) };
        clock.phases.floor = floorSeconds;
      }
      clock.phases.graphql1 = graphql1Seconds;
      // 2b. GraphQL at `clients`
      err(`  GraphQL ${kind}: ${options.clients} clients for ${options.durationSeconds} s …`);
      const many = await timed(clock, 'graphql20', () =>
        withProfile(options.cpuProfile && `${options.cpuProfile}/${run.workload}-${run.db}-${run.size}-graphql${options.clients}.cpuprofile`, () => closedLoop(bodies)),
      );
      // 3. the ceiling: no database work
      err(`  { __typename }: ${options.clients} clients for ${options.durationSeconds} s …`);
      const noDb = await timed(clock, 'noDb20', () => closedLoop([NO_DB_BODY]));
      // 4. one round trip to the database and nothing else
      err(`  one-row read: ${options.clients} clients for ${options.durationSeconds} s …`);
      const oneRow20 = await timed(clock, 'oneRow20', () => closedLoop(oneRow));
      return { floorMs, rows, pairs, one: one!, many, noDb, oneRow20, queriesPerRequest, other: Math.max(...MEASURED_PHASES.map((p) => clock.cpu[p]?.other ?? 0)) };
    };

    // with --wait-quiet, a measurement disturbed by other processes is repeated (up to 3 times, the least disturbed is kept)
    let best: (Awaited<ReturnType<typeof attempt>> & { clock: Clock }) | undefined;
    const attempts = options.waitQuietSeconds > 0 ? 3 : 1;
    for (let i = 1; i <= attempts; i++) {
      const clock: Clock = { phases: {}, cpu: {}, monitor: setup.monitor };
      await waitForQuiet(clock, options.waitQuietSeconds);
      const a = { ...(await attempt(clock)), clock };
      for (const phase of MEASURED_PHASES) {
        const share = clock.cpu[phase];
        if (share && share.other > QUIET) err(`  WARNING: other processes took ${pct(share.other)} of the CPUs during ${phase}`);
      }
      if (!best || a.other < best.other) best = a;
      if (a.other <= QUIET) break;
      if (i < attempts) err(`  repeating the measurement (attempt ${i + 1} of ${attempts})`);
    }
    const { floorMs, rows, pairs, one, many, noDb, oneRow20, queriesPerRequest, clock } = best!;
    for (const [name, r] of [['GraphQL c=1', one], [`GraphQL c=${options.clients}`, many], ['no-DB', noDb], ['one-row read', oneRow20]] as const) {
      if (r.failures) err(`  WARNING ${name}: ${r.failures} failed requests, first: ${r.firstFailure}`);
    }
    const throughput = (r: typeof many) => ({ rps: r.requests / r.seconds, p50: percentile(r.latenciesMs, 50), p95: percentile(r.latenciesMs, 95), requests: r.requests, failures: r.failures });
    const phases = Object.assign(setup.phases, clock.phases); // the same object: total is added on close
    const layers = kind === 'match' ? await timed(setup, 'layers', () => measureLayers(t, cases, bodies)) : undefined;
    const result: RunResult = {
      ...run,
      query: kind,
      queryNote: note,
      databaseVersion: version,
      floor: {
        p50: median(pairs.map((p) => p.floorP50)), p95: median(pairs.map((p) => p.floorP95)), meanRows: mean(rows), maxRows: Math.max(...rows),
        slowest: cases.map((c, i) => ({ town: c.town, need: c.need, rows: rows[i], ms: Math.round(floorMs[i] * 100) / 100 })).sort((a, b) => b.ms - a.ms).slice(0, 10),
      },
      candidates: {
        mean: mean(rows), p95: percentile(rows, 95), max: Math.max(...rows), zero: rows.filter((n) => n === 0).length,
        byTown: BY_TOWN.map((town) => {
          const of = rows.filter((_, i) => cases[i].town === town);
          return { town, mean: mean(of), max: Math.max(...of) };
        }),
      },
      pairs,
      pairRatio: median(pairs.map((p) => p.graphqlP95 / p.floorP95)),
      pairOverhead: median(pairs.map((p) => p.graphqlP95 - p.floorP95)),
      graphql1: { p50: median(pairs.map((p) => p.graphqlP50)), p95: median(pairs.map((p) => p.graphqlP95)), meanTotalCount: mean(totals), failures: one.failures },
      graphql20: throughput(many),
      noDb20: throughput(noDb),
      oneRow20: throughput(oneRow20),
      radius,
      candidatesAgree,
      originsMoved: placed.moved,
      queriesPerRequest,
      layers,
      cpu: { ...setup.cpu, ...clock.cpu },
      appLogLinesDiscarded: t.appLog.infoLines,
      phases,
      generation: t.generation,
    };
    err(
      `  floor p50/p95 ${ms(result.floor.p50)}/${ms(result.floor.p95)} ms (candidates per request: mean ${result.candidates.mean.toFixed(1)}, p95 ${result.candidates.p95}, max ${result.candidates.max}); ` +
        `GraphQL p50/p95 ${ms(result.graphql1.p50)}/${ms(result.graphql1.p95)} ms; ${rate(result.graphql20.rps)} req/s at ${options.clients} clients ` +
        `(p95 ${ms(result.graphql20.p95)} ms); no-DB ${rate(result.noDb20.rps)} req/s; one-row read ${rate(result.oneRow20.rps)} req/s`,
    );
    return result;
  } finally {
    await timed(setup, 'close', () => t.close());
    setup.phases.total = (Date.now() - runStarted) / 1000;
  }
}

/**
 * What the cores allow a match at best: the database must do at least the floor's work for every
 * match and the API at least what a one-row read costs it; on the server both share the same cores.
 * Server only (PGlite runs in the API's thread, its CPU is not told apart).
 */
function coresBound(r: RunResult, options: BenchOptions): { rps: number; floorDbMs: number; oneRowApiMs: number } | undefined {
  if (r.db !== 'server') return undefined;
  const cores = os.cpus().length;
  const floorDbMs = r.cpu.floor && r.phases.floor ? (r.cpu.floor.db * cores * r.phases.floor * 1000) / (options.queries * r.pairs.length) : undefined;
  const oneRowApiMs = r.cpu.oneRow20 ? (r.cpu.oneRow20.own * cores * 1000) / r.oneRow20.rps : undefined;
  if (floorDbMs === undefined || oneRowApiMs === undefined) return undefined;
  return { rps: (cores * 1000) / (floorDbMs + oneRowApiMs), floorDbMs, oneRowApiMs };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/**
 * The three targets of issue 12, point 8, per workload and database, from this run only:
 * 1. at the large size, GraphQL match p95 ≤ 2 × the floor's p95, on the median of the pairs;
 * 2. the overhead p95(GraphQL) − p95(floor) grows ≤ 1.25× from the small to the large size;
 * 3. at the throughput phase's clients, match req/s ≥ 0.6 × the one-row read's at the small size
 *    and ≥ 0.5 × the cores' bound at the large size.
 * Small and large are the workload's target sizes (Germany 10k/500k, Saxony 1k/50k); a run at
 * other sizes judges its smallest and largest and says so.
 */
export function verdicts(results: RunResult[], options: BenchOptions): string[] {
  const out: string[] = [];
  for (const workload of WORKLOADS) {
    for (const db of ['server', 'embedded'] as const) {
      const rows = results.filter((r) => r.workload === workload && r.db === db).sort((a, b) => a.size - b.size);
      if (!rows.length) continue;
      const [small, large] = [rows[0], rows[rows.length - 1]];
      const want = TARGET_SIZES[workload];
      const reduced = small.size !== want.small || large.size !== want.large;
      out.push(
        `  ${workload}, ${db}: ${rows.length > 1 ? `${size(small.size)} → ${size(large.size)}` : `${size(large.size)} only`}` +
          (reduced ? ` — REDUCED SIZES: the targets are stated for ${size(want.small)} → ${size(want.large)}; these verdicts are indicative only` : ''),
      );
      const pairs = large.pairs.map((p) => ratio(p.graphqlP95 / p.floorP95)).join(', ');
      out.push(
        `    1. at ${size(large.size)}: GraphQL p95 ≤ 2 × floor p95, median of ${large.pairs.length} pairs: ×${ratio(large.pairRatio)} ` +
          `(GraphQL ${ms(large.graphql1.p95)} ms, floor ${ms(large.floor.p95)} ms; per pair ×${pairs}): ${verdict(large.pairRatio <= 2)}`,
      );
      if (rows.length < 2) out.push(`    2. overhead growth: n/a (one size only)`);
      else {
        const x = large.pairOverhead / small.pairOverhead;
        out.push(
          `    2. overhead p95(GraphQL) − p95(floor), ${size(small.size)} → ${size(large.size)}: ${ms(small.pairOverhead)} → ${ms(large.pairOverhead)} ms ` +
            `(medians of the pairs) → ×${ratio(x)} (≤ 1.25): ${verdict(x <= 1.25)}`,
        );
      }
      const a = small.graphql20.rps / small.oneRow20.rps;
      out.push(
        `    3a. at ${options.clients} clients, ${size(small.size)}: match ${rate(small.graphql20.rps)} req/s vs one-row read ${rate(small.oneRow20.rps)} req/s → ` +
          `${ratio(a)} (≥ 0.6): ${verdict(a >= 0.6)}`,
      );
      const bound = coresBound(large, options);
      if (!bound) out.push(`    3b. at ${options.clients} clients, ${size(large.size)}: n/a (the cores' bound is computed for the server database only)`);
      else {
        const b = large.graphql20.rps / bound.rps;
        out.push(
          `    3b. at ${options.clients} clients, ${size(large.size)}: match ${rate(large.graphql20.rps)} req/s vs the cores' bound ${rate(bound.rps)} req/s → ` +
            `${ratio(b)} (≥ 0.5): ${verdict(b >= 0.5)}`,
        );
      }
    }
  }
  return out;
}

function report(results: RunResult[], options: BenchOptions, machine: string, totalSeconds: number): string {
  const out: string[] = [];
  const queries = [...new Set(results.map((r) => r.query))];
  const notes = [...new Set(results.map((r) => r.queryNote))];
  out.push(`Lotse matching benchmark — ${new Date().toISOString().slice(0, 10)}; ${machine}`);
  out.push(
    `query: ${notes.join(', ')}; ` +
      `origins in Saxony, 1 need, ${TRAVEL.mode} ${TRAVEL.maxMinutes} min, accepting new clients only; ` +
      `floor radius ${[...new Set(results.map((r) => `${r.radius.urbanMeters} m city / ${r.radius.ruralMeters} m Landkreis (${r.radius.source})`))].join('; ')}`,
  );
  out.push(
    `latency: ${options.queries} requests at concurrency 1, the (floor, GraphQL) pair run ${options.pairs} times, p50/p95 = median over the pairs; ` +
      `throughput: ${options.clients} clients, ${options.durationSeconds} s after ${options.warmupSeconds} s warm-up\n`,
  );
  out.push(
    table(
      ['workload', 'N', 'db', 'floor p50 ms', 'floor p95 ms', 'GraphQL p50 ms', 'GraphQL p95 ms', 'p95 GraphQL/floor', 'p95 overhead ms', `req/s @${options.clients}`, `one-row req/s @${options.clients}`, `no-DB req/s @${options.clients}`],
      results.map((r) => [
        r.workload, size(r.size), r.db, ms(r.floor.p50), ms(r.floor.p95), ms(r.graphql1.p50), ms(r.graphql1.p95), ratio(r.pairRatio), ms(r.pairOverhead),
        rate(r.graphql20.rps), rate(r.oneRow20.rps), rate(r.noDb20.rps),
      ]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['workload', 'N', 'db', 'candidates mean', 'p95', 'max', 'none', 'same rows as matcher', 'targets (mean totalCount)', 'SQL per request', `GraphQL p50/p95 ms @${options.clients}`, 'failures', 'other CPU'],
      results.map((r) => [
        r.workload, size(r.size), r.db, r.candidates.mean.toFixed(1), String(r.candidates.p95), String(r.candidates.max), `${r.candidates.zero}/${options.queries}`,
        r.candidatesAgree ? `${r.candidatesAgree.same}/${r.candidatesAgree.of}` : 'n/a',
        r.graphql1.meanTotalCount.toFixed(1), r.queriesPerRequest.toFixed(1),
        `${ms(r.graphql20.p50)}/${ms(r.graphql20.p95)}`, String(r.graphql1.failures + r.graphql20.failures + r.noDb20.failures + r.oneRow20.failures),
        pct(maxOther(r)),
      ]),
    ),
  );
  out.push('(candidates: per request, the floor\'s rows = the matcher\'s considered candidates before the travel limit, at most 400 per need; none: requests without any)');
  out.push('candidates per request by origin town (mean/max):');
  for (const r of results) {
    out.push(`  ${r.workload} ${size(r.size)} ${r.db}: ` + r.candidates.byTown.map((t) => `${t.town} ${Number.isFinite(t.mean) ? `${t.mean.toFixed(0)}/${t.max}` : '–'}`).join(', '));
  }
  out.push('\npairs (floor p95 / GraphQL p95 ms, in order):');
  for (const r of results) out.push(`  ${r.workload} ${size(r.size)} ${r.db}: ${r.pairs.map((p) => `${ms(p.floorP95)}/${ms(p.graphqlP95)}`).join(', ')}`);

  // growth of p95 from the smallest to the largest size, per workload and database
  out.push('');
  for (const workload of WORKLOADS) {
    for (const db of ['server', 'embedded'] as const) {
      const rows = results.filter((r) => r.workload === workload && r.db === db).sort((a, b) => a.size - b.size);
      if (rows.length < 2) continue;
      const [lo, hi] = [rows[0], rows[rows.length - 1]];
      out.push(
        `growth of p95 ${size(lo.size)} → ${size(hi.size)} (${workload}, ${db}): floor ${ms(lo.floor.p95)} → ${ms(hi.floor.p95)} ms (×${ratio(hi.floor.p95 / lo.floor.p95)}), ` +
          `GraphQL ${ms(lo.graphql1.p95)} → ${ms(hi.graphql1.p95)} ms (×${ratio(hi.graphql1.p95 / lo.graphql1.p95)})`,
      );
    }
  }

  out.push('\nverdicts (issue 12, point 8):');
  out.push(...verdicts(results, options));
  out.push(`  for comparison, at ${options.clients} clients: a one-row read by primary key (one round trip, nothing else) against the no-DB ceiling, and the match against that read:`);
  for (const r of results) {
    out.push(
      `     ${r.workload} ${size(r.size)} ${r.db}: one-row read ${rate(r.oneRow20.rps)} req/s → ${ratio(r.oneRow20.rps / r.noDb20.rps)} of no-DB; ` +
        `match ${rate(r.graphql20.rps)} req/s → ${ratio(r.graphql20.rps / r.oneRow20.rps)} of the one-row read, ${ratio(r.graphql20.rps / r.noDb20.rps)} of no-DB`,
    );
  }
  for (const r of results) {
    const bound = coresBound(r, options);
    if (!bound) continue;
    out.push(
      `     ${r.workload} ${size(r.size)} server: the cores' bound: at most ${rate(bound.rps)} req/s on ${os.cpus().length} cores for a match that costs the API no more than a one-row read ` +
        `(database ≥ the floor's ${ms(bound.floorDbMs)} ms, API ≥ ${ms(bound.oneRowApiMs)} ms CPU per request) → ≤ ${ratio(bound.rps / r.noDb20.rps)} of no-DB`,
    );
  }
  if (queries.includes('servicesNear')) out.push('  (measured with the servicesNear fallback, not the matching query: the verdicts are about servicesNear)');

  out.push('\nphases (s):');
  for (const r of results) {
    const g = r.generation;
    out.push(
      `  ${r.workload} ${size(r.size)} ${r.db}: ` +
        Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') +
        (g ? ` — generated ${g.organizations} organizations, ${g.locations} locations, ${g.services} services, ${g.listings} listings (inserts ${g.insertSeconds.toFixed(1)} s, VACUUM ANALYZE ${g.vacuumAnalyzeSeconds.toFixed(1)} s)` : ' — catalogue reused'),
    );
  }
  out.push(`  whole run: ${totalSeconds.toFixed(0)} s`);
  out.push('\nCPU (share of both cores: API process incl. load generator / database backends / other processes):');
  for (const r of results) {
    out.push(`  ${r.workload} ${size(r.size)} ${r.db}: ` + MEASURED_PHASES.map((p) => `${p} ${pct(r.cpu[p]?.own)}/${pct(r.cpu[p]?.db)}/${pct(r.cpu[p]?.other)}`).join(', '));
  }
  out.push(`CPU time per request at ${options.clients} clients (share × ${os.cpus().length} cores / req/s):`);
  const perRequest = (share: number | undefined, rps: number) => (share === undefined ? '?' : `${((share * os.cpus().length * 1000) / rps).toFixed(2)} ms`);
  for (const r of results) {
    const m = r.cpu.graphql20;
    const n = r.cpu.noDb20;
    const o = r.cpu.oneRow20;
    const db = (share: CpuShare | undefined, rps: number) => (r.db === 'server' ? perRequest(share?.db, rps) : '(in the API process)');
    out.push(
      `  ${r.workload} ${size(r.size)} ${r.db}: match: API process ${perRequest(m?.own, r.graphql20.rps)}, database ${db(m, r.graphql20.rps)}; ` +
        `no-DB: API process ${perRequest(n?.own, r.noDb20.rps)}; one-row read: API process ${perRequest(o?.own, r.oneRow20.rps)}, database ${db(o, r.oneRow20.rps)}`,
    );
  }
  const layered = results.filter((r) => r.layers);
  if (layered.length) {
    out.push('API process CPU per request at concurrency 1, by layer (match over HTTP = HTTP, GraphQL and validation + matching service):');
    for (const r of layered) {
      const l = r.layers!;
      out.push(`  ${r.workload} ${size(r.size)} ${r.db}: match over HTTP ${ms(l.httpMatchMs)} ms, of it the matching service ${ms(l.serviceMs)} ms; { __typename } ${ms(l.noDbMs)} ms (${l.requests} requests each)`);
    }
  }
  if (results.some((r) => maxOther(r) > QUIET)) out.push('  WARNING: other processes took more than 10 % of the CPUs during some phases: rerun on a quiet machine');
  const versions = [...new Set(results.map((r) => `${r.db}: ${r.databaseVersion}`))];
  out.push(`\n${versions.join('\n')}`);
  return out.join('\n');
}

function gitRevision(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
    return `commit ${head}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'no git';
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${gitRevision()}`;
  err(`Lotse matching benchmark: ${options.runs.map((r) => `${r.workload} ${r.db} ${size(r.size)}`).join(', ')} — ${machine}`);
  const load = new LoadGenerator();
  const results: RunResult[] = [];
  try {
    for (const run of options.runs) results.push(await measure(run, options, load));
  } finally {
    await load.close();
  }
  const text = report(results, options, machine, (Date.now() - started) / 1000);
  process.stdout.write(`\n${text}\n`);
  if (options.json) {
    writeFileSync(options.json, JSON.stringify({ date: new Date().toISOString(), machine, options, results }, null, 2));
    err(`raw results written to ${options.json}`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);
