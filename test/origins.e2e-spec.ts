import { CatalogueService } from '@lotse/catalogue';
import { organizationAt, serviceFixture } from './support/fixtures';
import { haversineMeters } from './support/haversine';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/** Fictitious addiction counselling in four corners of Saxony, at real town centres. */
const PARTNERS = [
  { name: 'Suchtberatung Großenhain (fiktiv)', latitude: 51.2894, longitude: 13.5334 },
  { name: 'Suchtberatung Lommatzsch (fiktiv)', latitude: 51.1955, longitude: 13.3094 },
  { name: 'Suchtberatung Annaberg (fiktiv)', latitude: 50.5797, longitude: 13.0025 },
  { name: 'Suchtberatung Riesa (fiktiv)', latitude: 51.3077, longitude: 13.2938 },
];

const MATCH = `query($origin: OriginInput!) {
  matchReferralTargets(request: { needs: ["addiction"], origin: $origin, travel: { mode: CAR, maxMinutes: 120 } }) {
    origin { kind latitude longitude districtAgs municipalityAgs description postcode postcodeMunicipalities place { id label kind } }
    targets(first: 1) { edges { node { distanceMeters service { organization { name } } } } }
  }
}`;

describe.each(databaseTargets())('origins anywhere in Saxony on the $name database', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target, { SEARCH_OUTBOX_POLL_MS: '0' });
    await t.app.get(CatalogueService).importOrganizations(PARTNERS.map((p) => organizationAt(p.name, p.latitude, p.longitude, [serviceFixture({ name: p.name })])));
  });
  afterAll(() => t?.close());

  const match = async (origin: Record<string, unknown>) => {
    const res = await t.gql(MATCH, { origin });
    expect(res.errors).toBeUndefined();
    const result = res.data.matchReferralTargets;
    return { origin: result.origin, nearest: result.targets.edges[0]?.node };
  };

  it('takes a village by name, with a typo, and says which place it used', async () => {
    const { origin, nearest } = await match({ place: 'Zabeltiz' });
    expect(origin).toMatchObject({ kind: 'PLACE', municipalityAgs: '14627060', districtAgs: '14627', description: 'Ort Zabeltitz (Großenhain)', place: { id: '14627060-zabeltitz', label: 'Zabeltitz (Großenhain)', kind: 'LOCALITY' } });
    expect(nearest.service.organization.name).toBe('Suchtberatung Großenhain (fiktiv)');
    // from Zabeltitz itself, not from Großenhain's centre
    const fromZabeltitz = haversineMeters(origin.latitude, origin.longitude, 51.2894, 13.5334);
    expect(Math.abs(nearest.distanceMeters - fromZabeltitz)).toBeLessThan(fromZabeltitz * 0.005 + 1);
    expect(fromZabeltitz).toBeGreaterThan(5000);
  });

  it('takes a place by id from the completion, and a municipality at its main settlement', async () => {
    const byId = await match({ place: '14521330' });
    expect(byId.origin).toMatchObject({ kind: 'PLACE', municipalityAgs: '14521330', place: { label: 'Jöhstadt' } });
    expect(byId.nearest.service.organization.name).toBe('Suchtberatung Annaberg (fiktiv)');
    const municipality = await match({ municipalityAgs: '14521330' });
    expect(municipality.origin).toMatchObject({ kind: 'MUNICIPALITY', description: 'Gemeinde Jöhstadt (Hauptort)', latitude: byId.origin.latitude, longitude: byId.origin.longitude });
  });

  it("takes any Saxon postcode: Lommatzsch's 01623, which spans three municipalities, and Riesa's 01589", async () => {
    const lommatzsch = await match({ postcode: '01623' });
    expect(lommatzsch.origin).toMatchObject({
      kind: 'POSTCODE', postcode: '01623', municipalityAgs: '14627130', place: { id: '14627130', label: 'Lommatzsch' },
      description: 'PLZ 01623: Lommatzsch; die PLZ reicht auch nach Käbschütztal, Nossen',
    });
    expect(lommatzsch.origin.postcodeMunicipalities[0]).toBe('14627130');
    expect([...lommatzsch.origin.postcodeMunicipalities].sort()).toEqual(['14627080', '14627130', '14627180']);
    expect(lommatzsch.nearest.service.organization.name).toBe('Suchtberatung Lommatzsch (fiktiv)');
    const riesa = await match({ postcode: '01589' });
    expect(riesa.origin).toMatchObject({ kind: 'POSTCODE', municipalityAgs: '14627230', description: 'PLZ 01589: Riesa', postcodeMunicipalities: ['14627230'] });
    expect(riesa.nearest.service.organization.name).toBe('Suchtberatung Riesa (fiktiv)');
  });

  it('refuses an unknown place and two origins at once, naming the field', async () => {
    const unknown = await t.gql(MATCH, { origin: { place: 'Xqzvwbrück' } });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'request.origin.place' });
    const two = await t.gql(MATCH, { origin: { place: 'Riesa', postcode: '01589' } });
    expect(two.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'request.origin' });
    const empty = await t.gql(MATCH, { origin: { place: '' } });
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'request.origin.place' });
  });
});
