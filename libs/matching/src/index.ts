export * from './matching.module';
export * from './matching.service';
export * from './matching.types';
export * from './scoring/weights';
export * from './scoring/score';
export * from './bundle';
export * from './origin';
