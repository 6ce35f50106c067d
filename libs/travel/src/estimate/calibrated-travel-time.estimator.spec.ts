import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TravelMode } from '../travel-time.port';
import { busMinutes, CalibratedTravelTimeEstimator, CALIBRATED_PARAMETERS, estimatePublicTransport, walkMinutes } from './calibrated-travel-time.estimator';
import { bundledStations, haversineMeters, Station, stationIndex } from './stations';

const station = (eva: string, latitude: number, longitude: number, category: number): Station => ({ eva, name: eva, latitude, longitude, category });
const point = (latitude: number, longitude: number) => ({ latitude, longitude });

describe('calibrated estimate (calibrated-v2)', () => {
  it('follows the documented bus formula', () => {
    // 13 km in a Landkreis: 17.55 road km, no change before 25 km: 10 + 3 + 17.55 / 32 × 60
    expect(busMinutes(true, 13_000)).toBeCloseTo(10 + 3 + (17.55 / 32) * 60, 9);
    // 30 km rural: 40.5 road km → one change
    expect(busMinutes(true, 30_000)).toBeCloseTo(10 + 3 + (40.5 / 32) * 60 + 10, 9);
    // 10 km in a city: 13.5 road km → one change after 8
    expect(busMinutes(false, 10_000)).toBeCloseTo(6 + 3 + (13.5 / 18) * 60 + 5, 9);
    expect(walkMinutes(4500)).toBeCloseTo(75, 9);
  });

  it('takes the train where both ends lie near stations, waiting by the station category', async () => {
    const a = station('A', 51.0, 13.0, 6);
    const b = station('B', 51.0, 13.3, 3);
    const stations = stationIndex([a, b], 'Test', 'test');
    const origin = point(51.0, 13.0 - 0.005); // ≈ 350 m west of A
    const target = point(51.0, 13.3 + 0.005);
    const straight = haversineMeters(origin.latitude, origin.longitude, target.latitude, target.longitude);
    const toA = haversineMeters(origin.latitude, origin.longitude, a.latitude, a.longitude);
    const fromB = haversineMeters(b.latitude, b.longitude, target.latitude, target.longitude);
    const track = (haversineMeters(a.latitude, a.longitude, b.latitude, b.longitude) / 1000) * 1.15;
    const expected = walkMinutes(toA) + CALIBRATED_PARAMETERS.rail.waitMinByCategory[6] + (track / 50) * 60 + walkMinutes(fromB);
    const [leg] = await new CalibratedTravelTimeEstimator(stations).travelTimes({ origin, mode: TravelMode.PUBLIC_TRANSPORT, rural: true }, [{ distanceMeters: straight, destination: target }]);
    expect(leg.minutes).toBeCloseTo(expected, 9);
    expect(leg.minutes).toBeLessThan(busMinutes(true, straight));
    expect(leg).toMatchObject({ mode: TravelMode.PUBLIC_TRANSPORT, basis: { kind: 'estimate' } });
    // a target 3 km from any station rides the bus
    const away = point(51.03, 13.3);
    const d = haversineMeters(origin.latitude, origin.longitude, away.latitude, away.longitude);
    expect(estimatePublicTransport(stations, true, origin, away, d).minutes).toBeCloseTo(busMinutes(true, d), 9);
  });

  it('meets the issue: Meißen → Radebeul at most 45 minutes, a 13 km rural bus trip between two towns at most 60', () => {
    const stations = bundledStations();
    const meissen = point(51.1636, 13.474);
    const radebeul = point(51.106, 13.66);
    const d = haversineMeters(meissen.latitude, meissen.longitude, radebeul.latitude, radebeul.longitude);
    expect(estimatePublicTransport(stations, true, meissen, radebeul, d).minutes).toBeLessThanOrEqual(45);
    // Königswartha has no station: the bus answers
    const koenigswartha = point(51.3097, 14.3283);
    expect(stations.near(koenigswartha.latitude, koenigswartha.longitude, 1200)).toEqual([]);
    expect(busMinutes(true, 13_000)).toBeLessThanOrEqual(60);
  });

  it('is never slower than walking, and its reach bounds every trip within the time (random trips in Saxony)', async () => {
    const estimator = new CalibratedTravelTimeEstimator();
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const origin = point(50.3 + random() * 1.3, 12.0 + random() * 2.9);
      const destination = point(origin.latitude + (random() - 0.5) * 0.6, origin.longitude + (random() - 0.5) * 0.9);
      const meters = haversineMeters(origin.latitude, origin.longitude, destination.latitude, destination.longitude);
      for (const rural of [true, false]) {
        for (const mode of Object.values(TravelMode)) {
          const [leg] = await estimator.travelTimes({ origin, mode, rural }, [{ distanceMeters: meters, destination }]);
          if (mode === TravelMode.PUBLIC_TRANSPORT) expect(leg.minutes).toBeLessThanOrEqual(walkMinutes(meters) + 1e-9);
          for (const minutes of [20, 45, 90]) {
            if (leg.minutes <= minutes) expect(meters).toBeLessThanOrEqual(await estimator.reachMeters({ mode, rural }, minutes));
          }
        }
      }
    }
  });

  it('bundles every Deutsche Bahn station of Saxony (checked against the shared station list)', () => {
    const csv = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'saxony', 'transport', 'sn_db_stations.csv');
    if (!existsSync(csv)) return console.warn('skipping: ../shared/data/saxony/transport/sn_db_stations.csv not present');
    const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
    const cols = header.split(',');
    const bundled = new Map(bundledStations().stations.map((s) => [s.eva, s]));
    for (const row of rows) {
      const f = row.split(',');
      const eva = f[cols.indexOf('eva_id')];
      const s = bundled.get(eva);
      expect(s).toBeDefined();
      expect(s!.category).toBe(Number(f[cols.indexOf('category')]));
      expect(Math.abs(s!.latitude - Number(f[cols.indexOf('lat')]))).toBeLessThan(1e-5);
    }
    expect(rows.length).toBeGreaterThan(390);
  });
});
