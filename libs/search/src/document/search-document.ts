import { needWithBroader } from '@lotse/catalogue';
import { SearchDocument } from '../search.types';
import { compoundParts, curatedKeywords, foldedWords, foldGerman, words } from '../text/german';
import { ACCESSIBILITY_LABELS, CATEGORY_LABELS, SPECIALTY_LABELS } from './labels';

/** The catalogue data one document is built from (plain values: tests build them by hand). */
export interface SearchSource {
  service: {
    id: string;
    organizationId: string;
    name: string;
    description: string;
    category: string;
    specialty: string | null;
    languages: string[];
    accessibility: string[];
    acceptingNewClients: boolean;
  };
  organization: { name: string };
  locations: { id: string; town: string; latitude: number; longitude: number; districtAgs: string | null }[];
  needs: { code: string; labelDe: string }[];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The denormalised search document of a listing. Deterministic (sorted sets), so a document built
 * by the incremental indexer and one built by a full reindex are equal.
 */
export function toSearchDocument({ service, organization, locations, needs }: SearchSource): SearchDocument {
  const specialtyLabels = service.specialty ? SPECIALTY_LABELS[service.specialty] ?? [] : [];
  const accessibilityLabels = service.accessibility.flatMap((a) => ACCESSIBILITY_LABELS[a] ?? []);
  const categoryLabel = CATEGORY_LABELS[service.category] ?? service.category;
  const needLabels = sorted(needs.map((n) => n.labelDe));
  const towns = sorted(locations.map((l) => l.town));
  const texts = [service.name, organization.name, service.description, categoryLabel, ...specialtyLabels, ...needLabels, ...towns, ...accessibilityLabels];
  return {
    id: service.id,
    organizationId: service.organizationId,
    name: service.name,
    organizationName: organization.name,
    description: service.description,
    category: service.category,
    categoryLabel,
    specialty: service.specialty,
    specialtyLabels,
    // with their broader needs: a filter for a need finds its narrower needs' listings, and its facet counts them (taxonomy parents)
    needs: sorted(needs.flatMap((n) => needWithBroader(n.code))),
    needLabels,
    towns,
    districtAgs: sorted(locations.flatMap((l) => (l.districtAgs ? [l.districtAgs] : []))),
    languages: sorted(service.languages),
    accessibility: sorted(service.accessibility),
    accessibilityLabels,
    acceptingNewClients: service.acceptingNewClients,
    locations: [...locations]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((l) => ({ id: l.id, latitude: l.latitude, longitude: l.longitude })),
    keywords: keywordsOf(texts),
    nameSort: foldedWords(service.name).join(' '),
  };
}

/**
 * Words every engine should match besides the text itself: parts of compounds, umlaut-free
 * spellings (and the folded spellings of those parts), and the curated terms of what the text
 * says (`SEARCH_TERMS`: a Rauchfrei-Kurs is found as "Raucherentwöhnung"). Words already in the
 * text are left out.
 */
export function keywordsOf(texts: string[]): string[] {
  const present = new Set(texts.flatMap(words));
  const extra = new Set<string>();
  const add = (w: string) => {
    if (!present.has(w)) extra.add(w);
    const folded = foldGerman(w);
    if (!present.has(folded)) extra.add(folded);
  };
  for (const word of present) {
    for (const part of compoundParts(word)) add(part);
    add(word);
  }
  const folded = new Set([...present, ...extra].map(foldGerman));
  for (const term of curatedKeywords(folded)) add(term);
  return sorted(extra);
}
