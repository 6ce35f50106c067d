export * from './exchange.module';
export * from './ids';
export * from './identifiers';
export * from './vocabulary/lotse-taxonomies';
export * from './datapackage/hsds-datapackage.exporter';
export { HSDS_TABLES } from './datapackage/hsds-tables';
export type { TableDefinition, FieldType } from './datapackage/hsds-tables';
export { HsdsApiService, HSDS_VERSION } from './hsds/hsds.service';
