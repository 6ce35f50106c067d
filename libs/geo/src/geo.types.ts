/** Plain results of the geo capability (no entities leave the repository). */
export interface District {
  ags: string;
  name: string;
  kind: string;
  municipalityCount: number;
}

export interface Municipality {
  ags: string;
  districtAgs: string;
  name: string;
  kind: string;
}

/** A postcode and the one point Lotse uses for it. */
export interface Postcode {
  code: string;
  /** the place whose point is used */
  place: string;
  /** that place in the place table; null for postcodes imported without one */
  placeId: string | null;
  latitude: number;
  longitude: number;
  source: string;
  /** municipality and district of the point used (null outside Saxony) */
  municipalityAgs: string | null;
  districtAgs: string | null;
  /** every municipality the postcode's places lie in, the point's first */
  municipalities: string[];
}

export interface AreaAssignment {
  districtAgs: string | null;
  municipalityAgs: string | null;
}

export interface BoundaryFeature {
  type: 'Feature';
  properties: { ags: string; name: string; kind: string; districtAgs?: string };
  geometry: { type: 'MultiPolygon' | 'Polygon'; coordinates: unknown };
}

export interface PostcodeRow {
  code: string;
  place: string;
  latitude: number;
  longitude: number;
}

export enum PlaceKind {
  /** a Gemeinde of the bundled boundaries (2016), at its main place */
  MUNICIPALITY = 'municipality',
  /** an Ortsteil, village or district of a municipality */
  LOCALITY = 'locality',
}

/** A municipality or one of its localities, from the bundled place table (libs/geo/data/sn-places.csv). */
export interface Place {
  /** a municipality's AGS; a locality's is `<municipality AGS>-<name>` ("14627060-zabeltitz") */
  id: string;
  name: string;
  kind: PlaceKind;
  municipalityAgs: string;
  municipalityName: string;
  districtAgs: string;
  latitude: number;
  longitude: number;
  /** GeoNames' figure, where it has one (places of about 1,000 people or more); not a census total */
  population: number | null;
  /** postcodes of the place, where known */
  postcodes: string[];
}

export interface PlaceSearchOptions {
  limit: number;
  districtAgs?: string;
  municipalityAgs?: string;
  kind?: PlaceKind;
  /** only places with this postcode */
  postcode?: string;
}

/** How a place matched a typed text: whole name, beginning of the name, every word, or with typos. */
export enum PlaceMatchKind {
  EXACT = 'exact',
  PREFIX = 'prefix',
  WORDS = 'words',
  TYPO = 'typo',
}

export interface PlaceHit {
  place: Place;
  match: PlaceMatchKind;
  typos: number;
}
