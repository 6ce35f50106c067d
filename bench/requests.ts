/**
 * What is measured: the match requests (origins in Saxony, one need each), the GraphQL documents, and
 * the floor — the bare PostGIS SQL of the matcher's candidate query.
 */
import { NEED_TERMS } from '@lotse/catalogue';
import { candidateScans, planPartnerKinds } from '@lotse/matching';
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
 * uniformly from the taxonomy's 2026.1 codes. Candidates outside Saxony are replaced by the caller (see `keepInside`).
 */
export function matchCases(count: number, seed: string): Omit<MatchCase, 'rural' | 'radiusMeters'>[] {
  const rng = new Rng(`${seed}:requests`);
  // the 2026.1 codes: the synthetic catalogue tags only those, and the figures stay comparable across taxonomy versions
  const needs = NEED_TERMS.filter((t) => t.since === '2026.1').map((t) => t.code);
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
 * The smallest request that does database work: one organisation's name by primary key, through the
 * same HTTP, GraphQL, guard and validation layers and the same pool as the match. Not a target; it
 * shows how much of the no-DB ceiling a single round trip to the database already costs.
 */
export const ONE_ROW_QUERY = `query One($id: ID!) { organization(id: $id) { id name } }`;

export function oneRowBodies(organizationIds: string[]): string[] {
  return organizationIds.map((id) => JSON.stringify({ query: ONE_ROW_QUERY, operationName: 'One', variables: { id } }));
}

/**
 * The floor: what the matcher's candidate query does for one need — one KNN scan (`<->` on
 * match_listing's (need_code, point) GiST index) of the need's family: its rows stand for listings
 * tagged with the need or one of its narrower needs (migration 1734400000000), kept when they hold
 * one of the need's route tokens (each tagged need's default kinds of partner), within the reach
 * radius (on the sphere, with the matcher's margin), with the capacity filter — returning only ids
 * and the sphere distance, not the facts the matcher scores on. Keep in step with
 * findMatchCandidates in libs/catalogue's repository.
 */
export const FLOOR_SQL = `WITH o AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography AS g)
SELECT ml.service_id, ml.location_id, ml.point <-> o.g AS knn
FROM o CROSS JOIN LATERAL (
  SELECT ml.service_id, ml.location_id, ml.point
  FROM match_listing ml
  WHERE ml.need_code = $4::varchar AND ml.route_tokens && $5::text[]
    AND ST_DWithin(ml.point, o.g, $3::float8 * 1.001, false) AND ml.accepting_new_clients
  ORDER BY ml.point <-> o.g LIMIT ${CANDIDATE_LIMIT}
) ml
ORDER BY knn, ml.service_id, ml.location_id`;

/** the family scan the matcher runs for this need when the coach names no kind: the need and the route tokens of its answers */
const scansOf = new Map<string, [string, readonly string[]]>();
function familyScan(need: string): [string, readonly string[]] {
  if (!scansOf.has(need)) {
    const [scan] = candidateScans(planPartnerKinds([need]), [need]).scans;
    scansOf.set(need, [scan.need, scan.routes]);
  }
  return scansOf.get(need)!;
}

export function floorParams(c: MatchCase): unknown[] {
  const [need, routes] = familyScan(c.need);
  return [c.longitude, c.latitude, c.radiusMeters, need, routes];
}
