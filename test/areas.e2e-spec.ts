import { DataSource } from 'typeorm';
import { CatalogueService } from '@lotse/catalogue';
import { GeoService } from '@lotse/geo';
import { GeoRepository } from '@lotse/geo/testing';
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

  it('answers from memory exactly as PostGIS ST_Covers does, near boundaries too', async () => {
    const db = t.app.get(DataSource);
    const geo = t.app.get(GeoService);
    // Random points over and around Saxony, plus points on, and a hair beside, boundary vertices
    // and edge midpoints: where a fast point-in-polygon test and PostGIS could disagree.
    const [{ xmin, ymin, xmax, ymax }] = await db.query(
      `SELECT ST_XMin(e) - 0.1 AS xmin, ST_YMin(e) - 0.1 AS ymin, ST_XMax(e) + 0.1 AS xmax, ST_YMax(e) + 0.1 AS ymax FROM (SELECT ST_Extent(boundary) AS e FROM district) x`,
    );
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const points: [number, number][] = Array.from({ length: 1500 }, () => [xmin + random() * (xmax - xmin), ymin + random() * (ymax - ymin)]);
    const edges: { x1: number; y1: number; x2: number; y2: number }[] = await db.query(
      `SELECT ST_X(a) AS x1, ST_Y(a) AS y1, ST_X(b) AS x2, ST_Y(b) AS y2 FROM (
         SELECT ST_PointN(ring, 1) AS a, ST_PointN(ring, 2) AS b FROM (
           SELECT ST_ExteriorRing((ST_Dump(boundary)).geom) AS ring FROM municipality ORDER BY ags LIMIT 150) r) e`,
    );
    for (const { x1, y1, x2, y2 } of edges) {
      points.push([x1, y1], [(x1 + x2) / 2, (y1 + y2) / 2], [(x1 + x2) / 2 + 1e-7, (y1 + y2) / 2], [(x1 + x2) / 2, (y1 + y2) / 2 - 1e-7]);
    }
    const sql = (lon: number, lat: number) =>
      db.query(
        `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g)
         SELECT (SELECT m.ags FROM municipality m, p WHERE ST_Covers(m.boundary, p.g) ORDER BY m.ags LIMIT 1) AS "municipalityAgs",
                (SELECT d.ags FROM district d, p WHERE ST_Covers(d.boundary, p.g) ORDER BY d.ags LIMIT 1) AS "districtAgs"`,
        [lon, lat],
      );
    const expected: { municipalityAgs: string | null; districtAgs: string | null }[] = [];
    for (const [lon, lat] of points) expected.push((await sql(lon, lat))[0]);
    await geo.prepareAreaIndex(); // built at start already; this only makes sure
    // counted at the repository: the query counter also sees the background search indexer
    const fallback = jest.spyOn(t.app.get(GeoRepository), 'areaAt');
    const actual: { municipalityAgs: string | null; districtAgs: string | null }[] = [];
    for (const [lon, lat] of points) actual.push(await geo.areaAt(lat, lon));
    const askedDatabase = fallback.mock.calls.length;
    fallback.mockRestore();

    const differ = points.flatMap(([lon, lat], k) =>
      actual[k].municipalityAgs !== expected[k].municipalityAgs || actual[k].districtAgs !== expected[k].districtAgs
        ? [`${lon},${lat}: ${JSON.stringify(actual[k])} vs ${JSON.stringify(expected[k])}`]
        : [],
    );
    expect(differ).toEqual([]);
    const inside = expected.filter((e) => e.municipalityAgs).length;
    expect(inside).toBeGreaterThan(700);
    // every point inside Saxony off the boundaries was answered without the database
    const onBoundaries = edges.length * 2;
    expect(askedDatabase).toBeLessThanOrEqual(points.length - inside + onBoundaries);
    expect(points.length - askedDatabase).toBeGreaterThanOrEqual(inside - onBoundaries);
  });
});
