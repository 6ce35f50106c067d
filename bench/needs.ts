/**
 * Needs × minutes (issue 12, point 3): how a match's cost grows with the number of needs and the
 * travel limit, 1–17 needs × 30/60/120/180/240 min by public transport, on the Saxony workload
 * (default, 50k listings) or the demo catalogue:
 *
 *   npm run bench:needs -- [--catalogue saxony|demo] [--size 50k] [--db server|embedded] [--per-cell 30] …   (--help)
 *
 * Per cell, the same origins (Saxon towns, as in the match bench) each with its own order of the 17
 * needs of taxonomy 2026.1, of which the cell takes the first k — so a cell with more needs only adds
 * needs to the same requests. The query is the issue's (`diversify: false`, `targets(first: 10)
 * { totalCount }`) plus the bundle, the part that once grew combinatorially. Concurrency 1, the
 * client in the API's thread; every cell is run twice, once in a pass with needs ascending and once
 * descending, so drift over the run does not favour one end. Reported: p95 per cell, its ratio to the
 * 1-need cell of the same run and column, the candidates per request, and the cost per
 * (needs × candidates) — the work the ranking does, each candidate scored against each need.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { NEED_TERMS } from '@lotse/catalogue';
import { runLoad } from './load-worker';
import { parseArgs, DatabaseKind } from './options';
import { Rng } from './random';
import { matchCases, placeInSaxony } from './requests';
import { mean, ms, percentile, ratio, size, table } from './stats';
import { openDemoTarget, openTarget, Target } from './targets';

const USAGE = `Options (npm run bench:needs -- [options]):
  --catalogue saxony|demo   the Saxony workload (generated, reused like npm run bench's) or the demo catalogue (default saxony)
  --size 50k                listings of the Saxony workload (default 50000)
  --db server|embedded      database (default server)
  --needs 17                needs from 1 up to this (at most the 17 needs of taxonomy 2026.1)
  --minutes 30,60,120,180,240   travel limits (public transport)
  --per-cell 30             requests per cell (origins: the first Saxon towns of the match bench)
  --fresh, --server-url, --data-dir, --seed   as for npm run bench
  --json FILE               also write the raw results
`;

const QUERY = `query Needs($request: MatchRequestInput!) {
  matchReferralTargets(request: $request) {
    consideredCandidates
    targets(first: 10) { totalCount }
    bundle { distinctOrganizations items { need { code } } }
  }
}`;

interface Cell {
  needs: number;
  minutes: number;
  bodies: string[];
  /** consideredCandidates per request (from the validation pass) */
  candidates: number[];
  latenciesMs: number[];
}

interface Options {
  catalogue: 'saxony' | 'demo';
  size: number;
  db: DatabaseKind;
  maxNeeds: number;
  minutes: number[];
  perCell: number;
  json?: string;
  passThrough: string[];
}

function parse(argv: string[]): Options {
  const values = new Map<string, string>();
  const passThrough: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    const [name, inline] = arg.replace(/^--/, '').split('=', 2);
    if (name === 'fresh') {
      passThrough.push('--fresh');
      continue;
    }
    const value = inline ?? argv[++i];
    if (!arg.startsWith('--') || value === undefined) throw new Error(`bad argument "${arg}"\n${USAGE}`);
    if (['server-url', 'data-dir', 'seed'].includes(name)) passThrough.push(`--${name}`, value);
    else if (['catalogue', 'size', 'db', 'needs', 'minutes', 'per-cell', 'json'].includes(name)) values.set(name, value);
    else throw new Error(`unknown option --${name}\n${USAGE}`);
  }
  const catalogue = (values.get('catalogue') ?? 'saxony') as Options['catalogue'];
  if (catalogue !== 'saxony' && catalogue !== 'demo') throw new Error('--catalogue must be saxony or demo');
  const db = (values.get('db') ?? 'server') as DatabaseKind;
  if (db !== 'server' && db !== 'embedded') throw new Error('--db must be server or embedded');
  const sizeText = values.get('size') ?? '50k';
  const minutes = (values.get('minutes') ?? '30,60,120,180,240').split(',').map(Number);
  if (minutes.some((m) => !Number.isInteger(m) || m <= 0)) throw new Error('--minutes: positive whole minutes');
  const maxNeeds = Number(values.get('needs') ?? 17);
  const perCell = Number(values.get('per-cell') ?? 30);
  if (!Number.isInteger(maxNeeds) || maxNeeds < 1) throw new Error('--needs must be a positive integer');
  if (!Number.isInteger(perCell) || perCell < 2) throw new Error('--per-cell must be an integer ≥ 2');
  // the size goes through the match bench's parser (k/m suffixes)
  const { runs } = parseArgs(['--workload', 'saxony', '--db', db, '--saxony-sizes', sizeText]);
  return { catalogue, size: runs[0].size, db, maxNeeds, minutes, perCell, json: values.get('json'), passThrough };
}

const err = (line: string) => process.stderr.write(line + '\n');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function post(port: number, body: string): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return res.json();
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const bench = parseArgs(['--workload', 'saxony', '--db', options.db, '--saxony-sizes', String(options.size), ...options.passThrough]);
  const codes = NEED_TERMS.filter((t) => t.since === '2026.1').map((t) => t.code);
  if (options.maxNeeds > codes.length) throw new Error(`--needs: at most ${codes.length} (the needs of taxonomy 2026.1)`);
  const started = Date.now();
  err(`needs × minutes: ${options.catalogue === 'demo' ? 'demo catalogue' : `Saxony workload ${size(options.size)}`}, ${options.db}, 1–${options.maxNeeds} needs × ${options.minutes.join('/')} min, ${options.perCell} requests per cell`);
  const t: Target = options.catalogue === 'demo' ? await openDemoTarget(options.db, bench) : await openTarget(bench.runs[0], bench);
  try {
    const placed = await placeInSaxony(matchCases(options.perCell, bench.seed), (sql, params) => t.floorQuery(sql, params) as Promise<any[]>);
    const orders = placed.cases.map((_, i) => new Rng(`${bench.seed}:needs:${i}`).sample(codes, codes.length));
    const cells: Cell[] = [];
    for (const minutes of options.minutes) {
      for (let k = 1; k <= options.maxNeeds; k++) {
        const bodies = placed.cases.map((c, i) =>
          JSON.stringify({
            query: QUERY,
            operationName: 'Needs',
            variables: { request: { needs: orders[i].slice(0, k), origin: { latitude: c.latitude, longitude: c.longitude }, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: minutes }, diversify: false } },
          }),
        );
        cells.push({ needs: k, minutes, bodies, candidates: [], latenciesMs: [] });
      }
    }
    // validation and warm-up: every request once; it must succeed, and tells the candidates
    err(`  validating ${cells.length} cells × ${options.perCell} requests …`);
    for (const cell of cells) {
      for (const body of cell.bodies) {
        const r = await post(t.port, body);
        const m = r.data?.matchReferralTargets;
        if (r.errors || !m) throw new Error(`request failed: ${JSON.stringify(r.errors ?? r).slice(0, 800)}\nrequest: ${body}`);
        cell.candidates.push(m.consideredCandidates);
      }
    }
    // two passes per column, needs ascending then descending, half of the requests each
    const half = Math.ceil(options.perCell / 2);
    for (const minutes of options.minutes) {
      const column = cells.filter((c) => c.minutes === minutes);
      for (const [pass, order] of [[0, column], [1, [...column].reverse()]] as const) {
        for (const cell of order) {
          const bodies = pass === 0 ? cell.bodies.slice(0, half) : cell.bodies.slice(half);
          if (!bodies.length) continue;
          const r = await runLoad({ id: 0, port: t.port, path: '/graphql', bodies, clients: 1, maxRequests: bodies.length, durationMs: 600_000, warmupMs: 0, errorMarker: '"errors"' });
          if (r.failures) throw new Error(`${cell.needs} needs × ${cell.minutes} min: ${r.failures} failed, first: ${r.firstFailure}`);
          cell.latenciesMs.push(...r.latenciesMs);
        }
      }
      err(`  ${minutes} min done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    const text = report(cells, options, t);
    process.stdout.write(`\n${text}\n`);
    if (options.json) writeFileSync(options.json, JSON.stringify({ date: new Date().toISOString(), options, listings: t.size, loadAverage: os.loadavg(), cells: cells.map(({ bodies, ...c }) => c) }, null, 2));
  } finally {
    await t.close();
  }
}

function report(cells: Cell[], options: Options, t: Target): string {
  const out: string[] = [];
  const cell = (k: number, m: number) => cells.find((c) => c.needs === k && c.minutes === m)!;
  const p95 = (c: Cell) => percentile(c.latenciesMs, 95);
  /** mean latency per unit of ranking work: each considered candidate scored against each need */
  const perUnit = (c: Cell) => (mean(c.latenciesMs) * 1000) / (c.needs * mean(c.candidates));
  const needsRange = Array.from({ length: options.maxNeeds }, (_, i) => i + 1);
  const header = ['needs', ...options.minutes.map((m) => `${m} min`)];
  const grid = (f: (c: Cell) => string) => needsRange.map((k) => [String(k), ...options.minutes.map((m) => f(cell(k, m)))]);
  const tab = (f: (c: Cell) => string) => table(header, grid(f), 1);
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  out.push(
    `Lotse needs × minutes — ${new Date().toISOString().slice(0, 16)}Z; ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; load average now ${load} (1/5/15 min)`,
  );
  out.push(
    `${options.catalogue === 'demo' ? 'demo catalogue' : 'Saxony workload'} (${t.size.toLocaleString('en')} listings, ${t.db}); public transport, diversify false, ` +
      `targets(first: 10) { totalCount } + bundle; ${options.perCell} requests per cell at concurrency 1 (origins: the first ${options.perCell} Saxon towns of the match bench)\n`,
  );
  out.push('p95 ms per cell:');
  out.push(tab((c) => ms(p95(c))));
  out.push('\np95 against the 1-need cell of the same column (this run):');
  out.push(tab((c) => ratio(p95(c) / p95(cell(1, c.minutes)))));
  out.push('\ncandidates per request (mean consideredCandidates; at most 400 per need):');
  out.push(tab((c) => mean(c.candidates).toFixed(0)));
  out.push('\nµs per (need × candidate): mean latency / (needs × mean candidates):');
  out.push(tab((c) => perUnit(c).toFixed(2)));
  out.push('\nthe same, against the 1-need cell of the same column (≤ 1: the cost grows at most linearly in needs × candidates):');
  out.push(tab((c) => ratio(perUnit(c) / perUnit(cell(1, c.minutes)))));
  // what each added unit of work costs over the 1-need cell: flat (or falling) down a column when
  // the growth is linear, rising when something grows faster than needs × candidates
  const marginal = (c: Cell) => {
    const base = cell(1, c.minutes);
    const du = c.needs * mean(c.candidates) - mean(base.candidates);
    return c.needs === 1 || du <= 0 ? '–' : (((mean(c.latenciesMs) - mean(base.latenciesMs)) * 1000) / du).toFixed(2);
  };
  out.push('\nmarginal µs per added (need × candidate) over the 1-need cell: (mean − mean of 1 need) / (units − units of 1 need):');
  out.push(tab(marginal));

  // one straight line through all cells: mean latency = a + b × (needs × candidates)
  const xs = cells.map((c) => c.needs * mean(c.candidates));
  const ys = cells.map((c) => mean(c.latenciesMs));
  const [mx, my] = [mean(xs), mean(ys)];
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const b = sxx > 0 ? sxy / sxx : 0;
  const a = my - b * mx;
  const ssTot = ys.reduce((s, y) => s + (y - my) ** 2, 0);
  const ssRes = ys.reduce((s, y, i) => s + (y - (a + b * xs[i])) ** 2, 0);
  const worst = cells.reduce((w, c, i) => (ys[i] / (a + b * xs[i]) > w.r ? { r: ys[i] / (a + b * xs[i]), c } : w), { r: 0, c: cells[0] });
  const largest = cells.reduce((w, c) => (c.needs * mean(c.candidates) > w.needs * mean(w.candidates) ? c : w), cells[0]);
  out.push(
    `\nlinear fit over all ${cells.length} cells: mean ms = ${ms(a)} + ${(b * 1000).toFixed(3)} µs × (needs × candidates), R² = ${ratio(rSquared(ssRes, ssTot))}; ` +
      `largest cell (${largest.needs} needs × ${largest.minutes} min, ${(largest.needs * mean(largest.candidates)).toFixed(0)} units): mean ${ms(mean(largest.latenciesMs))} ms, fit ${ms(a + b * largest.needs * mean(largest.candidates))} ms; ` +
      `most above the line: ${worst.c.needs} needs × ${worst.c.minutes} min at ×${ratio(worst.r)} of the fit`,
  );
  // Faster than linear would show as a steeper slope in the upper half of the needs than in the
  // lower half: per column, the slope of mean latency over needs × candidates from 1 need to the
  // middle and from the middle to the most needs; their ratio ≤ 1.25 (room for noise) passes.
  if (options.maxNeeds >= 3) {
    const mid = Math.ceil((options.maxNeeds + 1) / 2);
    const units = (c: Cell) => c.needs * mean(c.candidates);
    const slope = (x: Cell, y: Cell) => (mean(y.latenciesMs) - mean(x.latenciesMs)) / (units(y) - units(x));
    out.push(`\ngrowth, per column: slope of mean latency over needs × candidates, 1 → ${mid} needs against ${mid} → ${options.maxNeeds} needs (≤ 1.25: at most linear):`);
    for (const m of options.minutes) {
      const [lo, md, hi] = [cell(1, m), cell(mid, m), cell(options.maxNeeds, m)];
      const [s1, s2] = [slope(lo, md) * 1000, slope(md, hi) * 1000];
      const r = s2 / s1;
      out.push(
        `  ${m} min: ${s1.toFixed(2)} µs → ${s2.toFixed(2)} µs per unit, ×${ratio(r)}: ` +
          (s1 > 0 && Number.isFinite(r) ? verdict(r <= 1.25) : 'n/a (no growth in the lower half to compare with)'),
      );
    }
  }
  const slowest = cells.reduce((w, c) => (p95(c) > p95(w) ? c : w), cells[0]);
  out.push(`slowest cell: ${slowest.needs} needs × ${slowest.minutes} min, p95 ${ms(p95(slowest))} ms, max ${ms(Math.max(...slowest.latenciesMs))} ms`);
  return out.join('\n');
}

/** R² = 1 − SSres / SStot (1 when all cells took the same time). */
function rSquared(ssRes: number, ssTot: number): number {
  return ssTot > 0 ? 1 - ssRes / ssTot : 1;
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench:needs failed: ${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);
