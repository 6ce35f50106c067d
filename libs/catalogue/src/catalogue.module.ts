import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@lotse/geo';
import { CATALOGUE_ENTITIES } from './catalogue.entities';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { CatalogueWriteRepository } from './catalogue-write.repository';
import { CatalogueWriteService } from './catalogue-write.service';
import { CatalogueWriteResolver } from './graphql/catalogue-write.resolver';
import {
  CatalogueQueryResolver,
  DistrictServiceCountsResolver,
  LocationFieldsResolver,
  MunicipalityServiceCountsResolver,
  NeedTermFieldsResolver,
  OrganizationFieldsResolver,
  ServiceFieldsResolver,
} from './graphql/catalogue.resolver';

@Module({
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES), GeoModule],
  providers: [
    CatalogueRepository,
    CatalogueService,
    CatalogueWriteRepository,
    CatalogueWriteService,
    CatalogueWriteResolver,
    CatalogueQueryResolver,
    ServiceFieldsResolver,
    OrganizationFieldsResolver,
    LocationFieldsResolver,
    DistrictServiceCountsResolver,
    MunicipalityServiceCountsResolver,
    NeedTermFieldsResolver,
  ],
  exports: [CatalogueService, CatalogueWriteService],
})
export class CatalogueModule {}
