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
 * The floor: what the matcher's candidate query does for one need — for the need and each of its
 * narrower needs (mental health: psychotherapy, psychosocial counselling, …), the nearest listings
 * tagged with it by KNN (`<->` on match_listing's (need_code, point) GiST index) within the reach
 * radius (on the sphere, with the matcher's margin), of that tagged need's default kinds of partner,
 * with the capacity filter; a listing found twice counts once — returning only ids and the sphere
 * distance, not the facts the matcher scores on. Keep in step with findMatchCandidates in
 * libs/catalogue's repository (since 2026-12-02 evening it scans the need family, as the matcher
 * has since `0896270`).
 */
export const FLOOR_SQL = `WITH o AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography AS g)
SELECT k.service_id, k.location_id, min(k.knn) AS knn
FROM o, unnest($4::varchar[], $5::text[]) AS n(code, kinds) CROSS JOIN LATERAL (
  SELECT ml.service_id, ml.location_id, ml.point <-> o.g AS knn
  FROM match_listing ml
  WHERE ml.need_code = n.code AND (n.kinds IS NULL OR ml.kind_tokens && string_to_array(n.kinds, ','))
    AND ST_DWithin(ml.point, o.g, $3::float8 * 1.001, false) AND ml.accepting_new_clients
  ORDER BY ml.point <-> o.g LIMIT ${CANDIDATE_LIMIT}
) k
GROUP BY k.service_id, k.location_id
ORDER BY knn, k.service_id, k.location_id`;

/** the tagged needs the matcher scans for this need when the coach names no kind, with each one's kind tokens (comma-joined) */
const scansOf = new Map<string, [string[], (string | null)[]]>();
function familyScans(need: string): [string[], (string | null)[]] {
  if (!scansOf.has(need)) {
    const scans = candidateScans(planPartnerKinds([need]), [need]);
    scansOf.set(need, [scans.needs, scans.needs.map((n) => scans.kinds[n]?.join(',') ?? null)]);
  }
  return scansOf.get(need)!;
}

export function floorParams(c: MatchCase): unknown[] {
  const [needs, kinds] = familyScans(c.need);
  return [c.longitude, c.latitude, c.radiusMeters, needs, kinds];
}
