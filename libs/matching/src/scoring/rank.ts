/**
 * The ranking rule: **fit dominates.**
 *
 *   1. more of the requested needs covered first;
 *   2. within the same coverage, more of them by the kind of partner the coach preferred for the
 *      need ("ein Orthopäde, wenn möglich"; 0 for every target when no kind is preferred);
 *   3. then the higher score (the weighted mean of `score.ts`);
 *   4. then the nearer; then service and location id (a total order, so pages are stable).
 *
 * So a target covering more of the requested needs is never outranked by one covering fewer — not
 * by capacity, freshness or any other factor, nor by a preference that raises a weight (`shortWait`
 * doubles the capacity weight). Within one level of coverage every factor counts as weighted: a
 * shorter wait, fresher data, a nearer place decide there. The score itself stays the documented
 * weighted mean, so its reasons still add up to it; it orders targets of equal coverage.
 */
export interface Rankable {
  /** requested needs the target addresses */
  coverage: number;
  /** matched needs answered by the preferred kind of partner (`preferredKindNeeds.length`) */
  preferredKinds: number;
  score: number;
  distanceMeters: number;
  service: { id: string };
  location: { id: string };
}

export function compareTargets(a: Rankable, b: Rankable): number {
  return (
    b.coverage - a.coverage ||
    b.preferredKinds - a.preferredKinds ||
    b.score - a.score ||
    a.distanceMeters - b.distanceMeters ||
    a.service.id.localeCompare(b.service.id) ||
    a.location.id.localeCompare(b.location.id)
  );
}

/** Values in a rank key (and so in a page cursor of the ranking). */
export const RANK_KEY_ARITY = 6;

/** The key a page cursor carries: enough to find the cursor's place again when its target is gone. */
export function rankKey(t: Rankable): (string | number)[] {
  return [t.coverage, t.preferredKinds, t.score, t.distanceMeters, t.service.id, t.location.id];
}

export function fromRankKey(key: (string | number)[]): Rankable {
  const [coverage, preferredKinds, score, distanceMeters, serviceId, locationId] = key;
  return { coverage: Number(coverage), preferredKinds: Number(preferredKinds), score: Number(score), distanceMeters: Number(distanceMeters), service: { id: String(serviceId) }, location: { id: String(locationId) } };
}
