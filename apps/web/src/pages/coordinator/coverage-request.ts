/** The coverage form's controls, as typed (threshold as text until it is sent). */
export interface CoverageControls<Mode extends string = string> {
  need: string;
  mode: Mode;
  threshold: string;
  district: string;
}

/**
 * What the coverage screen asks the API for (`NetworkCoverageView`): the form's one need, a district
 * or all Saxony. Its largest — all Saxony, one need — is priced against the API's cost limit in
 * test/query-cost.e2e-spec.ts, so the screen is never refused as too complex.
 */
export function coverageVariables<Mode extends string>(c: CoverageControls<Mode>) {
  const threshold = c.threshold.trim() === '' ? NaN : Number(c.threshold);
  return {
    input: { needs: [c.need], mode: c.mode, thresholdMinutes: Number.isInteger(threshold) ? threshold : -1, districtAgs: c.district || null },
    need: c.need,
  };
}
