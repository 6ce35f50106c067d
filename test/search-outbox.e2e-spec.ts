import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogueService } from '@lotse/catalogue';
import {
  DeliveryOptions,
  OutboxProcessor,
  PostgresSearchEngine,
  SearchDocumentLoader,
  SearchEngine,
  SearchOutboxRepository,
  SearchReindexer,
} from '@lotse/search';
import { FlakySearchEngine } from '@lotse/search/testing';
import { organizationAt, serviceFixture } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const FAST: DeliveryOptions = { batchSize: 50, leaseMs: 60_000, retry: { baseMs: 20, maxMs: 200, jitter: 0 } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quietLogger = new Logger('SearchIndexerTest');

/*
 * The outbox on a real database: catalogue writes enqueue in their transaction (triggers); a
 * processor delivers to a real PostgreSQL engine wrapped in a switch that simulates outages. The
 * API's own background worker is off (SEARCH_OUTBOX_POLL_MS=0) so the tests drive delivery.
 */
describe.each(databaseTargets())('search outbox on the $name database', (target) => {
  let t: TestApp;
  let db: DataSource;
  let catalogue: CatalogueService;
  let outbox: SearchOutboxRepository;
  let loader: SearchDocumentLoader;
  let postgres: PostgresSearchEngine;

  beforeAll(async () => {
    t = await startTestApp(target, { SEARCH_OUTBOX_POLL_MS: '0' });
    db = t.app.get(DataSource);
    catalogue = t.app.get(CatalogueService);
    outbox = t.app.get(SearchOutboxRepository);
    loader = t.app.get(SearchDocumentLoader);
    postgres = new PostgresSearchEngine(db);
  });
  afterAll(() => t?.close());

  const processorFor = (engine: SearchEngine, options: DeliveryOptions = FAST) => new OutboxProcessor(outbox, loader, engine, options, quietLogger);

  /** Delivers until nothing is pending (waiting out back-off), or fails the test after `timeoutMs`. */
  async function deliverAll(processor: OutboxProcessor, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await outbox.stats()).pending > 0) {
      if (Date.now() > deadline) throw new Error(`outbox not drained: ${JSON.stringify(await outbox.stats())}`);
      const outcome = await processor.processBatch();
      if (outcome.rows === 0 || outcome.error) await sleep(25);
    }
  }

  /** The index as stored. */
  const indexed = async (): Promise<{ id: string; document: unknown }[]> => db.query(`SELECT id, document FROM search_document ORDER BY id`);

  /** What the index must hold: every visible listing of the catalogue, built afresh. */
  async function projection(): Promise<{ id: string; document: unknown }[]> {
    const ids: string[] = (await db.query(`SELECT id FROM service ORDER BY id`)).map((r: { id: string }) => r.id);
    const { documents } = await loader.load(ids);
    return documents.map((d) => ({ id: d.id, document: d })).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  const serviceIdsOf = async (organizationIds: string[]): Promise<string[]> =>
    (await db.query(`SELECT id FROM service WHERE organization_id = ANY($1::uuid[]) ORDER BY id`, [organizationIds])).map((r: { id: string }) => r.id);

  const rename = (serviceId: string, name: string) => db.query(`UPDATE service SET name = $2, version = version + 1 WHERE id = $1`, [serviceId, name]);

  it('enqueues in the writing transaction: committed writes leave a row, rolled-back ones none', async () => {
    const [org] = await catalogue.importOrganizations([organizationAt('Outbox Transaktion (fiktiv)', 51.16, 13.47)]);
    const [listing] = await serviceIdsOf([org]);
    const pendingOf = async () => (await db.query(`SELECT count(*)::int AS n FROM search_outbox WHERE listing_id = $1 AND delivered_at IS NULL`, [listing]))[0].n;
    expect(await pendingOf()).toBeGreaterThan(0);
    await deliverAll(processorFor(postgres));
    expect(await pendingOf()).toBe(0);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`UPDATE service SET name = 'nie gespeichert' WHERE id = $1`, [listing]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await pendingOf()).toBe(0);
    await rename(listing, 'Outbox Transaktion umbenannt');
    expect(await pendingOf()).toBe(1);
    await deliverAll(processorFor(postgres));
  });

  it('survives an outage of the engine: writes succeed, nothing is lost or duplicated once it is back', async () => {
    const engine = new FlakySearchEngine(postgres);
    const processor = processorFor(engine);
    engine.failNext(3);
    const orgs = await catalogue.importOrganizations([
      organizationAt('Ausfall Eins (fiktiv)', 51.17, 13.48, [serviceFixture({ name: 'Ausfall Suchtberatung' }), serviceFixture({ name: 'Ausfall Schuldnerberatung', needs: ['debt_counselling'] })]),
      organizationAt('Ausfall Zwei (fiktiv)', 51.3, 13.29, [serviceFixture({ name: 'Ausfall Rückenschule', needs: ['exercise'] })]),
    ]);
    const ids = await serviceIdsOf(orgs);

    // the first delivery fails: rows stay, with attempts, error and a retry time after the failure
    // (compared with the moment before it, not with a later now(): on a busy machine the 20 ms
    // back-off of these tests may be over by the time the rows are read)
    const [{ before }] = await db.query(`SELECT clock_timestamp() AS before`);
    const first = await processor.processBatch();
    expect(first.error).toMatch(/simulated outage/);
    const rows = await db.query(
      `SELECT attempts, last_error AS "lastError", next_attempt_at > $2 AS "later", delivered_at AS "deliveredAt"
       FROM search_outbox WHERE listing_id = ANY($1::uuid[])`,
      [ids, before],
    );
    expect(rows.length).toBeGreaterThanOrEqual(ids.length);
    for (const r of rows) expect(r).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/simulated outage/), later: true, deliveredAt: null });
    const stats = await outbox.stats();
    expect(stats).toMatchObject({ pending: expect.any(Number), failing: expect.any(Number), lastError: expect.stringMatching(/simulated outage/) });
    expect(stats.failing).toBeGreaterThan(0);
    expect((await postgres.search({ text: 'Ausfall', sort: 'relevance' as never, offset: 0, limit: 10 })).total).toBe(0);

    // more writes during the outage are accepted as well
    await rename(ids[0], 'Ausfall Suchtberatung (umbenannt)');

    await deliverAll(processor);
    expect(engine.failures).toBe(3);
    expect(await indexed()).toEqual(await projection());
    const names = (await postgres.search({ text: 'Ausfall', sort: 'name' as never, offset: 0, limit: 10 })).hits.map((h) => h.id).sort();
    expect(names).toEqual([...ids].sort());
    // coalesced: each listing reached the engine once, in its latest state
    const applied = engine.applied.filter((d) => ids.includes(d.id));
    expect(applied.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(applied.find((d) => d.id === ids[0])?.name).toBe('Ausfall Suchtberatung (umbenannt)');
  });

  it('backs off exponentially per row, up to the cap', async () => {
    const listing = randomUUID();
    await outbox.enqueue([listing]);
    const [{ id }] = await db.query(`SELECT id::text AS id FROM search_outbox WHERE listing_id = $1`, [listing]);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await outbox.markFailed([id], 'test', { baseMs: 1000, maxMs: 5000, jitter: 0 });
      const [row] = await db.query(`SELECT attempts, extract(epoch FROM next_attempt_at - now()) * 1000 AS delay FROM search_outbox WHERE id = $1`, [id]);
      expect(row.attempts).toBe(i + 1);
      delays.push(Number(row.delay));
    }
    [1000, 2000, 4000, 5000, 5000].forEach((expected, i) => {
      expect(delays[i]).toBeGreaterThan(expected - 250);
      expect(delays[i]).toBeLessThanOrEqual(expected);
    });
    await outbox.markDelivered([id]);
  });

  it('gives a listing one deliverer at a time', async () => {
    const [org] = await catalogue.importOrganizations([organizationAt('Claim (fiktiv)', 51.2, 13.5)]);
    const [listing] = await serviceIdsOf([org]);
    const mine = <R extends { listingId: string }>(rows: R[]) => rows.filter((r) => r.listingId === listing);
    const a = await outbox.claim(1000, 60_000);
    expect(mine(a).length).toBeGreaterThan(0);
    await rename(listing, 'Claim umbenannt');
    const b = await outbox.claim(1000, 60_000);
    expect(mine(b)).toEqual([]); // held by the first claim, although a new row is due
    // release both claims undelivered (as a failed delivery does, here without delay)
    const release = (rows: { id: string }[]) => outbox.markFailed(rows.map((r) => r.id), 'released by the test', { baseMs: 0, maxMs: 0, jitter: 0 });
    await release(a);
    await release(b);
    const c = await outbox.claim(1000, 60_000);
    const earlier = new Set(a.map((r) => r.id));
    expect(mine(c).some((r) => !earlier.has(r.id))).toBe(true); // now with the row written meanwhile
    await release(c);
    await deliverAll(processorFor(postgres));
    expect(await indexed()).toEqual(await projection());
  });

  it('keeps the order per listing: with two workers and a stream of edits, the index never goes back to an older state', async () => {
    // named so that its first state sorts before the edits: a worker may index it before the first edit
    const [org] = await catalogue.importOrganizations([organizationAt('Reihenfolge (fiktiv)', 51.25, 13.55, [serviceFixture({ name: 'Reihenfolge v00' })])]);
    const [listing] = await serviceIdsOf([org]);
    const engine = new FlakySearchEngine(postgres);
    engine.delayMs = 3;
    const workers = [processorFor(engine), processorFor(engine)];
    let editing = true;
    const edits = (async () => {
      for (let v = 1; v <= 25; v++) {
        await rename(listing, `Reihenfolge v${String(v).padStart(2, '0')}`);
        await sleep(4);
      }
      editing = false;
    })();
    const work = workers.map(async (w) => {
      while (editing) {
        await w.processBatch();
        await sleep(1);
      }
    });
    await Promise.all([edits, ...work]);
    await deliverAll(workers[0]);
    const versions = engine.applied.filter((d) => d.id === listing && d.op === 'upsert').map((d) => d.name!);
    expect(versions.length).toBeGreaterThan(1);
    expect(versions).toEqual([...versions].sort()); // never an older name after a newer one
    expect(versions[versions.length - 1]).toBe('Reihenfolge v25');
    const [doc] = await db.query(`SELECT document->>'name' AS name FROM search_document WHERE id = $1`, [listing]);
    expect(doc.name).toBe('Reihenfolge v25');
  });

  it('is idempotent: a delivery whose acknowledgement was lost is repeated without duplicates', async () => {
    const engine = new FlakySearchEngine(postgres);
    const processor = processorFor(engine);
    const [org] = await catalogue.importOrganizations([organizationAt('Doppelt (fiktiv)', 51.12, 13.58)]);
    const [listing] = await serviceIdsOf([org]);
    engine.failNext(1, 'after-apply');
    await deliverAll(processor);
    expect(engine.applied.filter((d) => d.id === listing)).toHaveLength(2); // applied, "lost", applied again
    // and a plain re-delivery (e.g. a claim that expired) changes nothing either
    const before = await indexed();
    await outbox.enqueue([listing]);
    await deliverAll(processor);
    expect(await indexed()).toEqual(before);
    const [row] = await db.query(`SELECT count(*)::int AS n FROM search_document WHERE id = $1`, [listing]);
    expect(row.n).toBe(1);
    expect(await indexed()).toEqual(await projection());
  });

  it('follows every kind of write: hide, move, rename the organization, delete by cascade', async () => {
    const processor = processorFor(postgres);
    const [org] = await catalogue.importOrganizations([
      organizationAt('Folgt Träger (fiktiv)', 51.1636, 13.474, [serviceFixture({ name: 'Folgt Eins' }), serviceFixture({ name: 'Folgt Zwei', needs: ['nutrition'] })]),
    ]);
    const [one, two] = await serviceIdsOf([org]);
    await deliverAll(processor);
    const doc = async (id: string) => (await db.query(`SELECT document FROM search_document WHERE id = $1`, [id]))[0]?.document;
    expect((await doc(one)).districtAgs).toEqual(['14627']);

    await db.query(`UPDATE service SET status = 'inactive' WHERE id = $1`, [one]);
    await deliverAll(processor);
    expect(await doc(one)).toBeUndefined();

    await db.query(`UPDATE service SET status = 'active' WHERE id = $1`, [one]);
    await db.query(`UPDATE location SET point = ST_SetSRID(ST_MakePoint(13.7383, 51.0503), 4326)::geography, town = 'Dresden' WHERE organization_id = $1`, [org]);
    await db.query(`UPDATE organization SET name = 'Folgt Neuer Träger (fiktiv)' WHERE id = $1`, [org]);
    await deliverAll(processor);
    expect(await doc(one)).toMatchObject({ organizationName: 'Folgt Neuer Träger (fiktiv)', towns: ['Dresden'], districtAgs: ['14612'] });
    expect(await doc(two)).toMatchObject({ organizationName: 'Folgt Neuer Träger (fiktiv)', towns: ['Dresden'] });

    await db.query(`UPDATE organization SET status = 'inactive' WHERE id = $1`, [org]);
    await deliverAll(processor);
    expect([await doc(one), await doc(two)]).toEqual([undefined, undefined]);
    await db.query(`UPDATE organization SET status = 'active' WHERE id = $1`, [org]);
    await deliverAll(processor);
    expect(await doc(two)).toBeDefined();

    await db.query(`DELETE FROM organization WHERE id = $1`, [org]);
    await deliverAll(processor);
    expect([await doc(one), await doc(two)]).toEqual([undefined, undefined]);
    expect(await indexed()).toEqual(await projection());
  });

  it('reindex equals the incremental state — after a reset, and sweeping a damaged index', async () => {
    await deliverAll(processorFor(postgres));
    const incremental = await indexed();
    expect(incremental.length).toBeGreaterThan(3);
    expect(incremental).toEqual(await projection());
    const reindexer = t.app.get(SearchReindexer);
    const processor = processorFor(postgres);

    const progress: [number, number][] = [];
    const report = await reindexer.reindex({ reset: true, processor, onProgress: (d, n) => progress.push([d, n]) });
    expect(await indexed()).toEqual(incremental);
    expect(report.listings).toBe(incremental.length);
    const [last] = progress.slice(-1);
    expect(last[0]).toBe(last[1]);

    // damage: one listing missing, one stale entry of a listing that does not exist
    await postgres.remove([incremental[0].id]);
    const ghost = { ...(incremental[1].document as object), id: randomUUID(), name: 'Gespenst' } as never;
    await postgres.upsert([ghost]);
    const repaired = await reindexer.reindex({ processor });
    expect(repaired.stale).toBe(1);
    expect(await indexed()).toEqual(incremental);
  });

  it('reindexes while writes and another worker go on, ending in the true state', async () => {
    const worker = processorFor(postgres);
    const [org] = await catalogue.importOrganizations([organizationAt('Nebenläufig (fiktiv)', 51.29, 13.53, [serviceFixture({ name: 'Nebenläufig A' }), serviceFixture({ name: 'Nebenläufig B' })])]);
    const [a, b] = await serviceIdsOf([org]);
    let running = true;
    const background = (async () => {
      while (running) {
        await worker.processBatch();
        await sleep(2);
      }
    })();
    const writes = (async () => {
      for (let i = 0; i < 10; i++) {
        await rename(i % 2 ? a : b, `Nebenläufig ${i}`);
        await sleep(3);
      }
      await db.query(`DELETE FROM service WHERE id = $1`, [b]);
    })();
    await Promise.all([t.app.get(SearchReindexer).reindex({ processor: processorFor(postgres) }), writes]);
    running = false;
    await background;
    await deliverAll(worker);
    expect(await indexed()).toEqual(await projection());
  });

  it('reports the outbox lag on /health', async () => {
    await deliverAll(processorFor(postgres));
    let res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.search).toMatchObject({ engine: 'postgres', status: 'up', outbox: { pending: 0, failing: 0, lagSeconds: 0 } });
    await catalogue.importOrganizations([organizationAt('Health Lag (fiktiv)', 51.1, 13.6)]);
    await sleep(1100);
    res = await t.http().get('/health');
    expect(res.body.status).toBe('ok');
    expect(res.body.search.outbox.pending).toBeGreaterThan(0);
    expect(res.body.search.outbox.lagSeconds).toBeGreaterThanOrEqual(1);
    await deliverAll(processorFor(postgres));
    res = await t.http().get('/health');
    expect(res.body.search.outbox).toMatchObject({ pending: 0, lagSeconds: 0, lastDeliveredAt: expect.any(String) });
  });
});
