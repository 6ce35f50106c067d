import { DEFAULT_PAGE_SIZE } from './pagination';

/**
 * What a GraphQL request may cost, estimated from the document before any work starts (the
 * complexity limit of the API). A field's cost is its own work plus what is asked of each item it
 * returns, times how many items it returns: `page` sizes come from `first`, nested lists from a
 * declared fan-out, computations (matching, coverage) from their units of work.
 *
 * The estimate is remembered per document for the values it may read: `first`, `districtAgs` and
 * the lengths of lists (how many needs, how many persons) — a cost function reads nothing else, so
 * no other part of a request (a participant's needs, their place) is kept.
 */
export interface QueryCostScale {
  /** municipalities in a district, or in all Saxony when none is given */
  municipalities(districtAgs?: string | null): number;
}

export interface CostInput {
  args: Record<string, any>;
  childComplexity: number;
  context?: { scale?: QueryCostScale };
}

/** A field's `complexity` (NestJS `@Field`/`@ResolveField`/`@Query` option), read by the estimator. */
export type CostEstimate = (input: CostInput) => number;

/** One database round trip (a batched lookup, a count, one statement). */
export const DATABASE_WORK = 1;

/**
 * A write (every mutation unless it declares more): a transaction of several statements whose
 * triggers feed the search outbox and the audit trail, holding a database connection while it runs
 * (the embedded database has one: every read waits), then re-indexed. Priced like a five-need
 * match, so one request carries at most QUERY_COST_LIMIT / WRITE_COST writes (40 at the default;
 * the web app sends one at a time) and 50 aliased writes are refused before the first runs.
 */
export const WRITE_COST = 500;
/** Checking or setting a password: argon2id is slow on purpose (tens of ms of CPU and 64 MB each). */
export const PASSWORD_COST = 1_000;
/** An import: parses a file (spreadsheet, HSDS) and checks, and unless a dry run writes, every row of it. */
export const IMPORT_COST = 5_000;

export const pageSize = (first: unknown, defaultSize: number): number => (typeof first === 'number' && first > 0 ? first : defaultSize);

export const Cost = {
  /** one item loaded by key through a batch loader */
  lookup: (({ childComplexity }) => DATABASE_WORK + childComplexity) as CostEstimate,
  /** a list loaded from the database, about `fanOut` items per parent (a declared estimate) */
  list:
    (fanOut: number): CostEstimate =>
    ({ childComplexity }) =>
      DATABASE_WORK + fanOut * childComplexity,
  /** a page: `first` items (or the default page size) */
  page:
    (defaultSize = DEFAULT_PAGE_SIZE): CostEstimate =>
    ({ args, childComplexity }) =>
      DATABASE_WORK + pageSize(args.first, defaultSize) * childComplexity,
  /** a mutation: `units` (a write by default, see WRITE_COST) plus what is asked of its result */
  write:
    (units = WRITE_COST): CostEstimate =>
    ({ childComplexity }) =>
      units + childComplexity,
  /** a computation of `units(args, scale)` units of work, plus what is asked of its one result */
  work:
    (units: (args: Record<string, any>, scale: QueryCostScale) => number): CostEstimate =>
    ({ args, childComplexity, context }) =>
      units(args, context?.scale ?? UNSCALED) + childComplexity,
};

/** Without a scale (tests of a lone schema): as if all of Saxony's 426 municipalities (the bundled boundaries) were asked for. */
const UNSCALED: QueryCostScale = { municipalities: () => 426 };
