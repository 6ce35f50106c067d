export * from './database.module';
export * from './embedded-database';
export * from './query-counter';
export { MIGRATIONS } from './migrations';
export * from './prepared-query';
