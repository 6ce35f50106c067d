import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FeedCounts, feedCounts, FeedData, isoDate } from './feed-data';

/** The stored feed's own row: what attribution needs, and which data rows are its. */
export interface StoredFeed {
  id: number;
  name: string;
  publisherName: string | null;
  publisherUrl: string | null;
  licence: string | null;
  licenceUrl: string | null;
  feedVersion: string | null;
  lang: string | null;
  /** YYYY-MM-DD */
  validFrom: string;
  validTo: string;
  source: string;
  counts: FeedCounts;
  importedAt: Date;
}

/** Rows per INSERT … SELECT FROM unnest(…): large enough to amortise a round trip, small enough for one parameter string. */
const CHUNK = 100_000;

/** `{1,2,3}`: an int[] literal, built by join rather than by the driver's per-element escaping. */
const intArray = (values: ArrayLike<number>, from = 0, to = values.length) => `{${Array.prototype.join.call(Array.prototype.slice.call(values, from, to), ',')}}`;
const typedIntArray = (values: Int32Array | Uint8Array, from = 0, to = values.length) => `{${values.subarray(from, to).join(',')}}`;
const dateOf = (yyyymmdd: number) => isoDate(yyyymmdd);
const parseInts = (text: string | null): Int32Array => (text ? Int32Array.from(text.split(','), Number) : new Int32Array(0));
const toYmd = (iso: string | Date) => {
  const s = typeof iso === 'string' ? iso.slice(0, 10) : iso.toISOString().slice(0, 10);
  return Number(s.replace(/-/g, ''));
};

/**
 * All SQL of the timetable. Writes are set-based: every table is written with
 * `INSERT … SELECT … FROM unnest($1::int[], $2::int[], …)` in chunks of CHUNK rows, one statement
 * per chunk — the same on the server and on the embedded database (COPY needs a file or stream
 * protocol the embedded database's socket does not offer).
 */
@Injectable()
export class GtfsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async activeFeedId(): Promise<number | null> {
    const [row] = await this.db.query(`SELECT id FROM gtfs_feed`);
    return row?.id ?? null;
  }

  async feedRow(): Promise<StoredFeed | null> {
    const [row] = await this.db.query(`${FEED_SELECT}`);
    return row ? toStoredFeed(row) : null;
  }

  /**
   * Replaces the stored feed by this one in one transaction: the new rows are written under a new
   * feed id, then the old feed's rows are deleted — readers keep seeing the old feed until the
   * commit, and then the new one, whole.
   */
  async replaceFeed(feed: FeedData, source: string, onProgress?: (done: number, total: number) => void): Promise<StoredFeed> {
    const counts = feedCounts(feed);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    let done = 0;
    const step = (rows: number) => {
      done += rows;
      onProgress?.(done, total);
    };
    return this.db.transaction(async (tx) => {
      // (TypeORM hands DELETE … RETURNING back as [rows, count]: select first, then delete)
      const old: { id: number }[] = await tx.query(`SELECT id FROM gtfs_feed FOR UPDATE`);
      await tx.query(`DELETE FROM gtfs_feed`);
      const info = feed.info;
      const [created] = await tx.query(
        `INSERT INTO gtfs_feed (name, publisher_name, publisher_url, licence, licence_url, feed_version, lang, valid_from, valid_to, source, counts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9::date, $10, $11::jsonb) RETURNING id`,
        [info.name, info.publisherName, info.publisherUrl, info.licence, info.licenceUrl, info.feedVersion, info.lang, dateOf(info.validFrom), dateOf(info.validTo), source.slice(0, 500), JSON.stringify(counts)],
      );
      const id: number = created.id;
      await this.writeRows(tx, id, feed, step);
      for (const { id: oldId } of old) {
        for (const table of DATA_TABLES) await tx.query(`DELETE FROM ${table} WHERE feed_id = $1`, [oldId]);
      }
      const [row] = await tx.query(`${FEED_SELECT} WHERE id = $1`, [id]);
      return toStoredFeed(row);
    });
  }

  private async writeRows(tx: EntityManager, id: number, feed: FeedData, step: (rows: number) => void): Promise<void> {
    const a = feed.agencies;
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    await tx.query(
      `INSERT INTO gtfs_agency (feed_id, agency_idx, agency_id, name, url, timezone)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [id, intArray(range(a.ids.length)), a.ids, a.names, a.urls, a.timezones],
    );
    step(a.ids.length);
    const s = feed.stops;
    for (let from = 0; from < s.ids.length; from += CHUNK) {
      const to = Math.min(s.ids.length, from + CHUNK);
      const coordinate = (v: Float64Array) => Array.from(v.subarray(from, to), (x) => (Number.isFinite(x) ? x : null));
      await tx.query(
        `INSERT INTO gtfs_stop (feed_id, stop_idx, stop_id, name, lat, lon, location_type, parent_idx)
         SELECT $1, i, sid, nm, la, lo, lt, NULLIF(pa, -1) FROM unnest($2::int[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::smallint[], $8::int[]) AS u(i, sid, nm, la, lo, lt, pa)`,
        [id, intArray(range(to - from).map((i) => i + from)), s.ids.slice(from, to), s.names.slice(from, to), coordinate(s.lat), coordinate(s.lon), typedIntArray(s.locationType, from, to), typedIntArray(s.parent, from, to)],
      );
      step(to - from);
    }
    const r = feed.routes;
    await tx.query(
      `INSERT INTO gtfs_route (feed_id, route_idx, route_id, agency_idx, short_name, long_name, route_type)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::int[])`,
      [id, intArray(range(r.ids.length)), r.ids, typedIntArray(r.agency), r.shortNames, r.longNames, typedIntArray(r.type)],
    );
    step(r.ids.length);
    await tx.query(`INSERT INTO gtfs_service (feed_id, service_idx, service_id) SELECT $1, * FROM unnest($2::int[], $3::text[])`, [
      id,
      intArray(range(feed.services.ids.length)),
      feed.services.ids,
    ]);
    step(feed.services.ids.length);
    const t = feed.trips;
    for (let from = 0; from < t.ids.length; from += CHUNK) {
      const to = Math.min(t.ids.length, from + CHUNK);
      await tx.query(
        `INSERT INTO gtfs_trip (feed_id, trip_idx, trip_id, route_idx, service_idx, headsign)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::text[])`,
        [id, intArray(range(to - from).map((i) => i + from)), t.ids.slice(from, to), typedIntArray(t.route, from, to), typedIntArray(t.service, from, to), t.headsigns.slice(from, to)],
      );
      step(to - from);
    }
    const st = feed.stopTimes;
    for (let from = 0; from < st.trip.length; from += CHUNK) {
      const to = Math.min(st.trip.length, from + CHUNK);
      await tx.query(
        `INSERT INTO gtfs_stop_time (feed_id, trip_idx, stop_sequence, stop_idx, arrival_time, departure_time)
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::int[])`,
        [id, typedIntArray(st.trip, from, to), typedIntArray(st.sequence, from, to), typedIntArray(st.stop, from, to), typedIntArray(st.arrival, from, to), typedIntArray(st.departure, from, to)],
      );
      step(to - from);
    }
    const c = feed.calendar;
    await tx.query(
      `INSERT INTO gtfs_calendar (feed_id, service_idx, weekdays, start_date, end_date)
       SELECT $1, * FROM unnest($2::int[], $3::smallint[], $4::date[], $5::date[])`,
      [id, typedIntArray(c.service), typedIntArray(c.weekdays), Array.from(c.start, dateOf), Array.from(c.end, dateOf)],
    );
    step(c.service.length);
    const d = feed.calendarDates;
    for (let from = 0; from < d.service.length; from += CHUNK) {
      const to = Math.min(d.service.length, from + CHUNK);
      await tx.query(
        `INSERT INTO gtfs_calendar_date (feed_id, service_idx, date, exception_type)
         SELECT $1, * FROM unnest($2::int[], $3::date[], $4::smallint[])`,
        [id, typedIntArray(d.service, from, to), Array.from(d.date.subarray(from, to), dateOf), typedIntArray(d.exception, from, to)],
      );
      step(to - from);
    }
    const f = feed.frequencies;
    await tx.query(
      `INSERT INTO gtfs_frequency (feed_id, frequency_idx, trip_idx, start_time, end_time, headway_secs, exact_times)
       SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::smallint[])`,
      [id, intArray(range(f.trip.length)), typedIntArray(f.trip), typedIntArray(f.start), typedIntArray(f.end), typedIntArray(f.headway), typedIntArray(f.exactTimes)],
    );
    step(f.trip.length);
    const x = feed.transfers;
    await tx.query(
      `INSERT INTO gtfs_transfer (feed_id, transfer_idx, from_stop_idx, to_stop_idx, transfer_type, min_transfer_time)
       SELECT $1, i, fs, ts, tt, NULLIF(mt, -1) FROM unnest($2::int[], $3::int[], $4::int[], $5::smallint[], $6::int[]) AS u(i, fs, ts, tt, mt)`,
      [id, intArray(range(x.from.length)), typedIntArray(x.from), typedIntArray(x.to), typedIntArray(x.type), typedIntArray(x.minTime)],
    );
    step(x.from.length);
  }

  /**
   * The stored feed, read back into the layout the import wrote (one snapshot: REPEATABLE READ, so
   * an import committing meanwhile cannot mix two feeds). Stop times come as comma-separated
   * aggregates per range of trips — a few long strings instead of a million row objects.
   */
  async loadFeed(): Promise<{ stored: StoredFeed; feed: FeedData } | null> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [row] = await tx.query(FEED_SELECT);
      if (!row) return null;
      const stored = toStoredFeed(row);
      const id = stored.id;
      const agencies = await tx.query(`SELECT agency_id, name, url, timezone FROM gtfs_agency WHERE feed_id = $1 ORDER BY agency_idx`, [id]);
      const stops = await tx.query(
        `SELECT stop_id, name, lat, lon, location_type, coalesce(parent_idx, -1) AS parent FROM gtfs_stop WHERE feed_id = $1 ORDER BY stop_idx`,
        [id],
      );
      const routes = await tx.query(`SELECT route_id, agency_idx, short_name, long_name, route_type FROM gtfs_route WHERE feed_id = $1 ORDER BY route_idx`, [id]);
      const services = await tx.query(`SELECT service_id FROM gtfs_service WHERE feed_id = $1 ORDER BY service_idx`, [id]);
      const trips = await tx.query(`SELECT trip_id, route_idx, service_idx, headsign FROM gtfs_trip WHERE feed_id = $1 ORDER BY trip_idx`, [id]);
      const tripCount = trips.length;
      const stopTimeCount = stored.counts.stopTimes;
      const tripsPerChunk = Math.max(1, Math.ceil((tripCount * 200_000) / Math.max(1, stopTimeCount)));
      const parts: Record<'trip' | 'sequence' | 'stop' | 'arrival' | 'departure', Int32Array[]> = { trip: [], sequence: [], stop: [], arrival: [], departure: [] };
      for (let from = 0; from < tripCount; from += tripsPerChunk) {
        const [chunk] = await tx.query(
          `SELECT string_agg(trip_idx::text, ',' ORDER BY trip_idx, stop_sequence) AS trip,
                  string_agg(stop_sequence::text, ',' ORDER BY trip_idx, stop_sequence) AS sequence,
                  string_agg(stop_idx::text, ',' ORDER BY trip_idx, stop_sequence) AS stop,
                  string_agg(arrival_time::text, ',' ORDER BY trip_idx, stop_sequence) AS arrival,
                  string_agg(departure_time::text, ',' ORDER BY trip_idx, stop_sequence) AS departure
           FROM gtfs_stop_time WHERE feed_id = $1 AND trip_idx >= $2 AND trip_idx < $3`,
          [id, from, from + tripsPerChunk],
        );
        for (const key of Object.keys(parts) as (keyof typeof parts)[]) parts[key].push(parseInts(chunk[key]));
      }
      const concat = (list: Int32Array[]) => {
        const out = new Int32Array(list.reduce((n, a) => n + a.length, 0));
        let at = 0;
        for (const a of list) {
          out.set(a, at);
          at += a.length;
        }
        return out;
      };
      const stopTimes = { trip: concat(parts.trip), sequence: concat(parts.sequence), stop: concat(parts.stop), arrival: concat(parts.arrival), departure: concat(parts.departure) };
      const tripStart = new Int32Array(tripCount + 1);
      for (const t of stopTimes.trip) tripStart[t + 1]++;
      for (let t = 0; t < tripCount; t++) tripStart[t + 1] += tripStart[t];
      const calendar = await tx.query(
        `SELECT service_idx, weekdays, to_char(start_date, 'YYYYMMDD')::int AS start, to_char(end_date, 'YYYYMMDD')::int AS "end" FROM gtfs_calendar WHERE feed_id = $1 ORDER BY service_idx`,
        [id],
      );
      const dates = await tx.query(
        `SELECT service_idx, to_char(date, 'YYYYMMDD')::int AS date, exception_type FROM gtfs_calendar_date WHERE feed_id = $1 ORDER BY service_idx, date`,
        [id],
      );
      const frequencies = await tx.query(`SELECT trip_idx, start_time, end_time, headway_secs, exact_times FROM gtfs_frequency WHERE feed_id = $1 ORDER BY frequency_idx`, [id]);
      const transfers = await tx.query(
        `SELECT from_stop_idx, to_stop_idx, transfer_type, coalesce(min_transfer_time, -1) AS min FROM gtfs_transfer WHERE feed_id = $1 ORDER BY transfer_idx`,
        [id],
      );
      const ints = (rows: any[], key: string) => Int32Array.from(rows, (r) => Number(r[key]));
      const bytes = (rows: any[], key: string) => Uint8Array.from(rows, (r) => Number(r[key]));
      const feed: FeedData = {
        info: {
          name: stored.name,
          publisherName: stored.publisherName,
          publisherUrl: stored.publisherUrl,
          licence: stored.licence,
          licenceUrl: stored.licenceUrl,
          feedVersion: stored.feedVersion,
          lang: stored.lang,
          validFrom: toYmd(stored.validFrom),
          validTo: toYmd(stored.validTo),
        },
        agencies: { ids: agencies.map((a: any) => a.agency_id), names: agencies.map((a: any) => a.name), urls: agencies.map((a: any) => a.url), timezones: agencies.map((a: any) => a.timezone) },
        stops: {
          ids: stops.map((s: any) => s.stop_id),
          names: stops.map((s: any) => s.name),
          lat: Float64Array.from(stops, (s: any) => (s.lat === null ? NaN : Number(s.lat))),
          lon: Float64Array.from(stops, (s: any) => (s.lon === null ? NaN : Number(s.lon))),
          locationType: bytes(stops, 'location_type'),
          parent: ints(stops, 'parent'),
        },
        routes: { ids: routes.map((r: any) => r.route_id), agency: ints(routes, 'agency_idx'), shortNames: routes.map((r: any) => r.short_name), longNames: routes.map((r: any) => r.long_name), type: ints(routes, 'route_type') },
        services: { ids: services.map((s: any) => s.service_id) },
        trips: { ids: trips.map((t: any) => t.trip_id), route: ints(trips, 'route_idx'), service: ints(trips, 'service_idx'), headsigns: trips.map((t: any) => t.headsign) },
        stopTimes,
        tripStart,
        calendar: { service: ints(calendar, 'service_idx'), weekdays: bytes(calendar, 'weekdays'), start: ints(calendar, 'start'), end: ints(calendar, 'end') },
        calendarDates: { service: ints(dates, 'service_idx'), date: ints(dates, 'date'), exception: bytes(dates, 'exception_type') },
        frequencies: { trip: ints(frequencies, 'trip_idx'), start: ints(frequencies, 'start_time'), end: ints(frequencies, 'end_time'), headway: ints(frequencies, 'headway_secs'), exactTimes: bytes(frequencies, 'exact_times') },
        transfers: { from: ints(transfers, 'from_stop_idx'), to: ints(transfers, 'to_stop_idx'), type: bytes(transfers, 'transfer_type'), minTime: ints(transfers, 'min') },
      };
      return { stored, feed };
    });
  }

  /** Rows per table of the stored feed (tests check that a rejected import wrote nothing). */
  async rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of ['gtfs_feed', ...DATA_TABLES]) {
      const [row] = await this.db.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = row.n;
    }
    return counts;
  }
}

const DATA_TABLES = ['gtfs_agency', 'gtfs_stop', 'gtfs_route', 'gtfs_service', 'gtfs_trip', 'gtfs_stop_time', 'gtfs_calendar', 'gtfs_calendar_date', 'gtfs_frequency', 'gtfs_transfer'];

const FEED_SELECT = `SELECT id, name, publisher_name AS "publisherName", publisher_url AS "publisherUrl", licence, licence_url AS "licenceUrl",
  feed_version AS "feedVersion", lang, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo",
  source, counts, imported_at AS "importedAt" FROM gtfs_feed`;

function toStoredFeed(row: any): StoredFeed {
  return { ...row, counts: typeof row.counts === 'string' ? JSON.parse(row.counts) : row.counts, importedAt: new Date(row.importedAt) };
}
