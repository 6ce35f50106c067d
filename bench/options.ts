import { DEFAULT_SEED } from './generate';

export type DatabaseKind = 'server' | 'embedded';
export type QueryChoice = 'auto' | 'match' | 'servicesNear';

export interface Run {
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
}

export const DEFAULT_SIZES = [10_000, 100_000, 500_000];
export const DEFAULT_EMBEDDED_SIZES = [10_000];

export const USAGE = `Options (npm run bench -- [options]; npm run bench:generate -- [options]):
  --sizes 10000,100000,500000   listings per catalogue (k/m suffixes allowed: 10k,100k,500k)
  --db server,embedded          databases; default: server at every size, embedded at 10000
                                (with --sizes, every database runs every size given)
  --fresh                       drop and regenerate the bench databases instead of reusing them
  --server-url URL              admin URL of the PostgreSQL server (default: $DATABASE_URL or
                                postgres://postgres@127.0.0.1:5432/postgres); databases lotse_bench_<n>
  --data-dir DIR                parent of the embedded data directories (default /tmp/lotse-bench)
  --seed TEXT                   generator seed (default ${DEFAULT_SEED})
  --queries 1000                requests for the floor and for GraphQL at concurrency 1
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
`;

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: "${text}"`);
  const factor = { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase() as '' | 'k' | 'm'];
  const n = Math.round(Number(m[1]) * factor);
  if (n < 1) throw new Error(`size must be positive: "${text}"`);
  return n;
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
  const known = ['sizes', 'db', 'server-url', 'data-dir', 'seed', 'queries', 'clients', 'duration', 'warmup', 'query', 'radius', 'json', 'wait-quiet', 'cpu-profile'];
  for (const name of values.keys()) if (!known.includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);

  const dbs = (values.get('db') ?? 'server,embedded').split(',').map((s) => s.trim()) as DatabaseKind[];
  for (const db of dbs) if (db !== 'server' && db !== 'embedded') throw new Error(`--db: "${db}" is neither server nor embedded`);
  const sizes = values.has('sizes') ? values.get('sizes')!.split(',').map(parseSize) : undefined;
  const runs: Run[] = [];
  for (const db of dbs) {
    for (const size of sizes ?? (db === 'server' ? DEFAULT_SIZES : DEFAULT_EMBEDDED_SIZES)) runs.push({ db, size });
  }
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
    clients: Math.round(int('clients', 20)),
    durationSeconds: int('duration', 10),
    warmupSeconds: values.has('warmup') ? Math.max(0, Number(values.get('warmup'))) : 2,
    query,
    radiusMeters: values.has('radius') ? int('radius', 40_000) : undefined,
    json: values.get('json'),
    cpuProfile: values.get('cpu-profile'),
    waitQuietSeconds: values.has('wait-quiet') ? Math.max(0, Number(values.get('wait-quiet'))) : 0,
  };
}
