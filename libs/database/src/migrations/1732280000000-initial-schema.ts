import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue, the needs taxonomy and the Saxon administrative areas. SQL accepted by PostgreSQL 15
 * (server) and 18 (PGlite). Location → district/municipality is derived by a trigger from the point,
 * so no writer can store an area that contradicts the coordinates.
 */
export class InitialSchema1732280000000 implements MigrationInterface {
  name = 'InitialSchema1732280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await q.query(`
      CREATE TABLE district (
        ags character varying(5) NOT NULL,
        name character varying(200) NOT NULL,
        kind character varying(100) NOT NULL,
        boundary geometry(MultiPolygon,4326) NOT NULL,
        CONSTRAINT pk_district PRIMARY KEY (ags),
        CONSTRAINT chk_district_ags CHECK (ags ~ '^[0-9]{5}$')
      )`);
    await q.query(`CREATE INDEX idx_district_boundary ON district USING GiST (boundary)`);

    await q.query(`
      CREATE TABLE municipality (
        ags character varying(8) NOT NULL,
        district_ags character varying(5) NOT NULL,
        name character varying(200) NOT NULL,
        kind character varying(100) NOT NULL,
        boundary geometry(MultiPolygon,4326) NOT NULL,
        CONSTRAINT pk_municipality PRIMARY KEY (ags),
        CONSTRAINT chk_municipality_ags CHECK (ags ~ '^[0-9]{8}$'),
        CONSTRAINT fk_municipality_district FOREIGN KEY (district_ags) REFERENCES district(ags) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX idx_municipality_boundary ON municipality USING GiST (boundary)`);
    await q.query(`CREATE INDEX idx_municipality_district ON municipality (district_ags)`);

    await q.query(`
      CREATE TABLE postcode (
        code character varying(5) NOT NULL,
        place character varying(200) NOT NULL,
        point geography(Point,4326) NOT NULL,
        source character varying(100) NOT NULL,
        CONSTRAINT pk_postcode PRIMARY KEY (code),
        CONSTRAINT chk_postcode_code CHECK (code ~ '^[0-9]{5}$')
      )`);

    await q.query(`
      CREATE TABLE need_term (
        code character varying(64) NOT NULL,
        label_de character varying(200) NOT NULL,
        label_en character varying(200) NOT NULL,
        "group" character varying(32) NOT NULL,
        description_de text NOT NULL,
        taxonomy_version character varying(20) NOT NULL,
        sort_order integer NOT NULL,
        CONSTRAINT pk_need_term PRIMARY KEY (code)
      )`);

    await q.query(`
      CREATE TABLE organization (
        id uuid NOT NULL,
        name character varying(300) NOT NULL,
        kind character varying(40) NOT NULL,
        identifiers jsonb NOT NULL,
        website character varying(500),
        email character varying(320),
        phones jsonb NOT NULL,
        status character varying(20) NOT NULL,
        fictitious boolean NOT NULL,
        verified_at TIMESTAMP WITH TIME ZONE,
        verified_by character varying(200),
        version integer NOT NULL,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_organization PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX idx_organization_name ON organization (name, id)`);
    await q.query(`CREATE INDEX idx_organization_status ON organization (status)`);

    await q.query(`
      CREATE TABLE location (
        id uuid NOT NULL,
        organization_id uuid NOT NULL,
        name character varying(300),
        street character varying(300) NOT NULL,
        postcode character varying(5) NOT NULL,
        town character varying(200) NOT NULL,
        point geography(Point,4326) NOT NULL,
        district_ags character varying(5),
        municipality_ags character varying(8),
        version integer NOT NULL,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_location PRIMARY KEY (id),
        CONSTRAINT fk_location_organization FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX idx_location_point ON location USING GiST (point)`);
    await q.query(`CREATE INDEX idx_location_organization ON location (organization_id)`);
    await q.query(`CREATE INDEX idx_location_district ON location (district_ags)`);
    await q.query(`CREATE INDEX idx_location_municipality ON location (municipality_ags)`);

    await q.query(`
      CREATE TABLE service (
        id uuid NOT NULL,
        organization_id uuid NOT NULL,
        name character varying(300) NOT NULL,
        description text NOT NULL,
        category character varying(40) NOT NULL,
        specialty character varying(60),
        min_age smallint,
        max_age smallint,
        insurance_requirement character varying(30) NOT NULL,
        eligibility_note text,
        languages text array NOT NULL,
        accessibility text array NOT NULL,
        delivery_modes text array NOT NULL,
        cost_type character varying(30) NOT NULL,
        fee_amount numeric(10,2),
        cost_note text,
        accepting_new_clients boolean NOT NULL,
        free_seats integer,
        waiting_days integer,
        capacity_updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
        status character varying(20) NOT NULL,
        version integer NOT NULL,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_service PRIMARY KEY (id),
        CONSTRAINT fk_service_organization FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT chk_service_ages CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age),
        CONSTRAINT chk_service_capacity CHECK ((free_seats IS NULL OR free_seats >= 0) AND (waiting_days IS NULL OR waiting_days >= 0))
      )`);
    await q.query(`CREATE INDEX idx_service_organization ON service (organization_id)`);
    await q.query(`CREATE INDEX idx_service_name ON service (name, id)`);
    await q.query(`CREATE INDEX idx_service_category ON service (category)`);
    await q.query(`CREATE INDEX idx_service_languages ON service USING GIN (languages)`);
    await q.query(`CREATE INDEX idx_service_accessibility ON service USING GIN (accessibility)`);

    await q.query(`
      CREATE TABLE service_need (
        service_id uuid NOT NULL,
        need_code character varying(64) NOT NULL,
        CONSTRAINT pk_service_need PRIMARY KEY (service_id, need_code),
        CONSTRAINT fk_service_need_service FOREIGN KEY (service_id) REFERENCES service(id) ON DELETE CASCADE,
        CONSTRAINT fk_service_need_term FOREIGN KEY (need_code) REFERENCES need_term(code)
      )`);
    await q.query(`CREATE INDEX idx_service_need_code ON service_need (need_code, service_id)`);

    await q.query(`
      CREATE TABLE service_location (
        service_id uuid NOT NULL,
        location_id uuid NOT NULL,
        CONSTRAINT pk_service_location PRIMARY KEY (service_id, location_id),
        CONSTRAINT fk_service_location_service FOREIGN KEY (service_id) REFERENCES service(id) ON DELETE CASCADE,
        CONSTRAINT fk_service_location_location FOREIGN KEY (location_id) REFERENCES location(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX idx_service_location_location ON service_location (location_id, service_id)`);

    await q.query(`
      CREATE TABLE opening_hours (
        id uuid NOT NULL,
        service_id uuid NOT NULL,
        weekday smallint NOT NULL,
        opens_at time NOT NULL,
        closes_at time NOT NULL,
        CONSTRAINT pk_opening_hours PRIMARY KEY (id),
        CONSTRAINT fk_opening_hours_service FOREIGN KEY (service_id) REFERENCES service(id) ON DELETE CASCADE,
        CONSTRAINT chk_opening_hours CHECK (weekday BETWEEN 1 AND 7 AND opens_at < closes_at)
      )`);
    await q.query(`CREATE INDEX idx_opening_hours_service ON opening_hours (service_id)`);

    await q.query(`
      CREATE TABLE course_session (
        id uuid NOT NULL,
        service_id uuid NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        weekday smallint NOT NULL,
        start_time time NOT NULL,
        end_time time NOT NULL,
        seats integer NOT NULL,
        free_seats integer NOT NULL,
        CONSTRAINT pk_course_session PRIMARY KEY (id),
        CONSTRAINT fk_course_session_service FOREIGN KEY (service_id) REFERENCES service(id) ON DELETE CASCADE,
        CONSTRAINT chk_course_session CHECK (starts_on <= ends_on AND weekday BETWEEN 1 AND 7 AND start_time < end_time AND seats >= 0 AND free_seats BETWEEN 0 AND seats)
      )`);
    await q.query(`CREATE INDEX idx_course_session_service ON course_session (service_id, starts_on)`);

    // Areas follow the point. ST_Covers (not ST_Contains) so a point exactly on a border still gets
    // one area; ORDER BY makes the choice between two neighbours deterministic.
    await q.query(`
      CREATE FUNCTION location_derive_areas() RETURNS trigger AS $$
      BEGIN
        NEW.municipality_ags := (SELECT m.ags FROM municipality m
          WHERE ST_Covers(m.boundary, NEW.point::geometry) ORDER BY m.ags LIMIT 1);
        NEW.district_ags := (SELECT d.ags FROM district d
          WHERE ST_Covers(d.boundary, NEW.point::geometry) ORDER BY d.ags LIMIT 1);
        RETURN NEW;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER trg_location_derive_areas BEFORE INSERT OR UPDATE OF point ON location
      FOR EACH ROW EXECUTE FUNCTION location_derive_areas()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS trg_location_derive_areas ON location`);
    await q.query(`DROP FUNCTION IF EXISTS location_derive_areas()`);
    for (const table of ['course_session', 'opening_hours', 'service_location', 'service_need', 'service', 'location', 'organization', 'need_term', 'postcode', 'municipality', 'district']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
