import { FeedSpec, gtfsFiles, gtfsText } from '../testing/gtfs-builder';
import { csvTable } from './csv-table';
import { GtfsValidationError, parseFeed, parseGtfsDate, parseGtfsTime } from './parse-feed';

const encode = (files: Map<string, string>) => new Map([...files].map(([k, v]) => [k, new TextEncoder().encode(v)]));

const SPEC: FeedSpec = {
  stops: [
    { id: 'A', name: 'Markt, Nord (fiktiv)', lat: 51.1, lon: 13.1 },
    { id: 'B', name: 'Bahnhof', lat: 51.2, lon: 13.2 },
    { id: 'C', name: 'Schule', lat: 51.3, lon: 13.3 },
  ],
  routes: [{ id: 'R1', shortName: '101' }],
  trips: [
    { id: 'T1', route: 'R1', service: 'WK', times: [['A', '07:00:00'], ['B', ''], ['C', '07:20:00']] },
    { id: 'T2', route: 'R1', service: 'WK', times: [['A', '24:50:00'], ['C', '25:10:00']] },
  ],
  calendar: [{ service: 'WK', days: '1111100', start: '20260105', end: '20260329' }],
  calendarDates: [{ service: 'WK', date: '20260406', exception: 1 }],
  feedInfo: { publisher: 'Testverbund (fiktiv)', version: '2026-01', lang: 'de' },
};

/** The report's lines as "file:line field" for compact assertions. */
const where = (e: unknown) => (e as GtfsValidationError).issues.map((i) => `${i.file}:${i.line ?? '-'} ${i.field ?? '-'}`);

function rejected(files: Map<string, string>): GtfsValidationError {
  try {
    parseFeed(encode(files));
  } catch (e) {
    if (e instanceof GtfsValidationError) return e;
    throw e;
  }
  throw new Error('the feed was accepted');
}

describe('GTFS times and dates', () => {
  it.each([
    ['07:05:09', 7 * 3600 + 5 * 60 + 9],
    ['7:05:09', 7 * 3600 + 5 * 60 + 9],
    ['25:10:00', 25 * 3600 + 600],
    [' 24:00:00 ', 86_400],
    ['', -1],
    ['7:5:00', -2],
    ['07:60:00', -2],
    ['07:00', -2],
    ['ab:cd:ef', -2],
  ])('reads "%s" as %i', (text, seconds) => expect(parseGtfsTime(text)).toBe(seconds));

  it.each([
    ['20260228', 20260228],
    ['20240229', 20240229],
    ['20260229', -1],
    ['20261301', -1],
    ['2026-01-05', -1],
  ])('reads date "%s" as %i', (text, date) => expect(parseGtfsDate(text)).toBe(date));
});

describe('CSV of GTFS files', () => {
  it('reads quotes, doubled quotes, line breaks in quotes, CRLF and a byte-order mark, and counts physical lines', () => {
    const text = '\ufeffstop_id,stop_name\r\n1,"Markt, Nord"\r\n2,"Er sagte ""Halt"""\r\n3,"zwei\nZeilen"\r\n\r\n4,Ende\r\n';
    const table = csvTable('stops.txt', new TextEncoder().encode(text));
    expect(table.header).toEqual(['stop_id', 'stop_name']);
    const rows: [string[], number][] = [];
    table.forEach((f, line) => rows.push([[...f], line]));
    expect(rows).toEqual([
      [['1', 'Markt, Nord'], 2],
      [['2', 'Er sagte "Halt"'], 3],
      [['3', 'zwei\nZeilen'], 4],
      [['4', 'Ende'], 7],
    ]);
  });
});

describe('parsing a GTFS feed', () => {
  it('reads a valid feed into indices, interpolates untimed stops and keeps times past 24:00', () => {
    const { feed, warnings } = parseFeed(gtfsFiles(SPEC), { name: 'TV', licence: 'CC BY 4.0' });
    expect(feed.info).toEqual({
      name: 'TV',
      publisherName: 'Testverbund (fiktiv)',
      publisherUrl: 'https://verkehr.example',
      licence: 'CC BY 4.0',
      licenceUrl: null,
      feedVersion: '2026-01',
      lang: 'de',
      validFrom: 20260105,
      validTo: 20260406,
    });
    expect(feed.stops.ids).toEqual(['A', 'B', 'C']);
    expect(feed.stops.names[0]).toBe('Markt, Nord (fiktiv)');
    expect([...feed.tripStart]).toEqual([0, 3, 5]);
    // B lies halfway between A and C (in a straight line): 07:10
    expect([...feed.stopTimes.arrival]).toEqual([25200, 25800, 26400, 89400, 90600]);
    expect([...feed.stopTimes.stop]).toEqual([0, 1, 2, 0, 2]);
    expect(feed.calendar.weekdays[0]).toBe(0b0011111);
    expect(warnings).toEqual([]);
  });

  it('orders stop times by trip and stop_sequence whatever the file order', () => {
    const files = gtfsText(SPEC);
    const [header, ...rows] = files.get('stop_times.txt')!.trim().split('\n');
    files.set('stop_times.txt', [header, ...rows.reverse()].join('\n'));
    const { feed } = parseFeed(encode(files));
    expect([...feed.stopTimes.trip]).toEqual([0, 0, 0, 1, 1]);
    expect([...feed.stopTimes.sequence]).toEqual([1, 2, 3, 1, 2]);
  });

  it('uses the publisher as the name and warns without a licence', () => {
    const { feed, warnings } = parseFeed(gtfsFiles(SPEC));
    expect(feed.info.name).toBe('Testverbund (fiktiv)');
    expect(warnings.map((w) => w.message).join()).toMatch(/licence/);
  });

  it('rejects a bad feed with every problem named by file, line and field', () => {
    const files = gtfsText({
      ...SPEC,
      stops: [...SPEC.stops, { id: 'B', lat: 51.4, lon: 13.4 }, { id: 'X', name: 'Nirgendwo', lat: 95, lon: 13 }],
      trips: [
        ...SPEC.trips,
        { id: 'T3', route: 'R9', service: 'WK', times: [['A', '08:00:00'], ['Z', '08:10:00']] },
        { id: 'T4', route: 'R1', service: 'NOPE', times: [['A', '09:00:00'], ['B', '8:5:00'], ['C', '08:50:00']] },
        { id: 'T5', route: 'R1', service: 'WK', times: [['A', '10:00:00']] },
      ],
      calendar: [{ service: 'WK', days: '11111x0', start: '20260301', end: '20260105' }],
    });
    const error = rejected(files);
    expect(error.message).toMatch(/nothing was imported/);
    expect(where(error)).toEqual(
      expect.arrayContaining([
        'stops.txt:5 stop_id', // duplicate B
        'stops.txt:6 stop_lat', // 95°
        'calendar.txt:2 saturday',
        'calendar.txt:2 end_date',
        'trips.txt:4 route_id', // R9
        'trips.txt:5 service_id', // NOPE
        'trips.txt:6 trip_id', // one stop time
        'stop_times.txt:8 stop_id', // Z
        'stop_times.txt:10 arrival_time', // 8:5:00
        'stop_times.txt:11 arrival_time', // 08:50 after 09:00
      ]),
    );
    const stopZ = error.issues.find((i) => i.file === 'stop_times.txt' && i.line === 8)!;
    expect(stopZ.message).toBe('unknown stop_id "Z"');
  });

  it('names missing files and columns', () => {
    const files = gtfsText(SPEC);
    files.delete('routes.txt');
    files.set('stops.txt', 'stop_id,stop_name,stop_lon\nA,Markt,13.1\n');
    expect(where(rejected(files))).toEqual(['stops.txt:1 stop_lat', 'routes.txt:- -']);
    const noCalendar = gtfsText(SPEC);
    noCalendar.delete('calendar.txt');
    noCalendar.delete('calendar_dates.txt');
    expect(rejected(noCalendar).issues[0].message).toMatch(/calendar.txt or calendar_dates.txt/);
  });

  it('checks frequencies and transfers against trips and stops', () => {
    const error = rejected(
      gtfsText({
        ...SPEC,
        frequencies: [{ trip: 'T9', start: '07:00:00', end: '06:00:00', headway: 0 }],
        transfers: [{ from: 'A', to: 'Q', type: 2 }],
      }),
    );
    expect(where(error)).toEqual([
      'frequencies.txt:2 trip_id',
      'frequencies.txt:2 end_time',
      'frequencies.txt:2 headway_secs',
      'transfers.txt:2 to_stop_id',
      'transfers.txt:2 min_transfer_time',
    ]);
  });
});
