import { Place, PlaceMatchKind } from '../geo.types';
import { PlaceIndex } from '../places/place-index';
import { AddressQuery, GeocodePrecision, GeocodeResult, Geocoder, normalizePostcode } from './geocoder';

/** The tables the offline geocoder answers from: the postcode and place tables Lotse ships (and imported postcodes). */
export interface OfflineGeocodingTables {
  postcodes: { code: string; latitude: number; longitude: number }[];
  places: Place[];
}

/** Place matches precise enough for an address: a beginning ("Mei") could be any of several towns. */
const ACCEPTED_MATCHES = new Set([PlaceMatchKind.EXACT, PlaceMatchKind.WORDS, PlaceMatchKind.TYPO]);

/**
 * The default geocoder: works offline and says it is approximate. The point of the postcode
 * (POSTCODE), else of the town or locality as the place lookup finds it (LOCALITY); the street is
 * not used. Covers what the tables cover — Saxony. Loads its tables once, then answers in memory
 * (an import geocodes thousands of rows per second).
 */
export class OfflineGeocoder implements Geocoder {
  readonly name = 'offline';
  private tables?: Promise<{ postcodes: Map<string, { latitude: number; longitude: number }>; places: PlaceIndex }>;

  constructor(private readonly load: () => Promise<OfflineGeocodingTables>) {}

  async geocode(address: AddressQuery): Promise<GeocodeResult | null> {
    const { postcodes, places } = await this.loaded();
    const code = normalizePostcode(address.postcode);
    const point = code ? postcodes.get(code) : undefined;
    if (point) return { ...point, precision: GeocodePrecision.POSTCODE, source: this.name };
    const town = address.town?.trim();
    if (!town) return null;
    const hits = places.search(town, { limit: 1 });
    const hit = hits[0];
    if (!hit || !ACCEPTED_MATCHES.has(hit.match)) return null;
    return { latitude: hit.place.latitude, longitude: hit.place.longitude, precision: GeocodePrecision.LOCALITY, source: this.name };
  }

  /** Forgets the tables, so the next answer reads them again (after postcodes were imported). */
  reload(): void {
    this.tables = undefined;
  }

  private loaded() {
    this.tables ??= this.load().then(
      (t) => ({ postcodes: new Map(t.postcodes.map((p) => [p.code, { latitude: p.latitude, longitude: p.longitude }])), places: new PlaceIndex(t.places) }),
      (error) => {
        this.tables = undefined;
        throw error;
      },
    );
    return this.tables;
  }
}
