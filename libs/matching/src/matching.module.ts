import { Module } from '@nestjs/common';
import { CatalogueModule } from '@lotse/catalogue';
import { Environment } from '@lotse/config';
import { GeoModule } from '@lotse/geo';
import { TravelModule } from '@lotse/travel';
import { HouseholdResolver } from './graphql/household.resolver';
import { MatchingResolver, MatchTargetResolver } from './graphql/matching.resolver';
import { HouseholdMatchingService } from './household/household.service';
import { RoomsResolver } from './graphql/rooms.resolver';
import { RoomsService } from './rooms/rooms.service';
import { MATCH_CLOCK, MATCH_WEIGHT_SET, MatchingService } from './matching.service';
import { MATCH_LIMITS, MatchLimits } from './match-budget';
import { weightSetFromConfig } from './scoring/weights';

@Module({
  imports: [CatalogueModule, GeoModule, TravelModule],
  providers: [
    MatchingService,
    MatchingResolver,
    MatchTargetResolver,
    HouseholdMatchingService,
    HouseholdResolver,
    RoomsService,
    RoomsResolver,
    { provide: MATCH_WEIGHT_SET, inject: [Environment], useFactory: (env: Environment) => weightSetFromConfig(env.MATCH_WEIGHT_SET, env.MATCH_WEIGHTS) },
    { provide: MATCH_CLOCK, useValue: () => new Date() },
    {
      provide: MATCH_LIMITS,
      inject: [Environment],
      useFactory: (env: Environment): MatchLimits => ({ workUnits: env.MATCH_WORK_LIMIT, timeMs: env.MATCH_TIME_LIMIT_MS, sliceMs: env.MATCH_SLICE_MS }),
    },
  ],
  exports: [MatchingService, HouseholdMatchingService],
})
export class MatchingModule {}
