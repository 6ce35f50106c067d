import { DataSource } from 'typeorm';
import { Role } from '@lotse/common';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/**
 * The coordinators' upload (`POST /import`): real networks' files are MBs, far over the 100 kB a
 * GraphQL request may have. The file is the raw body, the options are query parameters, the answer
 * is an import job the client polls with `importJob(id)` (phase, progress, report); refusals come
 * in the GraphQL error shape with extensions.code.
 */
const LIMIT = 1024 * 1024; // IMPORT_MAX_BYTES of this suite: 1 MB
const HEADINGS = ['Träger', 'Straße und Hausnummer', 'PLZ', 'Ort', 'Angebot', 'Angebotsart', 'Bedarfe', 'Beschreibung'];
const MARKER = 'Hochladetest-Kennwort-7Q'; // a word of the file: it must never reach the log

/** A coordinator's CSV over 100 kB: `services` valid rows and, as row 3, one with a broken postcode. */
function bigCsv(services: number, organization = 'Beratungsnetz Upload e. V.'): Buffer {
  const rows = [HEADINGS.join(';')];
  const description = `Beratung und Begleitung für Erwachsene, ${MARKER}, mit Terminen nach Vereinbarung und offener Sprechstunde am Dienstag.`;
  for (let i = 1; i <= services; i++) {
    rows.push([organization, 'Markt 1', '01662', 'Meißen', `Beratungsangebot ${i}`, 'Suchtberatung', 'Sucht', description].join(';'));
    if (i === 1) rows.push([organization, 'Markt 1', '0166', 'Meißen', 'Kaputte Zeile', 'Suchtberatung', 'Sucht', description].join(';'));
  }
  return Buffer.from(rows.join('\r\n') + '\r\n', 'utf8');
}

/** HSDS 3.0 JSON, a package of `n` services, over 100 kB for n ≳ 150. */
function bigHsds(n: number): Buffer {
  const services = Array.from({ length: n }, (_, i) => {
    const id = (k: string) => `0b4d2c1e-${k}-4a5b-8c9d-${String(i).padStart(12, '0')}`;
    return {
      id: id('1111'), name: `Schuldnerberatung ${i}`, description: `Beratung bei Schulden und Fragen zum Haushalt, Termin nach Vereinbarung (${MARKER}).`, status: 'active',
      organization: { id: '0b4d2c1e-2222-4a5b-8c9d-000000000000', name: 'Diakonie Upload (Import)', email: 'info@diakonie-upload.example' },
      attributes: [
        { taxonomy_term: { code: 'social_service', name: 'social_service', taxonomy: 'Lotse-Angebotsarten', taxonomy_id: '', id: 'c' } },
        { taxonomy_term: { code: 'debt_counselling', name: 'debt_counselling', taxonomy: 'Lotse-Bedarfe', taxonomy_id: '', id: 'n' } },
      ],
      languages: [{ id: `${id('1111')}-de`, code: 'de', name: 'Deutsch' }],
      service_at_locations: [{ id: `${id('1111')}-sal`, location_id: id('3333'), location: { id: id('3333'), location_type: 'physical', addresses: [{ id: `${id('3333')}-a`, address_1: `Lutherplatz ${i + 1}`, city: 'Großenhain', postal_code: '01558', country: 'DE', address_type: 'physical' }] } }],
    };
  });
  return Buffer.from(JSON.stringify(services));
}

describe.each(databaseTargets())('import upload on the $name database', (target) => {
  let t: TestApp;
  let db: DataSource;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestApp(target, { IMPORT_MAX_BYTES: String(LIMIT), PUBLIC_READ_ACCESS: 'false', RATE_LIMIT_LOGIN_PER_MINUTE: '100000', RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    db = t.app.get(DataSource);
    coordinator = await t.loginAs(Role.COORDINATOR);
  }, 300_000);
  afterAll(() => t?.close());

  const upload = (query: Record<string, string>, body: Buffer, token?: string, contentType = 'application/octet-stream') => {
    const req = t.http().post(`/import?${new URLSearchParams(query)}`).set('content-type', contentType);
    if (token) req.set('authorization', `Bearer ${token}`);
    // superagent would JSON-encode a Buffer sent as application/json: the text goes as it is
    return req.send(contentType === 'application/json' ? body.toString('utf8') : body);
  };
  const JOB = `query($id: ID!) { importJob(id: $id) { id status phase done total dryRun fileName source error { code message }
    report { dryRun runId errors records services { created updated refused } locations { created } precision { postcode exact } problems { where row column code severity } } } }`;
  async function finished(id: string, token = coordinator) {
    for (let i = 0; i < 600; i++) {
      const res = await t.gql(JOB, { id }, token);
      expect(res.errors).toBeUndefined();
      const job = res.data.importJob;
      if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return job;
      expect(['QUEUED', 'RUNNING']).toContain(job.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import job did not finish');
  }
  const servicesOf = async (source: string) => (await db.query(`SELECT count(*)::int AS n FROM service WHERE external_source = $1`, [source]))[0].n;

  it('keeps the 100 kB limit of /graphql: the same file base64-encoded in importCatalogue is PAYLOAD_TOO_LARGE', async () => {
    const file = bigCsv(700);
    expect(file.length).toBeGreaterThan(100 * 1024);
    const res = await t.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${coordinator}`)
      .send({ query: `mutation($f: ImportFileInput!) { importCatalogue(file: $f) { errors } }`, variables: { f: { name: 'gross.csv', contentBase64: file.toString('base64') } } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('dry run of a file over 100 kB (wait=true): every problem by row and column, nothing written', async () => {
    const file = bigCsv(700);
    const res = await upload({ fileName: 'netzwerk.csv', source: 'upload-csv', wait: 'true' }, file, coordinator, 'text/csv');
    expect(res.status).toBe(200);
    const { job } = res.body;
    expect(job).toMatchObject({ status: 'SUCCEEDED', phase: 'DONE', dryRun: true, fileName: 'netzwerk.csv', source: 'upload-csv', sizeBytes: file.length, error: null });
    expect(job.report).toMatchObject({ dryRun: true, runId: null, records: 701, services: { created: 700 }, errors: 1 });
    expect(job.report.problems).toEqual([expect.objectContaining({ row: 3, column: 'PLZ', code: 'bad_postcode', severity: 'error', where: 'Zeile 3, Spalte „PLZ“' })]);
    expect(await servicesOf('upload-csv')).toBe(0);
    // the file's contents never reach the log
    expect(t.logLines.filter((l) => l.includes(MARKER))).toEqual([]);
  });

  it('real run as a job: 202 at once, polled to the end with progress, the valid rows written', async () => {
    const res = await upload({ fileName: 'netzwerk.csv', source: 'upload-csv', dryRun: 'false', activate: 'true' }, bigCsv(700), coordinator, 'text/csv');
    expect(res.status).toBe(202);
    expect(res.body.job).toMatchObject({ id: expect.any(String), dryRun: false, report: null });
    expect(['QUEUED', 'RUNNING']).toContain(res.body.job.status);
    const job = await finished(res.body.job.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', phase: 'DONE', error: null });
    expect(job.total).toBeGreaterThanOrEqual(702); // 700 services, their organisation and location
    expect(job.done).toBe(job.total);
    expect(job.report).toMatchObject({ dryRun: false, runId: expect.any(String), errors: 1, services: { created: 700, refused: 1 }, locations: { created: 1 }, precision: { postcode: 1, exact: 0 } });
    expect(job.report.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([[3, 'PLZ']]);
    expect(await servicesOf('upload-csv')).toBe(700);
    const [org] = await db.query(`SELECT status FROM organization WHERE external_source = 'upload-csv'`);
    expect(org.status).toBe('active');
    // idempotent: the same file again changes nothing
    const again = await upload({ fileName: 'netzwerk.csv', source: 'upload-csv', dryRun: 'false', wait: 'true' }, bigCsv(700), coordinator);
    expect(again.body.job.report.services).toMatchObject({ created: 0, updated: 0 });
  });

  it('takes HSDS JSON over 100 kB sent as application/json (the JSON parser leaves this route alone)', async () => {
    const file = bigHsds(200);
    expect(file.length).toBeGreaterThan(100 * 1024);
    const res = await upload({ fileName: 'paket.json', source: 'upload-hsds', dryRun: 'false', wait: 'true' }, file, coordinator, 'application/json');
    expect(res.status).toBe(200);
    expect(res.body.job.report).toMatchObject({ format: 'hsds_json', errors: 0, services: { created: 200 } });
    expect(await servicesOf('upload-hsds')).toBe(200);
  });

  it('refuses a file over IMPORT_MAX_BYTES with PAYLOAD_TOO_LARGE naming the limit, and writes nothing', async () => {
    const file = bigCsv(8000, 'Zu groß e. V.');
    expect(file.length).toBeGreaterThan(LIMIT);
    const res = await upload({ fileName: 'zu-gross.csv', source: 'upload-too-large', dryRun: 'false' }, file, coordinator);
    expect(res.status).toBe(413);
    expect(res.body.errors).toEqual([{ message: expect.stringContaining('1 MB'), extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: LIMIT } }]);
    expect(await servicesOf('upload-too-large')).toBe(0);
  });

  it('tells the web app the limit (GET /web-config.json), so its import screen refuses a larger file before sending it', async () => {
    expect((await t.http().get('/web-config.json')).body).toMatchObject({ importMaxBytes: LIMIT });
  });

  it('refuses bad options and an empty file as BAD_USER_INPUT naming the field', async () => {
    const bad = await upload({ fileName: 'x.csv', dryRun: 'vielleicht' }, bigCsv(1), coordinator);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dryRun' });
    const noName = await upload({}, bigCsv(1), coordinator);
    expect(noName.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileName' });
    const format = await upload({ fileName: 'x.bin', format: 'pdf' }, bigCsv(1), coordinator);
    expect(format.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
    const source = await upload({ fileName: 'x.csv', source: 'Netz <Meißen>' }, bigCsv(1), coordinator);
    expect(source.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'source' });
    // without a source the file name names it, what a source may not hold replaced
    const named = await upload({ fileName: 'Netzwerk [2026].csv', wait: 'true' }, bigCsv(1), coordinator);
    expect(named.body.job).toMatchObject({ status: 'SUCCEEDED', source: 'Netzwerk -2026-.csv' });
    const empty = await upload({ fileName: 'leer.csv' }, Buffer.alloc(0), coordinator);
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
  });

  describe('who may upload', () => {
    const cases: { role: Role | 'anonymous'; allowed: boolean }[] = [
      { role: 'anonymous', allowed: false },
      { role: Role.COACH, allowed: false },
      { role: Role.PARTNER, allowed: false },
      { role: Role.COORDINATOR, allowed: true },
      { role: Role.ADMIN, allowed: true },
    ];
    it.each(cases)('$role → allowed: $allowed', async ({ role, allowed }) => {
      const token = role === 'anonymous' ? undefined : await t.loginAs(role);
      const source = `upload-role-${role}`;
      const res = await upload({ fileName: 'rolle.csv', source, dryRun: 'false', wait: 'true' }, bigCsv(3), token);
      if (allowed) {
        expect(res.status).toBe(200);
        expect(res.body.job.status).toBe('SUCCEEDED');
        expect(await servicesOf(source)).toBe(3);
      } else {
        expect(res.status).toBe(role === 'anonymous' ? 401 : 403);
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors[0].extensions.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(await servicesOf(source)).toBe(0);
      }
    });

    it('a job is read only by who started it (and admins): another coordinator gets NOT_FOUND, a partner FORBIDDEN', async () => {
      const { body } = await upload({ fileName: 'mein.csv', source: 'upload-own', wait: 'true' }, bigCsv(2), coordinator);
      const id = body.job.id;
      expect((await t.gql(JOB, { id }, coordinator)).data.importJob.status).toBe('SUCCEEDED');
      expect((await t.gql(JOB, { id }, await t.loginAs(Role.ADMIN))).data.importJob.id).toBe(id);
      expect((await t.gql(JOB, { id }, await t.loginAs(Role.COORDINATOR))).errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await t.gql(JOB, { id }, await t.loginAs(Role.PARTNER))).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await t.gql(JOB, { id })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(JOB, { id: 'kein-job' }, coordinator)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });
  });
});
