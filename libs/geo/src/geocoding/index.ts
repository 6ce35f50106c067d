export * from './geocoder';
export * from './offline-geocoder';
export * from './nominatim-geocoder';
export * from './fallback-geocoder';
export * from './geocoder.factory';
