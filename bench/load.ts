/** Main-thread side of the load generator: one worker thread, jobs sent one at a time. */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadJob, LoadResult } from './load-worker';

export class LoadGenerator {
  private readonly worker: Worker;
  private nextId = 1;
  private pending = new Map<number, (r: LoadResult) => void>();

  constructor() {
    const file = join(__dirname, `load-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
    // under ts-node the worker must register it too (transpile only: the file imports nothing of ours)
    const code = __filename.endsWith('.ts')
      ? `require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(join(__dirname, '..', 'tsconfig.json'))} }); require(${JSON.stringify(file)});`
      : `require(${JSON.stringify(file)});`;
    this.worker = new Worker(code, { eval: true });
    this.worker.on('message', (r: LoadResult) => {
      this.pending.get(r.id)?.(r);
      this.pending.delete(r.id);
    });
    this.worker.on('error', (e) => {
      process.stderr.write(`load generator failed: ${e.stack ?? e}\n`);
      process.exit(1);
    });
  }

  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...job, id });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
