import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadata = ReturnType<Storage['getTargetValidationMetadatas']>;

const installed = new WeakSet<Storage>();

/**
 * Memoises class-validator's metadata lookups. Its storage answers every `validate` — and every
 * nested object inside one — by filtering all metadata and testing `instanceof` against every class
 * that has validation decorators, then grouping the result by property: about a third of the
 * validation pipe's time for a match request, and the same answer every time once the decorators
 * have run. Any decorator registered later (a class loaded lazily) clears the memo, so the answer
 * never differs from the uncached one.
 */
export function memoizeValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);

  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let byTarget = new Map<object, Map<string, Metadata>>();
  let grouped = new WeakMap<Metadata, Record<string, Metadata>>();
  const clear = () => {
    byTarget = new Map();
    grouped = new WeakMap();
  };

  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = `${targetSchema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = byTarget.get(targetConstructor);
    if (!forTarget) byTarget.set(targetConstructor, (forTarget = new Map()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = lookup(targetConstructor, targetSchema, always, strictGroups, groups)));
    return found;
  };
  // The executor only reads the grouping of the (now stable) array it was given.
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const original = (storage[method] as (...args: unknown[]) => void).bind(storage);
    (storage as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      clear();
      return original(...args);
    };
  }
}
