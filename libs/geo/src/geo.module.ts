import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistrictEntity, GeoReferenceDataEntity, MunicipalityEntity, PlaceEntity, PostcodeEntity } from './geo.entities';
import { Environment } from '@lotse/config';
import { GEOCODER, geocoderFrom } from './geocoding';
import { GeoRepository } from './geo.repository';
import { GeoService } from './geo.service';
import { DistrictResolver, MunicipalityResolver, PostcodeResolver } from './graphql/geo.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([DistrictEntity, MunicipalityEntity, PostcodeEntity, PlaceEntity, GeoReferenceDataEntity])],
  providers: [
    GeoRepository,
    GeoService,
    DistrictResolver,
    MunicipalityResolver,
    PostcodeResolver,
    { provide: GEOCODER, inject: [Environment, GeoService], useFactory: (env: Environment, geo: GeoService) => geocoderFrom(env, () => geo.geocodingTables()) },
  ],
  exports: [GeoService, GEOCODER],
})
export class GeoModule {}
