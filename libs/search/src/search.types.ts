/**
 * What a search engine indexes: one document per listing (service), denormalised so an engine needs
 * nothing else to match, filter, sort and count facets. Built by `toSearchDocument`, identical for
 * every engine; engines only decide how to store it.
 */
export interface SearchDocument {
  /** the service id */
  id: string;
  organizationId: string;
  name: string;
  organizationName: string;
  description: string;
  /** ServiceCategory value, e.g. `addiction_counselling` */
  category: string;
  categoryLabel: string;
  specialty: string | null;
  /** German names of the specialty and of the physicians practising it ("Orthopädie", "Orthopäde") */
  specialtyLabels: string[];
  /** the codes of the needs it is listed under and of their broader needs (a psychotherapy listing also carries `mental_health`): filters and facets by need read these */
  needs: string[];
  needLabels: string[];
  /** towns of the service's locations */
  towns: string[];
  /** AGS of the districts of the service's locations */
  districtAgs: string[];
  /** ISO 639-1 */
  languages: string[];
  /** AccessibilityFeature values */
  accessibility: string[];
  accessibilityLabels: string[];
  acceptingNewClients: boolean;
  locations: SearchLocation[];
  /**
   * Extra words matched like the text: parts of German compounds ("Schuldnerberatung" → "schuldner",
   * "beratung") and umlaut-free spellings ("Müller" → "mueller"), so every engine finds them alike.
   */
  keywords: string[];
  /** folded name, the key of NAME order */
  nameSort: string;
}

export interface SearchLocation {
  id: string;
  latitude: number;
  longitude: number;
}

export enum SearchSort {
  /** best match first (default with text) */
  RELEVANCE = 'relevance',
  /** nearest first (needs a point; default with a point and no text) */
  DISTANCE = 'distance',
  /** by name (default without text and point) */
  NAME = 'name',
}

export interface SearchFilter {
  /** any of these categories */
  categories?: string[];
  /** addresses at least one of these needs */
  needs?: string[];
  /** has a location in this district */
  districtAgs?: string;
  /** offered in this language */
  language?: string;
  /** has all of these features */
  accessibility?: string[];
  acceptingNewClients?: boolean;
}

export interface SearchQuery {
  /** free text as typed; empty or absent = all listings that pass the filters */
  text?: string;
  filter?: SearchFilter;
  /** only listings with a location within the radius; hits carry the distance of their nearest one */
  near?: { latitude: number; longitude: number; radiusMeters: number };
  sort: SearchSort;
  offset: number;
  limit: number;
}

export interface SearchHit {
  id: string;
  /** metres to the nearest location, when the query has a point */
  distanceMeters: number | null;
}

/** Facet value → number of matching listings (all pages), for the whole result set. */
export interface SearchFacets {
  category: Record<string, number>;
  need: Record<string, number>;
  district: Record<string, number>;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: SearchFacets;
}

export interface SearchEngineHealth {
  status: 'up' | 'down';
  /** short reason when down; never document contents */
  message?: string;
}

/** Deep pages are refused: Meilisearch caps them (maxTotalHits) and nobody reads page 500. */
export const MAX_SEARCH_OFFSET = 10_000;
