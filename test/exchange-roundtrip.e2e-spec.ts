import { DataSource } from 'typeorm';
import { Role } from '@lotse/common';
import { CatalogueImportService, ImportReport } from '@lotse/exchange';
import { seedExchangeFixture } from './support/exchange-fixture';
import { datapackageProblems, describeWithHsds, hsdsPageProblems, hsdsSchemaProblems, readDatapackage } from './support/hsds-schemas';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/*
 * Issue 17: "Round trip: export → import into an empty database → export is identical."
 *
 * A rich catalogue (the demo network, the export suites' fixture, and what neither has: a verified
 * service, LANR and other identifiers, phones without a label) is exported three ways — the HSDS 3.0
 * JSON of every organisation with its locations and full services, the NDJSON harvest of every
 * full service, and the tabular datapackage — each validated against the official schemas. The
 * JSON is imported into an empty database, the datapackage into another; each is exported again
 * and must be the same, field for field.
 *
 * Ids: an HSDS record's UUID becomes its Lotse id where that id is free (it is, in an empty
 * database) and is its external id in the source, so the second export carries the same ids;
 * objects Lotse keeps as values (addresses, phones, languages, hours, attributes, services at
 * locations) have ids derived from their owner (ids.ts), course runs keep the id of their schedule.
 *
 * Left out of the comparison, because they are the import's time by definition, not data:
 * - `last_modified` of a service: the later of its last edit and its capacity's time — an import
 *   writes the service, so in the target it is the moment of the import (the capacity's own time,
 *   `service_capacity.updated`, is carried over and compared);
 * - the datapackage descriptor's `created`: when the package was written.
 */
const CLI = { userId: null, displayName: 'Test-Import', role: 'admin' };
const TIMEOUT = 900_000;

interface Exported {
  organizations: any[];
  services: any[];
  descriptor: any;
  tables: Record<string, Record<string, unknown>[]>;
  zip: Buffer;
}

/** Every place two documents differ, as JSON paths (the first 30). */
function differences(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (out.length >= 30) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items ≠ ${b.length} items`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in a)) out.push(`${path}.${key}: missing before, ${JSON.stringify((b as any)[key])} after`);
      else if (!(key in b)) out.push(`${path}.${key}: ${JSON.stringify((a as any)[key])} before, missing after`);
      else differences((a as any)[key], (b as any)[key], `${path}.${key}`, out);
    }
  } else if (a !== b) {
    out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  }
  return out;
}

/** The import's time taken out (see above). */
function withoutImportTime<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutImportTime) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'last_modified').map(([k, v]) => [k, withoutImportTime(v)])) as T;
  }
  return value;
}

async function exportAll(t: TestApp): Promise<Exported> {
  const token = await t.loginAs(Role.COORDINATOR);
  const get = async (path: string) => {
    const res = await t.http().get(path).set('authorization', `Bearer ${token}`);
    expect([path, res.status]).toEqual([path, 200]);
    return res;
  };
  const organizations: any[] = [];
  for (let page = 1; ; page++) {
    const body = (await get(`/hsds/organizations?full=true&full_service=true&per_page=200&page=${page}`)).body;
    expect(hsdsPageProblems('compiled/organization.json', body)).toEqual([]);
    organizations.push(...body.contents);
    if (body.last_page) break;
  }
  const services = (await get('/hsds/services?format=ndjson')).text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  for (const service of services) expect(hsdsSchemaProblems('compiled/service.json', service)).toEqual([]);
  const res = await t.http().get('/hsds/datapackage.zip').set('authorization', `Bearer ${token}`).buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  const { descriptor, tables } = readDatapackage(res.body);
  expect(datapackageProblems(tables)).toEqual([]);
  return { organizations, services, descriptor, tables, zip: res.body };
}

/** What the source holds that the demo data and the fixture do not: a verified service, LANR and other identifiers, phones without label. */
async function enrich(t: TestApp, fixture: Awaited<ReturnType<typeof seedExchangeFixture>>): Promise<void> {
  const db = t.app.get(DataSource);
  await db.query(`UPDATE service SET verified_at = now() - interval '3 days', verified_by = 'Koordination' WHERE id = $1`, [fixture.services.sucht]);
  await db.query(`UPDATE organization SET identifiers = '[{"scheme": "LANR", "value": "123456601"}, {"scheme": "OTHER", "value": "VR-1234"}]', phones = '[{"number": "03525 1111"}]' WHERE id = $1`, [fixture.organizations.hoflos]);
  await db.query(`UPDATE location SET phones = '[{"number": "03525 2222"}, {"number": "03525 3333", "label": "Fax"}]' WHERE organization_id = $1`, [fixture.organizations.hoflos]);
}

describeWithHsds.each(databaseTargets())('HSDS round trip on the $name database', (target) => {
  let source: Exported;

  beforeAll(async () => {
    const a = await startTestApp(target, { SEED_DEMO_DATA: 'true', RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    try {
      const fixture = await seedExchangeFixture(a);
      await enrich(a, fixture);
      source = await exportAll(a);
    } finally {
      await a.close();
    }
    // the catalogue is rich enough to mean something: every table the export writes has rows
    for (const [table, rows] of Object.entries(source.tables)) expect([table, rows.length > 0]).toEqual([table, true]);
    expect(source.services.length).toBeGreaterThan(50);
    expect(source.services.some((s) => s.assured_date)).toBe(true);
  }, TIMEOUT);

  /** Imports one export into an empty database and exports that again. */
  async function roundTrip(fileName: string, bytes: Buffer): Promise<{ report: ImportReport; again: ImportReport; result: Exported }> {
    const b = await startTestApp(target, { RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    try {
      const imports = b.app.get(CatalogueImportService);
      const run = () => imports.import({ fileName, bytes }, { source: 'lotse-a', fileName, dryRun: false, activate: true, retireMissing: false }, CLI);
      const report = await run();
      const result = await exportAll(b);
      // …and the same file once more changes nothing: every new field compares equal to what was written
      const again = await run();
      return { report, again, result };
    } finally {
      await b.close();
    }
  }

  function expectIdentical(result: Exported): void {
    expect(differences(withoutImportTime(source.organizations), withoutImportTime(result.organizations))).toEqual([]);
    expect(differences(withoutImportTime(source.services), withoutImportTime(result.services))).toEqual([]);
    expect(differences({ ...source.descriptor, created: undefined }, { ...result.descriptor, created: undefined })).toEqual([]);
    expect(differences(withoutImportTime(source.tables), withoutImportTime(result.tables))).toEqual([]);
  }

  function expectClean(report: ImportReport, again: ImportReport): void {
    expect(report.problems).toEqual([]);
    expect(report.organizations).toMatchObject({ created: source.organizations.length, refused: 0 });
    expect(report.services).toMatchObject({ created: source.services.length, refused: 0 });
    expect(report.precision.exact).toBe(source.tables.location.length);
    expect(again.services).toMatchObject({ created: 0, updated: 0, unchanged: source.services.length });
    expect(again.organizations).toMatchObject({ created: 0, updated: 0, unchanged: source.organizations.length });
    expect(again.locations).toMatchObject({ created: 0, updated: 0, unchanged: source.tables.location.length });
  }

  it('HSDS JSON: export → import into an empty database → export is identical', async () => {
    const { report, again, result } = await roundTrip('lotse-hsds.json', Buffer.from(JSON.stringify(source.organizations)));
    expectClean(report, again);
    expectIdentical(result);
  }, TIMEOUT);

  it('tabular datapackage: export → import into an empty database → export is identical', async () => {
    const { report, again, result } = await roundTrip('lotse-hsds.zip', source.zip);
    expectClean(report, again);
    expectIdentical(result);
  }, TIMEOUT);
});
