import { DataSource } from 'typeorm';
import { Role } from '@lotse/common';
import { Environment } from '@lotse/config';
import { NEED_TERMS } from '@lotse/catalogue';
import { LOTSE_TAXONOMIES, serviceAtLocationId, taxonomyId, taxonomyTermId } from '@lotse/exchange';
import { ExchangeFixture, hiddenWordsIn, IK, MEISSEN, RIESA, seedExchangeFixture } from './support/exchange-fixture';
import { datapackageProblems, describeWithHsds, hsdsPageProblems, hsdsResponseProblems, hsdsSchemaProblems, readDatapackage } from './support/hsds-schemas';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/*
 * The HSDS 3.0 API (/hsds): every response validated against the official OpenAPI response schemas
 * and object schemas (../shared/standards/hsds-3.0, additional properties forbidden as upstream
 * does), what the directory hides never exported, paging and filters, and the read access rule.
 */
describeWithHsds.each(databaseTargets())('HSDS 3.0 API on the $name database', (target) => {
  let t: TestApp;
  let f: ExchangeFixture;
  let token: string;
  /** every body the suite received, checked for hidden data at the end */
  const bodies: unknown[] = [];

  beforeAll(async () => {
    // reading closed, the real default: the suite reads as a coach
    t = await startTestApp(target, { PUBLIC_READ_ACCESS: 'false' });
    f = await seedExchangeFixture(t);
    token = await t.loginAs(Role.COACH);
  });
  afterAll(() => t?.close());

  async function get(path: string, status = 200): Promise<any> {
    const res = await t.http().get(path).set('authorization', `Bearer ${token}`);
    expect({ path, status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ path, status, body: 'ok' });
    bodies.push(res.body);
    return res.body;
  }
  const valid = (path: string, body: unknown) => expect(hsdsResponseProblems(path, body)).toEqual([]);

  it('describes itself (version, profile, OpenAPI)', async () => {
    const body = await get('/hsds/');
    expect(body).toEqual({ version: '3.0', profile: expect.stringMatching(/^https:\/\//), openapi_url: expect.stringMatching(/openapi\.json$/) });
    valid('/', body);
  });

  it('lists visible services in name order, valid against the official schema', async () => {
    const body = await get('/hsds/services');
    valid('/services', body);
    expect(body.contents.map((s: any) => s.name)).toEqual(['Beratungsraum Elbtal', 'Gesprächskreis Hoflos', 'Rückenkurs Elbtal', 'Suchtberatung Elbtal']);
    expect(body).toMatchObject({ total_items: 4, total_pages: 1, page_number: 1, size: 4, first_page: true, last_page: true, empty: false });
    expect(body.contents[0].organization).toEqual({ id: f.organizations.elbtal, name: 'Beratungszentrum Elbtal', description: 'Beratungsstelle', email: 'kontakt@elbtal.example.org', website: 'https://elbtal.example.org' });
  });

  it('nests the full service: locations, schedules, languages, cost, eligibility, terms, capacity', async () => {
    const list = await get('/hsds/services?full=true');
    expect(hsdsPageProblems('compiled/service.json', list)).toEqual([]);
    const sucht = await get(`/hsds/services/${f.services.sucht}`);
    valid('/services/{id}', sucht);
    expect(list.contents.find((s: any) => s.id === f.services.sucht)).toEqual(sucht);
    expect(sucht).toMatchObject({ name: 'Suchtberatung Elbtal', status: 'active', wait_time: '7 Tage', eligibility_description: 'Für Menschen aus dem Landkreis Meißen.' });
    expect(sucht.service_at_locations.map((sal: any) => [sal.id, sal.location.addresses[0].city, sal.location.addresses[0].postal_code])).toEqual([
      [serviceAtLocationId(f.services.sucht, f.locations.meissen), 'Meißen', MEISSEN.postcode],
      [serviceAtLocationId(f.services.sucht, f.locations.riesa), 'Riesa', RIESA.postcode],
    ]);
    expect(sucht.schedules.map((s: any) => [s.freq, s.byday, s.opens_at, s.closes_at])).toEqual([['WEEKLY', 'MO', '09:00:00', '12:00:00'], ['WEEKLY', 'TH', '14:00:00', '18:00:00']]);
    expect(sucht.service_areas.map((a: any) => [a.extent, a.name])).toEqual([['14627', 'Meißen'], ['14627230', 'Riesa']]);
    expect(sucht.service_at_locations[1].location.phones).toEqual([expect.objectContaining({ number: '03525 98765', description: 'Außenstelle' })]);
    expect(sucht.languages.map((l: any) => [l.code, l.name])).toEqual([['de', 'Deutsch'], ['ru', 'Russisch']]);
    expect(sucht.cost_options).toEqual([expect.objectContaining({ option: 'Kostenfrei' })]);
    const terms = sucht.attributes.map((a: any) => a.taxonomy_term_id);
    expect(terms).toEqual(expect.arrayContaining([taxonomyTermId('need', 'addiction'), taxonomyTermId('need', 'relatives_carers'), taxonomyTermId('category', 'addiction_counselling'), taxonomyTermId('accessibility', 'step_free_access'), taxonomyTermId('delivery_mode', 'outreach'), taxonomyTermId('intake', 'accepting_new_clients')]));
    expect(sucht.capacities).toEqual([expect.objectContaining({ available: 3, unit: expect.objectContaining({ name: 'Freie Plätze' }) })]);
    for (const capacity of sucht.capacities) expect(hsdsSchemaProblems('service_capacity.json', capacity)).toEqual([]);

    const kurs = await get(`/hsds/services/${f.services.kurs}`);
    valid('/services/{id}', kurs);
    expect(kurs).toMatchObject({ minimum_age: 18, maximum_age: 65, fees_description: 'Die Krankenkasse erstattet bis zu 80 %.' });
    expect(kurs.cost_options).toEqual([expect.objectContaining({ option: 'Kostenpflichtig', amount: 80, currency: 'EUR' })]);
    const runs = kurs.schedules.filter((s: any) => s.valid_from);
    expect(runs).toHaveLength(2);
    // a course run is a schedule and a capacity with the same id; not taking new clients is 0 free places
    expect(kurs.capacities.map((c: any) => [c.id, c.available, c.maximum ?? null])).toEqual([[expect.any(String), 0, null], [runs[0].id, 4, 12], [runs[1].id, 10, 10]]);
    for (const capacity of kurs.capacities) expect(hsdsSchemaProblems('service_capacity.json', capacity)).toEqual([]);
  });

  it('answers 404 (NOT_FOUND) for a hidden, unknown or malformed service id', async () => {
    for (const id of [f.services.pending, f.services.inactive, f.services.retired, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const body = await get(`/hsds/services/${id}`, 404);
      expect(body.error.code).toBe('NOT_FOUND');
    }
  });

  it('pages with the HSDS envelope, without gaps or repeats', async () => {
    const all = (await get('/hsds/services')).contents.map((s: any) => s.id);
    const pages = [await get('/hsds/services?per_page=3&page=1'), await get('/hsds/services?per_page=3&page=2'), await get('/hsds/services?per_page=3&page=3')];
    for (const page of pages) valid('/services', page);
    expect(pages.map((p) => [p.page_number, p.size, p.total_pages, p.first_page, p.last_page, p.empty])).toEqual([[1, 3, 2, true, false, false], [2, 1, 2, false, true, false], [3, 0, 2, false, true, false]]);
    expect(pages.flatMap((p) => p.contents.map((s: any) => s.id))).toEqual(all);
    const none = await get('/hsds/services?search=Nirgendwo');
    expect(none).toMatchObject({ total_items: 0, total_pages: 0, size: 0, empty: true, first_page: true, last_page: true, contents: [] });
    for (const bad of ['per_page=0', 'per_page=201', 'page=0', 'page=x']) {
      const body = await get(`/hsds/services?${bad}`, 400);
      expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: bad.split('=')[0] });
    }
  });

  it('streams every matching full service as NDJSON (format=ndjson), without pages', async () => {
    const res = await t.http().get(`/hsds/services?format=ndjson&organization_id=${f.organizations.elbtal}`).set('authorization', `Bearer ${token}`);
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/x-ndjson; charset=utf-8']);
    const lines = res.text.trim().split('\n').map((line) => JSON.parse(line));
    bodies.push(lines);
    for (const service of lines) expect(hsdsSchemaProblems('compiled/service.json', service)).toEqual([]);
    const full = await get(`/hsds/services?full=true&organization_id=${f.organizations.elbtal}`);
    expect(lines.map((s: any) => s.id)).toEqual(full.contents.map((s: any) => s.id).sort());
    expect(lines.find((s: any) => s.id === f.services.sucht)).toEqual(full.contents.find((s: any) => s.id === f.services.sucht));
    expect((await get('/hsds/services?format=xml', 400)).error.field).toBe('format');
  });

  it('filters by search, taxonomy term, taxonomy, organization and modified_after', async () => {
    const names = async (query: string) => (await get(`/hsds/services?${query}`)).contents.map((s: any) => s.name);
    expect(await names('search=r%C3%BCcken')).toEqual(['Rückenkurs Elbtal']);
    expect(await names('search=beratung%20angeh%C3%B6rige')).toEqual(['Suchtberatung Elbtal']);
    expect(await names('search=hoflos')).toEqual(['Gesprächskreis Hoflos']);
    expect(await names(`taxonomy_term_id=${taxonomyTermId('need', 'addiction')}`)).toEqual(['Suchtberatung Elbtal']);
    // a need finds its narrower needs' services (psychosocial counselling is under mental health)
    expect(await names(`taxonomy_term_id=${taxonomyTermId('need', 'mental_health')}`)).toEqual(['Gesprächskreis Hoflos']);
    expect(await names(`taxonomy_term_id=${taxonomyTermId('category', 'course')}`)).toEqual(['Rückenkurs Elbtal']);
    expect(await names(`taxonomy_term_id=${taxonomyTermId('intake', 'not_accepting_new_clients')}`)).toEqual(['Rückenkurs Elbtal']);
    expect(await names(`taxonomy_term_id=${taxonomyTermId('accessibility', 'step_free_access')}`)).toEqual(['Suchtberatung Elbtal']);
    expect(await names(`taxonomy_id=${taxonomyId('accessibility')}`)).toEqual(['Suchtberatung Elbtal']);
    expect(await names('taxonomy_term_id=00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await names(`organization_id=${f.organizations.hoflos}`)).toEqual(['Gesprächskreis Hoflos']);
    expect(await names(`organization_id=${f.organizations.pending}`)).toEqual([]);
    expect(await names(`modified_after=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`)).toEqual([]);
    expect(await names(`modified_after=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`)).toHaveLength(4);
    expect((await get('/hsds/services?modified_after=gestern', 400)).error.field).toBe('modified_after');
    expect((await get('/hsds/services?taxonomy_term_id=addiction', 400)).error.field).toBe('taxonomy_term_id');
  });

  it('lists services at locations by postcode, and by proximity nearest first', async () => {
    const riesa = await get(`/hsds/service_at_locations?postcode=${RIESA.postcode}`);
    valid('/service_at_locations', riesa);
    expect(riesa.contents.map((sal: any) => [sal.service.name, sal.location.name])).toEqual([['Beratungsraum Elbtal', 'Außenstelle Riesa'], ['Suchtberatung Elbtal', 'Außenstelle Riesa']]);
    const near = await get(`/hsds/service_at_locations?postcode=${MEISSEN.postcode}&proximity=10000`);
    valid('/service_at_locations', near);
    expect(near.contents.map((sal: any) => sal.service.name)).toEqual(['Rückenkurs Elbtal', 'Suchtberatung Elbtal']);
    const far = await get(`/hsds/service_at_locations?postcode=${MEISSEN.postcode}&proximity=60000&per_page=50`);
    expect(far.total_items).toBe(5);
    const distances = far.contents.map((sal: any) => sal.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const one = await get(`/hsds/service_at_locations/${far.contents[0].id}`);
    expect(hsdsSchemaProblems('compiled/service_at_location.json', one)).toEqual([]);
    expect(one.service.id).toBe(far.contents[0].service_id);
    const filtered = await get(`/hsds/service_at_locations?postcode=${MEISSEN.postcode}&proximity=60000&taxonomy_term_id=${taxonomyTermId('need', 'addiction')}`);
    expect(filtered.contents.map((sal: any) => sal.location.name)).toEqual(['Beratungsstelle Meißen', 'Außenstelle Riesa']);
    expect((await get('/hsds/service_at_locations?proximity=1000', 400)).error.field).toBe('proximity');
    expect((await get('/hsds/service_at_locations?postcode=99999&proximity=1000', 400)).error.field).toBe('postcode');
    await get(`/hsds/service_at_locations/${serviceAtLocationId(f.services.pending, f.locations.meissen)}`, 404);
  });

  it('lists visible organisations and nests one fully, with IK and BSNR', async () => {
    const list = await get('/hsds/organizations');
    valid('/organizations', list);
    expect(list.contents.map((o: any) => o.name)).toEqual(['Beratungszentrum Elbtal', 'Hofloser Gesundheitstreff']);
    const full = await get('/hsds/organizations?full=true&full_service=true');
    expect(hsdsPageProblems('compiled/organization.json', full)).toEqual([]);
    const elbtal = await get(`/hsds/organizations/${f.organizations.elbtal}`);
    valid('/organizations/{id}', elbtal);
    expect(elbtal.organization_identifiers).toEqual([
      expect.objectContaining({ identifier_scheme: 'http://fhir.de/sid/arge-ik/iknr', identifier: IK }),
      expect.objectContaining({ identifier_scheme: 'https://fhir.kbv.de/NamingSystem/KBV_NS_Base_BSNR' }),
    ]);
    expect(elbtal.services.map((s: any) => s.name)).toEqual(['Beratungsraum Elbtal', 'Rückenkurs Elbtal', 'Suchtberatung Elbtal']);
    expect(elbtal.locations).toHaveLength(2);
    valid('/organizations/{id}', await get(`/hsds/organizations/${f.organizations.elbtal}?full_service=true`));
    for (const id of [f.organizations.pending, f.organizations.inactive]) await get(`/hsds/organizations/${id}`, 404);
  });

  it('publishes Lotse’s taxonomies and terms', async () => {
    const taxonomies = await get('/hsds/taxonomies');
    valid('/taxonomies', taxonomies);
    expect(taxonomies.total_items).toBe(LOTSE_TAXONOMIES.length);
    valid('/taxonomies/{id}', await get(`/hsds/taxonomies/${taxonomyId('need')}`));
    const needs = await get(`/hsds/taxonomy_terms?taxonomy_id=${taxonomyId('need')}&per_page=200`);
    valid('/taxonomy_terms', needs);
    expect(needs.contents.map((t: any) => t.code)).toEqual(NEED_TERMS.map((n) => n.code));
    const narrower = await get(`/hsds/taxonomy_terms?parent_id=${taxonomyTermId('need', 'mental_health')}`);
    expect(narrower.contents.map((t: any) => t.code)).toEqual(NEED_TERMS.filter((n) => n.parent === 'mental_health').map((n) => n.code));
    const top = await get(`/hsds/taxonomy_terms?taxonomy_id=${taxonomyId('need')}&top_only=true&per_page=200`);
    expect(top.contents.every((t: any) => !t.parent_id)).toBe(true);
    const term = await get(`/hsds/taxonomy_terms/${taxonomyTermId('need', 'psychotherapy')}`);
    valid('/taxonomy_terms/{id}', term);
    expect(term).toMatchObject({ code: 'psychotherapy', name: 'Psychotherapie', parent_id: taxonomyTermId('need', 'mental_health'), taxonomy_detail: { name: 'Lotse-Bedarfe' } });
  });

  it('exports the whole directory as an HSDS tabular datapackage, for coordinators only', async () => {
    const coordinator = await t.loginAs(Role.COORDINATOR);
    const res = await t.http().get('/hsds/datapackage.zip').set('authorization', `Bearer ${coordinator}`).buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="lotse-hsds-\d{4}-\d{2}-\d{2}\.zip"$/);
    const { descriptor, tables, files } = readDatapackage(res.body);
    bodies.push(files);
    expect(descriptor).toMatchObject({ profile: 'tabular-data-package', version: '3.0.0' });
    expect(datapackageProblems(tables)).toEqual([]);
    // the same services and objects as the API
    const api = await get('/hsds/services?full=true');
    expect(tables.service.map((s) => s.id).sort()).toEqual(api.contents.map((s: any) => s.id).sort());
    expect(tables.organization.map((o) => o.id).sort()).toEqual([f.organizations.elbtal, f.organizations.hoflos].sort());
    const sucht = api.contents.find((s: any) => s.id === f.services.sucht);
    expect(tables.schedule.filter((r) => r.service_id === sucht.id)).toEqual(sucht.schedules.map(({ ...s }: any) => s));
    expect(tables.attribute.filter((r) => r.link_id === sucht.id)).toEqual(sucht.attributes.map(({ taxonomy_term: _t, ...a }: any) => a));
    expect(tables.service_at_location.filter((r) => r.service_id === sucht.id)).toEqual(sucht.service_at_locations.map(({ location: _l, ...sal }: any) => sal));
    expect(tables.service_area.filter((r) => r.service_id === sucht.id)).toEqual(sucht.service_areas);
    expect(tables.organization_identifier.map((r) => r.identifier)).toEqual(expect.arrayContaining([IK]));
    expect(tables.taxonomy_term.length).toBeGreaterThan(NEED_TERMS.length);
    // everything referenced is in the package
    const ids = (table: string) => new Set(tables[table].map((r) => r.id));
    for (const r of tables.service_at_location) expect([ids('service').has(r.service_id), ids('location').has(r.location_id)]).toEqual([true, true]);
    for (const r of tables.attribute) expect(ids('taxonomy_term').has(r.taxonomy_term_id)).toBe(true);
    for (const r of tables.service_capacity) expect(ids('unit').has(r.unit_id)).toBe(true);

    expect((await t.http().get('/hsds/datapackage.zip').set('authorization', `Bearer ${token}`)).status).toBe(403);
    expect((await t.http().get('/hsds/datapackage.zip')).status).toBe(401);
  });

  it('counts total_items anew as soon as the catalogue changes (the count kept per filter does not outlive a write)', async () => {
    const db = t.app.get(DataSource);
    const total = async (query = '') => (await get(`/hsds/services${query}`)).total_items as number;
    const before = await total();
    const ofElbtal = await total(`?organization_id=${f.organizations.elbtal}`);
    expect(await total()).toBe(before); // kept: the same answer
    await db.query(`UPDATE service SET status = 'inactive' WHERE id = $1`, [f.services.sucht]);
    expect(await total()).toBe(before - 1);
    expect(await total(`?organization_id=${f.organizations.elbtal}`)).toBe(ofElbtal - 1);
    await db.query(`UPDATE organization SET status = 'inactive' WHERE id = $1`, [f.organizations.elbtal]);
    expect(await total(`?organization_id=${f.organizations.elbtal}`)).toBe(0);
    await db.query(`UPDATE organization SET status = 'active' WHERE id = $1`, [f.organizations.elbtal]);
    await db.query(`UPDATE service SET status = 'active' WHERE id = $1`, [f.services.sucht]);
    expect(await total()).toBe(before);
    expect(await total(`?organization_id=${f.organizations.elbtal}`)).toBe(ofElbtal);
  });

  it('never exports what the directory hides', () => {
    expect(bodies.length).toBeGreaterThan(20);
    expect(bodies.flatMap(hiddenWordsIn)).toEqual([]);
    expect(JSON.stringify(bodies)).not.toContain('261400999'); // the pending organisation's IK
  });

  it('never logs what was searched for (privacy)', async () => {
    await get('/hsds/services?search=Schlafst%C3%B6rungXY');
    await get(`/hsds/service_at_locations?postcode=${RIESA.postcode}&proximity=2500&search=Nachtcafe`);
    const logged = t.logLines.join('\n');
    for (const typed of ['SchlafstörungXY', 'Schlafst%C3%B6rungXY', 'Nachtcafe', 'proximity=2500']) expect(logged).not.toContain(typed);
  });

  it('follows the read access rule: a token, or nothing when PUBLIC_READ_ACCESS is on', async () => {
    for (const path of ['/hsds/', '/hsds/services', `/hsds/services/${f.services.sucht}`, '/hsds/organizations', '/hsds/taxonomies']) {
      const res = await t.http().get(path);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
    }
    expect((await t.http().get('/hsds/services').set('authorization', 'Bearer not-a-token')).status).toBe(401);
    // the guard reads the setting per request; flipping it here saves booting a second app
    const env = t.app.get(Environment);
    env.PUBLIC_READ_ACCESS = true;
    try {
      expect((await t.http().get('/hsds/services')).status).toBe(200);
    } finally {
      env.PUBLIC_READ_ACCESS = false;
    }
  });
});
