/** Test support of the search capability: the contract every engine passes, its fixture, a failing engine. */
export * from './search-engine.contract';
export * from './search-fixture';
export * from './flaky-engine';
