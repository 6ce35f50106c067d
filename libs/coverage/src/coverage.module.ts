import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@lotse/catalogue';
import { MatchingModule } from '@lotse/matching';
import { MunicipalityPopulationEntity } from './coverage.entities';
import { CoverageRepository } from './coverage.repository';
import { CoverageService } from './coverage.service';
import { CoverageResolver } from './graphql/coverage.resolver';
import { CoverageController } from './http/coverage.controller';

/**
 * Coverage for coordinators: gaps per municipality, district and need; GeoJSON and map picture.
 * Travel times come from MatchingModule's routing port (TRAVEL_TIME_ESTIMATOR).
 */
@Module({
  imports: [TypeOrmModule.forFeature([MunicipalityPopulationEntity]), CatalogueModule, MatchingModule],
  providers: [CoverageRepository, CoverageService, CoverageResolver],
  controllers: [CoverageController],
  exports: [CoverageService],
})
export class CoverageModule {}
