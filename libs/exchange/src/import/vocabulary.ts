import {
  AccessibilityFeature,
  CATEGORY_LABELS_DE,
  CostType,
  DeliveryMode,
  findLanguage,
  InsuranceRequirement,
  MEDICAL_SPECIALTIES,
  MedicalSpecialty,
  NEED_TERMS,
  OrganizationKind,
  searchLanguages,
  ServiceCategory,
} from '@lotse/catalogue';
import { LOTSE_TAXONOMY_TERMS, LotseVocabulary, lotseTermOf } from '../vocabulary/lotse-taxonomies';

/**
 * Reading Lotse's vocabularies as people write them in a spreadsheet: the stable code
 * ("addiction_counselling"), the German label ("Suchtberatung", as in the template and in
 * Lotse's HSDS taxonomies), for needs also the English label and the known terms of other
 * taxonomies (`lotseTermOf`). Case, umlauts written as ae/oe/ue, ß as ss and punctuation do not matter.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' und ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byVocabulary = new Map<LotseVocabulary, Map<string, string>>();
for (const term of LOTSE_TAXONOMY_TERMS) {
  let map = byVocabulary.get(term.vocabulary);
  if (!map) byVocabulary.set(term.vocabulary, (map = new Map()));
  for (const key of [term.code, term.name]) if (!map.has(fold(key))) map.set(fold(key), term.code);
}

/** A few words coordinators write for a category that are not its label. */
const CATEGORY_SYNONYMS: Record<string, ServiceCategory> = {
  arzt: ServiceCategory.PHYSICIAN, aerztin: ServiceCategory.PHYSICIAN, praxis: ServiceCategory.PHYSICIAN, arztpraxis: ServiceCategory.PHYSICIAN,
  krankenhaus: ServiceCategory.CLINIC, klinikum: ServiceCategory.CLINIC, ambulanz: ServiceCategory.CLINIC,
  kasse: ServiceCategory.HEALTH_INSURER, krankenversicherung: ServiceCategory.HEALTH_INSURER,
  suchtberatungsstelle: ServiceCategory.ADDICTION_COUNSELLING, praeventionskurs: ServiceCategory.COURSE, kursangebot: ServiceCategory.COURSE,
  'sozialpsychiatrischer dienst': ServiceCategory.PSYCHOSOCIAL_SERVICE, beratungsstelle: ServiceCategory.SOCIAL_SERVICE, sozialberatung: ServiceCategory.SOCIAL_SERVICE,
  raum: ServiceCategory.COMMUNITY_ROOM, beratungsraum: ServiceCategory.COMMUNITY_ROOM, arbeitsgelegenheit: ServiceCategory.EMPLOYMENT_MEASURE,
};
for (const [category, label] of Object.entries(CATEGORY_LABELS_DE)) byVocabulary.get('category')?.set(fold(label), category);
for (const [word, category] of Object.entries(CATEGORY_SYNONYMS)) byVocabulary.get('category')?.set(fold(word), category);
for (const need of NEED_TERMS) byVocabulary.get('need')?.set(fold(need.labelEn), need.code);
for (const s of MEDICAL_SPECIALTIES) for (const person of s.personDe) byVocabulary.get('specialty')?.set(fold(person), s.code);

/** The Lotse code a cell means in a vocabulary, or undefined. */
export function codeOf(vocabulary: LotseVocabulary, text: string): string | undefined {
  const own = byVocabulary.get(vocabulary)?.get(fold(text));
  if (own) return own;
  if (vocabulary === 'need') {
    const ref = lotseTermOf({ name: text });
    if (ref?.vocabulary === 'need') return ref.code;
  }
  return undefined;
}

export const categoryOf = (text: string) => codeOf('category', text) as ServiceCategory | undefined;
export const specialtyOf = (text: string) => codeOf('specialty', text) as MedicalSpecialty | undefined;
export const needOf = (text: string) => codeOf('need', text);
export const accessibilityOf = (text: string) => codeOf('accessibility', text) as AccessibilityFeature | undefined;
export const deliveryModeOf = (text: string) => codeOf('delivery_mode', text) as DeliveryMode | undefined;
export const costTypeOf = (text: string) => codeOf('cost_type', text) as CostType | undefined;
export const insuranceOf = (text: string) => codeOf('insurance_requirement', text) as InsuranceRequirement | undefined;
export const organizationKindOf = (text: string) => codeOf('organization_kind', text) as OrganizationKind | undefined;

/** A language by code ("de", "deu") or by its German or English name ("Englisch", "Arabic"); Lotse's code or undefined. */
export function languageOf(text: string): string | undefined {
  const t = text.trim();
  const byCode = findLanguage(t);
  if (byCode) return byCode.code;
  const q = t.toLocaleLowerCase('de');
  const hit = searchLanguages(t, 5).find((l) => l.nameDe.toLocaleLowerCase('de') === q || l.nameEn.toLowerCase() === q);
  return hit?.code;
}

/** The cells of a list: split at ; , | or a line break, trimmed, empties dropped. */
export function listOf(text: string): string[] {
  return text.split(/[;,|\n]+/).map((s) => s.trim()).filter(Boolean);
}

/** The kind of partner a category usually belongs to, for rows that do not say. */
export const KIND_OF_CATEGORY: Record<ServiceCategory, OrganizationKind> = {
  [ServiceCategory.PHYSICIAN]: OrganizationKind.PHYSICIAN_PRACTICE,
  [ServiceCategory.CLINIC]: OrganizationKind.CLINIC,
  [ServiceCategory.HEALTH_INSURER]: OrganizationKind.HEALTH_INSURER,
  [ServiceCategory.ADDICTION_COUNSELLING]: OrganizationKind.COUNSELLING_SERVICE,
  [ServiceCategory.COURSE]: OrganizationKind.COURSE_PROVIDER,
  [ServiceCategory.PSYCHOSOCIAL_SERVICE]: OrganizationKind.COUNSELLING_SERVICE,
  [ServiceCategory.SOCIAL_SERVICE]: OrganizationKind.SOCIAL_SERVICE_PROVIDER,
  [ServiceCategory.COMMUNITY_ROOM]: OrganizationKind.MUNICIPALITY,
  [ServiceCategory.EMPLOYMENT_MEASURE]: OrganizationKind.EMPLOYMENT_PROVIDER,
};

/** The category a kind of partner usually offers, for HSDS services that carry no category term. */
export const CATEGORY_OF_KIND: Record<OrganizationKind, ServiceCategory> = {
  [OrganizationKind.PHYSICIAN_PRACTICE]: ServiceCategory.PHYSICIAN,
  [OrganizationKind.CLINIC]: ServiceCategory.CLINIC,
  [OrganizationKind.HEALTH_INSURER]: ServiceCategory.HEALTH_INSURER,
  [OrganizationKind.COUNSELLING_SERVICE]: ServiceCategory.PSYCHOSOCIAL_SERVICE,
  [OrganizationKind.COURSE_PROVIDER]: ServiceCategory.COURSE,
  [OrganizationKind.MUNICIPALITY]: ServiceCategory.COMMUNITY_ROOM,
  [OrganizationKind.SOCIAL_SERVICE_PROVIDER]: ServiceCategory.SOCIAL_SERVICE,
  [OrganizationKind.EMPLOYMENT_PROVIDER]: ServiceCategory.EMPLOYMENT_MEASURE,
  [OrganizationKind.OTHER]: ServiceCategory.SOCIAL_SERVICE,
};

const WEEKDAY_WORDS: Record<string, number> = {
  mo: 1, montag: 1, monday: 1, mon: 1,
  di: 2, dienstag: 2, tuesday: 2, tue: 2, tu: 2,
  mi: 3, mittwoch: 3, wednesday: 3, wed: 3, we: 3,
  do: 4, donnerstag: 4, thursday: 4, thu: 4, th: 4,
  fr: 5, freitag: 5, friday: 5, fri: 5,
  sa: 6, samstag: 6, sonnabend: 6, saturday: 6, sat: 6,
  so: 7, sonntag: 7, sunday: 7, sun: 7, su: 7,
};

export function weekdayOf(word: string): number | undefined {
  return WEEKDAY_WORDS[fold(word).replace(/ /g, '')];
}

const pad = (n: number) => String(n).padStart(2, '0');

function timeOf(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return h === 24 ? '23:59' : `${pad(h)}:${pad(min)}`;
}

/**
 * Weekly hours as people write them: "Mo–Fr 8–16 Uhr; Sa 9:00-12:00", "Di, Do 14:00-18:00",
 * "Mo 9-12 und 14-18". Returns the hours or the part that could not be read.
 */
export function openingHoursOf(text: string): { hours: { weekday: number; opensAt: string; closesAt: string }[] } | { error: string } {
  const hours: { weekday: number; opensAt: string; closesAt: string }[] = [];
  const clean = text.replace(/[–—]/g, '-').replace(/\buhr\b/gi, ' ').replace(/\bbis\b/gi, '-');
  for (const segment of clean.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-zÄÖÜäöüß.,\s-]+?)\s*:?\s+((?:\d{1,2}(?:[:.]\d{2})?\s*-\s*\d{1,2}(?:[:.]\d{2})?)(?:\s*(?:,|und|&|\/)\s*\d{1,2}(?:[:.]\d{2})?\s*-\s*\d{1,2}(?:[:.]\d{2})?)*)$/.exec(segment);
    if (!m) return { error: segment };
    const days: number[] = [];
    for (const part of m[1].replace(/\./g, '').split(/\s*(?:,|und|&|\/)\s*|\s+/).filter(Boolean)) {
      const range = part.split('-').map((p) => p.trim()).filter(Boolean);
      const from = weekdayOf(range[0]);
      const to = range.length > 1 ? weekdayOf(range[1]) : from;
      if (!from || !to || to < from) return { error: segment };
      for (let d = from; d <= to; d++) if (!days.includes(d)) days.push(d);
    }
    for (const span of m[2].split(/\s*(?:,|und|&|\/)\s*/)) {
      const [a, b] = span.split('-').map((p) => timeOf(p));
      if (!a || !b || a >= b) return { error: segment };
      for (const weekday of days) hours.push({ weekday, opensAt: a, closesAt: b });
    }
  }
  hours.sort((x, y) => x.weekday - y.weekday || x.opensAt.localeCompare(y.opensAt));
  for (let i = 1; i < hours.length; i++) {
    if (hours[i].weekday === hours[i - 1].weekday && hours[i].opensAt < hours[i - 1].closesAt) return { error: text };
  }
  return { hours };
}

/** ja/nein, yes/no, x, 1/0, wahr/falsch; undefined when it is none of these. */
export function booleanOf(text: string): boolean | undefined {
  const t = fold(text);
  if (['ja', 'j', 'yes', 'y', 'x', '1', 'wahr', 'true'].includes(t)) return true;
  if (['nein', 'n', 'no', '0', 'falsch', 'false'].includes(t)) return false;
  return undefined;
}

/** "12,50", "12.50 €", "1.200,00" → 12.5, 1200; undefined when no amount. */
export function amountOf(text: string): number | undefined {
  let t = text.replace(/€|eur(o)?/gi, '').replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** "01.03.2027", "1.3.2027", "2027-03-01" → "2027-03-01"; undefined otherwise. */
export function dateOf(text: string): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(t);
  if (de) [d, m, y] = [Number(de[1]), Number(de[2]), Number(de[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}
