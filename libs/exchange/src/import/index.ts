export * from './import.types';
export * from './import.service';
export * from './spreadsheet-columns';
export * from './template';
export { ImportActor } from './import.repository';
export { MAX_IMPORT_BYTES } from './import.graphql';
