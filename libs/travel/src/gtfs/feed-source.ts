import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { GTFS_FILES } from './parse-feed';

const WANTED = new Set<string>(GTFS_FILES);

/**
 * The feed's files Lotse reads, from a .zip (as operators publish them; files may sit in one
 * folder inside it) or from a folder of .txt files. Other files (shapes, fares, …) are not read.
 */
export async function readFeedFiles(path: string): Promise<Map<string, Uint8Array>> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new Error(`${path}: no such file or folder`);
  const files = new Map<string, Uint8Array>();
  if (info.isDirectory()) {
    for (const name of await readdir(path)) {
      if (WANTED.has(name)) files.set(name, new Uint8Array(await readFile(join(path, name))));
    }
    return files;
  }
  const bytes = new Uint8Array(await readFile(path));
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error(`${path}: neither a folder nor a zip file`);
  const entries = unzipSync(bytes, { filter: (file) => WANTED.has(basename(file.name)) });
  for (const [name, content] of Object.entries(entries)) {
    const file = basename(name);
    if (files.has(file)) throw new Error(`${path}: ${file} appears twice in the zip`);
    files.set(file, content);
  }
  return files;
}
