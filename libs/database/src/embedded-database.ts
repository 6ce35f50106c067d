import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite (PostgreSQL compiled to WASM) with PostGIS, served on a loopback socket so that TypeORM's
 * ordinary `pg` driver talks to it exactly as to a server. The socket serves ONE connection: PGlite
 * is single-session, and with several connections one client's transaction interleaves with another's.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lockFile?: string,
  ) {}

  /** `dataDir` undefined → in memory (tests); otherwise persisted there and reused on the next start. */
  static async start(dataDir?: string): Promise<EmbeddedDatabase> {
    let location: string | undefined;
    if (dataDir) {
      location = resolve(dataDir);
      // PGlite does not create the parent directories of its data directory.
      await mkdir(location, { recursive: true });
      await acquireLock(`${location}.lock`);
    }
    const db = await PGlite.create({ dataDir: location, extensions: { postgis, pg_trgm, unaccent, btree_gist } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    return new EmbeddedDatabase(db, server, `postgres://postgres@${server.getServerConn()}/postgres`, location && `${location}.lock`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.lockFile) await rm(this.lockFile, { force: true });
  }
}

/**
 * PGlite has no locking of its own: two processes on one data directory corrupt it. The pid file
 * turns that into a clear error (e.g. running the CLI while the API is up); a stale one is taken over.
 */
async function acquireLock(file: string): Promise<void> {
  const holder = Number(await readFile(file, 'utf8').catch(() => ''));
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`The embedded database ${file.replace(/\.lock$/, '')} is in use by process ${holder}. Stop it first (PGlite serves one process).`);
  }
  await writeFile(file, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
