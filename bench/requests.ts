/**
 * What is measured: the match requests (origins in Saxony, one need each), the GraphQL documents, and
 * the floor — the bare PostGIS SQL of the matcher's candidate query.
 */
import { NEED_TERMS } from '../libs/catalogue/src/domain/needs-taxonomy';
import { gaussianAround, SAXON_TOWNS } from './geo';
import { Rng } from './random';

export interface MatchCase {
  town: string;
  latitude: number;
  longitude: number;
  need: string;
  /** the origin's district is a Landkreis (the matcher's estimator then assumes sparser transport) */
  rural: boolean;
  /** reach radius of the candidate search: the floor's and servicesNear's radius */
  radiusMeters: number;
}

/** 60 min by public transport. */
export const TRAVEL = { mode: 'PUBLIC_TRANSPORT', maxMinutes: 60 } as const;
/** Radius when the app has no travel-time estimator to ask (no matching module): the brief's guess. */
export const FALLBACK_RADIUS_METERS = 40_000;
export const CANDIDATE_LIMIT = 400;

/**
 * `count` requests cycling through the Saxon towns with a gaussian offset (sd 1.5 km) and a need drawn
 * uniformly from the taxonomy. Candidates outside Saxony are replaced by the caller (see `keepInside`).
 */
export function matchCases(count: number, seed: string): Omit<MatchCase, 'rural' | 'radiusMeters'>[] {
  const rng = new Rng(`${seed}:requests`);
  const needs = NEED_TERMS.map((t) => t.code);
  const cases: Omit<MatchCase, 'rural' | 'radiusMeters'>[] = [];
  for (let i = 0; i < count; i++) {
    const town = SAXON_TOWNS[i % SAXON_TOWNS.length];
    const p = gaussianAround(rng, town.lat, town.lon, 1.5);
    cases.push({ town: town.name, latitude: Math.round(p.lat * 1e5) / 1e5, longitude: Math.round(p.lon * 1e5) / 1e5, need: rng.pick(needs) });
  }
  return cases;
}

/**
 * Moves origins that fell outside Saxony (border towns) back to their town centre, and looks up
 * whether each origin's district is rural (not a kreisfreie Stadt), as the matcher does.
 */
export async function placeInSaxony(
  cases: Omit<MatchCase, 'rural' | 'radiusMeters'>[],
  query: (sql: string, params: unknown[]) => Promise<any[]>,
): Promise<{ cases: Omit<MatchCase, 'radiusMeters'>[]; moved: number }> {
  const kinds = async (points: { latitude: number; longitude: number }[]) => {
    const rows: { i: number; kind: string | null }[] = await query(
      `SELECT i::int AS i, (SELECT d.kind FROM district d WHERE ST_Covers(d.boundary, ST_SetSRID(ST_MakePoint(lon, lat), 4326)) ORDER BY d.ags LIMIT 1) AS kind
       FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS t(lon, lat, i) ORDER BY i`,
      [points.map((c) => c.longitude), points.map((c) => c.latitude)],
    );
    return rows.map((r) => r.kind);
  };
  let moved = 0;
  const placed = (await kinds(cases)).map((kind, k) => {
    if (kind) return cases[k];
    moved++;
    const town = SAXON_TOWNS.find((t) => t.name === cases[k].town)!;
    return { ...cases[k], latitude: town.lat, longitude: town.lon };
  });
  const final = await kinds(placed);
  return {
    moved,
    cases: placed.map((c, k) => {
      if (!final[k]) throw new Error(`origin ${c.town} (${c.latitude}, ${c.longitude}) is outside Saxony`);
      return { ...c, rural: final[k] !== 'Kreisfreie Stadt' };
    }),
  };
}

export const MATCH_QUERY = `query Match($request: MatchRequestInput!) {
  matchReferralTargets(request: $request) {
    weightSet { name }
    targets(first: 10) { totalCount edges { node { score distanceMeters travelMinutes service { id name } location { id } reasons { factor contribution } } } }
  }
}`;

export const SERVICES_NEAR_QUERY = `query Near($near: NearInput!, $filter: ServiceFilterInput) {
  servicesNear(first: 10, near: $near, filter: $filter) {
    totalCount
    edges { node { distanceMeters service { id name } location { id } } }
  }
}`;

export const NO_DB_QUERY = `{ __typename }`;

export function matchBody(c: MatchCase): string {
  return JSON.stringify({
    query: MATCH_QUERY,
    operationName: 'Match',
    variables: {
      request: {
        needs: [c.need],
        origin: { latitude: c.latitude, longitude: c.longitude },
        travel: TRAVEL,
        constraints: { acceptingNewClientsOnly: true },
      },
    },
  });
}

export function servicesNearBody(c: MatchCase): string {
  return JSON.stringify({
    query: SERVICES_NEAR_QUERY,
    operationName: 'Near',
    variables: {
      near: { latitude: c.latitude, longitude: c.longitude, radiusMeters: c.radiusMeters },
      filter: { needs: [c.need], acceptingNewClients: true },
    },
  });
}

/** Not measured: run once per request to check that the floor returns exactly the matcher's candidates. */
export function matchCheckBody(c: MatchCase): string {
  const body = JSON.parse(matchBody(c));
  body.query = `query Check($request: MatchRequestInput!) { matchReferralTargets(request: $request) { consideredCandidates limitMinutes } }`;
  body.operationName = 'Check';
  return JSON.stringify(body);
}

export const NO_DB_BODY = JSON.stringify({ query: NO_DB_QUERY });

/**
 * The floor: what the matcher's candidate query does — the nearest candidates by KNN (`<->` on the
 * GiST index) within the reach radius, visible services only, with the need and capacity filters.
 * Keep in step with libs/matching's candidate query.
 */
export const FLOOR_SQL = `SELECT s.id AS service_id, l.id AS location_id, ST_Distance(l.point, o.g) AS d
FROM (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography AS g) o, location l
JOIN service_location sl ON sl.location_id = l.id
JOIN service s ON s.id = sl.service_id
WHERE ST_DWithin(l.point, o.g, $3::float8) AND s.status = 'active'
  AND EXISTS (SELECT 1 FROM organization vo WHERE vo.id = s.organization_id AND vo.status = 'active')
  AND EXISTS (SELECT 1 FROM service_need sn WHERE sn.service_id = s.id AND sn.need_code = ANY($4::varchar[]))
  AND s.accepting_new_clients
ORDER BY l.point <-> o.g
LIMIT ${CANDIDATE_LIMIT}`;

export function floorParams(c: MatchCase): unknown[] {
  return [c.longitude, c.latitude, c.radiusMeters, [c.need]];
}
