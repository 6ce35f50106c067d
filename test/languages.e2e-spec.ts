import { CatalogueService } from '@lotse/catalogue';
import { Role } from '@lotse/common';
import { organizationAt, serviceFixture } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const BAUTZEN = { latitude: 51.1814, longitude: 14.4239 };

/** Languages by ISO 639-1 or ISO 639-3 (Upper Sorbian in Landkreis Bautzen), stored once, shown in German. */
describe.each(databaseTargets())('languages on the $name database', (target) => {
  let t: TestApp;
  let organizationId: string;
  let locationId: string;
  let partner: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    [organizationId] = await t.app.get(CatalogueService).importOrganizations([
      organizationAt('Sorbische Beratung (fiktiv)', BAUTZEN.latitude, BAUTZEN.longitude, [serviceFixture({ name: 'Beratung auf Deutsch' })]),
    ]);
    const res = await t.gql(`query($o: ID!) { organization(id: $o) { locations { id } } }`, { o: organizationId });
    locationId = res.data.organization.locations[0].id;
    partner = await t.loginAs(Role.PARTNER, [organizationId]);
  });
  afterAll(() => t?.close());

  it('accepts ISO 639-3 codes of real languages, stores ISO 639-1 where one exists, and names them in German', async () => {
    const created = await t.gql(
      `mutation($o: ID!, $l: ID!) { createService(organizationId: $o, input: { name: "Beratung auf Sorbisch", description: "fiktiv", category: SOCIAL_SERVICE,
         needs: ["psychosocial_counselling"], insuranceRequirement: NONE, languages: ["hsb", "deu"], accessibility: [], deliveryModes: [IN_PERSON], costType: FREE,
         locationIds: [$l] }) { id languages languageNames { code nameDe iso6393 } } }`,
      { o: organizationId, l: locationId },
      partner,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createService.languages).toEqual(['hsb', 'de']);
    expect(created.data.createService.languageNames).toEqual([
      { code: 'hsb', nameDe: 'Obersorbisch', iso6393: 'hsb' },
      { code: 'de', nameDe: 'Deutsch', iso6393: 'deu' },
    ]);

    const filtered = await t.gql(`{ services(filter: { language: "hsb" }) { edges { node { name } } } }`);
    expect(filtered.data.services.edges.map((e: any) => e.node.name)).toEqual(['Beratung auf Sorbisch']);

    const match = await t.gql(
      `query($o: MatchRequestInput!) { matchReferralTargets(request: $o) { targets { edges { node { service { name } reasons { factor explanation } } } } } }`,
      { o: { needs: ['psychosocial_counselling'], origin: BAUTZEN, constraints: { languages: ['hsb'] } } },
    );
    expect(match.errors).toBeUndefined();
    const [target] = match.data.matchReferralTargets.targets.edges.map((e: any) => e.node);
    expect(target.service.name).toBe('Beratung auf Sorbisch');
    expect(target.reasons.find((r: any) => r.factor === 'LANGUAGE').explanation).toBe('auf Obersorbisch möglich');
  });

  it('refuses a code that names no language, naming the field, and writes nothing', async () => {
    const res = await t.gql(
      `mutation($o: ID!, $l: ID!) { createService(organizationId: $o, input: { name: "Erfunden", description: "fiktiv", category: SOCIAL_SERVICE,
         needs: ["psychosocial_counselling"], insuranceRequirement: NONE, languages: ["de", "xx"], accessibility: [], deliveryModes: [IN_PERSON], costType: FREE,
         locationIds: [$l] }) { id } }`,
      { o: organizationId, l: locationId },
      partner,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.languages' });
    expect(res.errors?.[0].message).toMatch(/"xx" names no language/);
    const all = await t.gql(`{ services { edges { node { name } } } }`);
    expect(all.data.services.edges.map((e: any) => e.node.name)).not.toContain('Erfunden');
  });

  it('lists languages for a picker by their German names', async () => {
    const res = await t.gql(`{ languages(search: "Obers") { code nameDe } }`);
    expect(res.data.languages[0]).toEqual({ code: 'hsb', nameDe: 'Obersorbisch' });
  });
});
