import './graphql/travel-mode.graphql';

export * from './travel-time.port';
export * from './travel.module';
export * from './heuristic/heuristic-travel-time.estimator';
export * from './wording/trip-wording';
export * from './graphql/travel.graphql-types';
