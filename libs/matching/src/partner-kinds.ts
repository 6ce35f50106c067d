import { answerRouteTokens, CandidateScan, listingKindTokens, needAnswers, PartnerKind, partnerKindToken, ServiceCategory } from '@lotse/catalogue';
import { InvalidInputError } from '@lotse/common';

/** How a coach's kind of partner for a need applies. */
export enum PartnerKindMode {
  /** only targets of this kind (or of another kind asked for the same need) answer the need */
  REQUIRE = 'require',
  /** the need's default kinds still answer it, but targets of this kind rank first and fill the bundle when there is one */
  PREFER = 'prefer',
}

/** "ein Orthopäde" for musculoskeletal: need, kind, and whether it filters or ranks. */
export interface NeedPartnerKind {
  need: string;
  kind: PartnerKind;
  mode: PartnerKindMode;
}

/** One way a requested need is answered: by listings tagged `via` (the need or a narrower one) of one of `tokens`' kinds. */
export interface NeedRoute {
  via: string;
  tokens: ReadonlySet<string>;
}

/** What the candidate search and the ranking make of a request's needs and kinds of partner. */
export interface PartnerKindPlan {
  /**
   * Per requested need, what answers it (`needAnswers`: the need and its narrower needs, each of its
   * kinds). A candidate answers a need when it is tagged with a route's `via` and of its kind.
   */
  routes: Map<string, NeedRoute[]>;
  /** per need, the kinds a coach prefers (ranked first; see scoring/rank.ts) */
  preferred: Map<string, PartnerKind[]>;
  /** needs whose preferred kinds get scans of their own (preferred without a required kind: within required kinds a separate scan could return listings outside them) */
  ownScans: Set<string>;
}

/** What the candidate search scans for some of a plan's needs (`CandidateCriteria.scans`). */
export interface CandidateScans {
  /**
   * Per need, one scan of its family (the need and its narrower needs) for the route tokens of its
   * routes; and, for a need with preferred kinds of its own, one more for its routes restricted to
   * those kinds, so that nearer listings of its other kinds cannot crowd them out.
   */
  scans: CandidateScan[];
}

/** Specialties belong to physicians and clinics (a clinic's department); other categories have none. */
const WITH_SPECIALTY: readonly ServiceCategory[] = [ServiceCategory.PHYSICIAN, ServiceCategory.CLINIC];

/**
 * Per need: the kinds asked for as REQUIRE replace the need's default kinds; kinds asked for as
 * PREFER are added to the defaults (a coach may prefer a kind the defaults do not name) and rank
 * first. Without either, the need's documented default kinds (`DEFAULT_PARTNER_KINDS`) apply — which
 * is why a room or an employment measure never answers a health need unless asked for. With both,
 * the preference ranks within the required kinds.
 *
 * A need with narrower needs (`mental_health`) is answered by listings of each of them too
 * (`needAnswers`): by the narrower need's own default kinds, or by the kinds the coach asked for the
 * need they asked about — "Psychische Gesundheit, eine PIA" requires the PIA for every route.
 */
export function planPartnerKinds(needs: readonly string[], asked: readonly NeedPartnerKind[] = [], field = 'request.partnerKinds'): PartnerKindPlan {
  asked.forEach((a, i) => {
    if (!needs.includes(a.need)) throw InvalidInputError.of(`${field}.${i}.need`, `${a.need} is not one of the requested needs`);
    if (!a.kind.category && !a.kind.specialty) throw InvalidInputError.of(`${field}.${i}`, 'a kind of partner names a category, a specialty or both');
    if (a.kind.specialty && a.kind.category && !WITH_SPECIALTY.includes(a.kind.category)) {
      throw InvalidInputError.of(`${field}.${i}.specialty`, `a specialty applies to physicians and clinics, not to ${a.kind.category}`);
    }
  });
  const routes = new Map<string, NeedRoute[]>();
  const preferred = new Map<string, PartnerKind[]>();
  const ownScans = new Set<string>();
  for (const need of needs) {
    const required = asked.filter((a) => a.need === need && a.mode === PartnerKindMode.REQUIRE).map((a) => a.kind);
    const prefer = asked.filter((a) => a.need === need && a.mode === PartnerKindMode.PREFER).map((a) => a.kind);
    routes.set(
      need,
      needAnswers(need).map(({ via, kinds }) => ({ via, tokens: new Set((required.length ? required : [...kinds, ...prefer]).map(partnerKindToken)) })),
    );
    if (prefer.length) preferred.set(need, prefer);
    if (prefer.length && !required.length) ownScans.add(need);
  }
  return { routes, preferred, ownScans };
}

/** The scans that find candidates for `needs` (all of the plan's, or some: the unmet ones beyond the limit). */
export function candidateScans(plan: PartnerKindPlan, needs: readonly string[]): CandidateScans {
  const scans: CandidateScan[] = [];
  for (const need of needs) {
    const routes = plan.routes.get(need) ?? [];
    scans.push({ need, routes: answerRouteTokens(routes) });
    const prefer = plan.ownScans.has(need) ? plan.preferred.get(need)! : [];
    if (prefer.length) {
      const tokens = prefer.map(partnerKindToken);
      scans.push({ need, routes: answerRouteTokens(routes.map((r) => ({ via: r.via, tokens }))) });
    }
  }
  return { scans };
}

/** A requested need a candidate answers, and the narrower needs it answers it through (empty: tagged with the need itself). */
export interface AnsweredNeed {
  code: string;
  via: string[];
}

/**
 * Which of `needs` a candidate answers: tagged with a route's need and of its kind. The search
 * found it by the union of the kinds per tagged need, so the kind is checked again per requested need.
 */
export function answeredNeeds(plan: PartnerKindPlan, needs: readonly string[], candidate: { matchedNeeds: readonly string[]; service: { category: string; specialty: string | null } }): AnsweredNeed[] {
  // called for every candidate of every match: plain loops, no array or closure unless it is kept
  let own: readonly string[] | undefined;
  const answered: AnsweredNeed[] = [];
  for (const need of needs) {
    let via: string[] | undefined;
    let direct = false;
    for (const route of plan.routes.get(need) ?? NO_ROUTES) {
      if (!candidate.matchedNeeds.includes(route.via)) continue;
      own ??= listingKindTokens(candidate.service);
      if (!sharesToken(own, route.tokens)) continue;
      if (route.via === need) direct = true;
      else (via ??= []).push(route.via);
    }
    if (direct) answered.push({ code: need, via: [] });
    else if (via) answered.push({ code: need, via });
  }
  return answered;
}

const NO_ROUTES: readonly NeedRoute[] = [];

function sharesToken(own: readonly string[], tokens: ReadonlySet<string>): boolean {
  for (let i = 0; i < own.length; i++) if (tokens.has(own[i])) return true;
  return false;
}

/** "Psychische Gesundheit (über Psychotherapie)" where a target answers a need only through a narrower one. */
export function needLabel(need: { code: string; labelDe: string }, target: { matchedVia: readonly { need: string; via: readonly { labelDe: string }[] }[] }): string {
  const via = target.matchedVia.find((m) => m.need === need.code)?.via;
  return via?.length ? `${need.labelDe} (über ${via.map((v) => v.labelDe).join(', ')})` : need.labelDe;
}
