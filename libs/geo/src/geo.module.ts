import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistrictEntity, GeoReferenceDataEntity, MunicipalityEntity, PlaceEntity, PostcodeEntity } from './geo.entities';
import { GeoRepository } from './geo.repository';
import { GeoService } from './geo.service';
import { DistrictResolver, MunicipalityResolver, PostcodeResolver } from './graphql/geo.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([DistrictEntity, MunicipalityEntity, PostcodeEntity, PlaceEntity, GeoReferenceDataEntity])],
  providers: [GeoRepository, GeoService, DistrictResolver, MunicipalityResolver, PostcodeResolver],
  exports: [GeoService],
})
export class GeoModule {}
