/**
 * The geocoder port: an address in, a point out, and how exact that point is. Lotse places every
 * location by a point (districts, municipalities, travel times and distances all start there), but
 * partners and coordinators know addresses. Every adapter says honestly what its point stands for,
 * so the web app can show "Punkt ungefähr" and ask for the pin to be moved.
 */

/** How exact a location's point is, most exact first. */
export enum GeocodePrecision {
  /** the building: placed by hand on the map, given as coordinates, or found by house number */
  EXACT = 'exact',
  /** somewhere on the street */
  STREET = 'street',
  /** the point Lotse uses for the postcode */
  POSTCODE = 'postcode',
  /** the point of the town or locality */
  LOCALITY = 'locality',
}

/** Anything less than EXACT is a guess the partner should check on the map. */
export function isApproximate(precision: GeocodePrecision): boolean {
  return precision !== GeocodePrecision.EXACT;
}

export interface AddressQuery {
  /** street and house number, as written ("Markt 1") */
  street?: string | null;
  postcode?: string | null;
  town?: string | null;
}

export interface GeocodeResult {
  latitude: number;
  longitude: number;
  precision: GeocodePrecision;
  /** which adapter answered ("offline", "nominatim") */
  source: string;
}

export interface Geocoder {
  /** what answers, for logs and the import report ("offline", "nominatim+offline") */
  readonly name: string;
  /** The point of the address, or null when the adapter cannot place it. Throws only when the adapter is unreachable. */
  geocode(address: AddressQuery): Promise<GeocodeResult | null>;
}

/** Nest injection token of the configured geocoder. */
export const GEOCODER = Symbol('GEOCODER');

/** Thrown by a remote adapter that cannot answer now (network, HTTP 429/5xx); the fallback takes over. */
export class GeocoderUnavailableError extends Error {}

/**
 * A German postcode as five digits; null when it is none. Four digits not starting with 0 are a
 * number cell that lost its leading zero ("1662" → "01662", all such codes start with 0); "0144"
 * is a typo, not a postcode.
 */
export function normalizePostcode(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (/^[1-9]\d{3}$/.test(text)) return `0${text}`;
  return /^\d{5}$/.test(text) ? text : null;
}
