import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@lotse/catalogue';
import { GeoModule } from '@lotse/geo';
import { TravelModule } from '@lotse/travel';
import { MunicipalityPopulationEntity } from './coverage.entities';
import { CoverageRepository } from './coverage.repository';
import { CoverageService } from './coverage.service';
import { CoverageGate } from './coverage-gate';
import { CoverageResolver } from './graphql/coverage.resolver';
import { CoverageController } from './http/coverage.controller';

/**
 * Coverage for coordinators: gaps per municipality, district and need; GeoJSON and map picture.
 * Travel times come from the travel capability's routing port (TRAVEL_TIME_ESTIMATOR).
 */
@Module({
  imports: [TypeOrmModule.forFeature([MunicipalityPopulationEntity]), CatalogueModule, GeoModule, TravelModule],
  providers: [CoverageRepository, CoverageService, CoverageGate, CoverageResolver],
  controllers: [CoverageController],
  exports: [CoverageService, CoverageGate],
})
export class CoverageModule {}
