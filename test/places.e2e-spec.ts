import { DataSource } from 'typeorm';
import { GeoService, PlaceKind } from '@lotse/geo';
import { itWithSharedFile, readSharedCsv } from './support/shared-data';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const PLACES = `query($text: String!, $first: Int, $kind: PlaceKind, $districtAgs: String, $postcode: String) {
  places(text: $text, first: $first, kind: $kind, districtAgs: $districtAgs, postcode: $postcode) {
    match typos
    place { id name kind label municipalityAgs municipalityName districtAgs latitude longitude population postcodes }
  }
}`;

const POSTCODE = `query($code: String!) {
  postcode(code: $code) { code place placeId latitude longitude source municipalityAgs
    municipality { ags name } municipalities { ags name district { ags } } }
}`;

describe.each(databaseTargets())('places and postcodes of Saxony on the $name database', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target);
  });
  afterAll(() => t?.close());

  const places = async (text: string, extra: Record<string, unknown> = {}) => {
    const res = await t.gql(PLACES, { text, ...extra });
    expect(res.errors).toBeUndefined();
    return res.data.places as { match: string; typos: number; place: Record<string, any> }[];
  };

  describe('place completion', () => {
    it('completes a village as it is typed, with typos, and names its municipality', async () => {
      for (const typed of ['Zabel', 'Zabeltitz', 'Zabeltiz', 'zabeltitz ']) {
        const [hit] = await places(typed);
        expect({ typed, place: hit.place }).toEqual({
          typed,
          place: expect.objectContaining({ id: '14627060-zabeltitz', name: 'Zabeltitz', kind: 'LOCALITY', label: 'Zabeltitz (Großenhain)', municipalityAgs: '14627060', municipalityName: 'Großenhain', districtAgs: '14627', postcodes: ['01561'] }),
        });
      }
      expect((await places('Zabeltiz'))[0]).toMatchObject({ match: 'TYPO', typos: 1 });
      expect((await places('Zabel'))[0].match).toBe('PREFIX');
    });

    it('finds Jöhstadt and Lommatzsch however they are typed', async () => {
      for (const typed of ['Jöhstadt', 'Joehstadt', 'Johstadt', 'Jöhst']) expect((await places(typed))[0].place.label).toBe('Jöhstadt');
      for (const typed of ['Lommatzsch', 'Lomatzsch', 'Lommazsch', 'Lomm']) expect((await places(typed))[0].place.label).toBe('Lommatzsch');
      const [lommatzsch] = await places('Lommatzsch');
      expect(lommatzsch.place).toMatchObject({ kind: 'MUNICIPALITY', municipalityAgs: '14627130', postcodes: ['01623'] });
      expect(lommatzsch.place.population).toBeGreaterThan(1000);
    });

    it('ranks exact and prefix matches first, larger places first among them', async () => {
      const hits = await places('Gro', { first: 15 });
      expect(hits).toHaveLength(15);
      const populations = hits.map((h) => h.place.population ?? -1);
      expect(populations).toEqual([...populations].sort((a, b) => b - a));
      expect(hits[0].place.name).toBe('Großenhain');
      const riesa = await places('Riesa', { first: 5 });
      expect(riesa[0]).toMatchObject({ match: 'EXACT', place: { id: '14627230', label: 'Riesa' } });
    });

    it('filters by kind, district and postcode', async () => {
      expect(await places('Zabeltitz', { kind: 'MUNICIPALITY' })).toEqual([]);
      expect(await places('Zabeltitz', { districtAgs: '14612' })).toEqual([]);
      expect((await places('Zabeltitz', { postcode: '01561' }))[0].place.id).toBe('14627060-zabeltitz');
      const inMeissen = await places('S', { districtAgs: '14627', first: 50 });
      expect(inMeissen.length).toBeGreaterThan(3);
      expect(inMeissen.every((h) => h.place.districtAgs === '14627')).toBe(true);
    });

    it('answers a place by id and rejects bad arguments naming them', async () => {
      const res = await t.gql(`{ place(id: "14627060-zabeltitz") { name label } }`);
      expect(res.data.place).toEqual({ name: 'Zabeltitz', label: 'Zabeltitz (Großenhain)' });
      expect((await t.gql(`{ place(id: "14627060-atlantis") { name } }`)).errors![0].extensions.code).toBe('NOT_FOUND');
      for (const [variables, field] of [[{ text: 'Riesa', first: 0 }, 'first'], [{ text: '' }, 'text'], [{ text: 'Riesa', postcode: '1662' }, 'postcode']] as const) {
        const bad = await t.gql(PLACES, variables);
        expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    });

    it('lists where people live per municipality: the municipality first, then its localities, larger first', async () => {
      const res = await t.gql(`{ municipality(ags: "14627060") { name places { id kind name population } } }`);
      expect(res.errors).toBeUndefined();
      const list = res.data.municipality.places;
      expect(list[0]).toMatchObject({ id: '14627060', kind: 'MUNICIPALITY', name: 'Großenhain' });
      expect(list.map((p: { name: string }) => p.name)).toContain('Zabeltitz');
      const localities = list.slice(1).map((p: { population: number | null }) => p.population ?? -1);
      expect(localities).toEqual([...localities].sort((a, b) => b - a));

      const byMunicipality = await t.app.get(GeoService).placesByMunicipality({ districtAgs: '14627' });
      expect([...byMunicipality.keys()].every((ags) => ags.startsWith('14627'))).toBe(true);
      expect(byMunicipality.size).toBe(28); // every municipality of Landkreis Meißen (2016) has its place
      for (const list of byMunicipality.values()) expect(list[0].kind).toBe(PlaceKind.MUNICIPALITY);
    });

    it('never logs what was typed', async () => {
      const from = t.logLines.length;
      await places('Qwertzbühl-Xylophonheim');
      expect(t.logLines.slice(from).join('\n')).not.toMatch(/Qwertzb|Xylophon/i);
    });
  });

  describe('postcodes', () => {
    it("answers Lommatzsch's 01623 and Riesa's 01589 without any import", async () => {
      const riesa = await t.gql(POSTCODE, { code: '01589' });
      expect(riesa.errors).toBeUndefined();
      expect(riesa.data.postcode).toMatchObject({ code: '01589', place: 'Riesa', municipalityAgs: '14627230', municipalities: [{ ags: '14627230', name: 'Riesa' }] });
      const lommatzsch = await t.gql(POSTCODE, { code: '01623' });
      expect(lommatzsch.data.postcode).toMatchObject({ code: '01623', place: 'Lommatzsch', placeId: '14627130', municipality: { ags: '14627130', name: 'Lommatzsch' } });
    });

    it('says which point a postcode of several municipalities uses, and lists them all', async () => {
      const res = await t.gql(POSTCODE, { code: '01623' });
      const postcode = res.data.postcode;
      expect(postcode.municipalities[0]).toEqual({ ags: '14627130', name: 'Lommatzsch', district: { ags: '14627' } });
      // GeoNames names Lommatzsch, Ketzerbachtal and Leuben-Schleinitz; in the 2016 boundaries the latter two are parts of Nossen and Käbschütztal
      expect(postcode.municipalities.map((m: { name: string }) => m.name).sort()).toEqual(['Käbschütztal', 'Lommatzsch', 'Nossen']);
      // the point is Lommatzsch's own (GeoNames), not an average falling between the three
      const area = await t.gql(`query($lat: Float!, $lon: Float!) { areaAt(latitude: $lat, longitude: $lon) { municipality { ags } } }`, { lat: postcode.latitude, lon: postcode.longitude });
      expect(area.data.areaAt.municipality.ags).toBe('14627130');
    });

    itWithSharedFile('postcodes/sn_plz_geonames.csv')('knows every postcode of the GeoNames table for Saxony, each at a point in a Saxon municipality it touches', async () => {
      const codes = [...new Set(readSharedCsv('postcodes/sn_plz_geonames.csv')!.map((r) => r.zipcode.padStart(5, '0')))];
      expect(codes.length).toBeGreaterThan(450);
      const geo = t.app.get(GeoService);
      for (const code of codes) {
        const postcode = await geo.postcode(code);
        expect({ code, found: !!postcode }).toEqual({ code, found: true });
        expect(postcode!.municipalities[0]).toBe(postcode!.municipalityAgs);
        const area = await geo.areaAt(postcode!.latitude, postcode!.longitude);
        // a point GeoNames rounded to 4 decimals may sit just across Saxony's border (4 of them): then no municipality
        if (area.municipalityAgs) expect({ code, at: area.municipalityAgs }).toEqual({ code, at: postcode!.municipalityAgs });
      }
    });

    it('imports further postcodes with their municipality from the point', async () => {
      const geo = t.app.get(GeoService);
      await geo.importPostcodeCsv('zipcode,place,latitude,longitude\n99999,Testort (fiktiv),51.1636,13.4775\n', 'test import');
      expect(await geo.postcode('99999')).toMatchObject({ place: 'Testort (fiktiv)', municipalityAgs: '14627140', municipalities: ['14627140'], placeId: null, source: 'test import' });
      await t.app.get(DataSource).query(`DELETE FROM postcode WHERE code = '99999'`);
    });
  });

  describe('loading', () => {
    it('loads the bundled tables once per version and again when the version differs', async () => {
      const db = t.app.get(DataSource);
      const geo = t.app.get(GeoService);
      const [{ n: placeCount }] = await db.query(`SELECT count(*)::int AS n FROM place`);
      expect(placeCount).toBeGreaterThan(600);
      expect((await db.query(`SELECT count(*)::int AS n FROM place WHERE kind = 'municipality'`))[0].n).toBe(426);
      await db.query(`DELETE FROM place WHERE id = '14627060-zabeltitz'`);
      await geo.ensureBoundaries(); // same version: nothing to do
      expect((await db.query(`SELECT count(*)::int AS n FROM place`))[0].n).toBe(placeCount - 1);
      await db.query(`UPDATE geo_reference_data SET version = 'an older release' WHERE name = 'places'`);
      await geo.ensureBoundaries();
      expect((await db.query(`SELECT count(*)::int AS n FROM place`))[0].n).toBe(placeCount);
      expect((await geo.findPlace('Zabeltitz'))?.place.id).toBe('14627060-zabeltitz');
    });
  });
});
