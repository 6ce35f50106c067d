import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A GTFS timetable for the transit router (libs/travel). One feed at a time: `import-gtfs` validates
 * a feed completely, then in one transaction empties these tables and writes the new feed, so
 * readers see the old feed or the new one, never a mix. Rows carry dense integer indices assigned
 * by the import (`*_idx`) besides the feed's own ids: references are integers, and the router's
 * in-memory layout is read back without a lookup. Times are seconds after the service day's
 * midnight (past 24:00 stays past 86,400). No foreign keys on the large tables: the import checks
 * every reference before it writes, and a million FK probes would halve its speed. No TypeORM
 * entities: only the travel capability's repository touches these tables, in SQL.
 */
export class Gtfs1733100000000 implements MigrationInterface {
  name = 'Gtfs1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gtfs_feed (
        id integer GENERATED ALWAYS AS IDENTITY,
        name character varying(100) NOT NULL,
        publisher_name character varying(300),
        publisher_url character varying(500),
        licence character varying(300),
        licence_url character varying(500),
        feed_version character varying(100),
        lang character varying(35),
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        source character varying(500) NOT NULL,
        counts jsonb NOT NULL,
        imported_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_gtfs_feed PRIMARY KEY (id),
        CONSTRAINT chk_gtfs_feed_validity CHECK (valid_from <= valid_to)
      )`);
    // at most one feed
    await q.query(`CREATE UNIQUE INDEX uq_gtfs_feed_single ON gtfs_feed ((true))`);
    await q.query(`
      CREATE TABLE gtfs_agency (
        feed_id integer NOT NULL, agency_idx integer NOT NULL,
        agency_id text NOT NULL, name text NOT NULL, url text NOT NULL, timezone text NOT NULL,
        CONSTRAINT pk_gtfs_agency PRIMARY KEY (feed_id, agency_idx)
      )`);
    await q.query(`
      CREATE TABLE gtfs_stop (
        feed_id integer NOT NULL, stop_idx integer NOT NULL,
        stop_id text NOT NULL, name text NOT NULL,
        lat double precision, lon double precision,
        location_type smallint NOT NULL, parent_idx integer,
        CONSTRAINT pk_gtfs_stop PRIMARY KEY (feed_id, stop_idx)
      )`);
    await q.query(`
      CREATE TABLE gtfs_route (
        feed_id integer NOT NULL, route_idx integer NOT NULL,
        route_id text NOT NULL, agency_idx integer NOT NULL,
        short_name text NOT NULL, long_name text NOT NULL, route_type integer NOT NULL,
        CONSTRAINT pk_gtfs_route PRIMARY KEY (feed_id, route_idx)
      )`);
    await q.query(`
      CREATE TABLE gtfs_service (
        feed_id integer NOT NULL, service_idx integer NOT NULL, service_id text NOT NULL,
        CONSTRAINT pk_gtfs_service PRIMARY KEY (feed_id, service_idx)
      )`);
    await q.query(`
      CREATE TABLE gtfs_trip (
        feed_id integer NOT NULL, trip_idx integer NOT NULL,
        trip_id text NOT NULL, route_idx integer NOT NULL, service_idx integer NOT NULL, headsign text NOT NULL,
        CONSTRAINT pk_gtfs_trip PRIMARY KEY (feed_id, trip_idx)
      )`);
    await q.query(`
      CREATE TABLE gtfs_stop_time (
        feed_id integer NOT NULL, trip_idx integer NOT NULL, stop_sequence integer NOT NULL,
        stop_idx integer NOT NULL, arrival_time integer NOT NULL, departure_time integer NOT NULL,
        CONSTRAINT pk_gtfs_stop_time PRIMARY KEY (feed_id, trip_idx, stop_sequence)
      )`);
    await q.query(`
      CREATE TABLE gtfs_calendar (
        feed_id integer NOT NULL, service_idx integer NOT NULL,
        weekdays smallint NOT NULL, start_date date NOT NULL, end_date date NOT NULL,
        CONSTRAINT pk_gtfs_calendar PRIMARY KEY (feed_id, service_idx)
      )`);
    await q.query(`
      CREATE TABLE gtfs_calendar_date (
        feed_id integer NOT NULL, service_idx integer NOT NULL, date date NOT NULL, exception_type smallint NOT NULL,
        CONSTRAINT pk_gtfs_calendar_date PRIMARY KEY (feed_id, service_idx, date)
      )`);
    await q.query(`
      CREATE TABLE gtfs_frequency (
        feed_id integer NOT NULL, frequency_idx integer NOT NULL, trip_idx integer NOT NULL,
        start_time integer NOT NULL, end_time integer NOT NULL, headway_secs integer NOT NULL, exact_times smallint NOT NULL,
        CONSTRAINT pk_gtfs_frequency PRIMARY KEY (feed_id, frequency_idx)
      )`);
    await q.query(`
      CREATE TABLE gtfs_transfer (
        feed_id integer NOT NULL, transfer_idx integer NOT NULL,
        from_stop_idx integer NOT NULL, to_stop_idx integer NOT NULL, transfer_type smallint NOT NULL, min_transfer_time integer,
        CONSTRAINT pk_gtfs_transfer PRIMARY KEY (feed_id, transfer_idx)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['gtfs_transfer', 'gtfs_frequency', 'gtfs_calendar_date', 'gtfs_calendar', 'gtfs_stop_time', 'gtfs_trip', 'gtfs_service', 'gtfs_route', 'gtfs_stop', 'gtfs_agency', 'gtfs_feed']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
