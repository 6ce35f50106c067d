import { CalibratedTravelTimeEstimator } from './estimate/calibrated-travel-time.estimator';
import { stationIndex } from './estimate/stations';
import { feedAttribution } from './gtfs/attribution';
import { parseFeed } from './gtfs/parse-feed';
import { east, FeedSpec, gtfsFiles, gtfsTime } from './testing/gtfs-builder';
import { travelTimeContract } from './testing/travel-time.contract';
import { Timetable } from './transit/timetable';
import { TransitRouter } from './transit/transit-router';
import { TransitTravelTimeEstimator } from './transit/transit-travel-time.estimator';
import { DepartureWindow } from './travel-time.port';

const LAT = 51.0;
const LON = 13.0;
const at = (km: number) => ({ latitude: LAT, longitude: east(LAT, LON, km * 1000).lon });
const TUESDAY: DepartureWindow = { weekday: 2, fromMinutes: 7 * 60 + 30, toMinutes: 8 * 60 + 30 };
const WIDER: DepartureWindow = { weekday: 2, fromMinutes: 6 * 60, toMinutes: 10 * 60 };
const NIGHT: DepartureWindow = { weekday: 2, fromMinutes: 2 * 60, toMinutes: 3 * 60 };

/** A line A–B–C–D, 4 km between stops, both ways every 20 minutes from 06:00 to 11:00, the same minutes both ways. */
function symmetricLine(): FeedSpec {
  const stops = ['A', 'B', 'C', 'D'].map((id, i) => ({ id, name: `Halt ${id} (fiktiv)`, lat: LAT, lon: at(i * 4).longitude }));
  const trips: FeedSpec['trips'] = [];
  for (let d = 6 * 3600; d < 11 * 3600; d += 1200) {
    for (const [dir, order] of [['east', ['A', 'B', 'C', 'D']], ['west', ['D', 'C', 'B', 'A']]] as const) {
      trips.push({ id: `${dir}-${d}`, route: 'L', service: 'WK', times: order.map((s, i) => [s, gtfsTime(d + i * 7 * 60)] as [string, string]) });
    }
  }
  return { stops, routes: [{ id: 'L' }], trips, calendar: [{ service: 'WK', days: '1111100', start: '20260105', end: '20260329' }] };
}

describe('routing port contract: calibrated estimate', () => {
  travelTimeContract({
    // no station anywhere near: the bus and walking answer, the same both ways
    estimator: () => new CalibratedTravelTimeEstimator(stationIndex([], 'keine', 'test')),
    scenario: {
      origin: at(0),
      rural: true,
      targets: [at(0.8), at(4), at(8), at(12), at(30)],
      window: TUESDAY,
      widerWindow: WIDER,
      deadWindow: NIGHT,
      symmetric: [[at(0), at(12)], [at(3), at(0.5)]],
      timetable: false,
    },
  });
});

describe('routing port contract: calibrated estimate with stations', () => {
  travelTimeContract({
    estimator: () =>
      new CalibratedTravelTimeEstimator(
        stationIndex(
          [
            { eva: '1', name: 'West (fiktiv)', latitude: LAT, longitude: at(0.3).longitude, category: 5 },
            { eva: '2', name: 'Ost (fiktiv)', latitude: LAT, longitude: at(20).longitude, category: 5 },
          ],
          'Test',
          'test',
        ),
      ),
    scenario: {
      origin: at(0),
      rural: true,
      targets: [at(20.2), at(10), at(1)],
      window: TUESDAY,
      widerWindow: WIDER,
      deadWindow: NIGHT,
      symmetric: [[at(0.3), at(20)]],
      timetable: false,
    },
  });
});

describe('routing port contract: timetable router', () => {
  travelTimeContract({
    estimator: () => {
      const parsed = parseFeed(gtfsFiles(symmetricLine()), { name: 'Testlinie' }).feed;
      const loaded = {
        feedId: 1,
        router: new TransitRouter(new Timetable(parsed)),
        attribution: feedAttribution({
          id: 1, name: 'Testlinie', publisherName: null, publisherUrl: null, licence: 'CC0', licenceUrl: null, feedVersion: null, lang: null,
          validFrom: '2026-01-05', validTo: '2026-03-29', source: 'test', counts: {} as never, importedAt: new Date(0),
        }),
      };
      return new TransitTravelTimeEstimator({ current: async () => loaded }, new CalibratedTravelTimeEstimator(stationIndex([], 'keine', 'test')));
    },
    scenario: {
      origin: at(0),
      rural: true,
      // at the stops, one beyond every stop (the estimate answers), one a short walk away
      targets: [at(4), at(8), at(12), at(30), at(0.6)],
      window: TUESDAY,
      widerWindow: WIDER,
      deadWindow: NIGHT,
      symmetric: [[at(0), at(12)], [at(4), at(8)]],
      timetable: true,
    },
  });
});
