import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { DataSource } from 'typeorm';
import { CatalogueService, OrganizationImport, OrganizationStatus, ServiceCategory } from '@lotse/catalogue';
import { Role } from '@lotse/common';
import { CoverageService, SAXONY_MERGERS_SINCE_2016 } from '@lotse/coverage';
import { GeoService } from '@lotse/geo';
import { organizationAt, serviceFixture } from './support/fixtures';
import { haversineMeters } from './support/haversine';
import { itWithSharedFile, readSharedCsv, sharedFile } from './support/shared-data';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;
const KREISFREIE_STAEDTE = new Set(['14511', '14612', '14713']);
const THRESHOLD = 30;

/*
 * The oracle: the documented public-transport estimate (README, matching) written again here, its
 * reach radius by bisection, and haversine distances — nothing from PostGIS or the estimator class.
 */
function oracleMinutes(meters: number, rural: boolean): number {
  const km = meters / 1000;
  const walk = ((km * 1.25) / 4.5) * 60;
  const road = km * 1.35;
  const transfers = road <= 8 ? 0 : Math.ceil((road - 8) / 12);
  const transit = rural ? 14 + 20 + (road / 30) * 60 + transfers * 10 : 8 + 5 + (road / 18) * 60 + transfers * 5;
  return Math.min(walk, transit);
}
function oracleReach(minutes: number, rural: boolean): number {
  let low = 0;
  let high = 500_000;
  while (high - low > 0.01) {
    const mid = (low + high) / 2;
    if (oracleMinutes(mid, rural) <= minutes) low = mid;
    else high = mid;
  }
  return low;
}

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
      needs { need { code } covered partnersWithinThreshold servicesWithinThreshold populationCovered populationUncovered
        nearest { serviceName organizationName locationId town latitude longitude distanceMeters travelMinutes fictitious } } }
    districts { ags name rural municipalityCount population municipalitiesWithoutPopulation
      needs { need { code } municipalities coveredMunicipalities uncoveredMunicipalities municipalitiesWithoutPartner population populationCovered populationUncovered coveredPopulationShare maxNearestMinutes } }
    summary { need { code } municipalities coveredMunicipalities municipalitiesWithoutPartner population populationCovered populationUncovered }
    gapList(first: 1500) { need { code } municipalityAgs districtAgs population populationUncovered nearest { travelMinutes } }
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

  /** Every municipality × need compared with the oracle; returns the differences. */
  function oracleMismatches(result: any, threshold: number): string[] {
    const mismatches: string[] = [];
    for (const m of result.municipalities) {
      const { latitude, longitude } = m.representativePoint;
      for (const n of m.needs) {
        const candidates = listings.filter((l) => l.need === n.need.code).map((l) => ({ ...l, d: haversineMeters(latitude, longitude, l.lat, l.lon) }));
        if (candidates.length === 0) {
          if (n.nearest !== null || n.covered) mismatches.push(`${m.ags} ${n.need.code}: expected no partner`);
          continue;
        }
        const best = Math.min(...candidates.map((c) => c.d));
        const got = n.nearest;
        const gotD = haversineMeters(latitude, longitude, got.latitude, got.longitude);
        // haversine (sphere) and PostGIS (spheroid) differ by < 0.5 %: accept near-ties either way
        if (gotD > best * 1.005 + 1 || Math.abs(got.distanceMeters - best) > best * 0.005 + 1) mismatches.push(`${m.ags} ${n.need.code}: nearest ${got.distanceMeters} m, oracle ${best} m`);
        if (Math.abs(got.travelMinutes - oracleMinutes(got.distanceMeters, m.rural)) > 1e-6) mismatches.push(`${m.ags} ${n.need.code}: minutes ${got.travelMinutes}`);
        const reach = oracleReach(threshold, m.rural);
        const orgsWithin = (factor: number) => new Set(candidates.filter((c) => c.d <= reach * factor).map((c) => c.organization)).size;
        if (n.partnersWithinThreshold < orgsWithin(0.995) || n.partnersWithinThreshold > orgsWithin(1.005)) {
          mismatches.push(`${m.ags} ${n.need.code}: ${n.partnersWithinThreshold} partners within, oracle ${orgsWithin(1)}`);
        }
        if (n.covered !== n.partnersWithinThreshold > 0) mismatches.push(`${m.ags} ${n.need.code}: covered ${n.covered}`);
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
      const org = organizationAt(name, lat, lon, needs.map((n, i) => serviceFixture({ name: `${name} Angebot ${i + 1}`, needs: n, category: n.includes('psychotherapy') ? ServiceCategory.PHYSICIAN : ServiceCategory.ADDICTION_COUNSELLING })), status);
      org.verifiedAt = verifiedDaysAgo === null ? undefined : new Date(now - verifiedDaysAgo * DAY);
      orgs.push(org);
      if (status === OrganizationStatus.ACTIVE) for (const n of new Set(needs.flat())) listings.push({ need: n, organization: name, lat, lon });
    };
    TOWNS.slice(0, 11).forEach((town, i) => add(`Suchtberatung ${town.key} (fiktiv)`, town.lat, town.lon, [['addiction']], i % 2 ? 10 : 400));
    TOWNS.filter((_, i) => i % 3 === 0).forEach((town) => add(`Psychotherapie ${town.key} (fiktiv)`, town.lat + 0.01, town.lon - 0.01, [['psychotherapy'], ['psychotherapy', 'mental_health']], null));
    add('Suchtberatung Coswig (fiktiv)', 51.1281, 13.5797, [['addiction']], null);
    const inside = points.get(insideAgs)!;
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
      expect(result.method).toMatchObject({ estimatorName: 'heuristic-v1', estimated: true });
      expect(result.method.reachMetersRural).toBeCloseTo(oracleReach(THRESHOLD, true), -1);
      expect(result.method.reachMetersUrban).toBeCloseTo(oracleReach(THRESHOLD, false), -1);
      for (const m of result.municipalities) {
        expect(m.needs.map((n: any) => n.need.code)).toEqual(['addiction', 'psychotherapy', 'exercise']);
        expect(m.rural).toBe(!KREISFREIE_STAEDTE.has(m.districtAgs));
      }
    });

    it('finds the nearest partner and the partners within reach as an independent computation does', async () => {
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

    it('counts a municipality with a partner inside as covered', () => {
      const m = result.municipalities.find((x: any) => x.ags === insideAgs);
      const addiction = m.needs[0];
      expect(addiction.covered).toBe(true);
      expect(addiction.nearest.organizationName).toBe('Beratung im Ort (fiktiv)');
      expect(addiction.nearest.distanceMeters).toBeLessThan(1);
      expect(addiction.partnersWithinThreshold).toBeGreaterThanOrEqual(1);
    });

    it('ignores inactive organisations and inactive services, as the directory does', async () => {
      for (const ags of ['14612000', '14713000']) {
        const m = result.municipalities.find((x: any) => x.ags === ags);
        expect(m.needs[0].nearest.distanceMeters).toBeGreaterThan(100);
        expect(m.needs[0].nearest.organizationName).not.toMatch(/Inaktiver|ruhendem/);
        // the directory's own nearest search from the same point agrees (same visibility rule)
        const res = await t.gql(`query($lat: Float!, $lon: Float!) { servicesNear(first: 1, near: { latitude: $lat, longitude: $lon, radiusMeters: 100000 }, filter: { needs: ["addiction"] }) { edges { node { location { id } distanceMeters } } } }`,
          { lat: m.representativePoint.latitude, lon: m.representativePoint.longitude });
        expect(res.errors).toBeUndefined();
        expect(res.data.servicesNear.edges[0].node.location.id).toBe(m.needs[0].nearest.locationId);
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
      expect(collection.lotse).toMatchObject({ needs: ['addiction', 'psychotherapy'], mode: 'public_transport', thresholdMinutes: 30, estimator: 'heuristic-v1' });
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
    ])('answers %s with 400 naming %s', async (url, field) => {
      const res = await t.http().get(url).set(auth());
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });
});
