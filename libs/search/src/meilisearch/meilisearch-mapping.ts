import type { Settings } from 'meilisearch/dist/index';
import { MAX_SEARCH_OFFSET, SearchDocument, SearchQuery, SearchSort } from '../search.types';
import { foldGerman, GERMAN_STOP_WORDS, isCuratedTerm, meilisearchSynonyms, querySplit, words } from '../text/german';

/**
 * What Meilisearch stores: one record per service × location (Meilisearch has a single `_geo` per
 * record), folded back to one hit per service by `distinctAttribute: serviceId`. Service-level
 * values (districts, towns, …) sit on every record, so filters and facet counts are per service.
 */
export interface MeilisearchRecord extends Omit<SearchDocument, 'id'> {
  docId: string;
  serviceId: string;
  _geo?: { lat: number; lng: number };
}

export const FACET_ATTRIBUTES = { category: 'category', need: 'needs', district: 'districtAgs' } as const;

/**
 * Index settings. `sort` is the first ranking rule so that DISTANCE and NAME order really sort (with
 * no sort parameter it does nothing and relevance decides); matching requires every query word.
 */
export function meilisearchSettings(): Settings {
  return {
    searchableAttributes: ['name', 'keywords', 'organizationName', 'specialtyLabels', 'needLabels', 'categoryLabel', 'towns', 'accessibilityLabels', 'description'],
    filterableAttributes: ['serviceId', 'docId', 'category', 'needs', 'districtAgs', 'languages', 'accessibility', 'acceptingNewClients', '_geo'],
    sortableAttributes: ['nameSort', '_geo'],
    distinctAttribute: 'serviceId',
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: meilisearchSynonyms(),
    stopWords: [...GERMAN_STOP_WORDS],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: MAX_SEARCH_OFFSET + 200 },
    faceting: { maxValuesPerFacet: 500 },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['deu'] }],
  };
}

export function toMeilisearchRecords(document: SearchDocument): MeilisearchRecord[] {
  const { id, ...rest } = document;
  if (document.locations.length === 0) return [{ ...rest, docId: id, serviceId: id }];
  return document.locations.map((l) => ({ ...rest, docId: `${id}_${l.id}`, serviceId: id, _geo: { lat: l.latitude, lng: l.longitude } }));
}

const quote = (value: string) => JSON.stringify(value);
const list = (values: readonly string[]) => `[${values.map(quote).join(', ')}]`;

/** The query's filters as Meilisearch filter expressions (ANDed). */
export function meilisearchFilter(query: Pick<SearchQuery, 'filter' | 'near'>): string[] {
  const f = query.filter ?? {};
  const out: string[] = [];
  if (f.categories?.length) out.push(`category IN ${list(f.categories)}`);
  if (f.needs?.length) out.push(`needs IN ${list(f.needs)}`);
  if (f.districtAgs) out.push(`districtAgs = ${quote(f.districtAgs)}`);
  if (f.language) out.push(`languages = ${quote(f.language)}`);
  for (const feature of f.accessibility ?? []) out.push(`accessibility = ${quote(feature)}`);
  if (f.acceptingNewClients !== undefined) out.push(`acceptingNewClients = ${f.acceptingNewClients}`);
  if (query.near) out.push(`_geoRadius(${query.near.latitude}, ${query.near.longitude}, ${query.near.radiusMeters})`);
  return out;
}

export function meilisearchSort(query: Pick<SearchQuery, 'sort' | 'near'>): string[] | undefined {
  if (query.sort === SearchSort.DISTANCE && query.near) return [`_geoPoint(${query.near.latitude}, ${query.near.longitude}):asc`];
  if (query.sort === SearchSort.NAME) return ['nameSort:asc'];
  return undefined;
}

/** Records of these services other than `keep` (locations a service no longer has). */
export function staleRecordsFilter(serviceIds: readonly string[], keep: readonly string[]): string {
  return keep.length ? `serviceId IN ${list(serviceIds)} AND docId NOT IN ${list(keep)}` : `serviceId IN ${list(serviceIds)}`;
}

/** Great-circle distance as Meilisearch computes it (haversine, mean Earth radius). */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const R = 6371008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

/**
 * The query text as Meilisearch gets it: a compound query word is sent as its parts ("Rückenkurs"
 * → "rücken kurs", "Ernärungskurs" → "ernärung kurs": Meilisearch forgives the typo in the part),
 * as the PostgreSQL engine matches it. Safe because every indexed compound is indexed with its
 * parts. Terms of the curated list stay whole: documents carry them as keywords. A trailing space
 * (the last word finished) is kept, so Meilisearch completes the last word only while it is typed.
 */
export function meilisearchQuery(text: string): string {
  const rewritten = words(text).map((word) => {
    if (isCuratedTerm(foldGerman(word))) return word;
    const split = querySplit(word);
    return split ? split.join(' ') : word;
  });
  return rewritten.join(' ') + (/\s$/.test(text) && rewritten.length ? ' ' : '');
}
