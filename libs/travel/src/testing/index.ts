/** Test and bench support of the travel capability: synthetic GTFS feeds, and the repository for row counts. */
import { zipSync } from 'fflate';

export * from './gtfs-builder';
export { GtfsRepository } from '../gtfs/gtfs.repository';
export { parseFeed } from '../gtfs/parse-feed';
export { Timetable, TRANSIT_PARAMETERS } from '../transit/timetable';
export { TransitRouter, median } from '../transit/transit-router';
export { haversineMeters } from '../transit/geometry';

/** The files as a .zip, the way operators publish feeds. */
export function zipFeed(files: Map<string, Uint8Array>, folder = ''): Uint8Array {
  return zipSync(Object.fromEntries([...files].map(([name, bytes]) => [`${folder}${name}`, bytes])));
}
export { travelTimeContract } from './travel-time.contract';
export type { ContractScenario, ContractSubject } from './travel-time.contract';
