import { bundledGeocodingTables } from '../testing';
import { FallbackGeocoder } from './fallback-geocoder';
import { GeocodePrecision, Geocoder, GeocoderUnavailableError, isApproximate, normalizePostcode } from './geocoder';
import { nominatimSearchUrl, precisionOfNominatimPlace } from './nominatim-geocoder';
import { OfflineGeocoder } from './offline-geocoder';

describe('normalizePostcode', () => {
  it('keeps five digits, restores the leading zero a spreadsheet number cell lost, refuses the rest', () => {
    expect(normalizePostcode('01662')).toBe('01662');
    expect(normalizePostcode(1662)).toBe('01662');
    expect(normalizePostcode(' 04109 ')).toBe('04109');
    expect(normalizePostcode('ABC 1234')).toBeNull();
    expect(normalizePostcode('016620')).toBeNull();
    expect(normalizePostcode('0144')).toBeNull();
    expect(normalizePostcode(null)).toBeNull();
  });
});

describe('OfflineGeocoder', () => {
  const geocoder = new OfflineGeocoder(async () => bundledGeocodingTables());

  it('answers with the postcode point, marked POSTCODE, when the postcode is known', async () => {
    const found = await geocoder.geocode({ street: 'Markt 1', postcode: '01662', town: 'Meißen' });
    expect(found).toMatchObject({ precision: GeocodePrecision.POSTCODE, source: 'offline' });
    expect(isApproximate(found!.precision)).toBe(true);
  });

  it('falls back to the locality when the postcode is unknown or missing', async () => {
    expect(await geocoder.geocode({ postcode: '99999', town: 'Zabeltitz' })).toMatchObject({ precision: GeocodePrecision.LOCALITY });
    expect(await geocoder.geocode({ town: 'Riesa' })).toMatchObject({ precision: GeocodePrecision.LOCALITY });
  });

  it('tolerates a typo in the town but not a mere beginning', async () => {
    expect(await geocoder.geocode({ town: 'Zabeltiz' })).toMatchObject({ precision: GeocodePrecision.LOCALITY });
    expect(await geocoder.geocode({ town: 'Mei' })).toBeNull();
  });
});

describe('Nominatim search request', () => {
  it('uses the structured form limited to Germany, one German result as jsonv2', () => {
    const url = nominatimSearchUrl('https://nominatim.example.org', { street: 'Markt 1', postcode: '1662', town: 'Meißen' }, 'it@example.org')!;
    expect(url.origin + url.pathname).toBe('https://nominatim.example.org/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      street: 'Markt 1', postalcode: '01662', city: 'Meißen', countrycodes: 'de', format: 'jsonv2', limit: '1', 'accept-language': 'de', email: 'it@example.org',
    });
    expect(url.searchParams.has('q')).toBe(false);
  });

  it('keeps a path prefix of the server', () => {
    expect(nominatimSearchUrl('https://geo.example.org/nominatim', { town: 'Riesa' })!.pathname).toBe('/nominatim/search');
  });

  it('asks nothing for an empty address', () => {
    expect(nominatimSearchUrl('https://nominatim.example.org', { street: ' ', postcode: 'x' })).toBeNull();
  });

  it('reads the precision from the address rank', () => {
    expect(precisionOfNominatimPlace({ lat: '0', lon: '0', place_rank: 30, addresstype: 'building' })).toBe(GeocodePrecision.EXACT);
    expect(precisionOfNominatimPlace({ lat: '0', lon: '0', place_rank: 26, addresstype: 'road' })).toBe(GeocodePrecision.STREET);
    expect(precisionOfNominatimPlace({ lat: '0', lon: '0', place_rank: 21, addresstype: 'postcode' })).toBe(GeocodePrecision.POSTCODE);
    expect(precisionOfNominatimPlace({ lat: '0', lon: '0', place_rank: 16, addresstype: 'town' })).toBe(GeocodePrecision.LOCALITY);
  });
});

describe('FallbackGeocoder', () => {
  const offline: Geocoder = { name: 'offline', geocode: async () => ({ latitude: 51, longitude: 13, precision: GeocodePrecision.POSTCODE, source: 'offline' }) };

  it('answers with the primary when it finds the address', async () => {
    const primary: Geocoder = { name: 'remote', geocode: async () => ({ latitude: 51.1, longitude: 13.1, precision: GeocodePrecision.EXACT, source: 'remote' }) };
    const geocoder = new FallbackGeocoder(primary, offline);
    expect(geocoder.name).toBe('remote+offline');
    expect(await geocoder.geocode({ town: 'x' })).toMatchObject({ source: 'remote', precision: GeocodePrecision.EXACT });
  });

  it('falls back when the primary finds nothing or is unavailable, and rethrows real bugs', async () => {
    expect(await new FallbackGeocoder({ name: 'remote', geocode: async () => null }, offline).geocode({ town: 'x' })).toMatchObject({ source: 'offline' });
    const down: Geocoder = { name: 'remote', geocode: async () => { throw new GeocoderUnavailableError('HTTP 503'); } };
    expect(await new FallbackGeocoder(down, offline).geocode({ town: 'x' })).toMatchObject({ source: 'offline' });
    const broken: Geocoder = { name: 'remote', geocode: async () => { throw new TypeError('bug'); } };
    await expect(new FallbackGeocoder(broken, offline).geocode({ town: 'x' })).rejects.toThrow('bug');
  });
});
