export * from './matching.module';
export * from './matching.service';
export * from './matching.types';
export * from './scoring/weights';
export * from './scoring/score';
export * from './scoring/rank';
export * from './bundle';
export * from './origin';
