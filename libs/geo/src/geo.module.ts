import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistrictEntity, MunicipalityEntity, PostcodeEntity } from './geo.entities';
import { GeoRepository } from './geo.repository';
import { GeoService } from './geo.service';
import { DistrictResolver, MunicipalityResolver } from './graphql/geo.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([DistrictEntity, MunicipalityEntity, PostcodeEntity])],
  providers: [GeoRepository, GeoService, DistrictResolver, MunicipalityResolver],
  exports: [GeoService],
})
export class GeoModule {}
