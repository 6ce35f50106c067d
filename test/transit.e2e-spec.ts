import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CatalogueService } from '@lotse/catalogue';
import { Role } from '@lotse/common';
import { GtfsImportService, GtfsValidationError, TRANSIT_ESTIMATOR_NAME, TRAVEL_TIME_ESTIMATOR, TravelTimeEstimator } from '@lotse/travel';
import { FeedSpec, GtfsRepository, gtfsFiles, gtfsText, gtfsTime, haversineMeters, parseFeed, travelTimeContract, zipFeed } from '@lotse/travel/testing';
import { TRAVEL_COMMANDS } from '../apps/cli/src/travel-commands';
import { organizationAt, serviceFixture } from './support/fixtures';
import { destination } from './support/geodesy';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/*
 * A synthetic, fictitious timetable at real places: a line from Meißen's market 10 km east, every
 * half hour on weekdays, 22 minutes. Partners sit at its far stop, beyond every stop, and a walk away.
 */
const ORIGIN = { latitude: 51.1636, longitude: 13.4775 };
const FAR_STOP = destination(ORIGIN.latitude, ORIGIN.longitude, 90, 10_000);
const BEYOND = destination(ORIGIN.latitude, ORIGIN.longitude, 200, 12_000);
const hm = (h: number, m: number) => h * 3600 + m * 60;

function lineFeed(name: string, departures: number[], minutes = 22): FeedSpec {
  return {
    agency: [{ id: 'TV', name: `${name} (fiktiv)`, url: 'https://verkehr.example' }],
    stops: [
      { id: 'M', name: 'Meißen Markt (fiktiv)', lat: ORIGIN.latitude, lon: ORIGIN.longitude },
      { id: 'E', name: 'Ostende (fiktiv)', lat: FAR_STOP.latitude, lon: FAR_STOP.longitude },
    ],
    routes: [{ id: 'L1', shortName: '401' }],
    trips: departures.map((d, i) => ({ id: `L1-${i}`, route: 'L1', service: 'WK', times: [['M', gtfsTime(d)], ['E', gtfsTime(d + minutes * 60)]] })),
    calendar: [{ service: 'WK', days: '1111100', start: '20260105', end: '20260329' }],
    feedInfo: { publisher: `${name} GmbH (fiktiv)`, version: '2026-01', lang: 'de' },
  };
}
const HALF_HOURLY = [hm(6, 40), hm(7, 10), hm(7, 40), hm(8, 10), hm(8, 40), hm(9, 10)];

describe.each(databaseTargets())('GTFS timetable on the $name database', (target) => {
  let t: TestApp;
  let importer: GtfsImportService;
  let repository: GtfsRepository;
  let dir: string;

  const MATCH = `query($request: MatchRequestInput!) {
    matchReferralTargets(request: $request) {
      estimator { name estimated feed { name licence validFrom validTo attribution } }
      departure { weekday from to }
      targets(first: 20) { edges { node {
        travelMinutes travelMode travelTimeEstimated travelBasis travelConnections
        service { name }
        reasons { factor explanation }
      } } }
    }
  }`;
  const match = async (travel: Record<string, unknown>) => {
    const res = await t.gql(MATCH, { request: { needs: ['addiction'], origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', ...travel } } });
    expect(res.errors).toBeUndefined();
    return res.data.matchReferralTargets;
  };
  const nodeOf = (result: any, name: string) => result.targets.edges.map((e: any) => e.node).find((n: any) => n.service.name === name);
  const travelReason = (node: any) => node.reasons.find((r: any) => r.factor === 'TRAVEL_TIME').explanation;

  beforeAll(async () => {
    t = await startTestApp(target, { SEARCH_OUTBOX_POLL_MS: '0' });
    importer = t.app.get(GtfsImportService);
    repository = new GtfsRepository(t.app.get(DataSource));
    dir = mkdtempSync(join(tmpdir(), 'lotse-gtfs-'));
    await t.app.get(CatalogueService).importOrganizations([
      organizationAt('Transit Ostende (fiktiv)', FAR_STOP.latitude, FAR_STOP.longitude, [serviceFixture({ name: 'at-stop' })]),
      organizationAt('Transit Abseits (fiktiv)', BEYOND.latitude, BEYOND.longitude, [serviceFixture({ name: 'beyond-stops' })]),
    ]);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('estimates while no feed is imported', async () => {
    expect((await t.gql(`{ transitFeed { name } }`)).data.transitFeed).toBeNull();
    const result = await match({ maxMinutes: 120 });
    expect(result.estimator.estimated).toBe(true);
    expect(result.estimator.feed).toBeNull();
    expect(nodeOf(result, 'at-stop').travelBasis).toBe('ESTIMATE');
  });

  it('rejects a bad feed with its report and writes nothing', async () => {
    const files = gtfsText(lineFeed('Kaputt', HALF_HOURLY));
    files.set('stop_times.txt', files.get('stop_times.txt')!.replace('L1-1,07:10:00,07:10:00,M,1', 'L1-1,07:10:00,07:10:00,Q,1'));
    const before = await repository.rowCounts();
    const error = await importer.importFiles(new Map([...files].map(([k, v]) => [k, Buffer.from(v)])), 'kaputt').catch((e) => e);
    expect(error).toBeInstanceOf(GtfsValidationError);
    expect((error as GtfsValidationError).issues).toEqual([{ file: 'stop_times.txt', line: 4, field: 'stop_id', message: 'unknown stop_id "Q"' }]);
    expect(await repository.rowCounts()).toEqual(before);
  });

  it('imports a feed through the command line, with a progress bar, and keeps its attribution', async () => {
    const zip = join(dir, 'testverbund.zip');
    writeFileSync(zip, zipFeed(gtfsFiles(lineFeed('Testverbund', HALF_HOURLY)), 'gtfs/'));
    const out: string[] = [];
    const err: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      await TRAVEL_COMMANDS['import-gtfs'](t.app, [zip, '--name', 'Testverbund', '--licence', 'CC BY 4.0']);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(out.join('')).toMatch(/Imported GTFS feed "Testverbund" \(Testverbund GmbH \(fiktiv\)\), valid 2026-01-05 to 2026-03-29, licence CC BY 4\.0/);
    expect(out.join('')).toMatch(/2 stops, 1 routes, 6 trips, 12 stop times/);
    expect(err.join('')).toMatch(/schreiben\s+\[#+\] 100%/);
    const counts = await repository.rowCounts();
    expect(counts).toMatchObject({ gtfs_feed: 1, gtfs_stop: 2, gtfs_route: 1, gtfs_trip: 6, gtfs_stop_time: 12, gtfs_calendar: 1, gtfs_agency: 1 });
    const feed = (await t.gql(`{ transitFeed { name publisherName licence validFrom validTo attribution } }`)).data.transitFeed;
    expect(feed).toEqual({
      name: 'Testverbund',
      publisherName: 'Testverbund GmbH (fiktiv)',
      licence: 'CC BY 4.0',
      validFrom: '2026-01-05',
      validTo: '2026-03-29',
      attribution: 'Fahrplan: Testverbund (Testverbund GmbH (fiktiv)), gültig 05.01.2026–29.03.2026, Lizenz CC BY 4.0',
    });
  });

  it('rejects a bad feed on the command line with file, line and field, and keeps the loaded one', async () => {
    const folder = join(dir, 'kaputt');
    const files = gtfsText(lineFeed('Kaputt', HALF_HOURLY));
    files.set('calendar.txt', files.get('calendar.txt')!.replace('20260329', '20261332'));
    mkdirSync(folder);
    for (const [name, text] of files) writeFileSync(join(folder, name), text);
    const err: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    let failure: unknown;
    try {
      await TRAVEL_COMMANDS['import-gtfs'](t.app, [folder]);
    } catch (e) {
      failure = e;
    } finally {
      stderr.mockRestore();
    }
    expect(String(failure)).toMatch(/GTFS feed rejected \(1 problems\)/);
    expect(err.join('')).toMatch(/was not imported: 1 problem\. Nothing was changed\.\n {2}calendar\.txt:2 \[end_date\]: end_date "20261332" is not a date YYYYMMDD/);
    expect((await t.gql(`{ transitFeed { name } }`)).data.transitFeed.name).toBe('Testverbund');
    expect((await repository.rowCounts()).gtfs_trip).toBe(6);
  });

  it('reads back from the database exactly what it parsed: every file, index and time', async () => {
    const rich: FeedSpec = {
      ...lineFeed('Reich', HALF_HOURLY),
      stops: [
        { id: 'HBF', name: 'Bahnhof (fiktiv)', lat: 51.16, lon: 13.47, locationType: 1 },
        { id: 'M', name: 'Meißen Markt, "Steig 1" (fiktiv)', lat: ORIGIN.latitude, lon: ORIGIN.longitude, parent: 'HBF' },
        { id: 'E', name: 'Ostende (fiktiv)', lat: FAR_STOP.latitude, lon: FAR_STOP.longitude },
      ],
      trips: [
        { id: 'L1-0', route: 'L1', service: 'WK', times: [['M', '07:00:00'], ['E', '07:22:00']] },
        { id: 'N', route: 'L1', service: 'SP', times: [['M', '24:50:00'], ['E', '25:10:00']] },
        { id: 'F', route: 'L1', service: 'WK', times: [['E', '00:00:00'], ['M', '00:12:00']] },
      ],
      calendarDates: [{ service: 'SP', date: '20260113', exception: 1 }, { service: 'WK', date: '20260106', exception: 2 }],
      frequencies: [{ trip: 'F', start: '06:00:00', end: '09:00:00', headway: 900, exact: 1 }],
      transfers: [{ from: 'M', to: 'M', type: 2, minTime: 120 }, { from: 'E', to: 'M', type: 3 }],
    };
    const files = gtfsFiles(rich);
    const report = await importer.importFiles(files, 'reich', { name: 'Reich', licence: 'CC0', licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/' });
    const loaded = await repository.loadFeed();
    expect(loaded!.stored.id).toBe(report.feed.id);
    expect(loaded!.feed).toEqual(parseFeed(files, { name: 'Reich', licence: 'CC0', licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/' }).feed);
    // and back to the line feed for the tests below
    await importer.importFiles(gtfsFiles(lineFeed('Testverbund', HALF_HOURLY)), 'testverbund', { name: 'Testverbund', licence: 'CC BY 4.0' });
  });

  it('answers matching from the timetable: the typical journey of the window, its connections, the feed', async () => {
    const result = await match({ maxMinutes: 120 });
    expect(result.estimator).toMatchObject({ name: TRANSIT_ESTIMATOR_NAME, estimated: false, feed: { name: 'Testverbund', licence: 'CC BY 4.0' } });
    expect(result.departure).toEqual({ weekday: 2, from: '07:00', to: '09:00' });
    const atStop = nodeOf(result, 'at-stop');
    // 07:10, 07:40, 08:10, 08:40 leave in the window: four connections of 22 minutes (the partner sits at the stop)
    expect(atStop).toMatchObject({ travelMinutes: 22, travelMode: 'PUBLIC_TRANSPORT', travelTimeEstimated: false, travelBasis: 'TIMETABLE', travelConnections: 4 });
    expect(travelReason(atStop)).toBe('ca. 22 Min. mit Bus/Bahn (Fahrplan Testverbund, Stand 05.01.2026), 4 Verbindungen dienstags zwischen 7 und 9 Uhr, 10,0 km Luftlinie');
    // no stop of the feed within walking reach of this one: the estimate answers, and says why
    const beyond = nodeOf(result, 'beyond-stops');
    expect(beyond).toMatchObject({ travelBasis: 'ESTIMATE', travelTimeEstimated: true, travelConnections: null });
    expect(travelReason(beyond)).toMatch(/^ca\. \d+ Min\. mit Bus\/Bahn \(geschätzt: im Fahrplan Testverbund kein Halt in Gehweite des Ziels\), 12,0 km Luftlinie$/);
  });

  it('takes the departure window of the request: a narrower one has fewer connections, a Saturday none', async () => {
    const narrow = nodeOf(await match({ maxMinutes: 120, departure: { from: '07:30', to: '08:15' } }), 'at-stop');
    expect(narrow.travelConnections).toBe(2);
    expect(travelReason(narrow)).toMatch(/2 Verbindungen dienstags zwischen 7:30 und 8:15 Uhr/);
    const saturday = await match({ maxMinutes: 240, departure: { weekday: 6 } });
    const none = nodeOf(saturday, 'at-stop');
    expect(none).toMatchObject({ travelMode: 'WALK', travelConnections: 0, travelBasis: 'TIMETABLE' });
    expect(travelReason(none)).toMatch(/^keine Verbindung mit Bus\/Bahn samstags zwischen 7 und 9 Uhr \(Fahrplan Testverbund, Stand 05\.01\.2026\); zu Fuß ca\. \d+ Min\./);
    // within an hour it is not reachable at all on a Saturday: walking 10 km takes longer
    expect(nodeOf(await match({ maxMinutes: 60, departure: { weekday: 6 } }), 'at-stop')).toBeUndefined();
  });

  it('replaces the feed atomically: readers see the old one or the new one whole, never a mix', async () => {
    const before = await repository.rowCounts();
    // a larger feed, so the write takes a while: 2,000 trips
    const departures = Array.from({ length: 2000 }, (_, i) => hm(5, 0) + i * 30);
    const next = lineFeed('Nachfolger', departures, 18);
    const seen: string[] = [];
    let reading = true;
    const reader = (async () => {
      if (!target.serverUrl) return; // one session: the embedded database serialises reader and writer anyway
      const url = new URL(process.env.DATABASE_URL!);
      const [{ current_database }] = await t.app.get(DataSource).query('SELECT current_database()');
      url.pathname = `/${current_database}`;
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        while (reading) {
          const { rows } = await client.query(`SELECT (SELECT string_agg(name, ',') FROM gtfs_feed) AS feeds, (SELECT count(*)::int FROM gtfs_trip) AS trips`);
          seen.push(`${rows[0].feeds}:${rows[0].trips}`);
          await new Promise((r) => setTimeout(r, 5));
        }
      } finally {
        await client.end();
      }
    })();
    await importer.importFiles(gtfsFiles(next), 'nachfolger', { name: 'Nachfolger' });
    reading = false;
    await reader;
    const after = await repository.rowCounts();
    expect(before.gtfs_trip).toBe(6);
    expect(after).toMatchObject({ gtfs_feed: 1, gtfs_trip: 2000, gtfs_stop_time: 4000, gtfs_stop: 2 });
    expect(new Set(seen).size).toBeLessThanOrEqual(2);
    for (const s of seen) expect(['Testverbund:6', 'Nachfolger:2000']).toContain(s);
    // the router reloads at once: 18-minute trips every 30 s, Stand unchanged
    const atStop = nodeOf(await match({ maxMinutes: 120 }), 'at-stop');
    expect(atStop.travelMinutes).toBe(18);
    expect(travelReason(atStop)).toMatch(/^ca\. 18 Min\. mit Bus\/Bahn \(Fahrplan Nachfolger, Stand 05\.01\.2026\), \d+ Verbindungen/);
  });

  it('measures coverage with the timetable where it has stops, and credits the feed on the map and in GeoJSON', async () => {
    // the feed is now "Nachfolger": 18 minutes from Meißen's market to the far stop, every 30 seconds
    const coordinator = await t.loginAs(Role.COORDINATOR);
    const res = await t.gql(
      `query($input: NetworkCoverageInput!) { networkCoverage(input: $input) {
        method { estimatorName estimated feed { name attribution } departure { weekday from to } }
        municipalities { ags name needs { points { point { name kind latitude longitude } covered nearest { organizationName travelMinutes travelBasis travelConnections } } } }
      } }`,
      { input: { needs: ['addiction'], thresholdMinutes: 30, districtAgs: '14627' } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    const c = res.data.networkCoverage;
    expect(c.method).toMatchObject({ estimatorName: TRANSIT_ESTIMATOR_NAME, estimated: false, feed: { name: 'Nachfolger' }, departure: { weekday: 2, from: '07:00', to: '09:00' } });
    const meissen = c.municipalities.find((m: any) => m.name.startsWith('Meißen')).needs[0].points.find((p: any) => p.point.kind === 'place');
    // the walk to the stop (1 s per metre), 18 minutes on board, at most a minute for leaving on the minute
    const walk = haversineMeters(meissen.point.latitude, meissen.point.longitude, ORIGIN.latitude, ORIGIN.longitude) / 60;
    expect(meissen.nearest).toMatchObject({ organizationName: 'Transit Ostende (fiktiv)', travelBasis: 'TIMETABLE' });
    expect(meissen.nearest.travelMinutes).toBeGreaterThanOrEqual(18 + walk - 0.02);
    expect(meissen.nearest.travelMinutes).toBeLessThanOrEqual(18 + walk + 1);
    expect(meissen.covered).toBe(true);
    // far from the line the estimate answers
    expect(c.municipalities.flatMap((m: any) => m.needs[0].points).some((p: any) => p.nearest?.travelBasis === 'ESTIMATE')).toBe(true);
    const svg = await t.http().get('/coverage/map.svg?need=addiction&threshold=30&district=14627').set({ authorization: `Bearer ${coordinator}` }).buffer(true);
    const text = svg.text ?? Buffer.from(svg.body as Buffer).toString('utf8');
    expect(text).toContain('Fahrplan: Nachfolger');
    expect(text).toContain('Fahrplan Nachfolger, Stand 05.01.2026, dienstags zwischen 7 und 9 Uhr');
    const geojson = JSON.parse((await t.http().get('/coverage/coverage.geojson?needs=addiction&district=14627').set({ authorization: `Bearer ${coordinator}` })).text);
    expect(geojson.lotse.transitFeed).toMatch(/^Fahrplan: Nachfolger/);
    expect(geojson.lotse.attribution).toContain('Fahrplan: Nachfolger');
  });

  describe('the routing port contract, on the timetable read back from the database', () => {
    let estimator: TravelTimeEstimator;
    beforeAll(async () => {
      await importer.importFiles(gtfsFiles(lineFeed('Testverbund', HALF_HOURLY)), 'testverbund', { name: 'Testverbund', licence: 'CC BY 4.0' });
      estimator = t.app.get<symbol, TravelTimeEstimator>(TRAVEL_TIME_ESTIMATOR, { strict: false });
    });
    travelTimeContract({
      estimator: () => estimator,
      scenario: {
        origin: ORIGIN,
        rural: true,
        targets: [FAR_STOP, BEYOND],
        window: { weekday: 2, fromMinutes: 7 * 60 + 30, toMinutes: 8 * 60 + 15 },
        widerWindow: { weekday: 2, fromMinutes: 7 * 60, toMinutes: 9 * 60 },
        deadWindow: { weekday: 2, fromMinutes: 2 * 60, toMinutes: 3 * 60 },
        symmetric: [],
        timetable: true,
      },
    });
  });
});
