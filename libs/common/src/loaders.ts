import DataLoader from 'dataloader';

/** The per-request GraphQL context; DataLoaders live here so batching never leaks across requests. */
export interface RequestContext {
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
