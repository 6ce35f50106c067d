import {
  AccessibilityFeature,
  CATEGORY_LABELS_DE,
  CostType,
  DeliveryMode,
  InsuranceRequirement,
  MEDICAL_SPECIALTIES,
  NEED_TERMS,
  NEEDS_TAXONOMY_VERSION,
  OrganizationKind,
  ServiceCategory,
} from '@lotse/catalogue';
import { uuidV5 } from '../ids';

/**
 * Lotse's vocabularies, published as HSDS taxonomies: each controlled vocabulary of the catalogue is
 * one HSDS `taxonomy`, each of its codes one `taxonomy_term` (code = Lotse's stable code, name = the
 * German label, needs keep their parent). A service carries its terms as HSDS `attributes`, so an
 * HSDS reader sees what Lotse knows (needs, category, specialty, accessibility, delivery modes, cost
 * and insurance) and an import of Lotse's own export restores it exactly.
 *
 * Ids and URIs are derived from the codes (name-based UUIDs, `urn:lotse:taxonomy:<vocabulary>[:code]`),
 * never stored: a code is never reused (needs-taxonomy.ts), so its id never changes either.
 */
export type LotseVocabulary =
  | 'need'
  | 'category'
  | 'specialty'
  | 'accessibility'
  | 'delivery_mode'
  | 'cost_type'
  | 'insurance_requirement'
  | 'organization_kind'
  /** whether the service takes new clients now (Lotse's capacity flag; free seats are HSDS capacities) */
  | 'intake';

/** HSDS 3.0 `taxonomy` (schema/taxonomy.json) */
export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri: string;
  version: string;
}

/** HSDS 3.0 `taxonomy_term` (schema/taxonomy_term.json) */
export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
  taxonomy: string;
  language: string;
  taxonomy_id: string;
  term_uri: string;
}

export interface LotseTermRef {
  vocabulary: LotseVocabulary;
  code: string;
}

interface VocabularyDefinition {
  vocabulary: LotseVocabulary;
  name: string;
  description: string;
  version: string;
  terms: { code: string; name: string; description: string; parent?: string }[];
}

const ACCESSIBILITY_LABELS_DE: Record<AccessibilityFeature, string> = {
  [AccessibilityFeature.STEP_FREE_ACCESS]: 'Stufenloser Zugang',
  [AccessibilityFeature.ACCESSIBLE_WC]: 'Barrierefreies WC',
  [AccessibilityFeature.LIFT]: 'Aufzug',
  [AccessibilityFeature.ACCESSIBLE_PARKING]: 'Behindertenparkplatz',
  [AccessibilityFeature.SIGN_LANGUAGE]: 'Gebärdensprache',
  [AccessibilityFeature.HEARING_LOOP]: 'Induktionsschleife',
  [AccessibilityFeature.EASY_LANGUAGE]: 'Leichte Sprache',
  [AccessibilityFeature.BRAILLE]: 'Brailleschrift',
};

const DELIVERY_MODE_LABELS_DE: Record<DeliveryMode, string> = {
  [DeliveryMode.IN_PERSON]: 'Vor Ort',
  [DeliveryMode.OUTREACH]: 'Aufsuchend',
  [DeliveryMode.ONLINE]: 'Online',
};

export const COST_TYPE_LABELS_DE: Record<CostType, string> = {
  [CostType.FREE]: 'Kostenfrei',
  [CostType.STATUTORY_INSURANCE]: 'Kassenleistung',
  [CostType.INSURER_SUBSIDISED]: 'Präventionskurs, von der Krankenkasse bezuschusst (§ 20 SGB V)',
  [CostType.FEE]: 'Kostenpflichtig',
};

export const INSURANCE_REQUIREMENT_LABELS_DE: Record<InsuranceRequirement, string> = {
  [InsuranceRequirement.NONE]: 'Ohne Krankenversicherung möglich',
  [InsuranceRequirement.STATUTORY]: 'Gesetzlich Versicherte',
  [InsuranceRequirement.STATUTORY_OR_PRIVATE]: 'Gesetzlich oder privat Versicherte',
};

const ORGANIZATION_KIND_LABELS_DE: Record<OrganizationKind, string> = {
  [OrganizationKind.PHYSICIAN_PRACTICE]: 'Arztpraxis',
  [OrganizationKind.CLINIC]: 'Klinik',
  [OrganizationKind.HEALTH_INSURER]: 'Krankenkasse',
  [OrganizationKind.COUNSELLING_SERVICE]: 'Beratungsstelle',
  [OrganizationKind.COURSE_PROVIDER]: 'Kursanbieter',
  [OrganizationKind.MUNICIPALITY]: 'Stadt oder Gemeinde',
  [OrganizationKind.SOCIAL_SERVICE_PROVIDER]: 'Sozialer Träger',
  [OrganizationKind.EMPLOYMENT_PROVIDER]: 'Beschäftigungsträger',
  [OrganizationKind.OTHER]: 'Sonstige',
};

/** The two terms of the `intake` vocabulary. */
export const INTAKE_CODES = { accepting: 'accepting_new_clients', notAccepting: 'not_accepting_new_clients' } as const;

const INTAKE_LABELS_DE: Record<string, string> = {
  [INTAKE_CODES.accepting]: 'Nimmt neue Klientinnen und Klienten auf',
  [INTAKE_CODES.notAccepting]: 'Nimmt derzeit keine neuen Klientinnen und Klienten auf',
};

const labelled = <T extends string>(labels: Record<T, string>) => (Object.entries(labels) as [T, string][]).map(([code, name]) => ({ code, name, description: name }));

const VOCABULARIES: readonly VocabularyDefinition[] = [
  {
    vocabulary: 'need',
    name: 'Lotse-Bedarfe',
    description: 'Bedarfe, nach denen Lotse Angebote findet (Gesundheit, Prävention, Behandlung, Soziales); ein Bedarf findet auch die Angebote seiner engeren Bedarfe.',
    version: NEEDS_TAXONOMY_VERSION,
    terms: NEED_TERMS.map((t) => ({ code: t.code, name: t.labelDe, description: t.descriptionDe, parent: t.parent })),
  },
  {
    vocabulary: 'category',
    name: 'Lotse-Angebotsarten',
    description: 'Art des Angebots bzw. des Netzwerkpartners, der es anbietet.',
    version: NEEDS_TAXONOMY_VERSION,
    terms: (Object.values(ServiceCategory) as ServiceCategory[]).map((code) => ({ code, name: CATEGORY_LABELS_DE[code], description: CATEGORY_LABELS_DE[code] })),
  },
  {
    vocabulary: 'specialty',
    name: 'Lotse-Fachgebiete',
    description: 'Fachgebiete ärztlicher und psychotherapeutischer Angebote: Facharztkompetenzen der (Muster-)Weiterbildungsordnung 2018 der Bundesärztekammer, Psychotherapie und zwei Zusatz-Weiterbildungen.',
    version: NEEDS_TAXONOMY_VERSION,
    terms: MEDICAL_SPECIALTIES.map((s) => ({ code: s.code, name: s.labelDe, description: `Gebiet ${s.fieldDe}` })),
  },
  { vocabulary: 'accessibility', name: 'Lotse-Barrierefreiheit', description: 'Merkmale der Barrierefreiheit eines Angebots.', version: NEEDS_TAXONOMY_VERSION, terms: labelled(ACCESSIBILITY_LABELS_DE) },
  { vocabulary: 'delivery_mode', name: 'Lotse-Angebotsformen', description: 'Wie das Angebot die Menschen erreicht: vor Ort, aufsuchend, online.', version: NEEDS_TAXONOMY_VERSION, terms: labelled(DELIVERY_MODE_LABELS_DE) },
  { vocabulary: 'cost_type', name: 'Lotse-Kostenarten', description: 'Wer die Kosten des Angebots trägt.', version: NEEDS_TAXONOMY_VERSION, terms: labelled(COST_TYPE_LABELS_DE) },
  { vocabulary: 'insurance_requirement', name: 'Lotse-Versicherungsvoraussetzungen', description: 'Welche Krankenversicherung das Angebot voraussetzt.', version: NEEDS_TAXONOMY_VERSION, terms: labelled(INSURANCE_REQUIREMENT_LABELS_DE) },
  { vocabulary: 'organization_kind', name: 'Lotse-Partnerarten', description: 'Art des Netzwerkpartners.', version: NEEDS_TAXONOMY_VERSION, terms: labelled(ORGANIZATION_KIND_LABELS_DE) },
  { vocabulary: 'intake', name: 'Lotse-Aufnahme', description: 'Ob das Angebot derzeit neue Klientinnen und Klienten aufnimmt.', version: NEEDS_TAXONOMY_VERSION, terms: labelled(INTAKE_LABELS_DE) },
];

export const taxonomyUri = (vocabulary: LotseVocabulary): string => `urn:lotse:taxonomy:${vocabulary}`;
export const taxonomyId = (vocabulary: LotseVocabulary): string => uuidV5(taxonomyUri(vocabulary));
export const taxonomyTermUri = (vocabulary: LotseVocabulary, code: string): string => `${taxonomyUri(vocabulary)}:${code}`;
export const taxonomyTermId = (vocabulary: LotseVocabulary, code: string): string => uuidV5(taxonomyTermUri(vocabulary, code));

/** Every vocabulary as an HSDS taxonomy, in a fixed order. */
export const LOTSE_TAXONOMIES: readonly (HsdsTaxonomy & { vocabulary: LotseVocabulary })[] = VOCABULARIES.map((v) => ({
  id: taxonomyId(v.vocabulary),
  name: v.name,
  description: v.description,
  uri: taxonomyUri(v.vocabulary),
  version: v.version,
  vocabulary: v.vocabulary,
}));

/** Every term of every vocabulary, taxonomy by taxonomy, in each vocabulary's order. */
export const LOTSE_TAXONOMY_TERMS: readonly (HsdsTaxonomyTerm & { vocabulary: LotseVocabulary })[] = VOCABULARIES.flatMap((v) =>
  v.terms.map((t) => ({
    id: taxonomyTermId(v.vocabulary, t.code),
    code: t.code,
    name: t.name,
    description: t.description,
    parent_id: t.parent ? taxonomyTermId(v.vocabulary, t.parent) : null,
    taxonomy: v.name,
    language: 'de',
    taxonomy_id: taxonomyId(v.vocabulary),
    term_uri: taxonomyTermUri(v.vocabulary, t.code),
    vocabulary: v.vocabulary,
  })),
);

const TERM_BY_ID = new Map(LOTSE_TAXONOMY_TERMS.map((t) => [t.id, t]));
const TERM_BY_URI = new Map(LOTSE_TAXONOMY_TERMS.map((t) => [t.term_uri, t]));
const TAXONOMY_BY_KEY = new Map<string, LotseVocabulary>(LOTSE_TAXONOMIES.flatMap((t) => [[t.id, t.vocabulary], [t.uri, t.vocabulary], [normalized(t.name), t.vocabulary]] as [string, LotseVocabulary][]));

/** Our term for a Lotse code, undefined for a code the vocabulary does not have. */
export function lotseTaxonomyTerm(vocabulary: LotseVocabulary, code: string): (HsdsTaxonomyTerm & { vocabulary: LotseVocabulary }) | undefined {
  return TERM_BY_ID.get(taxonomyTermId(vocabulary, code));
}

export function lotseTaxonomy(vocabulary: LotseVocabulary): HsdsTaxonomy & { vocabulary: LotseVocabulary } {
  return LOTSE_TAXONOMIES.find((t) => t.vocabulary === vocabulary)!;
}

/** The taxonomy of one of our term ids, or undefined (e.g. for a foreign id in `taxonomy_term_id`). */
export function lotseTermById(id: string): LotseTermRef | undefined {
  const term = TERM_BY_ID.get(id.toLowerCase());
  return term && { vocabulary: term.vocabulary, code: term.code };
}

function normalized(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Terms of other directories' taxonomies that mean a Lotse need: Open Eligibility (the taxonomy of
 * Open Referral's examples and many US directories) and the common English words of UK feeds, by
 * name. A term mapped here is imported as the need; anything else is reported as unknown, never guessed.
 */
const FOREIGN_NEED_NAMES: Record<string, string> = {
  'mental health care': 'mental_health',
  'mental health': 'mental_health',
  'counseling': 'psychosocial_counselling',
  'counselling': 'psychosocial_counselling',
  'addiction and recovery': 'addiction',
  'substance abuse': 'addiction',
  'substance use': 'addiction',
  'primary care': 'primary_care',
  'fitness and exercise': 'exercise',
  'exercise': 'exercise',
  'nutrition': 'nutrition',
  'nutrition education': 'nutrition',
  'stress management': 'stress_relaxation',
  'psychotherapy': 'psychotherapy',
  'therapy': 'psychotherapy',
  'rehabilitation': 'medical_rehabilitation',
  'physical therapy': 'medical_rehabilitation',
  'specialized medical care': 'specialist_assessment',
  'debt management': 'debt_counselling',
  'debt counseling': 'debt_counselling',
  'family counseling': 'family_couples',
  'marriage counseling': 'family_couples',
  'support groups': 'self_help',
  'self help': 'self_help',
  'peer support': 'self_help',
  'caregiver support': 'relatives_carers',
  'help for caregivers': 'relatives_carers',
  'crisis intervention': 'crisis_intervention',
  'psychiatric emergency services': 'crisis_intervention',
  'smoking cessation': 'smoking_cessation',
  'pain management': 'chronic_pain',
  'weight management': 'weight_management',
  'job training': 'employment_qualification',
  'employment': 'employment_qualification',
  'social participation': 'social_participation',
};

const LABEL_INDEX = new Map<string, LotseTermRef>();
for (const term of LOTSE_TAXONOMY_TERMS) {
  if (term.vocabulary !== 'need' && term.vocabulary !== 'category' && term.vocabulary !== 'specialty') continue;
  for (const key of [term.name, term.code, term.code.replace(/_/g, ' ')]) {
    const k = normalized(key);
    if (!LABEL_INDEX.has(k)) LABEL_INDEX.set(k, { vocabulary: term.vocabulary, code: term.code });
  }
}
for (const need of NEED_TERMS) {
  const k = normalized(need.labelEn);
  if (!LABEL_INDEX.has(k)) LABEL_INDEX.set(k, { vocabulary: 'need', code: need.code });
}
for (const [name, code] of Object.entries(FOREIGN_NEED_NAMES)) if (!LABEL_INDEX.has(name)) LABEL_INDEX.set(name, { vocabulary: 'need', code });

/** An HSDS taxonomy term as an importer meets it: any of the fields may be missing. */
export interface ForeignTerm {
  id?: string | null;
  code?: string | null;
  name?: string | null;
  taxonomy?: string | null;
  taxonomy_id?: string | null;
  term_uri?: string | null;
  taxonomy_detail?: { id?: string | null; name?: string | null; uri?: string | null } | null;
}

/**
 * What a taxonomy term of an HSDS document means in Lotse, or undefined when it means nothing Lotse
 * knows. In this order: one of our term ids or URIs; a code of one of our taxonomies (named by id,
 * URI or name); a German or English label of a need, category or specialty, or a known term of
 * another taxonomy (FOREIGN_NEED_NAMES), by name or code.
 */
export function lotseTermOf(term: ForeignTerm): LotseTermRef | undefined {
  if (term.id) {
    const byId = lotseTermById(term.id);
    if (byId) return byId;
  }
  if (term.term_uri) {
    const byUri = TERM_BY_URI.get(term.term_uri);
    if (byUri) return { vocabulary: byUri.vocabulary, code: byUri.code };
  }
  const taxonomyKeys = [term.taxonomy_id, term.taxonomy_detail?.id, term.taxonomy_detail?.uri, term.taxonomy, term.taxonomy_detail?.name].filter((k): k is string => !!k);
  const vocabulary = taxonomyKeys.map((k) => TAXONOMY_BY_KEY.get(k) ?? TAXONOMY_BY_KEY.get(normalized(k))).find(Boolean);
  if (vocabulary && term.code) {
    const own = lotseTaxonomyTerm(vocabulary, term.code);
    if (own) return { vocabulary, code: own.code };
  }
  for (const label of [term.name, term.code]) {
    if (!label) continue;
    const ref = LABEL_INDEX.get(normalized(label));
    if (ref && (!vocabulary || ref.vocabulary === vocabulary)) return ref;
  }
  return undefined;
}

/** The Lotse facts in a service's terms (attributes), and the terms that mean nothing here. */
export interface ServiceTerms<T extends ForeignTerm = ForeignTerm> {
  needs: string[];
  category?: ServiceCategory;
  specialty?: string;
  accessibility: AccessibilityFeature[];
  deliveryModes: DeliveryMode[];
  costType?: CostType;
  insuranceRequirement?: InsuranceRequirement;
  organizationKind?: OrganizationKind;
  acceptingNewClients?: boolean;
  unknown: T[];
}

/** Sorts a service's terms into Lotse's fields (the first term wins where a field holds one value). */
export function serviceTermsOf<T extends ForeignTerm>(terms: readonly T[]): ServiceTerms<T> {
  const out: ServiceTerms<T> = { needs: [], accessibility: [], deliveryModes: [], unknown: [] };
  const add = <V>(list: V[], value: V) => {
    if (!list.includes(value)) list.push(value);
  };
  for (const term of terms) {
    const ref = lotseTermOf(term);
    if (!ref) {
      out.unknown.push(term);
      continue;
    }
    switch (ref.vocabulary) {
      case 'need': add(out.needs, ref.code); break;
      case 'category': out.category ??= ref.code as ServiceCategory; break;
      case 'specialty': out.specialty ??= ref.code; break;
      case 'accessibility': add(out.accessibility, ref.code as AccessibilityFeature); break;
      case 'delivery_mode': add(out.deliveryModes, ref.code as DeliveryMode); break;
      case 'cost_type': out.costType ??= ref.code as CostType; break;
      case 'insurance_requirement': out.insuranceRequirement ??= ref.code as InsuranceRequirement; break;
      case 'organization_kind': out.organizationKind ??= ref.code as OrganizationKind; break;
      case 'intake': out.acceptingNewClients ??= ref.code === INTAKE_CODES.accepting; break;
    }
  }
  return out;
}

/** The terms of a Lotse service, in the order an export lists them as attributes. */
export function termsOfService(service: {
  category: string;
  specialty: string | null;
  needs: readonly string[];
  accessibility: readonly string[];
  deliveryModes: readonly string[];
  costType: string;
  insuranceRequirement: string;
  acceptingNewClients: boolean;
}): (HsdsTaxonomyTerm & { vocabulary: LotseVocabulary })[] {
  const refs: [LotseVocabulary, string][] = [
    ['category', service.category],
    ...(service.specialty ? [['specialty', service.specialty] as [LotseVocabulary, string]] : []),
    ...service.needs.map((c) => ['need', c] as [LotseVocabulary, string]),
    ...service.accessibility.map((c) => ['accessibility', c] as [LotseVocabulary, string]),
    ...service.deliveryModes.map((c) => ['delivery_mode', c] as [LotseVocabulary, string]),
    ['cost_type', service.costType],
    ['insurance_requirement', service.insuranceRequirement],
    ['intake', service.acceptingNewClients ? INTAKE_CODES.accepting : INTAKE_CODES.notAccepting],
  ];
  return refs.map(([v, c]) => lotseTaxonomyTerm(v, c)).filter((t): t is HsdsTaxonomyTerm & { vocabulary: LotseVocabulary } => !!t);
}
