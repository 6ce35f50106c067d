import { defaultPartnerKinds, PartnerKind, partnerKindToken, ServiceCategory } from '@lotse/catalogue';
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

/** What the candidate search and the ranking make of a request's kinds of partner. */
export interface PartnerKindPlan {
  /** per need, the kind tokens a listing must share to answer it (a hard filter) */
  filter: Record<string, string[]>;
  /** per need, the kinds a coach prefers (ranked first; see scoring/rank.ts) */
  preferred: Map<string, PartnerKind[]>;
  /** nearest-first scans of a need's preferred kinds alone, so nearer listings of its other kinds cannot crowd them out */
  extraScans: { need: string; kinds: string[] }[];
}

/** Specialties belong to physicians and clinics (a clinic's department); other categories have none. */
const WITH_SPECIALTY: readonly ServiceCategory[] = [ServiceCategory.PHYSICIAN, ServiceCategory.CLINIC];

/**
 * Per need: the kinds asked for as REQUIRE replace the need's default kinds; kinds asked for as
 * PREFER are added to the defaults (a coach may prefer a kind the defaults do not name) and rank
 * first. Without either, the need's documented default kinds (`DEFAULT_PARTNER_KINDS`) apply — which
 * is why a room or an employment measure never answers a health need unless asked for. With both,
 * the preference ranks within the required kinds.
 */
export function planPartnerKinds(needs: readonly string[], asked: readonly NeedPartnerKind[] = [], field = 'request.partnerKinds'): PartnerKindPlan {
  asked.forEach((a, i) => {
    if (!needs.includes(a.need)) throw InvalidInputError.of(`${field}.${i}.need`, `${a.need} is not one of the requested needs`);
    if (!a.kind.category && !a.kind.specialty) throw InvalidInputError.of(`${field}.${i}`, 'a kind of partner names a category, a specialty or both');
    if (a.kind.specialty && a.kind.category && !WITH_SPECIALTY.includes(a.kind.category)) {
      throw InvalidInputError.of(`${field}.${i}.specialty`, `a specialty applies to physicians and clinics, not to ${a.kind.category}`);
    }
  });
  const filter: Record<string, string[]> = {};
  const preferred = new Map<string, PartnerKind[]>();
  const extraScans: PartnerKindPlan['extraScans'] = [];
  for (const need of needs) {
    const required = asked.filter((a) => a.need === need && a.mode === PartnerKindMode.REQUIRE).map((a) => a.kind);
    const prefer = asked.filter((a) => a.need === need && a.mode === PartnerKindMode.PREFER).map((a) => a.kind);
    const kinds = required.length ? required : [...defaultPartnerKinds(need), ...prefer];
    filter[need] = [...new Set(kinds.map(partnerKindToken))];
    if (prefer.length) {
      preferred.set(need, prefer);
      // within required kinds a separate scan could return listings outside them: rank only
      if (!required.length) extraScans.push({ need, kinds: [...new Set(prefer.map(partnerKindToken))] });
    }
  }
  return { filter, preferred, extraScans };
}

