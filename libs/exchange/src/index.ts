export * from './exchange.module';
export * from './ids';
export * from './vocabulary/lotse-taxonomies';
