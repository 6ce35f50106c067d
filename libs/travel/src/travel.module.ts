import { Module } from '@nestjs/common';
import { HeuristicTravelTimeEstimator } from './heuristic/heuristic-travel-time.estimator';
import { TRAVEL_TIME_ESTIMATOR } from './travel-time.port';

/**
 * Travel: the routing port (TRAVEL_TIME_ESTIMATOR) and its adapter, for matching and coverage alike.
 * A routing-engine adapter (e.g. OSRM's table API) would be chosen here from configuration.
 */
@Module({
  providers: [{ provide: TRAVEL_TIME_ESTIMATOR, useClass: HeuristicTravelTimeEstimator }],
  exports: [TRAVEL_TIME_ESTIMATOR],
})
export class TravelModule {}
