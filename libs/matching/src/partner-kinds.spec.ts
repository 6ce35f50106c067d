import { MedicalSpecialty, needWithNarrower, partnerKindToken, routeToken, ServiceCategory } from '@lotse/catalogue';
import { answeredNeeds, candidateScans, needLabel, PartnerKindMode, planPartnerKinds } from './partner-kinds';

const C = ServiceCategory;
const listing = (matchedNeeds: string[], category: ServiceCategory, specialty: MedicalSpecialty | null = null) => ({ matchedNeeds, service: { category, specialty } });

describe('what answers a requested need', () => {
  it('routes a parent need through each narrower need, by that need’s own default kinds', () => {
    const plan = planPartnerKinds(['mental_health']);
    expect(plan.routes.get('mental_health')!.map((r) => r.via).sort()).toEqual(needWithNarrower('mental_health').sort());
    // one scan of the family, whose routes name each narrower need with its own kinds
    const { scans } = candidateScans(plan, ['mental_health']);
    expect(scans.map((x) => x.need)).toEqual(['mental_health']);
    const vias = new Set(scans[0].routes.map((r) => r.slice(0, r.indexOf('>'))));
    expect([...vias].sort()).toEqual(needWithNarrower('mental_health').sort());
    // psychosocial counselling is answered by social services; mental health itself is not
    expect(scans[0].routes).toContain(routeToken('psychosocial_counselling', 'c:social_service'));
    expect(scans[0].routes).not.toContain(routeToken('mental_health', 'c:social_service'));
    expect(answeredNeeds(plan, ['mental_health'], listing(['psychosocial_counselling'], C.SOCIAL_SERVICE))).toEqual([{ code: 'mental_health', via: ['psychosocial_counselling'] }]);
    expect(answeredNeeds(plan, ['mental_health'], listing(['mental_health'], C.SOCIAL_SERVICE))).toEqual([]);
    expect(answeredNeeds(plan, ['mental_health'], listing(['mental_health', 'crisis_intervention'], C.PSYCHOSOCIAL_SERVICE))).toEqual([{ code: 'mental_health', via: [] }]);
    expect(answeredNeeds(plan, ['mental_health'], listing(['crisis_intervention', 'psychotherapy'], C.COMMUNITY_ROOM))).toEqual([]);
  });

  it('never the other way round: a narrower need is not answered by its parent’s listings', () => {
    const plan = planPartnerKinds(['psychotherapy']);
    const { scans } = candidateScans(plan, ['psychotherapy']);
    expect(scans.map((x) => x.need)).toEqual(['psychotherapy']);
    expect(scans[0].routes.every((r) => r.startsWith('psychotherapy>'))).toBe(true);
    expect(answeredNeeds(plan, ['psychotherapy'], listing(['mental_health'], C.CLINIC))).toEqual([]);
  });

  it('applies a kind required for the parent to every route, and tells two requested needs sharing a narrower need apart', () => {
    const plan = planPartnerKinds(['mental_health', 'psychotherapy'], [{ need: 'mental_health', kind: { category: C.CLINIC, specialty: MedicalSpecialty.PSYCHIATRY }, mode: PartnerKindMode.REQUIRE }]);
    const pia = partnerKindToken({ category: C.CLINIC, specialty: MedicalSpecialty.PSYCHIATRY });
    for (const route of plan.routes.get('mental_health')!) expect([...route.tokens]).toEqual([pia]);
    // each requested need scans with its own kinds; a listing found by both is merged, and the check afterwards keeps them apart
    const { scans } = candidateScans(plan, ['mental_health', 'psychotherapy']);
    expect(scans.map((x) => x.need)).toEqual(['mental_health', 'psychotherapy']);
    expect(scans[0].routes).toContain(routeToken('psychotherapy', pia));
    expect(scans[0].routes).not.toContain(routeToken('psychotherapy', 'cs:physician/psychotherapy'));
    expect(scans[1].routes).toContain(routeToken('psychotherapy', 'cs:physician/psychotherapy'));
    expect(answeredNeeds(plan, ['mental_health', 'psychotherapy'], listing(['psychotherapy'], C.PHYSICIAN, MedicalSpecialty.PSYCHOTHERAPY))).toEqual([{ code: 'psychotherapy', via: [] }]);
    expect(answeredNeeds(plan, ['mental_health', 'psychotherapy'], listing(['psychotherapy'], C.CLINIC, MedicalSpecialty.PSYCHIATRY))).toEqual([
      { code: 'mental_health', via: ['psychotherapy'] },
      { code: 'psychotherapy', via: [] },
    ]);
  });

  it('scans a preferred kind on its own through every narrower need, but not within required kinds', () => {
    const prefer = planPartnerKinds(['mental_health'], [{ need: 'mental_health', kind: { category: C.CLINIC }, mode: PartnerKindMode.PREFER }]);
    const preferred = candidateScans(prefer, ['mental_health']).scans;
    expect(preferred.map((x) => x.need)).toEqual(['mental_health', 'mental_health']);
    // the second scan: every narrower need, of the preferred kind only
    expect([...preferred[1].routes].sort()).toEqual(needWithNarrower('mental_health').map((n) => routeToken(n, 'c:clinic')).sort());
    expect(preferred[0].routes).toEqual(expect.arrayContaining(preferred[1].routes));
    const both = planPartnerKinds(['mental_health'], [
      { need: 'mental_health', kind: { category: C.CLINIC }, mode: PartnerKindMode.REQUIRE },
      { need: 'mental_health', kind: { specialty: MedicalSpecialty.PSYCHIATRY }, mode: PartnerKindMode.PREFER },
    ]);
    expect(candidateScans(both, ['mental_health']).scans).toHaveLength(1);
    // only the needs asked about: the unmet ones beyond the limit
    const two = planPartnerKinds(['mental_health', 'addiction']);
    expect(candidateScans(two, ['addiction']).scans.map((x) => x.need)).toEqual(['addiction']);
  });

  it('words a need answered through a narrower one', () => {
    const target = { matchedVia: [{ need: 'mental_health', via: [{ labelDe: 'Krisenintervention' }] }] };
    expect(needLabel({ code: 'mental_health', labelDe: 'Psychische Gesundheit' }, target)).toBe('Psychische Gesundheit (über Krisenintervention)');
    expect(needLabel({ code: 'addiction', labelDe: 'Sucht' }, target)).toBe('Sucht');
  });
});
