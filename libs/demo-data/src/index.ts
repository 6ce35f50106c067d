export { generateDemoCatalogue, parseHours, DEMO_DATA_NOTICE, DEMO_VERIFIED_BY } from './generator';
export type { GenerateOptions } from './generator';
export { DEMO_TOWNS, DEMO_REGIONS } from './towns';
export type { DemoTown, DemoRegion } from './towns';
export { DemoSeedModule } from './demo-seed.module';
export { DemoSeedService } from './demo-seed.service';
export type { SeedResult } from './demo-seed.service';
export { SeededRandom } from './random';
