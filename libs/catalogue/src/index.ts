export * from './catalogue.module';
export * from './catalogue.service';
export * from './domain/enums';
export * from './domain/models';
export * from './domain/import.types';
export * from './domain/needs-taxonomy';
export { LocationType, NeedTermType, OrganizationType, ServiceType } from './graphql/catalogue.graphql-types';
export { toLocationType, toServiceType } from './graphql/mappers';
