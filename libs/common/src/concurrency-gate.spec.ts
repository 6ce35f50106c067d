import { ConcurrencyGate, cooperativeSlicer } from './concurrency-gate';
import { ErrorCode } from './errors';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('ConcurrencyGate', () => {
  const gate = () => new ConcurrencyGate({ what: 'coverage analyses', perKey: 1, total: 2, queuePerKey: 1, maxWaitMs: 200 });

  it('lets a second user run while the first user’s excess waits, and refuses beyond the queue', async () => {
    const g = gate();
    const first = deferred();
    const started: string[] = [];
    const a1 = g.run('a', async () => { started.push('a1'); await first.promise; });
    const a2 = g.run('a', async () => { started.push('a2'); });
    const a3 = g.run('a', async () => { started.push('a3'); });
    const b1 = g.run('b', async () => { started.push('b1'); });
    await b1;
    expect(started).toEqual(['a1', 'b1']);
    await expect(a3).rejects.toMatchObject({ code: ErrorCode.TOO_MANY_REQUESTS, message: expect.stringContaining('at most 1 per user') });
    first.resolve();
    await Promise.all([a1, a2]);
    expect(started).toEqual(['a1', 'b1', 'a2']);
    expect(g.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a waiting one after maxWaitMs, and frees its place', async () => {
    const g = gate();
    const first = deferred();
    const a1 = g.run('a', () => first.promise);
    const a2 = g.run('a', async () => 'late');
    await expect(a2).rejects.toMatchObject({ code: ErrorCode.TOO_MANY_REQUESTS });
    expect(g.load()).toEqual({ running: 1, waiting: 0 });
    first.resolve();
    await a1;
    await expect(g.run('a', async () => 'now')).resolves.toBe('now');
  });

  it('bounds the total: a third user waits for a free slot', async () => {
    const g = gate();
    const a = deferred();
    const order: string[] = [];
    const runs = [g.run('a', () => a.promise.then(() => void order.push('a'))), g.run('b', async () => void order.push('b')), g.run('c', async () => void order.push('c'))];
    await runs[1];
    expect(g.load().running + g.load().waiting).toBeGreaterThan(0);
    a.resolve();
    await Promise.all(runs);
    expect(order.sort()).toEqual(['a', 'b', 'c']);
  });

  it('releases its slot when the work fails', async () => {
    const g = gate();
    await expect(g.run('a', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(g.run('a', async () => 1)).resolves.toBe(1);
  });
});

describe('cooperativeSlicer', () => {
  it('lets a timer fire during a long loop', async () => {
    const slice = cooperativeSlicer(5);
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const until = performance.now() + 50;
    while (performance.now() < until) await slice();
    expect(fired).toBe(true);
  });
});
