/** Test support of the geo capability: the repository, so a test can watch which lookups reach the database. */
export { GeoRepository } from '../geo.repository';
export { bundledGeocodingTables, describeGeocoderContract } from './geocoder-contract';
