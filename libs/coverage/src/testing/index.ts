/** Bench and test support of the coverage capability: its repository and the planner settings it runs with. */
export { CoverageRepository, PLANNER_SETTINGS } from '../coverage.repository';
