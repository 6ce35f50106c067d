import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { DataSource } from 'typeorm';
import { Role } from '@lotse/common';
import { CatalogueImportService, ImportFormat, ImportOptions, ImportReport, ProblemCode, SPREADSHEET_COLUMNS, spreadsheetTemplate } from '@lotse/exchange';
import { daysAgo, mondayAfter } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const HSDS = join(__dirname, '..', '..', 'shared', 'standards', 'hsds-3.0');
const CLI = { userId: null, displayName: 'Test-Import', role: 'admin' };

const HEADINGS = ['Träger', 'IK', 'Telefon', 'Standort', 'Straße und Hausnummer', 'PLZ', 'Ort', 'Angebot', 'Angebotsart', 'Bedarfe', 'Sprachen', 'Öffnungszeiten', 'Wartezeit (Tage)', 'Barrierefreiheit'];
/** Rows as a coordinator writes them: German labels, one service at a location per row; rows 3–7 are broken on purpose. */
const ROWS: (string | number)[][] = [
  ['Suchtberatung Meißen e. V.', '261400001', '03521 123456', 'Beratungsstelle am Markt', 'Markt 1', '01662', 'Meißen', 'Suchtberatung für Erwachsene', 'Suchtberatung', 'Sucht; Angehörige und Pflegende', 'Deutsch; Russisch', 'Mo-Fr 9:00-12:00; Di 14-18 Uhr', 14, 'Stufenloser Zugang'],
  ['Suchtberatung Meißen e. V.', '261400001', '', 'Außenstelle Riesa', 'Hauptstraße 5', 1587, 'Riesa', 'Suchtberatung für Erwachsene', 'Suchtberatung', 'Sucht; Angehörige und Pflegende', 'Deutsch', '', '', ''],
  ['Praxis Dr. Beispiel', '', '', '', 'Bahnhofstraße 3', '01558', 'Großenhain', 'Hausärztliche Sprechstunde', 'Zauberei', 'Hausärztliche Versorgung', '', '', '', ''],
  ['Praxis Dr. Beispiel', '', '', '', 'Bahnhofstraße 3', '01558', 'Großenhain', 'Rückenkurs', 'Kurs', 'Rückenleiden; Bewegung', '', '', '', ''],
  ['Kurse Radebeul', '', '', '', 'Meißner Straße 1', '0144', 'Radebeul', 'Entspannung', 'Kurs', 'Stressbewältigung und Entspannung', '', '', '', ''],
  ['Kurse Radebeul', '', '', '', 'Irgendwo 1', '99999', 'Nirgendwohausen', 'Yoga', 'Kurs', 'Bewegung', '', '', '', ''],
  ['Suchtberatung Meißen e. V.', '261400001', '', 'Beratungsstelle am Markt', 'Markt 1', '01662', 'Meißen', 'Suchtberatung für Erwachsene', 'Suchtberatung', 'Sucht', '', '', '', ''],
  ['Kurse Radebeul', '', '', '', 'Meißner Straße 1', '01445', 'Radebeul', 'Rückenschule', 'Kurs', 'Bewegung; Muskel-Skelett-Erkrankungen', '', 'Mi 17:00–18:30', '', ''],
];

async function xlsx(headings: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Angebote');
  sheet.addRow(headings);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(headings: string[], rows: (string | number)[][], delimiter: string): string {
  const cell = (v: string | number) => (String(v).includes(delimiter) || String(v).includes('"') ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [headings, ...rows].map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

/** A service as Lotse exports it to HSDS (its own terms as attributes), to import into another Lotse. */
function hsdsService(id: string, organizationId: string, locationId: string, overrides: Record<string, unknown> = {}) {
  const term = (taxonomy: string, code: string) => ({ taxonomy_term: { code, name: code, taxonomy, taxonomy_id: '', id: `${taxonomy}-${code}` } });
  return {
    id, name: 'Schuldnerberatung', description: 'Beratung bei Schulden', status: 'active', minimum_age: 18, wait_time: '10 Tage',
    organization: { id: organizationId, name: 'Diakonie Beispiel (Import)', email: 'info@diakonie.example', website: 'https://diakonie.example' },
    attributes: [term('Lotse-Angebotsarten', 'social_service'), term('Lotse-Bedarfe', 'debt_counselling'), term('Open Eligibility', 'Teleportation')],
    languages: [{ id: `${id}-de`, code: 'de', name: 'Deutsch' }],
    schedules: [{ id: `${id}-h`, freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00:00', closes_at: '12:00:00' }],
    cost_options: [],
    service_at_locations: [{ id: `${id}-sal`, location_id: locationId, location: { id: locationId, location_type: 'physical', name: 'Beratungsstelle', addresses: [{ id: `${locationId}-a`, address_1: 'Lutherplatz 2', city: 'Großenhain', postal_code: '01558', country: 'DE', address_type: 'physical' }] } }],
    ...overrides,
  };
}

describe.each(databaseTargets())('import on the $name database', (target) => {
  let t: TestApp;
  let imports: CatalogueImportService;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp(target, { RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    imports = t.app.get(CatalogueImportService);
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  const run = (fileName: string, bytes: Buffer, options: Partial<ImportOptions> = {}): Promise<ImportReport> =>
    imports.import({ fileName, bytes }, { source: options.source ?? fileName, fileName, dryRun: false, activate: false, retireMissing: false, ...options }, CLI);

  /** every table an import could touch, as counts and a content hash: a dry run must leave all of them as they were */
  async function checksum(): Promise<string> {
    const tables = ['organization', 'location', 'service', 'service_need', 'service_location', 'opening_hours', 'course_session', 'audit_event', 'import_run', 'search_outbox'];
    const parts: string[] = [];
    for (const table of tables) {
      // the outbox's delivery marks change in the background: its rows are counted, not hashed
      const hash = table === 'search_outbox' ? `''` : `coalesce(md5(string_agg(x::text, '' ORDER BY x::text)), '')`;
      const [row] = await db.query(`SELECT count(*)::int AS n, ${hash} AS h FROM ${table} x`);
      parts.push(`${table}:${row.n}:${row.h}`);
    }
    return parts.join('|');
  }

  const problemsAt = (report: ImportReport, row: number) => report.problems.filter((p) => p.row === row).map((p) => ({ code: p.code, column: p.column, severity: p.severity }));

  describe('a spreadsheet with German headings and broken rows', () => {
    const source = 'tabelle-meissen';

    it('dry run: reports every problem by row and column and writes nothing', async () => {
      const before = await checksum();
      const report = await run('netzwerk.xlsx', await xlsx(HEADINGS, ROWS), { source, dryRun: true });
      expect(await checksum()).toBe(before);
      expect(report).toMatchObject({ format: ImportFormat.XLSX, dryRun: true, runId: null, records: 8 });
      expect(problemsAt(report, 4)).toEqual([{ code: ProblemCode.UNKNOWN_CATEGORY, column: 'Angebotsart', severity: 'error' }]);
      expect(problemsAt(report, 5)).toEqual([{ code: ProblemCode.UNKNOWN_NEED, column: 'Bedarfe', severity: 'error' }]);
      expect(report.problems.find((p) => p.row === 5)!.message).toContain('Rückenleiden');
      expect(problemsAt(report, 6)).toEqual([{ code: ProblemCode.BAD_POSTCODE, column: 'PLZ', severity: 'error' }]);
      // the address is not found, so the row's service has no location left
      expect(problemsAt(report, 7)).toEqual([
        { code: ProblemCode.ADDRESS_NOT_FOUND, column: 'PLZ', severity: 'error' },
        { code: ProblemCode.BAD_REFERENCE, column: undefined, severity: 'error' },
      ]);
      expect(problemsAt(report, 8)).toEqual([{ code: ProblemCode.DUPLICATE, column: undefined, severity: 'error' }]);
      expect(report.problems.find((p) => p.row === 8)!.message).toContain('Zeile 2');
      expect(report.problems.find((p) => p.row === 4)!.where).toBe('Zeile 4, Spalte „Angebotsart“');
      // what would be written: two organisations (Meißen, Radebeul), three locations, two services
      expect(report.organizations).toMatchObject({ created: 2 });
      expect(report.services).toMatchObject({ created: 2 });
      expect(report.locations).toMatchObject({ created: 3 });
    });

    it('real run: writes the valid rows, real and pending, placed at their postcodes, districts derived', async () => {
      const report = await run('netzwerk.xlsx', await xlsx(HEADINGS, ROWS), { source });
      expect(report.runId).toEqual(expect.any(String));
      expect(report.services).toMatchObject({ created: 2, updated: 0 });
      expect(report.precision).toMatchObject({ postcode: 3, exact: 0 });
      const organizations = await db.query(`SELECT name, status, fictitious, identifiers FROM organization WHERE external_source = $1 ORDER BY name`, [source]);
      expect(organizations).toEqual([
        { name: 'Kurse Radebeul', status: 'pending', fictitious: false, identifiers: [] },
        { name: 'Suchtberatung Meißen e. V.', status: 'pending', fictitious: false, identifiers: [{ scheme: 'IK', value: '261400001' }] },
      ]);
      const locations = await db.query(`SELECT town, postcode, geocode_precision, district_ags FROM location WHERE external_source = $1 ORDER BY town`, [source]);
      expect(locations).toEqual([
        { town: 'Meißen', postcode: '01662', geocode_precision: 'postcode', district_ags: '14627' },
        { town: 'Radebeul', postcode: '01445', geocode_precision: 'postcode', district_ags: '14627' },
        { town: 'Riesa', postcode: '01587', geocode_precision: 'postcode', district_ags: '14627' },
      ]);
      const [service] = await db.query(
        `SELECT s.languages, s.waiting_days, s.accessibility, (SELECT count(*)::int FROM service_location sl WHERE sl.service_id = s.id) AS locations,
                (SELECT array_agg(need_code ORDER BY need_code) FROM service_need WHERE service_id = s.id) AS needs,
                (SELECT count(*)::int FROM opening_hours WHERE service_id = s.id) AS hours
         FROM service s WHERE s.external_source = $1 AND s.name = 'Suchtberatung für Erwachsene'`,
        [source],
      );
      expect(service).toEqual({ languages: ['de', 'ru'], waiting_days: 14, accessibility: ['step_free_access'], locations: 2, needs: ['addiction', 'relatives_carers'], hours: 6 });
      // the search outbox has every imported service queued, in the import's transaction
      const [queued] = await db.query(`SELECT count(DISTINCT listing_id)::int AS n FROM search_outbox WHERE listing_id IN (SELECT id FROM service WHERE external_source = $1)`, [source]);
      expect(queued.n).toBe(2);
    });

    it('is idempotent: the same file again changes nothing, an edited row updates its service', async () => {
      const before = await db.query(`SELECT id, version FROM service WHERE external_source = $1 ORDER BY id`, [source]);
      const again = await run('netzwerk.xlsx', await xlsx(HEADINGS, ROWS), { source });
      expect(again.services).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(again.organizations).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(again.locations).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(await db.query(`SELECT id, version FROM service WHERE external_source = $1 ORDER BY id`, [source])).toEqual(before);

      const edited = ROWS.map((r) => [...r]);
      edited[7][12] = 21; // Rückenschule: waiting days
      const changed = await run('netzwerk.xlsx', await xlsx(HEADINGS, edited), { source });
      expect(changed.services).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      const [row] = await db.query(`SELECT waiting_days, version FROM service WHERE external_source = $1 AND name = 'Rückenschule'`, [source]);
      expect(row).toEqual({ waiting_days: 21, version: 2 });
      const audit = await db.query(`SELECT field_name FROM audit_event a JOIN service s ON s.id = a.resource_id WHERE s.name = 'Rückenschule' AND a.action = 'update'`);
      expect(audit.map((a: { field_name: string }) => a.field_name)).toEqual(['waitingDays']);
    });

    it('retires what a full import no longer lists, and only when asked', async () => {
      const without = ROWS.filter((r) => r[7] !== 'Rückenschule');
      const partial = await run('netzwerk.xlsx', await xlsx(HEADINGS, without), { source });
      expect(partial.services).toMatchObject({ retired: 0 });
      expect((await db.query(`SELECT status FROM service WHERE external_source = $1 AND name = 'Rückenschule'`, [source]))[0].status).toBe('active');

      const full = await run('netzwerk.xlsx', await xlsx(HEADINGS, without), { source, retireMissing: true });
      expect(full.services).toMatchObject({ retired: 1 });
      expect(full.organizations).toMatchObject({ retired: 0 });
      expect((await db.query(`SELECT status FROM service WHERE external_source = $1 AND name = 'Rückenschule'`, [source]))[0].status).toBe('inactive');
      // a row refused for an error still counts as listed: a typo must not retire a partner
      const [kurse] = await db.query(`SELECT status FROM organization WHERE external_source = $1 AND name = 'Kurse Radebeul'`, [source]);
      expect(kurse.status).toBe('pending');
    });
  });

  it('reads CSV with ; in Windows-1252 and with , in UTF-8 alike', async () => {
    const rows = [ROWS[0], ROWS[1]];
    const win = await run('export-aus-excel.csv', iconv.encode(csv(HEADINGS, rows, ';'), 'win1252'), { source: 'csv-1252', dryRun: true });
    const utf8 = await run('liste.csv', Buffer.from('\uFEFF' + csv(HEADINGS, rows, ','), 'utf8'), { source: 'csv-utf8', activate: true });
    for (const report of [win, utf8]) {
      expect(report.errors).toBe(0);
      expect(report.services.created).toBe(1);
      expect(report.locations.created).toBe(2);
    }
    const [org] = await db.query(`SELECT name, status FROM organization WHERE external_source = 'csv-utf8'`);
    expect(org).toEqual({ name: 'Suchtberatung Meißen e. V.', status: 'active' });
  });

  it('refuses a spreadsheet without the required columns, naming them', async () => {
    const report = await run('falsch.xlsx', await xlsx(['Name', 'Adresse'], [['X', 'Y']]), { dryRun: true });
    expect(report.errors).toBe(1);
    expect(report.problems.find((p) => p.severity === 'error')).toMatchObject({ code: ProblemCode.BAD_FILE });
    expect(report.problems.find((p) => p.severity === 'error')!.message).toContain('„Träger“');
  });

  it('offers a template whose example row imports without a problem', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const report = await run(`vorlage.${format}`, await spreadsheetTemplate(format), { source: `vorlage-${format}`, dryRun: true });
      expect(report.errors).toBe(0);
      expect(report.warnings).toBe(0);
      expect(report.services.created).toBe(1);
    }
    expect(SPREADSHEET_COLUMNS.filter((c) => c.required).map((c) => c.heading)).toEqual(['Träger', 'Straße und Hausnummer', 'PLZ', 'Ort', 'Angebot', 'Angebotsart', 'Bedarfe']);
  });

  describe('HSDS 3.0 JSON', () => {
    it('imports a package of services: terms to needs and category, unknown terms reported by JSON path, ids kept', async () => {
      const doc = [hsdsService('0b4d2c1e-1111-4a5b-8c9d-000000000001', '0b4d2c1e-2222-4a5b-8c9d-000000000001', '0b4d2c1e-3333-4a5b-8c9d-000000000001')];
      const report = await run('paket.json', Buffer.from(JSON.stringify(doc)), { source: 'hsds-paket' });
      expect(report).toMatchObject({ format: ImportFormat.HSDS_JSON, errors: 0 });
      expect(report.services.created).toBe(1);
      expect(report.problems).toEqual([expect.objectContaining({ severity: 'warning', code: ProblemCode.UNKNOWN_TERM, path: '$[0].attributes[2]' })]);
      const [service] = await db.query(
        `SELECT s.id, s.category, s.min_age, s.waiting_days, (SELECT array_agg(need_code) FROM service_need WHERE service_id = s.id) AS needs FROM service s WHERE external_source = 'hsds-paket'`,
      );
      expect(service).toEqual({ id: '0b4d2c1e-1111-4a5b-8c9d-000000000001', category: 'social_service', min_age: 18, waiting_days: 10, needs: ['debt_counselling'] });
      const again = await run('paket.json', Buffer.from(JSON.stringify(doc)), { source: 'hsds-paket' });
      expect(again.services).toMatchObject({ created: 0, unchanged: 1 });
    });

    it('reports a broken document by JSON path and imports the rest', async () => {
      const good = hsdsService('0b4d2c1e-1111-4a5b-8c9d-000000000002', '0b4d2c1e-2222-4a5b-8c9d-000000000002', '0b4d2c1e-3333-4a5b-8c9d-000000000002');
      const badPostcode = hsdsService('0b4d2c1e-1111-4a5b-8c9d-000000000003', '0b4d2c1e-2222-4a5b-8c9d-000000000002', '0b4d2c1e-3333-4a5b-8c9d-000000000003');
      (badPostcode.service_at_locations[0].location.addresses[0] as Record<string, unknown>).postal_code = 'D-016';
      const list = { total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false, contents: [good, badPostcode] };
      const before = await checksum();
      const dry = await run('liste.json', Buffer.from(JSON.stringify(list)), { source: 'hsds-kaputt', dryRun: true });
      expect(await checksum()).toBe(before);
      expect(dry.problems.filter((p) => p.severity === 'error')).toEqual([
        expect.objectContaining({ code: ProblemCode.BAD_POSTCODE, path: '$.contents[1].service_at_locations[0].location.addresses[0].postal_code', value: 'D-016' }),
        expect.objectContaining({ code: ProblemCode.BAD_REFERENCE, path: '$.contents[1].service_at_locations' }),
      ]);
      expect(dry.services).toMatchObject({ created: 1, refused: 1 });
      const notJson = await run('kaputt.json', Buffer.from('{"contents": ['), { dryRun: true });
      expect(notJson.problems).toEqual([expect.objectContaining({ severity: 'error', code: ProblemCode.BAD_FILE })]);
    });

    it('reads what an export holds beyond the basics: location phones, service areas, assured date, capacity time, course-run ids', async () => {
      const [serviceId, organizationId, locationId, runId] = ['1111', '2222', '3333', '4444'].map((k) => `0b4d2c1e-${k}-4a5b-8c9d-000000000020`);
      const term = (taxonomy: string, code: string) => ({ taxonomy_term: { code, name: code, taxonomy } });
      const updated = daysAgo(2).toISOString();
      const assured = daysAgo(5).toISOString().slice(0, 10);
      const [startsOn, endsOn] = [mondayAfter(14), mondayAfter(70)];
      const doc = hsdsService(serviceId, organizationId, locationId, {
        name: 'Rückenschule', attributes: [term('Lotse-Angebotsarten', 'course'), term('Lotse-Bedarfe', 'exercise')], assured_date: assured,
        schedules: [{ id: runId, freq: 'WEEKLY', byday: 'MO', opens_at: '18:00:00', closes_at: '19:30:00', valid_from: startsOn, valid_to: endsOn }],
        capacities: [{ id: runId, unit: { identifier: 'course_seats' }, available: 4, maximum: 12, updated }],
        service_areas: [{ extent: '14627', extent_type: 'text' }, { extent: '14627999', extent_type: 'text' }, { name: 'Mars' }],
      });
      (doc.service_at_locations[0].location as Record<string, unknown>).phones = [{ number: '03522 4711', description: 'Anmeldung' }, { number: 'kein Telefon' }];
      const report = await run('export.json', Buffer.from(JSON.stringify(doc)), { source: 'hsds-mehr' });
      expect(report.errors).toBe(0);
      expect(report.problems.map((p) => [p.code, p.path])).toEqual([
        [ProblemCode.BAD_VALUE, '$.service_at_locations[0].location.phones[1].number'],
        [ProblemCode.BAD_VALUE, '$.service_areas[2]'],
        [ProblemCode.BAD_VALUE, '$.service_areas'],
      ]);
      const [row] = await db.query(
        `SELECT s.service_area, to_char(s.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS verified_on, s.capacity_updated_at, l.phones,
                (SELECT array_agg(c.id::text || ' ' || c.seats || ' ' || c.free_seats) FROM course_session c WHERE c.service_id = s.id) AS runs
         FROM service s JOIN location l ON l.id = $2 WHERE s.id = $1`,
        [serviceId, locationId],
      );
      expect(row).toEqual({ service_area: ['14627'], verified_on: assured, capacity_updated_at: new Date(updated), phones: [{ number: '03522 4711', label: 'Anmeldung' }], runs: [`${runId} 12 4`] });
      const again = await run('export.json', Buffer.from(JSON.stringify(doc)), { source: 'hsds-mehr' });
      expect([again.services.unchanged, again.locations.unchanged]).toEqual([1, 1]);
    });
  });

  it('imports the tabular datapackage (zip) and reports its problems by file and line', async () => {
    const org = 'id,name,email,website\n0b4d2c1e-2222-4a5b-8c9d-000000000009,Selbsthilfe Bautzen,kontakt@shk.example,https://shk.example\n';
    const services = 'id,organization_id,name,description,status,minimum_age\n0b4d2c1e-1111-4a5b-8c9d-000000000009,0b4d2c1e-2222-4a5b-8c9d-000000000009,Selbsthilfekontaktstelle,Gruppen vermitteln,active,\n0b4d2c1e-1111-4a5b-8c9d-000000000010,0b4d2c1e-2222-4a5b-8c9d-999999999999,Verwaist,x,active,\n';
    const locations = 'id,location_type,organization_id,name,latitude,longitude\n0b4d2c1e-3333-4a5b-8c9d-000000000009,physical,0b4d2c1e-2222-4a5b-8c9d-000000000009,Kontaktstelle,51.1814,14.4238\n';
    const addresses = 'id,location_id,address_1,city,postal_code,country,address_type\na1,0b4d2c1e-3333-4a5b-8c9d-000000000009,Kornmarkt 1,Bautzen,02625,DE,physical\n';
    const sal = 'id,service_id,location_id\ns1,0b4d2c1e-1111-4a5b-8c9d-000000000009,0b4d2c1e-3333-4a5b-8c9d-000000000009\n';
    const terms = 'id,code,name,taxonomy\nt1,self_help,Selbsthilfe,Lotse-Bedarfe\nt2,social_service,Soziale Beratung,Lotse-Angebotsarten\n';
    const attributes = 'id,link_id,taxonomy_term_id,link_type\nx1,0b4d2c1e-1111-4a5b-8c9d-000000000009,t1,service\nx2,0b4d2c1e-1111-4a5b-8c9d-000000000009,t2,service\n';
    const descriptor = JSON.stringify({ name: 'test', resources: ['organization:organizations.csv', 'service:services.csv', 'location:locations.csv', 'address:addresses.csv', 'service_at_location:service_at_location.csv', 'taxonomy_term:taxonomy_terms.csv', 'attribute:attributes.csv'].map((r) => ({ name: r.split(':')[0], path: r.split(':')[1] })) });
    const zip = Buffer.from(zipSync({
      'datapackage.json': strToU8(descriptor), 'organizations.csv': strToU8(org), 'services.csv': strToU8(services), 'locations.csv': strToU8(locations),
      'addresses.csv': strToU8(addresses), 'service_at_location.csv': strToU8(sal), 'taxonomy_terms.csv': strToU8(terms), 'attributes.csv': strToU8(attributes),
    }));
    const report = await run('hsds.zip', zip, { source: 'datapackage' });
    expect(report.format).toBe(ImportFormat.HSDS_DATAPACKAGE);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ code: ProblemCode.BAD_REFERENCE, path: 'services.csv:3.organization_id' })]);
    expect(report.services.created).toBe(1);
    expect(report.precision.exact).toBe(1);
    const [row] = await db.query(
      `SELECT s.category, l.district_ags, l.geocode_precision, (SELECT array_agg(need_code) FROM service_need WHERE service_id = s.id) AS needs
       FROM service s JOIN service_location sl ON sl.service_id = s.id JOIN location l ON l.id = sl.location_id WHERE s.external_source = 'datapackage'`,
    );
    expect(row).toEqual({ category: 'social_service', district_ags: '14625', geocode_precision: 'exact', needs: ['self_help'] });
  });

  it('keeps what a spreadsheet says nothing about: a location’s phones, a service’s areas, its verification', async () => {
    const source = 'tabelle-behalten';
    await run('behalten.xlsx', await xlsx(HEADINGS, [ROWS[0]]), { source });
    await db.query(`UPDATE location SET phones = '[{"number": "03521 999", "label": "Anmeldung"}]' WHERE external_source = $1`, [source]);
    await db.query(`UPDATE service SET service_area = '{14627}', verified_at = now() WHERE external_source = $1`, [source]);
    const edited = [[...ROWS[0]]];
    edited[0][12] = 21;
    const report = await run('behalten.xlsx', await xlsx(HEADINGS, edited), { source });
    expect([report.services.updated, report.locations.unchanged]).toEqual([1, 1]);
    const [row] = await db.query(
      `SELECT l.phones, s.service_area, s.verified_at IS NOT NULL AS verified FROM service s JOIN service_location sl ON sl.service_id = s.id JOIN location l ON l.id = sl.location_id WHERE s.external_source = $1`,
      [source],
    );
    expect(row).toEqual({ phones: [{ number: '03521 999', label: 'Anmeldung' }], service_area: ['14627'], verified: true });
  });

  it('lets coordinators import through GraphQL (base64) and nobody else', async () => {
    const file = { name: 'netzwerk.xlsx', contentBase64: (await xlsx(HEADINGS, [ROWS[0]])).toString('base64') };
    const mutation = `mutation($f: ImportFileInput!) { importCatalogue(file: $f, source: "graphql") { dryRun errors services { created } problems { where code } precision { postcode } } }`;
    const coordinator = await t.loginAs(Role.COORDINATOR);
    const res = await t.gql(mutation, { f: file }, coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data.importCatalogue).toEqual({ dryRun: true, errors: 0, services: { created: 1 }, problems: [], precision: { postcode: 1 } });
    const partner = await t.gql(mutation, { f: file }, await t.loginAs(Role.PARTNER));
    expect(partner.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const template = await t.gql(`{ importTemplate(format: "csv") { fileName contentBase64 columns { heading required } } }`, {}, coordinator);
    expect(template.data.importTemplate.fileName).toBe('lotse-import-vorlage.csv');
    expect(Buffer.from(template.data.importTemplate.contentBase64, 'base64').toString('utf8')).toContain('Träger;');
  });

  const officialExamples = existsSync(join(HSDS, 'examples')) ? it : it.skip;
  if (!existsSync(join(HSDS, 'examples'))) console.warn('skipping the official HSDS examples: ../shared/standards/hsds-3.0 not present');
  officialExamples('imports the official HSDS 3.0 examples cleanly: what Lotse can hold lands, the rest is reported by path', async () => {
    const files = readdirSync(join(HSDS, 'examples')).filter((f) => /^(organization|service|service_at_location)_(full|list)\.json$/.test(f));
    expect(files.length).toBe(6);
    for (const file of files) {
      const report = await run(file, readFileSync(join(HSDS, 'examples', file)), { source: `hsds-example-${file}`, dryRun: true });
      expect(report.format).toBe(ImportFormat.HSDS_JSON);
      expect(report.organizations.created).toBe(1);
      // the examples' one location is in the US (country "US", postcode "ABC 1234") or has no address: refused, said where
      for (const p of report.problems) expect(p.path).toMatch(/^\$/);
      const errors = report.problems.filter((p) => p.severity === 'error');
      // …and a service whose only location that is, is not imported either (BAD_REFERENCE at its service_at_locations)
      expect(errors.map((p) => p.code).filter((c) => ![ProblemCode.ADDRESS_NOT_FOUND, ProblemCode.MISSING_VALUE, ProblemCode.BAD_REFERENCE].includes(c))).toEqual([]);
      if (file.startsWith('service')) expect(report.services.created + report.services.refused).toBe(1);
    }
    const files2 = new Map(readdirSync(join(HSDS, 'examples', 'csv')).map((f) => [f, readFileSync(join(HSDS, 'examples', 'csv', f), 'utf8')] as [string, string]));
    files2.set('datapackage.json', readFileSync(join(HSDS, 'datapackage.json'), 'utf8'));
    const report = await imports.import({ fileName: 'examples/csv', files: files2 }, { source: 'hsds-example-csv', fileName: 'csv', dryRun: false, activate: false, retireMissing: false }, CLI);
    expect(report.format).toBe(ImportFormat.HSDS_DATAPACKAGE);
    expect(report.organizations.created).toBe(1);
    expect(report.services.created + report.services.refused).toBe(1);
    for (const p of report.problems) expect(p.path).toMatch(/\.csv:\d+/);
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.code).filter((c) => ![ProblemCode.ADDRESS_NOT_FOUND, ProblemCode.MISSING_VALUE, ProblemCode.BAD_REFERENCE].includes(c))).toEqual([]);
  });
});
