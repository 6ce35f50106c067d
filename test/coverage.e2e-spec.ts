import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { DataSource } from 'typeorm';
import { CatalogueService, MedicalSpecialty, OrganizationImport, OrganizationStatus, ServiceCategory } from '@lotse/catalogue';
import { Role } from '@lotse/common';
import { CoverageService, SAXONY_MERGERS_SINCE_2016 } from '@lotse/coverage';
import { GeoService } from '@lotse/geo';
import { organizationAt, serviceFixture } from './support/fixtures';
import { itWithSharedFile, readSharedCsv, sharedFile } from './support/shared-data';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';
import { oracleMinutesPublicTransport } from './support/travel-oracle';

const DAY = 86_400_000;
const KREISFREIE_STAEDTE = new Set(['14511', '14612', '14713']);
const THRESHOLD = 30;

/*
 * The oracle: the documented public-transport estimate (test/support/travel-oracle.ts: calibrated-v2
 * written again from the README, with the shared DB station list) and haversine distances, from
 * each measuring point the API reports — nothing from PostGIS or the estimator class.
 */

interface Place {
  key: string;
  lat: number;
  lon: number;
}
/** Real town centres across Saxony. */
const TOWNS: Place[] = [
  { key: 'Leipzig', lat: 51.3397, lon: 12.3731 },
  { key: 'Chemnitz', lat: 50.8323, lon: 12.9253 },
  { key: 'Dresden', lat: 51.0504, lon: 13.7373 },
  { key: 'Görlitz', lat: 51.1526, lon: 14.9872 },
  { key: 'Plauen', lat: 50.4948, lon: 12.1381 },
  { key: 'Zwickau', lat: 50.7185, lon: 12.4964 },
  { key: 'Freiberg', lat: 50.9166, lon: 13.3417 },
  { key: 'Torgau', lat: 51.5605, lon: 13.0053 },
  { key: 'Pirna', lat: 50.9622, lon: 13.9403 },
  { key: 'Bautzen', lat: 51.1814, lon: 14.4239 },
  { key: 'Meißen', lat: 51.1636, lon: 13.4775 },
  { key: 'Annaberg-Buchholz', lat: 50.5797, lon: 13.0025 },
  { key: 'Delitzsch', lat: 51.5253, lon: 12.3424 },
  { key: 'Grimma', lat: 51.2386, lon: 12.7253 },
];

/** A visible listing as the oracle knows it. */
interface Listing {
  need: string;
  organization: string;
  lat: number;
  lon: number;
}

const COVERAGE = `query($input: NetworkCoverageInput!) {
  networkCoverage(input: $input) {
    districtAgs mode thresholdMinutes needs { code }
    method { estimatorName estimated reachMetersRural reachMetersUrban origin }
    population { source referenceDate municipalities total }
    municipalities { ags name districtAgs rural population representativePoint { latitude longitude } coveredNeeds
      measuringPoints { id name kind latitude longitude people weight }
      needs { need { code } covered coveredShare partnersWithinThreshold servicesWithinThreshold populationCovered populationUncovered
        points { point { id } covered nearest { travelMinutes organizationName } }
        nearest { serviceName organizationName locationId town latitude longitude distanceMeters travelMinutes travelMode travelBasis fictitious } } }
    districts { ags name rural municipalityCount population municipalitiesWithoutPopulation
      needs { need { code } municipalities coveredMunicipalities uncoveredMunicipalities municipalitiesWithoutPartner population populationCovered populationUncovered coveredPopulationShare maxNearestMinutes } }
    summary { need { code } municipalities coveredMunicipalities municipalitiesWithoutPartner population populationCovered populationUncovered }
    gapList(first: 1500) { need { code } municipalityAgs districtAgs population populationUncovered covered nearest { travelMinutes } }
  }
}`;

/** RFC 7946 checks, written here independently of the code under test. */
function geoJsonProblems(collection: any, needs: string[]): string[] {
  const problems: string[] = [];
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) return ['not a FeatureCollection'];
  const signedArea = (ring: number[][]) => ring.slice(0, -1).reduce((s, [x1, y1], i) => s + (x1 * ring[i + 1][1] - ring[i + 1][0] * y1), 0) / 2;
  for (const f of collection.features) {
    const id = f.properties?.ags ?? '?';
    if (f.type !== 'Feature') problems.push(`${id}: not a Feature`);
    if (f.geometry?.type !== 'MultiPolygon') problems.push(`${id}: geometry ${f.geometry?.type}`);
    for (const polygon of f.geometry?.coordinates ?? []) {
      polygon.forEach((ring: number[][], r: number) => {
        if (ring.length < 4) problems.push(`${id}: ring with ${ring.length} positions`);
        const [first, last] = [ring[0], ring[ring.length - 1]];
        if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${id}: ring not closed`);
        for (const [lon, lat] of ring) {
          // Saxony: longitude 11.8–15.1 °E, latitude 50.1–51.7 °N — swapped order would fail both
          if (!(lon > 11.8 && lon < 15.1 && lat > 50.1 && lat < 51.7)) {
            problems.push(`${id}: position ${lon},${lat} is not lon,lat in Saxony`);
            break;
          }
        }
        const area = signedArea(ring);
        if (r === 0 && area <= 0) problems.push(`${id}: exterior ring not counter-clockwise`);
        if (r > 0 && area >= 0) problems.push(`${id}: hole not clockwise`);
      });
    }
    for (const key of ['ags', 'name', 'district_ags', 'population', ...needs.flatMap((n) => [`${n}_covered`, `${n}_minutes`, `${n}_partners_within`])]) {
      if (!(key in (f.properties ?? {}))) problems.push(`${id}: property ${key} missing`);
    }
  }
  return problems;
}

describe.each(databaseTargets())('network coverage on the $name database', (target) => {
  let t: TestApp;
  let coordinator: string;
  const listings: Listing[] = [];
  const points = new Map<string, { latitude: number; longitude: number }>();
  let meissen: { ags: string; name: string }[];
  let insideAgs: string;

  const coverage = async (input: Record<string, unknown>, token = coordinator) => t.gql(COVERAGE, { input }, token);

  /**
   * Every municipality × need × measuring point compared with the oracle: the quickest listing from
   * the point, whether it is within the threshold, the organisations within it from the main point,
   * and the people covered. Returns the differences.
   */
  function oracleMismatches(result: any, threshold: number): string[] {
    const mismatches: string[] = [];
    for (const m of result.municipalities) {
      const main = m.measuringPoints.reduce((best: any, p: any) => (p.weight > best.weight ? p : best), m.measuringPoints[0]);
      for (const n of m.needs) {
        // the model jumps where a change is added; sphere and spheroid differ by < 0.5 %: the oracle's bounds
        const at = (p: any, scale = 1) =>
          listings.filter((l) => l.need === n.need.code).map((l) => ({ ...l, minutes: oracleMinutesPublicTransport(p, { latitude: l.lat, longitude: l.lon }, m.rural, scale).minutes }));
        let coveredWeight = 0;
        let coveredPeople = 0;
        for (const p of m.measuringPoints) {
          const got = n.points.find((x: any) => x.point.id === p.id);
          const candidates = at(p);
          if (candidates.length === 0) {
            if (got.nearest !== null || got.covered) mismatches.push(`${p.id} ${n.need.code}: expected no partner`);
            continue;
          }
          const best = Math.min(...candidates.map((c) => c.minutes));
          const low = Math.min(...at(p, 0.995).map((c) => c.minutes));
          const high = Math.min(...at(p, 1.005).map((c) => c.minutes));
          if (got.nearest.travelMinutes < low - 0.05 || got.nearest.travelMinutes > high + 0.05) mismatches.push(`${p.id} ${n.need.code}: ${got.nearest.travelMinutes} min, oracle ${best}`);
          const covered = best <= threshold;
          if (Math.abs(best - threshold) > 0.5 && got.covered !== covered) mismatches.push(`${p.id} ${n.need.code}: covered ${got.covered}`);
          if (got.covered) {
            coveredWeight += p.weight;
            coveredPeople += p.people ?? 0;
          }
          if (p.id === main.id) {
            const orgs = (slack: number) => new Set(candidates.filter((c) => c.minutes <= threshold + slack).map((c) => c.organization)).size;
            if (n.partnersWithinThreshold < orgs(-0.5) || n.partnersWithinThreshold > orgs(0.5)) mismatches.push(`${m.ags} ${n.need.code}: ${n.partnersWithinThreshold} partners within, oracle ${orgs(0)}`);
          }
        }
        const total = m.measuringPoints.reduce((sum: number, p: any) => sum + p.weight, 0);
        if (Math.abs(n.coveredShare - coveredWeight / total) > 1e-9) mismatches.push(`${m.ags} ${n.need.code}: share ${n.coveredShare}`);
        if (n.covered !== n.coveredShare >= 0.5) mismatches.push(`${m.ags} ${n.need.code}: covered ${n.covered} at share ${n.coveredShare}`);
        if (m.population !== null && (n.populationCovered !== coveredPeople || n.populationUncovered !== m.population - coveredPeople)) {
          mismatches.push(`${m.ags} ${n.need.code}: ${n.populationCovered} people covered, oracle ${coveredPeople}`);
        }
      }
    }
    return mismatches;
  }

  beforeAll(async () => {
    t = await startTestApp(target, { VERIFICATION_STALE_DAYS: '90' });
    coordinator = await t.loginAs(Role.COORDINATOR);
    const geo = t.app.get(GeoService);
    meissen = await geo.municipalities({ districtAgs: '14627' }, { limit: 1000 });
    // a small rural municipality that gets a partner exactly at its representative point
    insideAgs = (await geo.municipalities({ districtAgs: '14521' }, { limit: 1 }))[0].ags;
    for (const ags of [insideAgs, '14612000', '14713000']) points.set(ags, (await geo.municipalityPoint(ags))!);

    const now = Date.now();
    const orgs: OrganizationImport[] = [];
    const add = (name: string, lat: number, lon: number, needs: string[][], verifiedDaysAgo: number | null, status = OrganizationStatus.ACTIVE) => {
      const org = organizationAt(name, lat, lon, needs.map((n, i) => serviceFixture({ name: `${name} Angebot ${i + 1}`, needs: n, ...(n.includes('psychotherapy') ? { category: ServiceCategory.PHYSICIAN, specialty: MedicalSpecialty.PSYCHOTHERAPY } : { category: ServiceCategory.ADDICTION_COUNSELLING }) })), status);
      org.verifiedAt = verifiedDaysAgo === null ? undefined : new Date(now - verifiedDaysAgo * DAY);
      orgs.push(org);
      if (status === OrganizationStatus.ACTIVE) for (const n of new Set(needs.flat())) listings.push({ need: n, organization: name, lat, lon });
    };
    TOWNS.slice(0, 11).forEach((town, i) => add(`Suchtberatung ${town.key} (fiktiv)`, town.lat, town.lon, [['addiction']], i % 2 ? 10 : 400));
    TOWNS.filter((_, i) => i % 3 === 0).forEach((town) => add(`Psychotherapie ${town.key} (fiktiv)`, town.lat + 0.01, town.lon - 0.01, [['psychotherapy'], ['psychotherapy', 'mental_health']], null));
    add('Suchtberatung Coswig (fiktiv)', 51.1281, 13.5797, [['addiction']], null);
    // three partners in Großenhain's town centre, 4.5 km from the point on surface of its large polygon
    [[51.2895, 13.5335], [51.2912, 13.5301], [51.2877, 13.5362]].forEach(([lat, lon], i) => add(`Großenhain Partner ${i + 1} (fiktiv)`, lat, lon, [['addiction']], null));
    // at the main measuring point: the most populous place, else the point on surface
    const insidePlaces = ((await geo.placesByMunicipality({ municipalityAgs: [insideAgs] })).get(insideAgs) ?? []).filter((p) => (p.population ?? 0) > 0);
    const mainPlace = insidePlaces.reduce<(typeof insidePlaces)[number] | undefined>((best, p) => (!best || p.population! > best.population! ? p : best), undefined);
    const inside = mainPlace ?? points.get(insideAgs)!;
    add('Beratung im Ort (fiktiv)', inside.latitude, inside.longitude, [['addiction']], 5);
    // invisible: an inactive organisation at Dresden's point, an inactive service at Leipzig's
    const dresden = points.get('14612000')!;
    add('Inaktiver Träger (fiktiv)', dresden.latitude, dresden.longitude, [['addiction']], 5, OrganizationStatus.INACTIVE);
    const leipzig = points.get('14713000')!;
    orgs.push(organizationAt('Träger mit ruhendem Angebot (fiktiv)', leipzig.latitude, leipzig.longitude, [serviceFixture({ name: 'Ruhendes Angebot', needs: ['addiction'] })]));
    await t.app.get(CatalogueService).importOrganizations(orgs);
    await t.app.get(DataSource).query(`UPDATE service SET status = 'inactive' WHERE name = 'Ruhendes Angebot'`);
  });
  afterAll(() => t?.close());

  describe('figures', () => {
    let result: any;
    beforeAll(async () => {
      const res = await coverage({ needs: ['addiction', 'psychotherapy', 'exercise'], mode: 'PUBLIC_TRANSPORT', thresholdMinutes: THRESHOLD });
      expect(res.errors).toBeUndefined();
      result = res.data.networkCoverage;
    });

    it('covers every municipality of Saxony with one entry per need, and says how', () => {
      expect(result.municipalities).toHaveLength(426);
      expect(result.districts.map((d: any) => d.ags)).toHaveLength(13);
      expect(result.method).toMatchObject({ estimatorName: 'calibrated-v2', estimated: true });
      // the reach bounds every covered measuring point's nearest partner
      for (const m of result.municipalities) {
        for (const n of m.needs) if (n.covered && n.nearest) expect(n.nearest.distanceMeters).toBeLessThanOrEqual(m.rural ? result.method.reachMetersRural : result.method.reachMetersUrban);
      }
      for (const m of result.municipalities) {
        expect(m.needs.map((n: any) => n.need.code)).toEqual(['addiction', 'psychotherapy', 'exercise']);
        expect(m.rural).toBe(!KREISFREIE_STAEDTE.has(m.districtAgs));
      }
    });

    it('measures every municipality from its places, weighted by GeoNames population, the rest at its point on surface', async () => {
      const places = await t.app.get(GeoService).placesByMunicipality();
      for (const m of result.municipalities) {
        const counted = (places.get(m.ags) ?? []).filter((p) => (p.population ?? 0) > 0);
        const placePoints = m.measuringPoints.filter((p: any) => p.kind === 'place');
        expect(placePoints.map((p: any) => p.name).sort()).toEqual(counted.map((p) => p.name).sort());
        for (const p of placePoints) expect(p.weight).toBe(counted.find((c) => c.name === p.name)!.population);
        // no population table yet: a remainder point only where no place has a figure
        expect(m.measuringPoints.some((p: any) => p.kind === 'remainder')).toBe(counted.length === 0);
        if (counted.length === 0) expect(m.measuringPoints[0]).toMatchObject({ latitude: m.representativePoint.latitude, longitude: m.representativePoint.longitude });
      }
      expect(result.municipalities.reduce((n: number, m: any) => n + m.measuringPoints.length, 0)).toBeGreaterThan(426);
    });

    it('finds the quickest partner from every measuring point, and the partners within the threshold, as an independent computation does', async () => {
      expect(oracleMismatches(result, THRESHOLD)).toEqual([]);
      const covered = result.municipalities.filter((m: any) => m.needs[0].covered).length;
      expect(covered).toBeGreaterThan(5);
      expect(covered).toBeLessThan(420);
      // a wider threshold: more municipalities within reach, several partners each
      const wide = await coverage({ needs: ['addiction', 'psychotherapy'], mode: 'PUBLIC_TRANSPORT', thresholdMinutes: 75 });
      expect(wide.errors).toBeUndefined();
      expect(oracleMismatches(wide.data.networkCoverage, 75)).toEqual([]);
      expect(wide.data.networkCoverage.municipalities.filter((m: any) => m.needs[0].covered).length).toBeGreaterThan(covered * 3);
      expect(wide.data.networkCoverage.municipalities.some((m: any) => m.needs[0].partnersWithinThreshold >= 2)).toBe(true);
    });

    it('counts a municipality with a partner in its main place as covered', () => {
      const m = result.municipalities.find((x: any) => x.ags === insideAgs);
      const addiction = m.needs[0];
      expect(addiction.covered).toBe(true);
      expect(addiction.nearest.organizationName).toBe('Beratung im Ort (fiktiv)');
      expect(addiction.nearest.distanceMeters).toBeLessThan(1);
      expect(addiction.nearest.travelBasis).toBe('ESTIMATE');
      expect(addiction.partnersWithinThreshold).toBeGreaterThanOrEqual(1);
    });

    it('ignores inactive organisations and inactive services, as the directory does', async () => {
      for (const ags of ['14612000', '14713000']) {
        const m = result.municipalities.find((x: any) => x.ags === ags);
        for (const p of m.needs[0].points) expect(p.nearest.organizationName).not.toMatch(/Inaktiver|ruhendem/);
        // the directory's own search from the same point does not see them either (same visibility rule)
        const point = points.get(ags)!;
        const res = await t.gql(`query($lat: Float!, $lon: Float!) { servicesNear(first: 3, near: { latitude: $lat, longitude: $lon, radiusMeters: 100000 }, filter: { needs: ["addiction"] }) { edges { node { service { organization { name } } } } } }`,
          { lat: point.latitude, lon: point.longitude });
        expect(res.errors).toBeUndefined();
        for (const e of res.data.servicesNear.edges) expect(e.node.service.organization.name).not.toMatch(/Inaktiver|ruhendem/);
      }
    });

    it('counts organisations and services within reach separately', () => {
      const withTwo = result.municipalities.find((m: any) => m.needs[1].servicesWithinThreshold >= 2);
      expect(withTwo).toBeDefined();
      expect(withTwo.needs[1].partnersWithinThreshold).toBeLessThan(withTwo.needs[1].servicesWithinThreshold);
    });

    it('reports a need nobody offers as a gap everywhere, without a nearest partner', () => {
      const exercise = result.summary.find((s: any) => s.need.code === 'exercise');
      expect(exercise).toMatchObject({ municipalities: 426, coveredMunicipalities: 0, municipalitiesWithoutPartner: 426 });
      expect(result.municipalities.every((m: any) => m.needs[2].nearest === null && !m.needs[2].covered)).toBe(true);
    });

    it('rolls municipalities up into districts and lists every uncovered pair as a gap', () => {
      for (const d of result.districts) {
        const members = result.municipalities.filter((m: any) => m.districtAgs === d.ags);
        expect(d.municipalityCount).toBe(members.length);
        d.needs.forEach((f: any, i: number) => {
          expect(f.coveredMunicipalities).toBe(members.filter((m: any) => m.needs[i].covered).length);
          expect(f.coveredMunicipalities + f.uncoveredMunicipalities).toBe(members.length);
        });
      }
      // without population: the uncovered municipalities
      const uncovered = result.municipalities.flatMap((m: any) => m.needs.filter((n: any) => !n.covered).map((n: any) => `${m.ags}/${n.need.code}`));
      expect(result.gapList.map((g: any) => `${g.municipalityAgs}/${g.need.code}`).sort()).toEqual(uncovered.sort());
    });
  });

  describe('population', () => {
    it('imports a small table, maps merged municipalities onto their 2016 parts, and the sums hold', async () => {
      const rows = meissen.map((m, i) => [m.ags, m.name, (1200 + i * 377).toLocaleString('de-DE')]);
      rows.push(['14729140', 'Frohburg, Stadt (mit Kohren-Sahlis)', '15.012'], ['14521035', 'Aue-Bad Schlema', '19.278']);
      const csv = 'ags;name;einwohner\n' + rows.map((r) => r.join(';')).join('\n') + '\n';
      const report = await t.app.get(CoverageService).importPopulationCsv(csv, { source: 'Testtabelle', referenceDate: '2024-12-31' });
      expect(report.unmatched).toEqual([]);
      expect(report.split.map((s) => s.sourceAgs).sort()).toEqual(['14521035', '14729140']);
      const meissenTotal = meissen.reduce((s, _, i) => s + 1200 + i * 377, 0);
      expect(report.total).toBe(meissenTotal + 15012 + 19278);

      const res = await coverage({ needs: ['addiction'], thresholdMinutes: THRESHOLD });
      expect(res.errors).toBeUndefined();
      const c = res.data.networkCoverage;
      expect(c.population).toMatchObject({ source: 'Testtabelle', referenceDate: '2024-12-31', total: report.total });
      const pop = (ags: string) => c.municipalities.find((m: any) => m.ags === ags).population;
      expect(pop('14729140') + pop('14729230')).toBe(15012);
      expect(pop('14521030') + pop('14521050')).toBe(19278);
      expect(pop('14521030')).toBeGreaterThan(0);
      const district = c.districts.find((d: any) => d.ags === '14627');
      expect(district.population).toBe(meissenTotal);
      expect(district.needs[0].populationCovered + district.needs[0].populationUncovered).toBe(meissenTotal);
      // a district with some municipalities unknown reports no total rather than a wrong one
      expect(c.districts.find((d: any) => d.ags === '14729')).toMatchObject({ population: null });
      expect(c.districts.find((d: any) => d.ags === '14729').municipalitiesWithoutPopulation).toBeGreaterThan(0);
    });

    itWithSharedFile('population/sn_gemeinden_zensus2022.csv')('maps the real Zensus 2022 onto the 426 polygons: population sums equal the district totals', async () => {
      const zensus = readSharedCsv('population/sn_gemeinden_zensus2022.csv')!;
      const text = readFileSync(sharedFile('population/sn_gemeinden_zensus2022.csv')!, 'utf8');
      const report = await t.app.get(CoverageService).importPopulationCsv(text, { source: 'Zensus 2022 © Statistisches Bundesamt' });
      expect(report.referenceDate).toBe('2022-05-15');
      expect(report.unmatched).toEqual([]);
      expect(report.unitsWithoutPopulation).toEqual([]);
      expect(report.imported).toBe(426);
      const expected = new Map<string, number>();
      for (const r of zensus) expected.set(r.ags.slice(0, 5), (expected.get(r.ags.slice(0, 5)) ?? 0) + Number(r.population_2022_05_15));
      const total = [...expected.values()].reduce((a, b) => a + b, 0);
      expect(report.total).toBe(total);

      const res = await coverage({ needs: ['addiction', 'psychotherapy'], thresholdMinutes: THRESHOLD });
      expect(res.errors).toBeUndefined();
      const c = res.data.networkCoverage;
      expect(c.population.total).toBe(total);
      for (const d of c.districts) {
        expect({ ags: d.ags, population: d.population }).toEqual({ ags: d.ags, population: expected.get(d.ags) });
        const members = c.municipalities.filter((m: any) => m.districtAgs === d.ags);
        expect(members.reduce((s: number, m: any) => s + m.population, 0)).toBe(d.population);
        for (const f of d.needs) expect(f.populationCovered + f.populationUncovered).toBe(d.population);
      }
      for (const s of c.summary) expect(s.populationCovered + s.populationUncovered).toBe(total);
      // the gap list puts the most people first
      const uncovered = c.gapList.map((g: any) => g.populationUncovered);
      expect(uncovered).toEqual([...uncovered].sort((a: number, b: number) => b - a));
    });

    itWithSharedFile('population/sn_gemeinden_zensus2022.csv')('counts Großenhain, with three partners in town, as covered for its people — not as a gap', async () => {
      const res = await coverage({ needs: ['addiction'], thresholdMinutes: 45, districtAgs: '14627' });
      expect(res.errors).toBeUndefined();
      const c = res.data.networkCoverage;
      const grossenhain = c.municipalities.find((m: any) => m.ags === '14627060');
      expect(grossenhain.name).toMatch(/^Großenhain/);
      const town = grossenhain.measuringPoints.find((p: any) => p.kind === 'place' && p.name === 'Großenhain');
      expect(town.people).toBeGreaterThan(10_000);
      // the town's people and the rest of the municipality (at its point on surface) add up to the census figure
      expect(grossenhain.measuringPoints.reduce((n: number, p: any) => n + p.people, 0)).toBe(grossenhain.population);
      const addiction = grossenhain.needs[0];
      expect(addiction.points.find((p: any) => p.point.id === town.id)).toMatchObject({ covered: true });
      expect(addiction.nearest.distanceMeters).toBeLessThan(1000);
      expect(addiction.partnersWithinThreshold).toBeGreaterThanOrEqual(3);
      expect(addiction).toMatchObject({ covered: true, populationUncovered: 0, populationCovered: grossenhain.population });
      expect(c.gapList.map((g: any) => g.municipalityAgs)).not.toContain('14627060');
      expect(oracleMismatches(c, 45)).toEqual([]);
    });

    itWithSharedFile('admin/sn_gemeinden_2016_to_current_crosswalk.csv')('knows the same mergers as the shared crosswalk', () => {
      const crosswalk = readSharedCsv('admin/sn_gemeinden_2016_to_current_crosswalk.csv')!;
      expect(SAXONY_MERGERS_SINCE_2016.map((m) => `${m.ags2016}>${m.agsCurrent}`).sort()).toEqual(crosswalk.map((c) => `${c.ags_2016}>${c.ags_current}`).sort());
    });
  });

  describe('network size and freshness', () => {
    it('counts services and organisations per district × category, and the share verified within the configured days', async () => {
      const res = await t.gql(
        `query($input: NetworkCoverageInput!) { networkCoverage(input: $input) {
           networkSize { districtAgs category services organizations }
           freshness { freshDays overall { services verifiedWithin share } districts { districtAgs services verifiedWithin share } } } }`,
        { input: { needs: ['addiction'], thresholdMinutes: 30 } },
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      const { networkSize, freshness } = res.data.networkCoverage;
      // Dresden: one visible addiction counselling (the inactive organisation does not count)
      expect(networkSize.find((c: any) => c.districtAgs === '14612' && c.category === 'ADDICTION_COUNSELLING')).toMatchObject({ services: 1, organizations: 1 });
      const psy = networkSize.filter((c: any) => c.category === 'PHYSICIAN');
      expect(psy.reduce((s: number, c: any) => s + c.services, 0)).toBe(2 * TOWNS.filter((_, i) => i % 3 === 0).length);
      expect(psy.every((c: any) => c.organizations * 2 === c.services)).toBe(true);

      // VERIFICATION_STALE_DAYS=90: addiction orgs verified 10 or 5 days ago are fresh, 400 days ago and never are not
      expect(freshness.freshDays).toBe(90);
      const visible = await t.app.get(DataSource).query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE o.verified_at > now() - interval '90 days')::int AS fresh
         FROM service s JOIN organization o ON o.id = s.organization_id WHERE s.status = 'active' AND o.status = 'active'`,
      );
      expect(freshness.overall).toEqual({ services: visible[0].n, verifiedWithin: visible[0].fresh, share: visible[0].fresh / visible[0].n });
      expect(freshness.overall.verifiedWithin).toBe(6);
      const dresden = freshness.districts.find((d: any) => d.districtAgs === '14612');
      expect(dresden).toMatchObject({ services: 1, verifiedWithin: 0, share: 0 });
    });

    it('restricts the figures to one district when asked', async () => {
      const res = await t.gql(
        `query($input: NetworkCoverageInput!) { networkCoverage(input: $input) { districtAgs municipalities { districtAgs } districts { ags } networkSize { districtAgs } freshness { districts { districtAgs } } } }`,
        { input: { needs: ['addiction'], thresholdMinutes: 30, districtAgs: '14627' } },
        coordinator,
      );
      expect(res.errors).toBeUndefined();
      const c = res.data.networkCoverage;
      expect(c.municipalities).toHaveLength(meissen.length);
      expect(new Set(c.municipalities.map((m: any) => m.districtAgs))).toEqual(new Set(['14627']));
      expect(c.districts).toEqual([{ ags: '14627' }]);
      expect(c.networkSize.every((x: any) => x.districtAgs === '14627')).toBe(true);
      expect(c.freshness.districts.every((x: any) => x.districtAgs === '14627')).toBe(true);
    });
  });

  describe('input and access', () => {
    it.each([
      [{ needs: ['addiction', 'no_such_need'], thresholdMinutes: 30 }, 'input.needs'],
      [{ needs: [], thresholdMinutes: 30 }, 'input.needs'],
      [{ needs: ['addiction'], thresholdMinutes: 0 }, 'input.thresholdMinutes'],
      [{ needs: ['addiction'], thresholdMinutes: -5 }, 'input.thresholdMinutes'],
      [{ needs: ['addiction'], thresholdMinutes: 30, districtAgs: '1462' }, 'input.districtAgs'],
      [{ needs: ['addiction'], thresholdMinutes: 30, districtAgs: '14999' }, 'input.districtAgs'],
    ])('rejects %j naming %s', async (input, field) => {
      const res = await coverage(input);
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('is for coordinators: anonymous callers and coaches are turned away', async () => {
      const anonymous = await t.gql(COVERAGE, { input: { needs: ['addiction'], thresholdMinutes: 30 } });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const coach = await coverage({ needs: ['addiction'], thresholdMinutes: 30 }, await t.loginAs(Role.COACH));
      expect(coach.errors![0].extensions.code).toBe('FORBIDDEN');
      const res = await t.http().get('/coverage/map.svg?need=addiction');
      expect(res.status).toBe(401);
    });
  });

  describe('over HTTP', () => {
    const auth = () => ({ authorization: `Bearer ${coordinator}` });
    // superagent hands image/* bodies over as Buffer
    const text = (res: { text?: string; body: unknown }) => res.text ?? Buffer.from(res.body as Buffer).toString('utf8');

    it('serves valid GeoJSON: closed rings, lon/lat order, RFC 7946 winding, the figures as properties', async () => {
      const res = await t.http().get('/coverage/coverage.geojson?needs=addiction,psychotherapy&mode=public_transport&threshold=30').set(auth());
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
      const collection = JSON.parse(res.text);
      expect(collection.features).toHaveLength(426);
      expect(geoJsonProblems(collection, ['addiction', 'psychotherapy'])).toEqual([]);
      expect(collection.lotse).toMatchObject({ needs: ['addiction', 'psychotherapy'], mode: 'public_transport', thresholdMinutes: 30, estimator: 'calibrated-v2', transitFeed: null });
      expect(collection.lotse.attribution).toContain('GeoBasis-DE / BKG 2016');
      const inside = collection.features.find((f: any) => f.properties.ags === insideAgs);
      expect(inside.properties).toMatchObject({ addiction_covered: true, addiction_nearest_organization: 'Beratung im Ort (fiktiv)' });
    });

    it('draws an SVG map: one path per municipality, district borders, partners, legend, attribution', async () => {
      const res = await t.http().get('/coverage/map.svg?need=addiction&mode=public_transport&threshold=30&district=14627').set(auth()).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      const svg = text(res);
      const paths = [...svg.matchAll(/<path class="municipality" id="m-(\d{8})" data-ags="(\d{8})"/g)].map((m) => m[2]);
      expect(paths.sort()).toEqual(meissen.map((m) => m.ags).sort());
      expect(svg).toMatch(/<g id="district-borders"[^>]*>\s*<path class="district" data-ags="14627"/);
      expect(svg).toContain('<g id="legend"');
      for (const label of ['bis 15 Min.', '15–30 Min.', 'versorgt (≤ 30 Min.)', '30–45 Min.', 'über 90 Min.', 'nicht versorgt', 'kein Partner im Netz', 'Standort eines Partners']) expect(svg).toContain(label);
      expect(svg).toContain('© GeoBasis-DE / BKG 2016 (Daten verändert), dl-de/by-2-0');
      expect(svg).toContain('Partner: Lotse (Demo: fiktiv)');
      expect(svg).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="2.8"\/>/);
      expect(() => new Resvg(svg)).not.toThrow(); // well-formed SVG
      const all = await t.http().get('/coverage/map.svg?need=addiction').set(auth()).buffer(true);
      expect([...text(all).matchAll(/<path class="municipality"/g)]).toHaveLength(426);
      // the measuring points on request: one circle each, filled where within the threshold
      expect(svg).not.toContain('measuring-point');
      const withPoints = text(await t.http().get('/coverage/map.svg?need=addiction&threshold=30&district=14627&points=1').set(auth()).buffer(true));
      const json = await coverage({ needs: ['addiction'], thresholdMinutes: 30, districtAgs: '14627' });
      const expected = json.data.networkCoverage.municipalities.flatMap((m: any) => m.needs[0].points.map((p: any) => String(p.covered)));
      expect([...withPoints.matchAll(/<circle class="measuring-point" data-covered="(true|false)"/g)].map((m) => m[1]).sort()).toEqual(expected.sort());
    });

    it('renders the map as PNG', async () => {
      const res = await t.http().get('/coverage/map.png?need=psychotherapy&threshold=45&district=14612&scale=1').set(auth()).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      const png: Buffer = res.body;
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBeGreaterThan(800); // IHDR width
    });

    it.each([
      ['/coverage/map.svg?need=no_such_need', 'need'],
      ['/coverage/map.svg?need=addiction&threshold=0', 'threshold'],
      ['/coverage/map.svg?need=addiction&threshold=soon', 'threshold'],
      ['/coverage/map.svg?need=addiction&district=146', 'district'],
      ['/coverage/map.png?need=addiction&district=14999', 'district'],
      ['/coverage/map.svg?need=addiction&mode=rocket', 'mode'],
      ['/coverage/coverage.geojson?needs=addiction,nope', 'needs'],
      ['/coverage/map.svg?need=addiction&from=9:00', 'from'],
      ['/coverage/map.svg?need=addiction&from=09:00&to=08:00', 'to'],
      ['/coverage/map.svg?need=addiction&weekday=8', 'weekday'],
    ])('answers %s with 400 naming %s', async (url, field) => {
      const res = await t.http().get(url).set(auth());
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });
  // Last: its partners would change the counts the figures above are checked against.
  describe('what answers a need: the kinds of partner a match would offer, narrower needs included', () => {
    const PLAUEN = { lat: 50.4948, lon: 12.1381 };
    let result: any;
    beforeAll(async () => {
      const one = (name: string, lat: number, lon: number, category: ServiceCategory, needs: string[], specialty?: MedicalSpecialty) =>
        organizationAt(name, lat, lon, [serviceFixture({ name, needs, category, ...(specialty ? { specialty } : {}) })]);
      await t.app.get(CatalogueService).importOrganizations([
        // at Plauen's centre: what a match never offers for a specialist assessment or for mental health
        one('Kundencenter Krankenkasse Plauen (fiktiv)', PLAUEN.lat, PLAUEN.lon, ServiceCategory.HEALTH_INSURER, ['specialist_assessment', 'mental_health']),
        one('Beratungsraum Rathaus Plauen (fiktiv)', PLAUEN.lat + 0.001, PLAUEN.lon, ServiceCategory.COMMUNITY_ROOM, ['specialist_assessment', 'mental_health']),
        one('Arbeitserprobung Plauen (fiktiv)', PLAUEN.lat, PLAUEN.lon + 0.001, ServiceCategory.EMPLOYMENT_MEASURE, ['specialist_assessment']),
        one('Stresskurs Plauen (fiktiv)', PLAUEN.lat - 0.001, PLAUEN.lon, ServiceCategory.COURSE, ['mental_health', 'stress_relaxation']),
        // 9 km away: a clinic's assessment, and a crisis service listed only under the narrower need
        one('Klinik Oelsnitz Abklärung (fiktiv)', 50.4146, 12.1694, ServiceCategory.CLINIC, ['specialist_assessment']),
        one('Krisendienst Vogtland (fiktiv)', 50.4146, 12.1694, ServiceCategory.PSYCHOSOCIAL_SERVICE, ['crisis_intervention']),
      ]);
      const res = await coverage({ needs: ['specialist_assessment', 'mental_health'], thresholdMinutes: 60, districtAgs: '14523' });
      expect(res.errors).toBeUndefined();
      result = res.data.networkCoverage;
    });
    const nearestNames = (i: number) => result.municipalities.flatMap((m: any) => [m.needs[i].nearest, ...m.needs[i].points.map((p: any) => p.nearest)]).filter(Boolean).map((n: any) => n.organizationName);

    it('counts only clinics and specialists for a specialist assessment — never the insurer centre, the room or the job measure next door', () => {
      const names = new Set(nearestNames(0));
      expect([...names]).toEqual(['Klinik Oelsnitz Abklärung (fiktiv)']);
      const plauen = result.municipalities.find((m: any) => m.name === 'Plauen');
      expect(plauen.needs[0].nearest.organizationName).toBe('Klinik Oelsnitz Abklärung (fiktiv)');
      expect(plauen.needs[0].nearest.distanceMeters).toBeGreaterThan(5000);
      expect(plauen.needs[0].servicesWithinThreshold).toBeLessThanOrEqual(1);
    });

    it('counts a crisis service for mental health (a parent need counts its narrower needs), but not a course', () => {
      const names = new Set(nearestNames(1));
      expect(names.has('Krisendienst Vogtland (fiktiv)')).toBe(true);
      for (const name of names) expect(name).not.toMatch(/Stresskurs|Krankenkasse|Beratungsraum/);
      const plauen = result.municipalities.find((m: any) => m.name === 'Plauen');
      expect(plauen.needs[1].nearest.organizationName).toBe('Krisendienst Vogtland (fiktiv)');
    });

    it('draws the same partners on the map', async () => {
      const res = await t.http().get('/coverage/map.svg?need=specialist_assessment&threshold=60&district=14523').set({ authorization: `Bearer ${coordinator}` }).buffer(true);
      expect(res.status).toBe(200);
      const svg = res.text ?? Buffer.from(res.body as Buffer).toString('utf8');
      // one location answers (the clinic); the insurer, the room and the job measure are not drawn
      expect([...svg.matchAll(/<circle cx="[\d.]+" cy="[\d.]+" r="2.8"\/>/g)]).toHaveLength(1);
    });
  });
});
