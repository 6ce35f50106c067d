import { Environment } from '@lotse/config';
import { FallbackGeocoder } from './fallback-geocoder';
import { Geocoder } from './geocoder';
import { NominatimGeocoder } from './nominatim-geocoder';
import { OfflineGeocoder, OfflineGeocodingTables } from './offline-geocoder';

/**
 * The geocoder the configuration asks for: offline by default; with GEOCODER_URL, Nominatim first
 * and the offline tables when it finds nothing or cannot be reached.
 */
export function geocoderFrom(env: Environment, tables: () => Promise<OfflineGeocodingTables>): Geocoder {
  const offline = new OfflineGeocoder(tables);
  if (!env.GEOCODER_URL) return offline;
  const nominatim = new NominatimGeocoder({
    baseUrl: env.GEOCODER_URL,
    userAgent: env.GEOCODER_USER_AGENT,
    email: env.GEOCODER_EMAIL,
    minIntervalMs: env.GEOCODER_MIN_INTERVAL_MS,
  });
  return new FallbackGeocoder(nominatim, offline);
}
