import { DEFAULT_SEED } from './generate';

export type DatabaseKind = 'server' | 'embedded';
export type QueryChoice = 'auto' | 'match' | 'servicesNear';
/**
 * Where the catalogue lies: `germany` spreads it over Germany around 45 cities (a Saxon request sees
 * only the Saxon share); `saxony` puts every listing inside Saxony, where people live (see generate.ts).
 */
export type Workload = 'germany' | 'saxony';
export const WORKLOADS: readonly Workload[] = ['germany', 'saxony'];

export interface Run {
  workload: Workload;
  db: DatabaseKind;
  size: number;
}

export interface BenchOptions {
  runs: Run[];
  fresh: boolean;
  serverUrl: string;
  dataDir: string;
  seed: string;
  /** requests for the floor and for GraphQL at concurrency 1 */
  queries: number;
  /** runs of the (floor, GraphQL at concurrency 1) pair; latency verdicts use their median */
  pairs: number;
  clients: number;
  durationSeconds: number;
  warmupSeconds: number;
  query: QueryChoice;
  /** fixed radius for the floor (and servicesNear) instead of the matcher's reach */
  radiusMeters?: number;
  json?: string;
  waitQuietSeconds: number;
  /** directory for CPU profiles of the API during the GraphQL phases */
  cpuProfile?: string;
  /**
   * `heuristic-v1`: the matcher estimates public transport with the first estimate (as the code of
   * 2026-11-22 did) instead of calibrated-v2 — the same question as then, for a comparison of code.
   */
  estimate?: 'heuristic-v1';
}

export const DEFAULT_SIZES = [10_000, 100_000, 500_000];
export const DEFAULT_EMBEDDED_SIZES = [10_000];
/**
 * The Saxony workload: 50,000 listings, the size of Saxony's whole health and social network, and
 * 1,000 (about the demo catalogue's size) as the small end, the same ×50 as Germany's 10k → 500k.
 */
export const DEFAULT_SAXONY_SIZES = [1_000, 50_000];
/** The sizes each workload's verdicts are stated for (small → large); other sizes are reported as reduced. */
export const TARGET_SIZES: Record<Workload, { small: number; large: number }> = {
  germany: { small: 10_000, large: 500_000 },
  saxony: { small: 1_000, large: 50_000 },
};

export const USAGE = `Options (npm run bench -- [options]; npm run bench:generate -- [options]):
  --sizes 10000,100000,500000   listings per Germany-wide catalogue (k/m suffixes allowed: 10k,100k,500k)
  --saxony-sizes 1k,50k         listings per Saxony catalogue (every listing inside Saxony)
  --workload germany,saxony     which catalogues; default both (Saxony on the server only, unless
                                --saxony-sizes is given: then on every --db)
  --db server,embedded          databases; default: server at every size, embedded at 10000
                                (with --sizes, every database runs every size given)
  --fresh                       drop and regenerate the bench databases instead of reusing them
  --server-url URL              admin URL of the PostgreSQL server (default: $DATABASE_URL or
                                postgres://postgres@127.0.0.1:5432/postgres); databases lotse_bench_<n>
  --data-dir DIR                parent of the embedded data directories (default /tmp/lotse-bench)
  --seed TEXT                   generator seed (default ${DEFAULT_SEED})
  --queries 1000                requests for the floor and for GraphQL at concurrency 1
  --pairs 5                     runs of the (floor, GraphQL concurrency 1) pair; the latency
                                verdicts are judged on their median
  --clients 20                  concurrent clients for the throughput phases
  --duration 10                 seconds per throughput phase (after --warmup seconds not counted)
  --warmup 2
  --query auto|match|servicesNear   auto: matchReferralTargets if the schema has it, else servicesNear
  --radius METRES               fixed floor radius (default: the matcher's reach for 60 min by public
                                transport, asked from the app's travel-time estimator)
  --json FILE                   also write the raw results as JSON
  --cpu-profile DIR             write V8 CPU profiles of the API during the GraphQL phases (concurrency 1
                                and throughput)
  --wait-quiet SECONDS          before each database × size, wait up to this long until other
                                processes use ≤ 10 % of the CPUs (default 0: warn only)
  --estimate heuristic-v1       the matcher's public-transport estimate as on 2026-11-22 (heuristic-v1,
                                smaller reach) instead of calibrated-v2: the same question as then
`;

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: "${text}"`);
  const factor = { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase() as '' | 'k' | 'm'];
  const n = Math.round(Number(m[1]) * factor);
  if (n < 1) throw new Error(`size must be positive: "${text}"`);
  return n;
}

function estimateOption(value: string | undefined): BenchOptions['estimate'] {
  if (value === undefined) return undefined;
  if (value !== 'heuristic-v1') throw new Error(`--estimate: only heuristic-v1 is known, not "${value}"`);
  return value;
}

export function parseArgs(argv: string[]): BenchOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (name === 'fresh') {
      flags.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  const known = ['sizes', 'saxony-sizes', 'workload', 'pairs', 'db', 'server-url', 'data-dir', 'seed', 'queries', 'clients', 'duration', 'warmup', 'query', 'radius', 'json', 'wait-quiet', 'cpu-profile', 'estimate'];
  for (const name of values.keys()) if (!known.includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);

  const dbs = (values.get('db') ?? 'server,embedded').split(',').map((s) => s.trim()) as DatabaseKind[];
  for (const db of dbs) if (db !== 'server' && db !== 'embedded') throw new Error(`--db: "${db}" is neither server nor embedded`);
  const sizes = values.has('sizes') ? values.get('sizes')!.split(',').map(parseSize) : undefined;
  const saxonySizes = values.has('saxony-sizes') ? values.get('saxony-sizes')!.split(',').map(parseSize) : undefined;
  const workloads = (values.get('workload') ?? WORKLOADS.join(',')).split(',').map((s) => s.trim()) as Workload[];
  for (const w of workloads) if (!WORKLOADS.includes(w)) throw new Error(`--workload: "${w}" is neither germany nor saxony`);
  const runs: Run[] = [];
  for (const workload of workloads) {
    for (const db of dbs) {
      const list =
        workload === 'germany'
          ? sizes ?? (db === 'server' ? DEFAULT_SIZES : DEFAULT_EMBEDDED_SIZES)
          : saxonySizes ?? (db === 'server' ? DEFAULT_SAXONY_SIZES : []);
      for (const size of list) runs.push({ workload, db, size });
    }
  }
  if (runs.length === 0) throw new Error(`nothing to run: no size for ${workloads.join(', ')} on ${dbs.join(', ')}\n${USAGE}`);
  const query = (values.get('query') ?? 'auto') as QueryChoice;
  if (!['auto', 'match', 'servicesNear'].includes(query)) throw new Error(`--query must be auto, match or servicesNear`);
  const int = (name: string, fallback: number) => {
    const n = values.has(name) ? Number(values.get(name)) : fallback;
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  return {
    runs,
    fresh: flags.has('fresh'),
    serverUrl: values.get('server-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    dataDir: values.get('data-dir') ?? '/tmp/lotse-bench',
    seed: values.get('seed') ?? DEFAULT_SEED,
    queries: Math.round(int('queries', 1000)),
    pairs: Math.round(int('pairs', 5)),
    clients: Math.round(int('clients', 20)),
    durationSeconds: int('duration', 10),
    warmupSeconds: values.has('warmup') ? Math.max(0, Number(values.get('warmup'))) : 2,
    query,
    radiusMeters: values.has('radius') ? int('radius', 40_000) : undefined,
    json: values.get('json'),
    cpuProfile: values.get('cpu-profile'),
    waitQuietSeconds: values.has('wait-quiet') ? Math.max(0, Number(values.get('wait-quiet'))) : 0,
    estimate: estimateOption(values.get('estimate')),
  };
}
