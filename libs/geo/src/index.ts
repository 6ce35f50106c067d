export * from './geo.module';
export * from './geo.service';
export * from './geo.types';
export * from './csv';
export { DistrictType, MunicipalityType } from './graphql/geo.graphql-types';
