/**
 * Synthetic catalogue for the benchmark: N listings (a service offered at a location, i.e. rows of
 * `service_location`) spread over Germany, denser around ~45 major cities (Dresden, Leipzig and
 * Chemnitz included), with every service category and need code, languages, accessibility,
 * delivery modes, costs, capacity, opening hours and course sessions.
 *
 * Deterministic: chunk k of the catalogue is drawn from its own PRNG stream seeded by `seed:k`, so the
 * same seed and size always produce the same rows (ids included), whatever the insert parallelism.
 * Rows go straight into the tables created by the migrations, one set-based
 * `INSERT … SELECT … FROM json_to_recordset($1)` per table and chunk (~5k listings), each chunk in
 * its own transaction. Every organisation is fictitious (`fictitious = true`, name ends " (fiktiv)").
 *
 *   npm run bench:generate -- --sizes 100k --db server [--fresh]   (see bench/README.md)
 */
import { AccessibilityFeature, CostType, DeliveryMode, IdentifierScheme, InsuranceRequirement, MedicalSpecialty, NEED_TERMS, OrganizationKind, OrganizationStatus, ServiceCategory, ServiceStatus } from '@lotse/catalogue';
import { CITIES, clampToGermanyBbox, GERMANY_BBOX, gaussianAround } from './geo';
import type { Workload } from './options';
import { Rng } from './random';
import { aroundPlace, drawPlace, saxonyGeography } from './saxony';

/** Bump when the generated data changes: databases marked with another version are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 'lotse-bench';
/** Reference "now" of the synthetic data (capacity timestamps, course dates): fixed for determinism. */
const REFERENCE_DATE = Date.UTC(2026, 10, 22, 10, 0, 0);

/** Share of organisations anchored at a city (gaussian spread), the rest uniform over the bbox. */
const CITY_SHARE = 0.7;
const CITY_SPREAD_KM = 8;

export interface Statement {
  sql: string;
  params: unknown[];
}

/** Where the rows go: the server through a `pg` pool, the embedded database through the app's DataSource. */
export interface SqlTarget {
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  /** runs the statements in one transaction */
  transaction(statements: Statement[]): Promise<void>;
  /** transactions that may run at once (1 for PGlite, which serves one connection) */
  parallelism: number;
}

export interface GenerateOptions {
  listings: number;
  seed?: string;
  chunkListings?: number;
  /** germany (default): around 45 cities and uniform over Germany; saxony: inside Saxony, by population */
  workload?: Workload;
  /** progress lines (stderr by default) */
  log?: (line: string) => void;
}

export interface GenerateResult {
  listings: number;
  organizations: number;
  locations: number;
  services: number;
  serviceNeeds: number;
  openingHours: number;
  courseSessions: number;
  locationsInSaxony: number;
  insertSeconds: number;
  vacuumAnalyzeSeconds: number;
}

/** Bump when the Saxony workload's data change. */
export const SAXONY_GENERATOR_VERSION = 1;

export function catalogueMarker(listings: number, seed = DEFAULT_SEED, workload: Workload = 'germany'): string {
  return workload === 'saxony'
    ? `lotse-bench saxony catalogue v${GENERATOR_VERSION}.${SAXONY_GENERATOR_VERSION} seed=${seed} listings=${listings}`
    : `lotse-bench catalogue v${GENERATOR_VERSION} seed=${seed} listings=${listings}`;
}

// ---------------------------------------------------------------------------------------------
// vocabulary

interface CategoryProfile {
  weight: number;
  kind: OrganizationKind;
  orgLabel: string;
  services: [number, number];
  locations: [number, number];
  related: ServiceCategory[];
}

const C = ServiceCategory;
const PROFILES: Record<ServiceCategory, CategoryProfile> = {
  [C.PHYSICIAN]: { weight: 30, kind: OrganizationKind.PHYSICIAN_PRACTICE, orgLabel: 'Praxis', services: [1, 2], locations: [1, 2], related: [C.PHYSICIAN] },
  [C.CLINIC]: { weight: 4, kind: OrganizationKind.CLINIC, orgLabel: 'Klinik', services: [2, 5], locations: [1, 3], related: [C.PHYSICIAN, C.COURSE] },
  [C.HEALTH_INSURER]: { weight: 3, kind: OrganizationKind.HEALTH_INSURER, orgLabel: 'Krankenkasse', services: [3, 6], locations: [1, 4], related: [C.COURSE] },
  [C.ADDICTION_COUNSELLING]: { weight: 6, kind: OrganizationKind.COUNSELLING_SERVICE, orgLabel: 'Suchtberatungsstelle', services: [1, 3], locations: [1, 2], related: [C.PSYCHOSOCIAL_SERVICE] },
  [C.COURSE]: { weight: 12, kind: OrganizationKind.COURSE_PROVIDER, orgLabel: 'Gesundheitssport', services: [2, 5], locations: [1, 3], related: [C.COURSE] },
  [C.PSYCHOSOCIAL_SERVICE]: { weight: 10, kind: OrganizationKind.COUNSELLING_SERVICE, orgLabel: 'Beratungszentrum', services: [1, 3], locations: [1, 2], related: [C.SOCIAL_SERVICE] },
  [C.SOCIAL_SERVICE]: { weight: 14, kind: OrganizationKind.SOCIAL_SERVICE_PROVIDER, orgLabel: 'Sozialwerk', services: [2, 4], locations: [1, 3], related: [C.PSYCHOSOCIAL_SERVICE, C.COMMUNITY_ROOM] },
  [C.COMMUNITY_ROOM]: { weight: 5, kind: OrganizationKind.MUNICIPALITY, orgLabel: 'Gemeinde', services: [1, 2], locations: [1, 1], related: [C.COURSE] },
  [C.EMPLOYMENT_MEASURE]: { weight: 10, kind: OrganizationKind.EMPLOYMENT_PROVIDER, orgLabel: 'Beschäftigungsträger', services: [1, 4], locations: [1, 2], related: [C.SOCIAL_SERVICE] },
};
const CATEGORY_LIST = Object.values(ServiceCategory);
const CATEGORY_CUMULATIVE = cumulative(CATEGORY_LIST.map((c) => PROFILES[c].weight));

const SERVICE_NAMES: Record<ServiceCategory, string[]> = {
  [C.PHYSICIAN]: [],
  [C.CLINIC]: ['Ambulante Rehabilitation', 'Stationäre Rehabilitation', 'Tagesklinik', 'Reha-Sprechstunde', 'Diagnostik'],
  [C.HEALTH_INSURER]: ['Präventionsberatung', 'Gesundheitscoaching', 'Reha-Antragsberatung', 'Bonusprogramm-Beratung'],
  [C.ADDICTION_COUNSELLING]: ['Suchtberatung', 'Beratung Glücksspiel', 'Nachsorgegruppe Sucht', 'Raucherentwöhnung'],
  [C.COURSE]: ['Rückenschule', 'Nordic Walking', 'Ernährung im Alltag', 'Progressive Muskelentspannung', 'Yoga für Einsteiger', 'Stressbewältigung', 'Aquafitness', 'Funktionstraining'],
  [C.PSYCHOSOCIAL_SERVICE]: ['Psychosoziale Beratung', 'Krisenberatung', 'Familienberatung', 'Sozialpsychiatrischer Dienst'],
  [C.SOCIAL_SERVICE]: ['Schuldnerberatung', 'Allgemeine Sozialberatung', 'Erziehungsberatung', 'Selbsthilfekontaktstelle'],
  [C.COMMUNITY_ROOM]: ['Begegnungscafé', 'Nachbarschaftstreff', 'Selbsthilfegruppenraum'],
  [C.EMPLOYMENT_MEASURE]: ['Arbeitsgelegenheit', 'Qualifizierung Pflegehilfe', 'Arbeitserprobung', 'Coaching Wiedereinstieg'],
};

const S = MedicalSpecialty;
const SPECIALTIES: { specialty: MedicalSpecialty; label: string; weight: number; needs: string[] }[] = [
  { specialty: S.GENERAL_PRACTICE, label: 'Allgemeinmedizin', weight: 40, needs: ['primary_care', 'metabolic', 'cardiovascular'] },
  { specialty: S.INTERNAL_MEDICINE, label: 'Innere Medizin', weight: 12, needs: ['metabolic', 'cardiovascular', 'specialist_assessment'] },
  { specialty: S.ORTHOPAEDICS, label: 'Orthopädie', weight: 10, needs: ['musculoskeletal', 'specialist_assessment'] },
  { specialty: S.CARDIOLOGY, label: 'Kardiologie', weight: 5, needs: ['cardiovascular', 'specialist_assessment'] },
  { specialty: S.PSYCHIATRY, label: 'Psychiatrie', weight: 6, needs: ['mental_health', 'specialist_assessment'] },
  { specialty: S.PSYCHOTHERAPY, label: 'Psychotherapie', weight: 12, needs: ['psychotherapy', 'mental_health'] },
  { specialty: S.NEUROLOGY, label: 'Neurologie', weight: 4, needs: ['specialist_assessment'] },
  { specialty: S.PHYSICAL_AND_REHABILITATIVE_MEDICINE, label: 'Physikalische und Rehabilitative Medizin', weight: 4, needs: ['medical_rehabilitation', 'musculoskeletal'] },
  { specialty: S.DIABETOLOGY, label: 'Diabetologie', weight: 4, needs: ['metabolic', 'nutrition'] },
  { specialty: S.ADDICTION_MEDICINE, label: 'Suchtmedizin', weight: 3, needs: ['addiction', 'specialist_assessment'] },
];
const SPECIALTY_CUMULATIVE = cumulative(SPECIALTIES.map((s) => s.weight));

const CATEGORY_NEEDS: Record<ServiceCategory, string[]> = {
  [C.PHYSICIAN]: [],
  [C.CLINIC]: ['medical_rehabilitation', 'specialist_assessment', 'musculoskeletal', 'cardiovascular', 'mental_health', 'addiction'],
  [C.HEALTH_INSURER]: ['exercise', 'nutrition', 'stress_relaxation', 'medical_rehabilitation'],
  [C.ADDICTION_COUNSELLING]: ['addiction', 'psychosocial_counselling'],
  [C.COURSE]: ['exercise', 'nutrition', 'stress_relaxation', 'musculoskeletal', 'metabolic'],
  [C.PSYCHOSOCIAL_SERVICE]: ['psychosocial_counselling', 'mental_health', 'family_couples'],
  [C.SOCIAL_SERVICE]: ['debt_counselling', 'social_participation', 'family_couples', 'psychosocial_counselling'],
  [C.COMMUNITY_ROOM]: ['social_participation'],
  [C.EMPLOYMENT_MEASURE]: ['employment_qualification', 'social_participation'],
};
const NEED_CODES = NEED_TERMS.map((t) => t.code);
{
  // the mapping above must stay within the taxonomy, and cover all of it
  const used = new Set([...Object.values(CATEGORY_NEEDS).flat(), ...SPECIALTIES.flatMap((s) => s.needs)]);
  const unknown = [...used].filter((c) => !NEED_CODES.includes(c));
  if (unknown.length) throw new Error(`bench generator uses need codes missing from the taxonomy: ${unknown.join(', ')}`);
}

const EXTRA_LANGUAGES: [string, number][] = [['en', 0.25], ['ru', 0.08], ['uk', 0.08], ['ar', 0.05], ['tr', 0.04], ['pl', 0.04], ['cs', 0.03], ['vi', 0.03], ['fa', 0.02]];
const A = AccessibilityFeature;
const ACCESSIBILITY: [AccessibilityFeature, number][] = [
  [A.STEP_FREE_ACCESS, 0.5], [A.ACCESSIBLE_WC, 0.35], [A.LIFT, 0.3], [A.ACCESSIBLE_PARKING, 0.25],
  [A.SIGN_LANGUAGE, 0.04], [A.HEARING_LOOP, 0.05], [A.EASY_LANGUAGE, 0.15], [A.BRAILLE, 0.02],
];
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Dorfstraße', 'Lindenstraße', 'Bergstraße', 'Kirchstraße', 'Marktplatz', 'Ringstraße', 'Poststraße', 'Am Anger'];
const LOCATION_NAMES = ['Hauptsitz', 'Außenstelle', 'Zweigstelle', 'Beratungsbüro', 'Kursraum'];
const CITY_CUMULATIVE = cumulative(CITIES.map((c) => c.pop));

function cumulative(weights: number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

// ---------------------------------------------------------------------------------------------
// rows

interface ChunkRows {
  organizations: object[];
  locations: object[];
  services: object[];
  serviceNeeds: object[];
  serviceLocations: object[];
  openingHours: object[];
  courseSessions: object[];
}

interface Place {
  lat: number;
  lon: number;
  town: string;
  plz: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const time = (minutes: number) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** An organisation's first location, and where its further locations go. */
interface Anchor {
  place: Place;
  near(rng: Rng): Place;
}

/** Germany: 70 % around a city (further locations around the same city), the rest uniform, further locations within ~5 km. */
function germanyAnchor(rng: Rng): Anchor {
  const { place, city } = anchorPlace(rng);
  return { place, near: (r) => (city ? cityPlace(r, city) : { ...place, ...clampToGermanyBbox(gaussianAround(r, place.lat, place.lon, 5)) }) };
}

/** Saxony: a place drawn by population, every location around it and inside its municipality. */
function saxonyAnchor(rng: Rng): Anchor {
  const geo = saxonyGeography();
  const at = drawPlace(rng, geo);
  const draw = (r: Rng): Place => aroundPlace(r, geo, at);
  return { place: draw(rng), near: draw };
}

function anchorPlace(rng: Rng): { place: Place; city?: (typeof CITIES)[number] } {
  if (rng.chance(CITY_SHARE)) {
    const city = CITIES[rng.weighted(CITY_CUMULATIVE)];
    return { place: cityPlace(rng, city), city };
  }
  const lat = GERMANY_BBOX.minLat + rng.next() * (GERMANY_BBOX.maxLat - GERMANY_BBOX.minLat);
  const lon = GERMANY_BBOX.minLon + rng.next() * (GERMANY_BBOX.maxLon - GERMANY_BBOX.minLon);
  return { place: { lat, lon, town: `Landort ${rng.int(100, 9999)}`, plz: String(rng.int(1000, 99999)).padStart(5, '0') } };
}

function cityPlace(rng: Rng, city: (typeof CITIES)[number]): Place {
  const p = clampToGermanyBbox(gaussianAround(rng, city.lat, city.lon, CITY_SPREAD_KM));
  return { ...p, town: city.name, plz: `${city.plz}${String(rng.int(0, 999)).padStart(3, '0')}` };
}

function generateChunk(rng: Rng, counter: { org: number }, wanted: number, anchorOf: (rng: Rng) => Anchor): ChunkRows {
  const rows: ChunkRows = { organizations: [], locations: [], services: [], serviceNeeds: [], serviceLocations: [], openingHours: [], courseSessions: [] };
  let listings = 0;
  while (listings < wanted) {
    const orgNo = ++counter.org;
    const primary = CATEGORY_LIST[rng.weighted(CATEGORY_CUMULATIVE)];
    const profile = PROFILES[primary];
    const orgId = rng.uuid();
    const anchor = anchorOf(rng);
    const orgSpecialty = primary === C.PHYSICIAN ? SPECIALTIES[rng.weighted(SPECIALTY_CUMULATIVE)] : undefined;

    // locations: the first at the anchor, further ones around the same city (or near the anchor)
    const locationIds: string[] = [];
    const locationCount = rng.int(profile.locations[0], profile.locations[1]);
    for (let i = 0; i < locationCount; i++) {
      const place = i === 0 ? anchor.place : anchor.near(rng);
      const id = rng.uuid();
      locationIds.push(id);
      rows.locations.push({
        id, o: orgId, name: locationCount > 1 ? LOCATION_NAMES[i % LOCATION_NAMES.length] : null,
        street: `${rng.pick(STREETS)} ${rng.int(1, 120)}`, plz: place.plz, town: place.town, lat: round6(place.lat), lon: round6(place.lon),
      });
    }

    const status = rng.chance(0.92) ? OrganizationStatus.ACTIVE : rng.chance(0.6) ? OrganizationStatus.PENDING : OrganizationStatus.INACTIVE;
    const verified = rng.chance(0.12);
    const label = orgSpecialty ? `${profile.orgLabel} ${orgSpecialty.label}` : profile.orgLabel;
    const identifiers =
      primary === C.PHYSICIAN ? [{ scheme: IdentifierScheme.BSNR, value: `99${String(orgNo % 1e7).padStart(7, '0')}` }]
      : primary === C.CLINIC || primary === C.HEALTH_INSURER ? [{ scheme: IdentifierScheme.IK, value: `99${String(orgNo % 1e7).padStart(7, '0')}` }]
      : [];
    rows.organizations.push({
      id: orgId, name: `${label} ${anchor.place.town} ${orgNo} (fiktiv)`, kind: profile.kind, identifiers,
      website: rng.chance(0.5) ? `https://partner-${orgNo}.example` : null, email: `kontakt@partner-${orgNo}.example`,
      phones: [{ number: `+49 ${rng.int(30, 9999)} 0000 ${String(orgNo % 1000).padStart(3, '0')}`, label: 'Zentrale' }],
      status, verified_at: verified ? new Date(REFERENCE_DATE - rng.int(1, 365) * 86_400_000).toISOString() : null, verified_by: verified ? 'Lotse-Benchmark' : null,
    });

    // services, each at one location of the organisation or (a quarter of them) at all of them
    const serviceCount = rng.int(profile.services[0], profile.services[1]);
    for (let i = 0; i < serviceCount && listings < wanted; i++) {
      const category = i === 0 || rng.chance(0.75) ? primary : rng.pick(profile.related);
      const specialty = category === C.PHYSICIAN ? orgSpecialty ?? SPECIALTIES[rng.weighted(SPECIALTY_CUMULATIVE)] : undefined;
      const serviceId = rng.uuid();
      const base = specialty ? specialty.needs : CATEGORY_NEEDS[category];
      const needs = new Set(rng.sample(base, rng.int(1, Math.min(3, base.length))));
      if (rng.chance(0.2)) needs.add(rng.pick(NEED_CODES));
      for (const n of needs) rows.serviceNeeds.push({ s: serviceId, n });

      const at = rng.chance(0.25) ? locationIds : [rng.pick(locationIds)];
      for (const l of at.slice(0, wanted - listings)) rows.serviceLocations.push({ s: serviceId, l });
      listings += Math.min(at.length, wanted - listings);

      const languages = ['de', ...EXTRA_LANGUAGES.filter(([, p]) => rng.chance(p)).map(([l]) => l)];
      const accessibility = ACCESSIBILITY.filter(([, p]) => rng.chance(p)).map(([a]) => a);
      const delivery = [DeliveryMode.IN_PERSON, DeliveryMode.ONLINE, DeliveryMode.OUTREACH].filter((_, k) => rng.chance([0.92, 0.2, 0.1][k]));
      if (delivery.length === 0) delivery.push(DeliveryMode.IN_PERSON);
      const isCourse = category === C.COURSE;
      const medical = category === C.PHYSICIAN || category === C.CLINIC;
      let costType = CostType.FREE;
      let fee: number | null = null;
      if (medical) costType = CostType.STATUTORY_INSURANCE;
      else if (isCourse) {
        const x = rng.next();
        costType = x < 0.5 ? CostType.INSURER_SUBSIDISED : x < 0.8 ? CostType.FEE : CostType.FREE;
        if (costType !== CostType.FREE) fee = rng.int(40, 150);
      }
      const adultsOnly = rng.chance(0.3);
      rows.services.push({
        id: serviceId, o: orgId,
        name: specialty ? `Sprechstunde ${specialty.label}` : rng.pick(SERVICE_NAMES[category]),
        description: 'Synthetisches Angebot für Lasttests (fiktiv).', category, specialty: specialty?.specialty ?? null,
        min_age: adultsOnly ? 18 : null, max_age: adultsOnly && rng.chance(0.3) ? 67 : null,
        ins: medical ? (category === C.CLINIC ? InsuranceRequirement.STATUTORY : InsuranceRequirement.STATUTORY_OR_PRIVATE) : InsuranceRequirement.NONE,
        languages, accessibility, delivery, cost: costType, fee,
        acc: rng.chance(0.75), free: isCourse ? rng.int(0, 15) : null, wait: isCourse ? null : rng.chance(0.8) ? rng.int(0, medical ? 90 : 30) : null,
        cap: new Date(REFERENCE_DATE - rng.int(0, 120 * 24) * 3_600_000).toISOString(),
        status: rng.chance(0.97) ? ServiceStatus.ACTIVE : ServiceStatus.INACTIVE,
      });

      if (isCourse) {
        for (let k = rng.int(1, 3); k > 0; k--) {
          const startsOn = REFERENCE_DATE + rng.int(1, 130) * 86_400_000;
          const start = rng.int(18, 36) * 30;
          const seats = rng.int(8, 15);
          rows.courseSessions.push({
            id: rng.uuid(), s: serviceId, a: isoDate(startsOn), b: isoDate(startsOn + rng.int(8, 12) * 7 * 86_400_000), w: rng.int(1, 6),
            st: time(start), et: time(start + rng.pick([60, 90])), seats, free: rng.int(0, seats),
          });
        }
      } else {
        const x = rng.next();
        const days = x < 0.7 ? [1, 2, 3, 4, 5] : x < 0.9 ? rng.sample([1, 2, 3, 4, 5, 6], rng.int(2, 3)) : [];
        const opens = rng.int(14, 20) * 30;
        const closes = rng.int(24, 36) * 30;
        for (const w of days) rows.openingHours.push({ id: rng.uuid(), s: serviceId, w, o: time(opens), c: time(closes) });
      }
    }
  }
  return rows;
}

function chunkStatements(rows: ChunkRows): Statement[] {
  const statements: Statement[] = [];
  const add = (records: object[], sql: string) => {
    if (records.length) statements.push({ sql, params: [JSON.stringify(records)] });
  };
  add(rows.organizations, `INSERT INTO organization (id, name, kind, identifiers, website, email, phones, status, fictitious, verified_at, verified_by, version)
    SELECT id, name, kind, identifiers, website, email, phones, status, true, verified_at, verified_by, 1
    FROM json_to_recordset($1::json) AS r(id uuid, name text, kind text, identifiers jsonb, website text, email text, phones jsonb, status text, verified_at timestamptz, verified_by text)`);
  add(rows.locations, `INSERT INTO location (id, organization_id, name, street, postcode, town, point, version)
    SELECT id, o, name, street, plz, town, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, 1
    FROM json_to_recordset($1::json) AS r(id uuid, o uuid, name text, street text, plz text, town text, lat float8, lon float8)`);
  add(rows.services, `INSERT INTO service (id, organization_id, name, description, category, specialty, min_age, max_age, insurance_requirement,
      languages, accessibility, delivery_modes, cost_type, fee_amount, accepting_new_clients, free_seats, waiting_days, capacity_updated_at, status, version)
    SELECT id, o, name, description, category, specialty, min_age, max_age, ins, languages, accessibility, delivery, cost, fee, acc, free, wait, cap, status, 1
    FROM json_to_recordset($1::json) AS r(id uuid, o uuid, name text, description text, category text, specialty text, min_age smallint, max_age smallint,
      ins text, languages text[], accessibility text[], delivery text[], cost text, fee numeric, acc boolean, free int, wait int, cap timestamptz, status text)`);
  add(rows.serviceNeeds, `INSERT INTO service_need (service_id, need_code) SELECT s, n FROM json_to_recordset($1::json) AS r(s uuid, n text)`);
  add(rows.serviceLocations, `INSERT INTO service_location (service_id, location_id) SELECT s, l FROM json_to_recordset($1::json) AS r(s uuid, l uuid)`);
  add(rows.openingHours, `INSERT INTO opening_hours (id, service_id, weekday, opens_at, closes_at)
    SELECT id, s, w, o, c FROM json_to_recordset($1::json) AS r(id uuid, s uuid, w smallint, o time, c time)`);
  add(rows.courseSessions, `INSERT INTO course_session (id, service_id, starts_on, ends_on, weekday, start_time, end_time, seats, free_seats)
    SELECT id, s, a, b, w, st, et, seats, free FROM json_to_recordset($1::json) AS r(id uuid, s uuid, a date, b date, w smallint, st time, et time, seats int, free int)`);
  return statements;
}

// ---------------------------------------------------------------------------------------------
// load

const CATALOGUE_TABLES = ['organization', 'location', 'service', 'service_need', 'service_location', 'opening_hours', 'course_session'];

/** Removes every catalogue row (the catalogue of a bench database is entirely synthetic). */
export async function truncateCatalogue(db: SqlTarget): Promise<void> {
  await db.query(`TRUNCATE ${CATALOGUE_TABLES.join(', ')} CASCADE`);
}

export async function readMarker(db: SqlTarget): Promise<string | null> {
  const [row] = await db.query<{ marker: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = current_database()`);
  return row?.marker ?? null;
}

export async function writeMarker(db: SqlTarget, marker: string | null): Promise<void> {
  // COMMENT takes no parameters; the marker is our own constant-shaped string, quoted by format(%L)
  await db.query(`DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), ${marker === null ? 'NULL' : `'${marker.replace(/'/g, "''")}'`}); END $$`);
}

export async function countListings(db: SqlTarget): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM service_location`);
  return row.n;
}

/**
 * Inserts the catalogue (the tables must be empty), then VACUUM ANALYZE so that plans and
 * visibility maps are those of a settled database, then marks the database with `catalogueMarker`.
 */
export async function generateCatalogue(db: SqlTarget, options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const chunkListings = options.chunkListings ?? 5000;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const total = options.listings;
  const workload = options.workload ?? 'germany';
  const result: GenerateResult = { listings: 0, organizations: 0, locations: 0, services: 0, serviceNeeds: 0, openingHours: 0, courseSessions: 0, locationsInSaxony: 0, insertSeconds: 0, vacuumAnalyzeSeconds: 0 };
  const counter = { org: 0 };
  const started = Date.now();
  let lastReport = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  await writeMarker(db, null);

  const chunks = Math.ceil(total / chunkListings);
  for (let k = 0; k < chunks && !failure; k++) {
    const wanted = Math.min(chunkListings, total - k * chunkListings);
    const rows = generateChunk(new Rng(`${workload === 'saxony' ? 'saxony:' : ''}${seed}:${k}`), counter, wanted, workload === 'saxony' ? saxonyAnchor : germanyAnchor);
    const statements = chunkStatements(rows);
    result.listings += rows.serviceLocations.length;
    result.organizations += rows.organizations.length;
    result.locations += rows.locations.length;
    result.services += rows.services.length;
    result.serviceNeeds += rows.serviceNeeds.length;
    result.openingHours += rows.openingHours.length;
    result.courseSessions += rows.courseSessions.length;
    while (inFlight.size >= db.parallelism) await Promise.race(inFlight);
    const p: Promise<void> = db.transaction(statements).then(
      () => { inFlight.delete(p); },
      (e) => { inFlight.delete(p); failure ??= e; },
    );
    inFlight.add(p);
    const now = Date.now();
    if (now - lastReport > 3000 || k === chunks - 1) {
      lastReport = now;
      const s = (now - started) / 1000;
      log(`  generate: ${result.listings.toLocaleString('en')}/${total.toLocaleString('en')} listings (${Math.round((100 * result.listings) / total)} %) in ${s.toFixed(0)} s, ${Math.round(result.listings / Math.max(s, 0.001))}/s`);
    }
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  result.insertSeconds = (Date.now() - started) / 1000;

  const vacuumStarted = Date.now();
  log(`  generate: inserted in ${result.insertSeconds.toFixed(1)} s; VACUUM ANALYZE …`);
  for (const table of CATALOGUE_TABLES) await db.query(`VACUUM (ANALYZE) ${table}`);
  result.vacuumAnalyzeSeconds = (Date.now() - vacuumStarted) / 1000;
  const [inSaxony] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM location WHERE district_ags IS NOT NULL`);
  result.locationsInSaxony = inSaxony.n;
  if (result.listings !== total) throw new Error(`generated ${result.listings} listings instead of ${total}`);
  await writeMarker(db, catalogueMarker(total, seed, workload));
  log(
    `  generate: ${result.organizations} organizations, ${result.locations} locations (${result.locationsInSaxony} in Saxony), ${result.services} services, ` +
      `${result.listings} listings, ${result.serviceNeeds} service needs, ${result.openingHours} opening hours, ${result.courseSessions} course sessions; ` +
      `VACUUM ANALYZE ${result.vacuumAnalyzeSeconds.toFixed(1)} s`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// command line: prepare (migrate + generate) bench databases without measuring

async function main(): Promise<void> {
  const { parseArgs } = await import('./options');
  const { openTarget } = await import('./targets');
  const options = parseArgs(process.argv.slice(2));
  for (const run of options.runs) {
    process.stderr.write(`${run.workload} ${run.db} ${run.size}:\n`);
    const target = await openTarget(run, options);
    await target.close();
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench:generate failed: ${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  });
}
