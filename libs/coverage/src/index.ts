export * from './coverage.module';
export * from './coverage.service';
export * from './coverage.types';
export { MunicipalityPopulationEntity } from './coverage.entities';
export { SAXONY_MERGERS_SINCE_2016 } from './population/municipality-mergers';
export type { MunicipalityMerger } from './population/municipality-mergers';
export { parseCrosswalkCsv, parsePopulationCsv } from './population/population-csv';
export { apportionPopulation } from './population/apportion';
export { minuteBins, renderCoverageMap } from './map/svg-map';
