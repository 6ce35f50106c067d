import { loadEnvironment } from '@lotse/config';
import { bundledGeocodingTables, describeGeocoderContract } from '../testing';
import { geocoderFrom } from './geocoder.factory';
import { OfflineGeocoder } from './offline-geocoder';

/*
 * One contract, every adapter. The offline geocoder always; Nominatim (with the offline fallback,
 * exactly as configured in production) only against a real server named by GEOCODER_URL — there is
 * no fake server, so without one this says it skipped.
 */
describeGeocoderContract('offline (bundled postcode and place tables)', () => new OfflineGeocoder(async () => bundledGeocodingTables()));

if (process.env.GEOCODER_URL) {
  describeGeocoderContract(`nominatim at ${process.env.GEOCODER_URL}`, () => geocoderFrom(loadEnvironment(process.env), async () => bundledGeocodingTables()));
} else {
  describe('geocoder contract: nominatim', () => {
    it.skip('skipped: GEOCODER_URL is not set (set it to a Nominatim server, and GEOCODER_USER_AGENT for the public one, to run this suite)', () => undefined);
  });
}
