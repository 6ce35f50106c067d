import DataLoader from 'dataloader';

/** The per-request GraphQL context; DataLoaders live here so batching never leaks across requests. */
export interface RequestContext {
  /** set by the auth guard when a valid access token came with the request */
  actor?: import('./actor').Actor;
  req?: { headers: Record<string, string | string[] | undefined>; ip?: string };
  loaders?: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * Returns the request's DataLoader named `name`, creating it on first use. Loaders batch all keys
 * asked for in one tick into one `batch` call: the cure for N+1 queries in nested selections.
 */
export function requestLoader<K, V>(context: RequestContext, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  context.loaders ??= new Map();
  let loader = context.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
    context.loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders `items` to match `keys` (DataLoader's contract), grouping several items per key. */
export function groupByKeys<K, T>(keys: readonly K[], items: T[], keyOf: (item: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

export function byKeys<K, T>(keys: readonly K[], items: T[], keyOf: (item: T) => K): (T | null)[] {
  const map = new Map(items.map((i) => [keyOf(i), i]));
  return keys.map((k) => map.get(k) ?? null);
}

/**
 * TypeORM answers a raw UPDATE/DELETE … RETURNING with `[rows, affectedCount]` and any other
 * statement with the rows; this returns the rows either way.
 */
export function returnedRows<T = Record<string, any>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
