export * from './errors';
export * from './validation';
export * from './graphql-errors';
export * from './pagination';
export * from './logging';
export * from './loaders';
