import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvRecords } from '@lotse/geo';

/** `../shared/data/saxony` beside the repository; tests that need it skip cleanly when it is absent. */
export const SHARED_SAXONY = join(__dirname, '..', '..', '..', 'shared', 'data', 'saxony');

export function sharedFile(relative: string): string | null {
  const path = join(SHARED_SAXONY, relative);
  return existsSync(path) ? path : null;
}

export function readSharedCsv(relative: string): Record<string, string>[] | null {
  const path = sharedFile(relative);
  return path ? csvRecords(readFileSync(path, 'utf8')) : null;
}

/** `it` that skips, saying why, when a shared data file is missing. */
export function itWithSharedFile(relative: string): jest.It {
  if (sharedFile(relative)) return it;
  console.warn(`skipping tests that need ../shared/data/saxony/${relative} (not present)`);
  return it.skip;
}
