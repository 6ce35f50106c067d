import { Module } from '@nestjs/common';
import { CatalogueModule } from '@lotse/catalogue';
import { Environment } from '@lotse/config';
import { GeoModule } from '@lotse/geo';
import { MatchingResolver, MatchTargetResolver } from './graphql/matching.resolver';
import { MATCH_CLOCK, MATCH_WEIGHT_SET, MatchingService } from './matching.service';
import { weightSetFromConfig } from './scoring/weights';
import { HeuristicTravelTimeEstimator } from './travel/heuristic-travel-time.estimator';
import { TRAVEL_TIME_ESTIMATOR } from './travel/travel-time.port';

@Module({
  imports: [CatalogueModule, GeoModule],
  providers: [
    MatchingService,
    MatchingResolver,
    MatchTargetResolver,
    // The routing port: a routing-engine adapter (e.g. OSRM table API) would be chosen here from config.
    { provide: TRAVEL_TIME_ESTIMATOR, useClass: HeuristicTravelTimeEstimator },
    { provide: MATCH_WEIGHT_SET, inject: [Environment], useFactory: (env: Environment) => weightSetFromConfig(env.MATCH_WEIGHT_SET, env.MATCH_WEIGHTS) },
    { provide: MATCH_CLOCK, useValue: () => new Date() },
  ],
  exports: [MatchingService, TRAVEL_TIME_ESTIMATOR],
})
export class MatchingModule {}
