import { AddressQuery, GeocodePrecision, GeocodeResult, Geocoder, GeocoderUnavailableError, normalizePostcode } from './geocoder';

export interface NominatimOptions {
  /** the server, e.g. https://nominatim.openstreetmap.org (its `/search` endpoint is used) */
  baseUrl: string;
  /** identifies this installation, as the usage policy requires ("Lotse/0.1 (Gesundheitsnetz Meißen; it@example.org)") */
  userAgent: string;
  /** contact address sent as `email` (the policy's alternative for heavy users) */
  email?: string;
  /** at least this long between two requests; 1000 ms is the public server's limit of one request per second */
  minIntervalMs: number;
  /** answers kept in memory (the policy asks to cache; an import asks the same address many times) */
  cacheSize?: number;
  timeoutMs?: number;
}

/** One element of Nominatim's `format=jsonv2` search answer (the fields this adapter reads). */
export interface NominatimPlace {
  lat: string;
  lon: string;
  /** 30 = a house, 26–27 = a street, 21–25 = a suburb or village, 16 = a town, … (Nominatim's rank of the place) */
  place_rank: number;
  category?: string;
  type?: string;
  addresstype?: string;
}

/** How exact a Nominatim hit is, from its address rank: a house (≥ 28), a street (26–27), a postcode, else a locality. */
export function precisionOfNominatimPlace(place: NominatimPlace): GeocodePrecision {
  if (place.addresstype === 'postcode' || place.type === 'postcode' || place.type === 'postal_code') return GeocodePrecision.POSTCODE;
  if (place.place_rank >= 28) return GeocodePrecision.EXACT;
  if (place.place_rank >= 26) return GeocodePrecision.STREET;
  return GeocodePrecision.LOCALITY;
}

/**
 * The structured search URL of an address: street, postalcode and city as separate parameters
 * (Nominatim's structured form, which must not be mixed with `q`), limited to Germany, one result,
 * German names. Null when the address has nothing to search for.
 */
export function nominatimSearchUrl(baseUrl: string, address: AddressQuery, email?: string): URL | null {
  const url = new URL('search', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const street = address.street?.trim();
  const postcode = normalizePostcode(address.postcode);
  const town = address.town?.trim();
  if (!street && !postcode && !town) return null;
  if (street) url.searchParams.set('street', street);
  if (postcode) url.searchParams.set('postalcode', postcode);
  if (town) url.searchParams.set('city', town);
  url.searchParams.set('countrycodes', 'de');
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('limit', '1');
  url.searchParams.set('accept-language', 'de');
  if (email) url.searchParams.set('email', email);
  return url;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Nominatim's search API (https://nominatim.org/release-docs/latest/api/Search/), used as its
 * usage policy asks (https://operations.osmfoundation.org/policies/nominatim/): one request at a
 * time and no more than one per `minIntervalMs`, an identifying User-Agent, answers cached (also
 * "not found"), Germany only. Unreachable, rate-limited (429) or failing (5xx) → GeocoderUnavailableError,
 * which the fallback answers.
 */
export class NominatimGeocoder implements Geocoder {
  readonly name = 'nominatim';
  private readonly cache = new Map<string, Promise<GeocodeResult | null>>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastRequestAt = 0;
  /** requests actually sent (cache misses), for the import report */
  requests = 0;

  constructor(private readonly options: NominatimOptions) {}

  geocode(address: AddressQuery): Promise<GeocodeResult | null> {
    const url = nominatimSearchUrl(this.options.baseUrl, address, this.options.email);
    if (!url) return Promise.resolve(null);
    const key = url.search.toLowerCase();
    const cached = this.cache.get(key);
    if (cached) {
      // least recently used goes first: re-insert on every hit
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const answer = this.serialized(() => this.request(url));
    this.cache.set(key, answer);
    answer.catch(() => this.cache.delete(key));
    const limit = this.options.cacheSize ?? 10_000;
    while (this.cache.size > limit) this.cache.delete(this.cache.keys().next().value!);
    return answer;
  }

  /** One request at a time, spaced by minIntervalMs from the previous one's end. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const wait = this.lastRequestAt + this.options.minIntervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await work();
      } finally {
        this.lastRequestAt = Date.now();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async request(url: URL): Promise<GeocodeResult | null> {
    this.requests++;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'User-Agent': this.options.userAgent, Accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new GeocoderUnavailableError(`Nominatim unreachable: ${e instanceof Error ? e.message : e}`);
    }
    if (response.status === 429 || response.status >= 500) throw new GeocoderUnavailableError(`Nominatim answered HTTP ${response.status}`);
    if (!response.ok) throw new GeocoderUnavailableError(`Nominatim refused the request: HTTP ${response.status}`);
    const places = (await response.json()) as NominatimPlace[];
    const place = Array.isArray(places) ? places[0] : undefined;
    if (!place) return null;
    const latitude = Number(place.lat);
    const longitude = Number(place.lon);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    return { latitude, longitude, precision: precisionOfNominatimPlace(place), source: this.name };
  }
}
