import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/** Each bad argument must come back as BAD_USER_INPUT naming the offending field. */
const CASES: { name: string; query: string; variables?: Record<string, unknown>; field: string }[] = [
  { name: 'latitude 91', query: `{ servicesNear(near: { latitude: 91, longitude: 13, radiusMeters: 1000 }) { totalCount } }`, field: 'near.latitude' },
  { name: 'longitude -181', query: `{ servicesNear(near: { latitude: 51, longitude: -181, radiusMeters: 1000 }) { totalCount } }`, field: 'near.longitude' },
  { name: 'radius -5', query: `{ servicesNear(near: { latitude: 51, longitude: 13, radiusMeters: -5 }) { totalCount } }`, field: 'near.radiusMeters' },
  { name: 'radius too large', query: `{ servicesNear(near: { latitude: 51, longitude: 13, radiusMeters: 1e9 }) { totalCount } }`, field: 'near.radiusMeters' },
  { name: 'neither point nor postcode', query: `{ servicesNear(near: { radiusMeters: 1000 }) { totalCount } }`, field: 'near' },
  { name: 'postcode not in the table', query: `{ servicesNear(near: { postcode: "99999", radiusMeters: 1000 }) { totalCount } }`, field: 'near.postcode' },
  { name: 'unknown need code', query: `{ services(filter: { needs: ["time_travel"] }) { totalCount } }`, field: 'filter.needs' },
  { name: 'unknown need code near', query: `{ servicesNear(near: { latitude: 51, longitude: 13, radiusMeters: 10 }, filter: { needs: ["x"] }) { totalCount } }`, field: 'filter.needs' },
  { name: 'page size 10000', query: `{ services(first: 10000) { totalCount } }`, field: 'first' },
  { name: 'page size 0', query: `{ organizations(first: 0) { totalCount } }`, field: 'first' },
  { name: 'damaged cursor', query: `{ services(after: "bm90IGEgY3Vyc29y") { totalCount } }`, field: 'after' },
  { name: 'cursor of another query', query: `{ locations(after: "WyJ4Il0") { totalCount } }`, field: 'after' },
  { name: 'district key not 5 digits', query: `{ services(filter: { districtAgs: "Meißen" }) { totalCount } }`, field: 'filter.districtAgs' },
  { name: 'municipality key', query: `{ municipality(ags: "1462") { name } }`, field: 'ags' },
  { name: 'language not a code', query: `{ services(filter: { language: "Deutsch" }) { totalCount } }`, field: 'filter.language' },
  { name: 'language code naming no language', query: `{ services(filter: { language: "xx" }) { totalCount } }`, field: 'filter.language' },
  { name: 'participant language naming no language', query: `{ matchReferralTargets(request: { needs: ["addiction"], origin: { latitude: 51.16, longitude: 13.48 }, constraints: { languages: ["de", "qqq"] } }) { consideredCandidates } }`, field: 'request.constraints.languages' },
  { name: 'id not a UUID', query: `{ organization(id: "42") { name } }`, field: 'id' },
  { name: 'postcode lookup', query: `{ postcode(code: "1234") { place } }`, field: 'code' },
  { name: 'areaAt latitude', query: `{ areaAt(latitude: -100, longitude: 13) { insideCoverageArea } }`, field: 'latitude' },
  { name: 'variable of the wrong type', query: `query($lat: Float!) { areaAt(latitude: $lat, longitude: 13) { insideCoverageArea } }`, variables: { lat: 'north' }, field: 'lat' },
];

describe.each(databaseTargets())('invalid arguments on the $name database', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target);
  });
  afterAll(() => t?.close());

  it.each(CASES)('$name → BAD_USER_INPUT on $field', async ({ query, variables, field }) => {
    const res = await t.gql(query, variables);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors![0].message).toEqual(expect.any(String));
  });

  it('gives every error an extensions.code, also for malformed queries', async () => {
    for (const query of ['{ services { nope } }', '{ services(', '{ organization(id: "00000000-0000-4000-8000-000000000000") { id } }']) {
      const res = await t.gql(query);
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const e of res.errors!) expect(e.extensions.code).toEqual(expect.any(String));
    }
  });
});
