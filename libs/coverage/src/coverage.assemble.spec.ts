import { Place, PlaceKind } from '@lotse/geo';
import { TravelMode } from '@lotse/travel';
import { districtRollUp, figures, gapList, municipalityCoverage, PointResult } from './coverage.assemble';
import { CoverageUnit, NearestPartner } from './coverage.types';
import { coverageFeatureCollection } from './geojson/coverage-geojson';
import { apportion, MeasuringPoint, measuringPoints } from './measuring-points';

const unit = (ags: string, population: number | null): CoverageUnit => ({
  ags, name: `G ${ags}`, districtAgs: ags.slice(0, 5), districtName: `K ${ags.slice(0, 5)}`, rural: true, latitude: 51, longitude: 13, population,
});
const place = (ags: string, name: string, population: number | null, kind = PlaceKind.LOCALITY): Place => ({
  id: kind === PlaceKind.MUNICIPALITY ? ags : `${ags}-${name.toLowerCase()}`, name, kind, municipalityAgs: ags, municipalityName: `G ${ags}`, districtAgs: ags.slice(0, 5),
  latitude: 51.1, longitude: 13.1, population, postcodes: [],
});
const partner = (minutes: number): NearestPartner => ({
  serviceId: 's', serviceName: 'Angebot', organizationId: 'o', organizationName: 'Träger', fictitious: true, locationId: 'l', town: 'Ort',
  latitude: 51.1, longitude: 13.1, distanceMeters: minutes * 100, travelMinutes: minutes, travelMode: TravelMode.PUBLIC_TRANSPORT, travelBasis: { kind: 'estimate' },
});
const result = (minutes: number | null, within = minutes !== null && minutes <= 30 ? 1 : 0): PointResult => ({
  nearest: minutes === null ? null : partner(minutes),
  organizationsWithin: new Set(Array.from({ length: within }, (_, i) => `o${i}`)),
  servicesWithin: new Set(Array.from({ length: within }, (_, i) => `s${i}`)),
});

describe('measuring points', () => {
  it('gives each place with a GeoNames figure its people and the rest to the point on surface', () => {
    const points = measuringPoints(unit('14627060', 18_000), [place('14627060', 'Großenhain', 15_000, PlaceKind.MUNICIPALITY), place('14627060', 'Zabeltitz', null), place('14627060', 'Folbern', 1_000)]);
    expect(points.map((p) => [p.kind, p.name, p.people])).toEqual([
      ['place', 'Großenhain', 15_000],
      ['place', 'Folbern', 1_000],
      ['remainder', 'G 14627060 (übrige Einwohner)', 2_000],
    ]);
    expect(points[2]).toMatchObject({ latitude: 51, longitude: 13 });
  });

  it('splits the people in proportion where GeoNames counts more than the population table, in whole people', () => {
    const points = measuringPoints(unit('14627010', 1_000), [place('14627010', 'A', 700, PlaceKind.MUNICIPALITY), place('14627010', 'B', 500)]);
    expect(points.map((p) => p.people)).toEqual([583, 417]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('weighs by GeoNames without a population table, and falls back to the point on surface', () => {
    expect(measuringPoints(unit('14627010', null), [place('14627010', 'A', 700), place('14627010', 'B', null)]).map((p) => [p.name, p.people, p.weight])).toEqual([['A', null, 700]]);
    expect(measuringPoints(unit('14627010', 300), [])).toEqual([expect.objectContaining({ kind: 'remainder', people: 300, weight: 300 })]);
  });
});

describe('coverage assembly', () => {
  // 14627010: a town of 800 with a partner, 200 in outlying villages beyond the threshold
  const units = [unit('14627010', 1000), unit('14627020', 5000), unit('14628010', 300), unit('14628020', 200)];
  const points = new Map<string, MeasuringPoint[]>(units.map((u) => [u.ags, measuringPoints(u, u.ags === '14627010' ? [place(u.ags, 'Stadt', 800, PlaceKind.MUNICIPALITY)] : [])]));
  const town = '14627010:14627010';
  const rest = (ags: string) => `${ags}:rest`;
  const results = new Map([
    ['addiction', new Map([[town, result(10)], [rest('14627010'), result(50)], [rest('14627020'), result(50)], [rest('14628010'), result(null)], [rest('14628020'), result(70)]])],
    ['exercise', new Map([[town, result(40)], [rest('14627010'), result(40)], [rest('14627020'), result(5, 2)], [rest('14628010'), result(12)], [rest('14628020'), result(20)]])],
  ]);
  const municipalities = municipalityCoverage(units, points, ['addiction', 'exercise'], results, 30);

  it('covers people point by point; a municipality is covered when most of its people are', () => {
    expect(municipalities[0].needs[0]).toMatchObject({ covered: true, coveredShare: 0.8, populationCovered: 800, populationUncovered: 200, partnersWithinThreshold: 1 });
    expect(municipalities[0].needs[0].nearest!.travelMinutes).toBe(10); // the main point's
    expect(municipalities[1].needs[0]).toMatchObject({ covered: false, populationCovered: 0, populationUncovered: 5000 });
    expect(municipalities[2].needs[0].nearest).toBeNull();
    expect(municipalities.map((m) => m.coveredNeeds)).toEqual([1, 1, 1, 1]);
    expect(municipalities[0].needs[0].points.map((p) => p.covered)).toEqual([true, false]);
  });

  it('rolls up per district; population sums equal the district totals', () => {
    const districts = districtRollUp(municipalities, ['addiction', 'exercise']);
    expect(districts.map((d) => [d.ags, d.population])).toEqual([['14627', 6000], ['14628', 500]]);
    for (const d of districts) for (const f of d.needs) expect(f.populationCovered! + f.populationUncovered!).toBe(d.population);
    expect(districts[1].needs[0]).toMatchObject({ coveredMunicipalities: 0, municipalitiesWithoutPartner: 1, maxNearestMinutes: 70, medianNearestMinutes: 70 });
    expect(districts[0].needs[0].coveredPopulationShare).toBeCloseTo(800 / 6000);
  });

  it('reports no total when a municipality lacks population, rather than a wrong one', () => {
    const partial = [unit('14627010', 1000), unit('14627020', null)];
    const partialPoints = new Map(partial.map((u) => [u.ags, measuringPoints(u, [])]));
    const m = municipalityCoverage(partial, partialPoints, ['addiction'], new Map([['addiction', new Map()]]), 30);
    expect(figures('addiction', m)).toMatchObject({ population: null, populationCovered: null, coveredPopulationShare: null });
    expect(districtRollUp(m, ['addiction'])[0]).toMatchObject({ population: null, municipalitiesWithoutPopulation: 1 });
  });

  it('lists every pair with people not covered, most first — a covered town with uncovered villages too', () => {
    expect(gapList(municipalities, ['addiction', 'exercise']).map((g) => `${g.municipalityAgs}/${g.need}/${g.populationUncovered}/${g.covered}`)).toEqual([
      '14627020/addiction/5000/false', '14627010/exercise/1000/false', '14628010/addiction/300/false', '14628020/addiction/200/false', '14627010/addiction/200/true',
    ]);
  });

  it('writes flat GeoJSON properties per need for GIS tools', () => {
    const collection = coverageFeatureCollection(municipalities, new Map([['14627010', '{"type":"MultiPolygon","coordinates":[]}']]), { populationReferenceDate: '2022-05-15' });
    const p = collection.features[0].properties;
    expect(p).toMatchObject({ ags: '14627010', population: 1000, measuring_points: 2, addiction_covered: true, addiction_covered_share: 0.8, addiction_minutes: 10, addiction_travel_basis: 'estimate', exercise_covered: false, exercise_population_uncovered: 1000 });
    expect(Object.values(p).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))).toBe(true);
    expect(collection.features[0].geometry.type).toBe('MultiPolygon');
  });
});
