import './graphql/travel-mode.graphql';

export * from './travel-time.port';
export * from './travel.module';
export * from './heuristic/heuristic-travel-time.estimator';
export * from './estimate/calibrated-travel-time.estimator';
export { bundledStations } from './estimate/stations';
export type { Station, StationIndex } from './estimate/stations';
export * from './wording/trip-wording';
export * from './graphql/travel.graphql-types';
export { GtfsImportService } from './gtfs/gtfs-import.service';
export type { GtfsImportOptions, GtfsImportReport, ImportProgress } from './gtfs/gtfs-import.service';
export { GtfsValidationError, MAX_REPORTED_ISSUES } from './gtfs/parse-feed';
export type { FeedIssue } from './gtfs/parse-feed';
export { TimetableProvider } from './transit/timetable.provider';
export { TRANSIT_ESTIMATOR_NAME } from './transit/transit-travel-time.estimator';
