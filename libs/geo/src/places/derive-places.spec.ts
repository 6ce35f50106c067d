import { derivePlaces, interiorPoint, parsePostcodePlace, PostcodeRecord, RegistryPlace, SourceMunicipality } from './derive-places';

/** A square municipality [x0, x0 + 0.1] × [y0, y0 + 0.1] (degrees). */
function square(ags: string, name: string, x0: number, y0: number): SourceMunicipality {
  const d = 0.1;
  return { ags, districtAgs: ags.slice(0, 5), name, rings: [new Float64Array([x0, y0, x0 + d, y0, x0 + d, y0 + d, x0, y0 + d])] };
}

const TOWN = square('14627060', 'Großenhain', 13.5, 51.25);
const LOMMATZSCH = square('14627130', 'Lommatzsch', 13.3, 51.15);
const KETZERBACHTAL = square('14627080', 'Ketzerbachtal', 13.3, 51.05);
const SCHWARZENBERG = square('14521550', 'Schwarzenberg/Erzgeb.', 12.75, 50.5);
const EMPTY = square('14521630', 'Thermalbad Wiesenbad', 13.0, 50.6);

const registry: RegistryPlace[] = [
  { sourceId: '1', name: 'Großenhain', latitude: 51.29, longitude: 13.53, population: 16573 },
  { sourceId: '2', name: 'Zabeltitz', latitude: 51.3, longitude: 13.55, population: 3047 },
  { sourceId: '3', name: 'Lommatzsch', latitude: 51.195, longitude: 13.309, population: 5999 },
  { sourceId: '4', name: 'Schwarzenberg', latitude: 50.54, longitude: 12.785, population: 18523 },
  { sourceId: '5', name: 'Pöhla', latitude: 50.51, longitude: 12.82, population: 1281 },
  { sourceId: '6', name: 'Prag', latitude: 50.08, longitude: 14.42, population: 1_300_000 },
];
const row = (code: string, place: string, latitude: number, longitude: number, organisation = false): PostcodeRecord => ({ code, place, latitude, longitude, organisation });

describe('place derivation', () => {
  it('reads the places postcode rows name, relative to the municipality they lie in', () => {
    expect(parsePostcodePlace('Dresden Striesen', 'Dresden')).toEqual({ main: false, name: 'Striesen' });
    expect(parsePostcodePlace('Dresden Gompitz, Zöllmen', 'Dresden')).toEqual({ main: false, name: 'Zöllmen' });
    expect(parsePostcodePlace('Mülsen Mülsen Sankt Jacob', 'Mülsen')).toEqual({ main: false, name: 'Mülsen Sankt Jacob' });
    expect(parsePostcodePlace('Carlsfeld, Erzgebirge', 'Eibenstock')).toEqual({ main: false, name: 'Carlsfeld' });
    expect(parsePostcodePlace('Chemnitz, Sachsen', 'Chemnitz')).toEqual({ main: true });
    expect(parsePostcodePlace('Hartenstein Hartenstein', 'Hartenstein')).toEqual({ main: true });
    expect(parsePostcodePlace('Thalheim / Erzgebirge', 'Thalheim/Erzgeb.')).toEqual({ main: true });
    expect(parsePostcodePlace('Dorfchemnitz bei Sayda', 'Dorfchemnitz')).toEqual({ main: true });
    expect(parsePostcodePlace('Sankt Egidien', 'St. Egidien')).toEqual({ main: true });
    expect(parsePostcodePlace('Zabeltitz', 'Großenhain')).toEqual({ main: false, name: 'Zabeltitz' });
  });

  it('finds a point inside a concave area, where the centroid is outside', () => {
    // a U open to the north: the centroid (0.5, ~0.4) lies in the notch
    const u = [new Float64Array([0, 0, 1, 0, 1, 1, 0.8, 1, 0.8, 0.2, 0.2, 0.2, 0.2, 1, 0, 1])];
    const p = interiorPoint(u);
    const insideArm = p.longitude < 0.2 || p.longitude > 0.8 || p.latitude < 0.2;
    expect(insideArm).toBe(true);
  });

  const derived = derivePlaces(
    [TOWN, LOMMATZSCH, KETZERBACHTAL, SCHWARZENBERG, EMPTY],
    registry,
    [
      row('01558', 'Großenhain', 51.29, 13.53),
      row('01561', 'Zabeltitz', 51.3, 13.55),
      row('01623', 'Ketzerbachtal', 51.1, 13.35),
      row('01623', 'Lommatzsch', 51.19, 13.31),
      row('01623', 'Neudörfchen', 51.17, 13.32),
      row('08340', 'Schwarzenberg', 50.54, 12.78),
      row('08352', 'Schwarzenberg Pöhla', 50.51, 12.82),
      row('01599', 'Agentur für Arbeit (fiktiv)', 51.3, 13.56, true),
    ],
  );
  const place = (name: string) => derived.places.find((p) => p.name === name)!;
  const postcode = (code: string) => derived.postcodes.find((p) => p.code === code)!;

  it('makes every municipality a place, at its same-named GeoNames place or else inside its polygon', () => {
    expect(derived.places.filter((p) => p.kind === 'municipality').map((p) => p.id).sort()).toEqual(['14521550', '14521630', '14627060', '14627080', '14627130']);
    expect(place('Großenhain')).toMatchObject({ id: '14627060', population: 16573, latitude: 51.29, longitude: 13.53, source: 'geonames-cities' });
    expect(place('Schwarzenberg/Erzgeb.')).toMatchObject({ population: 18523, source: 'geonames-cities', postcodes: ['08340', '08352'] });
    expect(place('Ketzerbachtal')).toMatchObject({ source: 'geonames-postcodes', latitude: 51.1, longitude: 13.35, population: null });
    const empty = place('Thermalbad Wiesenbad');
    expect(empty.source).toBe('vg250');
    expect(empty.longitude).toBeGreaterThan(13.0);
    expect(empty.longitude).toBeLessThan(13.1);
  });

  it('makes other GeoNames places and postcode places localities of the municipality they lie in', () => {
    expect(place('Zabeltitz')).toMatchObject({ id: '14627060-zabeltitz', kind: 'locality', municipalityAgs: '14627060', districtAgs: '14627', population: 3047, postcodes: ['01561'] });
    expect(place('Pöhla')).toMatchObject({ kind: 'locality', municipalityAgs: '14521550', postcodes: ['08352'], source: 'geonames-cities' });
    expect(place('Neudörfchen')).toMatchObject({ id: '14627130-neudoerfchen', kind: 'locality', population: null, source: 'geonames-postcodes' });
    expect(derived.places.find((p) => p.name === 'Prag')).toBeUndefined();
    expect(derived.places.filter((p) => p.name === 'Pöhla')).toHaveLength(1);
  });

  it('gives a postcode the point of its most populous place and lists every municipality it touches', () => {
    expect(postcode('01623')).toEqual({
      code: '01623', place: 'Lommatzsch', placeId: '14627130', latitude: 51.19, longitude: 13.31,
      municipalityAgs: '14627130', districtAgs: '14627', municipalities: ['14627130', '14627080'],
    });
    expect(postcode('01561')).toMatchObject({ place: 'Zabeltitz', placeId: '14627060-zabeltitz', municipalities: ['14627060'] });
  });

  it("places an organisation's own postcode in its municipality without making it a place", () => {
    expect(postcode('01599')).toMatchObject({ place: 'Großenhain', placeId: '14627060', municipalities: ['14627060'] });
    expect(derived.places.some((p) => p.name.includes('Agentur'))).toBe(false);
    expect(place('Großenhain').postcodes).not.toContain('01599');
  });
});
