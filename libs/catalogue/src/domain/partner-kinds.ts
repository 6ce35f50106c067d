import { MedicalSpecialty, ServiceCategory } from './enums';
import { NEED_TERMS, needWithNarrower } from './needs-taxonomy';
import { MEDICAL_SPECIALTIES, medicalSpecialty, PRIMARY_CARE_SPECIALTIES } from './specialties';

/**
 * A kind of partner a coach asks for: a category, a medical specialty, or both ("ein Orthopäde" =
 * specialty orthopaedics; "eine Psychiatrische Institutsambulanz" = a clinic with specialty
 * psychiatry; "ein Kurs" = category course). A listing is of the kind when it has the category (if
 * given) and the specialty (if given).
 */
export interface PartnerKind {
  category?: ServiceCategory;
  specialty?: MedicalSpecialty;
}

/**
 * Categories that are resources for the coach rather than places to refer someone to: rooms for an
 * outreach consultation and employment measures. They appear in a match only when asked for (a
 * need's default kinds name them, or the coach asks for the kind); rooms have a query of their own.
 */
export const RESOURCE_CATEGORIES: readonly ServiceCategory[] = [ServiceCategory.COMMUNITY_ROOM, ServiceCategory.EMPLOYMENT_MEASURE];

const C = ServiceCategory;
const S = MedicalSpecialty;
const of = (category: ServiceCategory): PartnerKind => ({ category });
const physicians = (...specialties: MedicalSpecialty[]): PartnerKind[] => specialties.map((specialty) => ({ category: C.PHYSICIAN, specialty }));
const MENTAL_HEALTH_PHYSICIANS = physicians(S.PSYCHIATRY, S.PSYCHOSOMATIC_MEDICINE, S.PSYCHOTHERAPY, S.CHILD_ADOLESCENT_PSYCHIATRY);
/** physicians of every Facharzt and additional qualification but those of hausärztliche Versorgung (psychological psychotherapists are not physicians) */
const SPECIALISTS = physicians(...MEDICAL_SPECIALTIES.filter((s) => !s.primaryCare && s.qualification !== 'psychotherapy').map((s) => s.code));

/**
 * The kinds of partner a need is answered by when the coach names none — a hard filter of the match.
 * Documented in README ("Kinds of partner"). The rules behind the table:
 * - GP care is general practice (hausärztliche Versorgung: Allgemeinmedizin, Innere Medizin), never
 *   an insurer's customer centre or a clinic;
 * - specialist assessment is clinics and specialists (any Facharzt but GP care), never an insurer;
 * - mental-health treatment is psychiatry, psychosomatics and psychotherapy, clinics (the PIA) and the
 *   psychosocial services — not a prevention course or an insurer;
 * - insurers answer what they do: prevention and courses, rehabilitation and case management, advice
 *   for caring relatives (Pflegeberatung);
 * - resources (rooms, employment measures) appear only for the need they serve: employment measures
 *   for employment and qualification; rooms never (they have their own query).
 */
export const DEFAULT_PARTNER_KINDS: Readonly<Record<string, readonly PartnerKind[]>> = {
  musculoskeletal: [of(C.PHYSICIAN), of(C.CLINIC), of(C.COURSE)],
  cardiovascular: [of(C.PHYSICIAN), of(C.CLINIC), of(C.COURSE)],
  metabolic: [of(C.PHYSICIAN), of(C.CLINIC), of(C.COURSE)],
  weight_management: [of(C.PHYSICIAN), of(C.CLINIC), of(C.COURSE)],
  chronic_pain: [of(C.PHYSICIAN), of(C.CLINIC), of(C.COURSE)],
  mental_health: [...MENTAL_HEALTH_PHYSICIANS, of(C.CLINIC), of(C.PSYCHOSOCIAL_SERVICE)],
  psychiatric_treatment: [...physicians(S.PSYCHIATRY, S.PSYCHOSOMATIC_MEDICINE, S.CHILD_ADOLESCENT_PSYCHIATRY), of(C.CLINIC)],
  psychotherapy: [...MENTAL_HEALTH_PHYSICIANS, of(C.CLINIC)],
  crisis_intervention: [of(C.PSYCHOSOCIAL_SERVICE), of(C.CLINIC), ...physicians(S.PSYCHIATRY, S.CHILD_ADOLESCENT_PSYCHIATRY)],
  psychosocial_counselling: [of(C.PSYCHOSOCIAL_SERVICE), of(C.SOCIAL_SERVICE), of(C.ADDICTION_COUNSELLING)],
  addiction: [of(C.ADDICTION_COUNSELLING), of(C.CLINIC), ...physicians(S.ADDICTION_MEDICINE, S.PSYCHIATRY)],
  smoking_cessation: [of(C.COURSE), of(C.ADDICTION_COUNSELLING), of(C.PHYSICIAN), of(C.HEALTH_INSURER)],
  primary_care: physicians(...PRIMARY_CARE_SPECIALTIES),
  specialist_assessment: [of(C.CLINIC), ...SPECIALISTS],
  medical_rehabilitation: [of(C.CLINIC), of(C.PHYSICIAN), of(C.HEALTH_INSURER), of(C.COURSE), of(C.ADDICTION_COUNSELLING)],
  exercise: [of(C.COURSE), of(C.CLINIC), of(C.HEALTH_INSURER)],
  nutrition: [of(C.COURSE), of(C.PHYSICIAN), of(C.CLINIC), of(C.HEALTH_INSURER)],
  stress_relaxation: [of(C.COURSE), of(C.HEALTH_INSURER), ...MENTAL_HEALTH_PHYSICIANS],
  social_participation: [of(C.PSYCHOSOCIAL_SERVICE), of(C.SOCIAL_SERVICE), of(C.ADDICTION_COUNSELLING)],
  self_help: [of(C.PSYCHOSOCIAL_SERVICE), of(C.SOCIAL_SERVICE), of(C.ADDICTION_COUNSELLING)],
  relatives_carers: [of(C.PSYCHOSOCIAL_SERVICE), of(C.SOCIAL_SERVICE), of(C.ADDICTION_COUNSELLING), of(C.HEALTH_INSURER)],
  debt_counselling: [of(C.SOCIAL_SERVICE), of(C.ADDICTION_COUNSELLING)],
  family_couples: [of(C.SOCIAL_SERVICE), of(C.PSYCHOSOCIAL_SERVICE), of(C.ADDICTION_COUNSELLING)],
  employment_qualification: [of(C.EMPLOYMENT_MEASURE), of(C.CLINIC), of(C.HEALTH_INSURER), of(C.PSYCHOSOCIAL_SERVICE)],
};

for (const term of NEED_TERMS) {
  if (!DEFAULT_PARTNER_KINDS[term.code]) throw new Error(`need ${term.code} has no default kinds of partner (partner-kinds.ts)`);
}

export function defaultPartnerKinds(needCode: string): readonly PartnerKind[] {
  return DEFAULT_PARTNER_KINDS[needCode] ?? [];
}

/** One way a listing answers a need: it is tagged with `via` (the need or a narrower one) and is of one of `kinds`. */
export interface NeedAnswer {
  via: string;
  kinds: readonly PartnerKind[];
}

/**
 * What answers a need when the coach names no kind of partner — the one rule matching, coverage and
 * the documentation share: a listing tagged with the need itself or with one of its narrower needs
 * (`needWithNarrower`: "Psychische Gesundheit" is answered by psychotherapy, psychosocial
 * counselling, crisis intervention and psychiatric treatment too), of the default kinds of partner
 * of the need it is tagged with (a psychotherapy listing answers "mental health" when it is of
 * psychotherapy's kinds). So coverage of "specialist assessment" counts clinics and specialists only,
 * never an insurer's centre, a room or a job measure — exactly what a match would offer.
 */
export function needAnswers(code: string): NeedAnswer[] {
  return needWithNarrower(code).map((via) => ({ via, kinds: defaultPartnerKinds(via) }));
}

/**
 * A kind as tokens a listing shares when it is of that kind: `c:<category>`, `s:<specialty>`,
 * `cs:<category>/<specialty>`. A listing has all three of its own; it is of one of several kinds
 * when the token sets overlap — one array test in SQL (`&&`), the same rule here.
 */
export function partnerKindToken(kind: PartnerKind): string {
  if (kind.category && kind.specialty) return `cs:${kind.category}/${kind.specialty}`;
  if (kind.category) return `c:${kind.category}`;
  if (kind.specialty) return `s:${kind.specialty}`;
  throw new Error('a kind of partner names a category, a specialty or both');
}

/**
 * One way a listing answers the broader need its read-model row stands under: tagged with `via`
 * (the need or a narrower one) and sharing `kindToken`. A row of `match_listing` carries one per
 * tagged need of its family and kind token of the listing (`route_tokens`, migration
 * 1734400000000), so "tagged with a narrower need and of that need's kinds" is one array overlap.
 */
export function routeToken(via: string, kindToken: string): string {
  return `${via}>${kindToken}`;
}

/** The route tokens of a need's answers (`needAnswers`, or a plan's own): what its family scan looks for. */
export function answerRouteTokens(answers: readonly { via: string; tokens: Iterable<string> }[]): string[] {
  const tokens = new Set<string>();
  for (const a of answers) for (const t of a.tokens) tokens.add(routeToken(a.via, t));
  return [...tokens];
}

/** The route tokens of what answers `need` when the coach names no kind of partner (coverage counts these). */
export function defaultRouteTokens(need: string): string[] {
  return answerRouteTokens(needAnswers(need).map((a) => ({ via: a.via, tokens: a.kinds.map(partnerKindToken) })));
}

/** Few distinct (category, specialty) pairs exist, and the matcher asks for every candidate's. */
const TOKENS_OF_KIND = new Map<string, readonly string[]>();

export function listingKindTokens(listing: { category: string; specialty: string | null }): readonly string[] {
  const key = `${listing.category}/${listing.specialty ?? ''}`;
  let tokens = TOKENS_OF_KIND.get(key);
  if (!tokens) {
    tokens = Object.freeze([`c:${listing.category}`, `s:${listing.specialty ?? ''}`, `cs:${key}`]);
    // categories × specialties bound it; the guard only keeps a bad caller from growing it forever
    if (TOKENS_OF_KIND.size < 10_000) TOKENS_OF_KIND.set(key, tokens);
  }
  return tokens;
}

export function isOfKind(listing: { category: string; specialty: string | null }, kinds: readonly PartnerKind[]): boolean {
  const own = listingKindTokens(listing);
  return kinds.some((k) => own.includes(partnerKindToken(k)));
}

/** German names of the categories, as a coach says them. */
export const CATEGORY_LABELS_DE: Readonly<Record<ServiceCategory, string>> = {
  [C.PHYSICIAN]: 'Arztpraxis',
  [C.CLINIC]: 'Klinik',
  [C.HEALTH_INSURER]: 'Krankenkasse',
  [C.ADDICTION_COUNSELLING]: 'Suchtberatung',
  [C.COURSE]: 'Kurs',
  [C.PSYCHOSOCIAL_SERVICE]: 'Psychosozialer Dienst',
  [C.SOCIAL_SERVICE]: 'Soziale Beratung',
  [C.COMMUNITY_ROOM]: 'Raum für Sprechstunden',
  [C.EMPLOYMENT_MEASURE]: 'Beschäftigungsmaßnahme',
};

/** "Arztpraxis: Orthopädie und Unfallchirurgie", "Klinik: Psychiatrie und Psychotherapie", "Kurs". */
export function partnerKindLabel(kind: { category?: ServiceCategory | null; specialty?: MedicalSpecialty | null }): string {
  const specialty = kind.specialty ? medicalSpecialty(kind.specialty).labelDe : null;
  if (kind.category && specialty) return `${CATEGORY_LABELS_DE[kind.category]}: ${specialty}`;
  if (kind.category) return CATEGORY_LABELS_DE[kind.category];
  return specialty ?? '';
}
