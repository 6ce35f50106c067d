import { DataSource } from 'typeorm';
import { CatalogueService } from '@lotse/catalogue';
import { GeoService } from '@lotse/geo';
import { organizationAt } from './support/fixtures';
import { itWithSharedFile, readSharedCsv } from './support/shared-data';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/** Points well inside each seed district, from public town-centre coordinates. */
const SEED_POINTS = [
  { place: 'Meißen, Markt', lat: 51.1636, lon: 13.4775, district: '14627' },
  { place: 'Riesa, Rathausplatz', lat: 51.3077, lon: 13.2938, district: '14627' },
  { place: 'Großenhain, Hauptmarkt', lat: 51.2894, lon: 13.5334, district: '14627' },
  { place: 'Radebeul, Ost', lat: 51.1066, lon: 13.6634, district: '14627' },
  { place: 'Grimma, Markt', lat: 51.2386, lon: 12.7253, district: '14729' },
  { place: 'Borna, Markt', lat: 51.1244, lon: 12.4964, district: '14729' },
  { place: 'Markkleeberg, Rathaus', lat: 51.2775, lon: 12.3686, district: '14729' },
  { place: 'Annaberg-Buchholz, Markt', lat: 50.5797, lon: 13.0025, district: '14521' },
  { place: 'Aue, Altmarkt', lat: 50.5878, lon: 12.7011, district: '14521' },
  { place: 'Dresden, Altmarkt', lat: 51.0504, lon: 13.7373, district: '14612' },
  { place: 'Dresden, Gorbitz', lat: 51.0423, lon: 13.6478, district: '14612' },
  { place: 'Bautzen, Hauptmarkt', lat: 51.1814, lon: 14.4239, district: '14625' },
  { place: 'Hoyerswerda, Lausitzer Platz', lat: 51.4366, lon: 14.2404, district: '14625' },
];

const OUTSIDE = [
  { place: 'Berlin, Alexanderplatz', lat: 52.5219, lon: 13.4132 },
  { place: 'Halle (Saale), Marktplatz (Saxony-Anhalt)', lat: 51.4828, lon: 11.9697 },
  { place: 'Prague', lat: 50.0875, lon: 14.4213 },
];

describe.each(databaseTargets())('district and municipality derivation on the $name database', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target);
  });
  afterAll(() => t?.close());

  it('derives the district of a location from its point in every seed district', async () => {
    const catalogue = t.app.get(CatalogueService);
    await catalogue.importOrganizations(SEED_POINTS.map((p) => organizationAt(`Derivation ${p.place}`, p.lat, p.lon)));
    const res = await t.gql(`{ locations(first: 100) { edges { node { town districtAgs municipalityAgs district { ags } municipality { ags districtAgs name } organization { name } } } } }`);
    expect(res.errors).toBeUndefined();
    const byName = new Map(res.data.locations.edges.map((e: any) => [e.node.organization.name, e.node]));
    for (const p of SEED_POINTS) {
      const node: any = byName.get(`Derivation ${p.place}`);
      expect({ place: p.place, district: node.districtAgs }).toEqual({ place: p.place, district: p.district });
      expect(node.municipalityAgs.slice(0, 5)).toBe(p.district);
      expect(node.municipality.districtAgs).toBe(p.district);
      expect(node.district.ags).toBe(p.district);
    }
  });

  it('gives a point outside Saxony no district and no municipality, and says so', async () => {
    for (const p of OUTSIDE) {
      const res = await t.gql(`query($lat: Float!, $lon: Float!) { areaAt(latitude: $lat, longitude: $lon) { district { ags } municipality { ags } insideCoverageArea } }`, { lat: p.lat, lon: p.lon });
      expect(res.errors).toBeUndefined();
      expect({ place: p.place, ...res.data.areaAt }).toEqual({ place: p.place, district: null, municipality: null, insideCoverageArea: false });
    }
    const catalogue = t.app.get(CatalogueService);
    await catalogue.importOrganizations([organizationAt('Outside Berlin', OUTSIDE[0].lat, OUTSIDE[0].lon)]);
    const [row] = await t.app.get(DataSource).query(
      `SELECT l.district_ags, l.municipality_ags FROM location l JOIN organization o ON o.id = l.organization_id WHERE o.name = 'Outside Berlin'`,
    );
    expect(row).toEqual({ district_ags: null, municipality_ags: null });
  });

  it('re-derives the areas when a point moves', async () => {
    const db = t.app.get(DataSource);
    await db.query(
      `UPDATE location SET point = ST_SetSRID(ST_MakePoint(13.7373, 51.0504), 4326)::geography
       WHERE organization_id = (SELECT id FROM organization WHERE name = 'Outside Berlin')`,
    );
    const [row] = await db.query(`SELECT l.district_ags FROM location l JOIN organization o ON o.id = l.organization_id WHERE o.name = 'Outside Berlin'`);
    expect(row.district_ags).toBe('14612');
  });

  itWithSharedFile('population/sn_gemeinden_destatis_gv_2020.csv')(
    'puts each official municipality centre (Destatis) into its own district and municipality',
    async () => {
      const centres = readSharedCsv('population/sn_gemeinden_destatis_gv_2020.csv')!;
      const crosswalk = readSharedCsv('admin/sn_gemeinden_2016_to_current_crosswalk.csv') ?? [];
      const current = new Map(crosswalk.map((c) => [c.ags_2016, c.ags_current]));
      const geo = t.app.get(GeoService);
      expect(centres.length).toBeGreaterThan(400);
      const wrong: string[] = [];
      for (const c of centres) {
        const area = await geo.areaAt(Number(c.lat), Number(c.lon));
        // boundaries are of 2016, Destatis of 2020: a merged municipality may appear under either key
        const sameMunicipality = area.municipalityAgs === c.ags || current.get(area.municipalityAgs ?? '') === c.ags;
        if (area.districtAgs !== c.ags.slice(0, 5) || !sameMunicipality) wrong.push(`${c.ags} ${c.name}: ${area.districtAgs}/${area.municipalityAgs}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});
