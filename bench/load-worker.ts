/**
 * Closed-loop HTTP load generator, run in a worker thread so that it does not share the event loop
 * of the API under test (which runs in the main thread of the same process). `clients` virtual
 * clients each POST the next body as soon as the previous response has been read completely, over a
 * keep-alive agent with one socket per client, until `maxRequests` were sent or `durationMs` elapsed.
 * Requests finishing within the first `warmupMs` are not counted.
 */
import http from 'node:http';
import { parentPort } from 'node:worker_threads';

export interface LoadJob {
  id: number;
  port: number;
  path: string;
  bodies: string[];
  clients: number;
  maxRequests: number;
  durationMs: number;
  warmupMs: number;
  /** a response counts as failed when its body contains this (e.g. '"errors"') */
  errorMarker: string;
}

export interface LoadResult {
  id: number;
  failures: number;
  firstFailure?: string;
  /** successful responses that arrived within the measured window */
  requests: number;
  /** the measured window: from the end of the warm-up to the deadline (or the last response when bounded by count) */
  seconds: number;
  /** latencies of the successful requests started within the window */
  latenciesMs: number[];
}

function post(agent: http.Agent, job: LoadJob, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: job.port, path: job.path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const deadline = measureFrom + job.durationMs;
  const latencies: number[] = [];
  let issued = 0;
  let issuedMeasured = 0;
  let completedInWindow = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  let lastEnd = measureFrom;
  const client = async () => {
    for (;;) {
      const now = performance.now();
      if (now >= deadline) break;
      const measured = now >= measureFrom;
      if (measured && issuedMeasured >= job.maxRequests) break;
      if (measured) issuedMeasured++;
      const body = job.bodies[issued++ % job.bodies.length];
      const t0 = performance.now();
      let failed: string | undefined;
      try {
        const res = await post(agent, job, body);
        if (res.status !== 200 || res.text.includes(job.errorMarker)) failed = `HTTP ${res.status}: ${res.text.slice(0, 500)}`;
      } catch (e) {
        failed = e instanceof Error ? e.message : String(e);
      }
      const t1 = performance.now();
      if (t1 < measureFrom) continue; // warm-up
      if (failed) {
        failures++;
        firstFailure ??= failed;
        continue;
      }
      if (t1 <= deadline) {
        completedInWindow++;
        lastEnd = Math.max(lastEnd, t1);
      }
      if (measured) latencies.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: job.clients }, client));
  agent.destroy();
  // a count-bounded run ends with its last response, a time-bounded one at the deadline
  const windowEnd = issuedMeasured >= job.maxRequests ? lastEnd : deadline;
  return { id: job.id, requests: completedInWindow, failures, firstFailure, seconds: (windowEnd - measureFrom) / 1000, latenciesMs: latencies };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => port.postMessage(result),
      (e) => port.postMessage({ id: job.id, requests: 0, failures: 1, firstFailure: String(e), seconds: 0, latenciesMs: [] }),
    );
  });
}
