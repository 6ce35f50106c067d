import { Role } from '@lotse/common';
import { CatalogueService } from '@lotse/catalogue';
import { organizationAt } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const LOCATION_FIELDS = 'id version latitude longitude geocodePrecision approximate districtAgs municipalityAgs street postcode town';

/**
 * Addresses without coordinates (issue 17): the configured geocoder places them (offline here: the
 * point of the postcode or locality, marked approximate), coordinates given by hand win, and the
 * district and municipality follow from the point as for every location.
 */
describe.each(databaseTargets())('locations from addresses on the $name database', (target) => {
  let t: TestApp;
  let partner: string;
  let organizationId: string;

  beforeAll(async () => {
    t = await startTestApp(target, { RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    [organizationId] = await t.app.get(CatalogueService).importOrganizations([organizationAt('Geokodierung (fiktiv)', 51.16, 13.47)]);
    partner = await t.loginAs(Role.PARTNER, [organizationId]);
  });
  afterAll(() => t?.close());

  const create = (input: string) => t.gql(`mutation($o: ID!) { createLocation(organizationId: $o, input: { ${input} }) { ${LOCATION_FIELDS} } }`, { o: organizationId }, partner);
  const update = (id: string, version: number, patch: string) =>
    t.gql(`mutation($id: ID!, $v: Int!) { updateLocation(id: $id, expectedVersion: $v, patch: { ${patch} }) { ${LOCATION_FIELDS} } }`, { id, v: version }, partner);

  it('places an address without coordinates at its postcode, approximate, with district and municipality', async () => {
    const res = await create('street: "Markt 1", postcode: "01662", town: "Meißen"');
    expect(res.errors).toBeUndefined();
    const location = res.data.createLocation;
    expect(location).toMatchObject({ geocodePrecision: 'POSTCODE', approximate: true, districtAgs: '14627', municipalityAgs: '14627140' });
    expect(location.latitude).toBeCloseTo(51.16, 1);
    expect(location.longitude).toBeCloseTo(13.47, 1);
  });

  it('falls back to the locality when the postcode is unknown', async () => {
    const res = await create('street: "Dorfstraße 4", postcode: "01999", town: "Zabeltitz"');
    expect(res.errors).toBeUndefined();
    expect(res.data.createLocation).toMatchObject({ geocodePrecision: 'LOCALITY', approximate: true, districtAgs: '14627' });
  });

  it('keeps coordinates given by hand, exact', async () => {
    const res = await create('street: "Markt 1", postcode: "01662", town: "Meißen", latitude: 51.1636, longitude: 13.4775');
    expect(res.errors).toBeUndefined();
    expect(res.data.createLocation).toMatchObject({ latitude: 51.1636, longitude: 13.4775, geocodePrecision: 'EXACT', approximate: false });
  });

  it('refuses an address it cannot place, naming the field, and half a coordinate pair', async () => {
    const unknown = await create('street: "Nirgendweg 1", postcode: "99999", town: "Qwxzyvbrkhausen"');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postcode' });
    const half = await create('street: "Markt 1", postcode: "01662", town: "Meißen", latitude: 51.1');
    expect(half.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.longitude' });
  });

  it('re-geocodes a new postcode, lets the partner place the pin (exact), and keeps a hand-placed pin when only the street is corrected', async () => {
    const created = (await create('street: "Markt 1", postcode: "01662", town: "Meißen"')).data.createLocation;
    const moved = await update(created.id, created.version, 'postcode: "01587", town: "Riesa"');
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateLocation).toMatchObject({ geocodePrecision: 'POSTCODE', districtAgs: '14627', town: 'Riesa' });
    expect(moved.data.updateLocation.latitude).toBeCloseTo(51.3, 1);

    const pinned = await update(created.id, moved.data.updateLocation.version, 'latitude: 51.3062, longitude: 13.2967');
    expect(pinned.data.updateLocation).toMatchObject({ latitude: 51.3062, longitude: 13.2967, geocodePrecision: 'EXACT', approximate: false });

    const corrected = await update(created.id, pinned.data.updateLocation.version, 'street: "Hauptstraße 2"');
    expect(corrected.data.updateLocation).toMatchObject({ latitude: 51.3062, longitude: 13.2967, geocodePrecision: 'EXACT', street: 'Hauptstraße 2' });
  });
});
