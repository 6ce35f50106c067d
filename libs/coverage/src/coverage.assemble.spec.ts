import { districtRollUp, figures, gapList, municipalityCoverage, TimedNearestRow } from './coverage.assemble';
import { CoverageUnit } from './coverage.types';
import { coverageFeatureCollection } from './geojson/coverage-geojson';

const unit = (ags: string, population: number | null): CoverageUnit => ({
  ags, name: `G ${ags}`, districtAgs: ags.slice(0, 5), districtName: `K ${ags.slice(0, 5)}`, rural: true, latitude: 51, longitude: 13, population,
});
const row = (ags: string, minutes: number | null, within: number): TimedNearestRow => ({
  ags, serviceId: minutes === null ? null : `s-${ags}`, serviceName: 'Angebot', organizationId: 'o', organizationName: 'Träger', fictitious: true,
  locationId: 'l', town: 'Ort', latitude: 51.1, longitude: 13.1, distanceMeters: minutes === null ? null : minutes * 100, travelMinutes: minutes,
  partnersWithin: within, servicesWithin: within,
});

describe('coverage assembly', () => {
  const units = [unit('14627010', 1000), unit('14627020', 5000), unit('14628010', 300), unit('14628020', 200)];
  const rows = new Map([
    ['addiction', [row('14627010', 10, 1), row('14627020', 50, 0), row('14628010', null, 0), row('14628020', 70, 0)]],
    ['exercise', [row('14627010', 40, 0), row('14627020', 5, 2), row('14628010', 12, 1), row('14628020', 20, 1)]],
  ]);
  const municipalities = municipalityCoverage(units, ['addiction', 'exercise'], rows);

  it('counts a municipality with a listing within reach as covered, with all its people', () => {
    expect(municipalities[0].needs[0]).toMatchObject({ covered: true, populationCovered: 1000, populationUncovered: 0 });
    expect(municipalities[1].needs[0]).toMatchObject({ covered: false, populationCovered: 0, populationUncovered: 5000 });
    expect(municipalities[2].needs[0].nearest).toBeNull();
    expect(municipalities.map((m) => m.coveredNeeds)).toEqual([1, 1, 1, 1]);
  });

  it('rolls up per district; population sums equal the district totals', () => {
    const districts = districtRollUp(municipalities, ['addiction', 'exercise']);
    expect(districts.map((d) => [d.ags, d.population])).toEqual([['14627', 6000], ['14628', 500]]);
    for (const d of districts) for (const f of d.needs) expect(f.populationCovered! + f.populationUncovered!).toBe(d.population);
    expect(districts[1].needs[0]).toMatchObject({ coveredMunicipalities: 0, municipalitiesWithoutPartner: 1, maxNearestMinutes: 70, medianNearestMinutes: 70 });
    expect(districts[0].needs[0].coveredPopulationShare).toBeCloseTo(1000 / 6000);
  });

  it('reports no total when a municipality lacks population, rather than a wrong one', () => {
    const partial = municipalityCoverage([unit('14627010', 1000), unit('14627020', null)], ['addiction'], rows);
    expect(figures('addiction', partial)).toMatchObject({ population: null, populationCovered: null, coveredPopulationShare: null });
    expect(districtRollUp(partial, ['addiction'])[0]).toMatchObject({ population: null, municipalitiesWithoutPopulation: 1 });
  });

  it('lists gaps by uncovered people, then by travel time (no partner first)', () => {
    expect(gapList(municipalities, ['addiction', 'exercise']).map((g) => `${g.municipalityAgs}/${g.need}`)).toEqual([
      '14627020/addiction', '14627010/exercise', '14628010/addiction', '14628020/addiction',
    ]);
    const withoutPopulation = municipalityCoverage(units.map((u) => ({ ...u, population: null })), ['addiction'], rows);
    expect(gapList(withoutPopulation, ['addiction']).map((g) => g.municipalityAgs)).toEqual(['14628010', '14628020', '14627020']);
  });

  it('writes flat GeoJSON properties per need for GIS tools', () => {
    const collection = coverageFeatureCollection(municipalities, new Map([['14627010', '{"type":"MultiPolygon","coordinates":[]}']]), { populationReferenceDate: '2022-05-15' });
    const p = collection.features[0].properties;
    expect(p).toMatchObject({ ags: '14627010', population: 1000, population_reference_date: '2022-05-15', addiction_covered: true, addiction_minutes: 10, addiction_distance_m: 1000, exercise_covered: false, exercise_population_uncovered: 1000 });
    expect(Object.values(p).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))).toBe(true);
    expect(collection.features[0].geometry.type).toBe('MultiPolygon');
  });
});
