import { Module } from '@nestjs/common';
import { TransitFeedResolver } from './graphql/transit-feed.resolver';
import { GtfsImportService } from './gtfs/gtfs-import.service';
import { GtfsRepository } from './gtfs/gtfs.repository';
import { CalibratedTravelTimeEstimator } from './estimate/calibrated-travel-time.estimator';
import { TimetableProvider } from './transit/timetable.provider';
import { TransitTravelTimeEstimator } from './transit/transit-travel-time.estimator';
import { TRAVEL_TIME_ESTIMATOR } from './travel-time.port';

/**
 * Travel: the routing port (TRAVEL_TIME_ESTIMATOR) for matching and coverage alike — the transit
 * router over the imported GTFS feed, falling back to the calibrated estimate (railway stations of
 * db-stations) where the feed cannot answer or none is imported —
 * and the GTFS import.
 */
@Module({
  providers: [
    GtfsRepository,
    TimetableProvider,
    GtfsImportService,
    TransitFeedResolver,
    {
      provide: TRAVEL_TIME_ESTIMATOR,
      inject: [TimetableProvider],
      useFactory: (timetables: TimetableProvider) => new TransitTravelTimeEstimator(timetables, new CalibratedTravelTimeEstimator()),
    },
  ],
  exports: [TRAVEL_TIME_ESTIMATOR, GtfsImportService, TimetableProvider],
})
export class TravelModule {}
