export * from './exchange.module';
export * from './ids';
export * from './identifiers';
export * from './vocabulary/lotse-taxonomies';
