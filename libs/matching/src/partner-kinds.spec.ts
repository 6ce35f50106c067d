import { MedicalSpecialty, needWithNarrower, partnerKindToken, ServiceCategory } from '@lotse/catalogue';
import { answeredNeeds, candidateScans, needLabel, PartnerKindMode, planPartnerKinds } from './partner-kinds';

const C = ServiceCategory;
const listing = (matchedNeeds: string[], category: ServiceCategory, specialty: MedicalSpecialty | null = null) => ({ matchedNeeds, service: { category, specialty } });

describe('what answers a requested need', () => {
  it('routes a parent need through each narrower need, by that need’s own default kinds', () => {
    const plan = planPartnerKinds(['mental_health']);
    expect(plan.routes.get('mental_health')!.map((r) => r.via).sort()).toEqual(needWithNarrower('mental_health').sort());
    const scans = candidateScans(plan, ['mental_health']);
    expect(scans.needs.sort()).toEqual(needWithNarrower('mental_health').sort());
    // psychosocial counselling is answered by social services; mental health itself is not
    expect(scans.kinds.psychosocial_counselling).toContain('c:social_service');
    expect(scans.kinds.mental_health).not.toContain('c:social_service');
    expect(answeredNeeds(plan, ['mental_health'], listing(['psychosocial_counselling'], C.SOCIAL_SERVICE))).toEqual([{ code: 'mental_health', via: ['psychosocial_counselling'] }]);
    expect(answeredNeeds(plan, ['mental_health'], listing(['mental_health'], C.SOCIAL_SERVICE))).toEqual([]);
    expect(answeredNeeds(plan, ['mental_health'], listing(['mental_health', 'crisis_intervention'], C.PSYCHOSOCIAL_SERVICE))).toEqual([{ code: 'mental_health', via: [] }]);
    expect(answeredNeeds(plan, ['mental_health'], listing(['crisis_intervention', 'psychotherapy'], C.COMMUNITY_ROOM))).toEqual([]);
  });

  it('never the other way round: a narrower need is not answered by its parent’s listings', () => {
    const plan = planPartnerKinds(['psychotherapy']);
    expect(candidateScans(plan, ['psychotherapy']).needs).toEqual(['psychotherapy']);
    expect(answeredNeeds(plan, ['psychotherapy'], listing(['mental_health'], C.CLINIC))).toEqual([]);
  });

  it('applies a kind required for the parent to every route, and tells two requested needs sharing a narrower need apart', () => {
    const plan = planPartnerKinds(['mental_health', 'psychotherapy'], [{ need: 'mental_health', kind: { category: C.CLINIC, specialty: MedicalSpecialty.PSYCHIATRY }, mode: PartnerKindMode.REQUIRE }]);
    const pia = partnerKindToken({ category: C.CLINIC, specialty: MedicalSpecialty.PSYCHIATRY });
    for (const route of plan.routes.get('mental_health')!) expect([...route.tokens]).toEqual([pia]);
    // the scan of psychotherapy takes both requested needs' kinds; the check afterwards keeps them apart
    const scans = candidateScans(plan, ['mental_health', 'psychotherapy']);
    expect(scans.kinds.psychotherapy).toEqual(expect.arrayContaining([pia, 'cs:physician/psychotherapy']));
    expect(answeredNeeds(plan, ['mental_health', 'psychotherapy'], listing(['psychotherapy'], C.PHYSICIAN, MedicalSpecialty.PSYCHOTHERAPY))).toEqual([{ code: 'psychotherapy', via: [] }]);
    expect(answeredNeeds(plan, ['mental_health', 'psychotherapy'], listing(['psychotherapy'], C.CLINIC, MedicalSpecialty.PSYCHIATRY))).toEqual([
      { code: 'mental_health', via: ['psychotherapy'] },
      { code: 'psychotherapy', via: [] },
    ]);
  });

  it('scans a preferred kind on its own through every narrower need, but not within required kinds', () => {
    const prefer = planPartnerKinds(['mental_health'], [{ need: 'mental_health', kind: { category: C.CLINIC }, mode: PartnerKindMode.PREFER }]);
    expect(candidateScans(prefer, ['mental_health']).extraScans.map((x) => x.need).sort()).toEqual(needWithNarrower('mental_health').sort());
    const both = planPartnerKinds(['mental_health'], [
      { need: 'mental_health', kind: { category: C.CLINIC }, mode: PartnerKindMode.REQUIRE },
      { need: 'mental_health', kind: { specialty: MedicalSpecialty.PSYCHIATRY }, mode: PartnerKindMode.PREFER },
    ]);
    expect(candidateScans(both, ['mental_health']).extraScans).toEqual([]);
    // only the needs asked about: the unmet ones beyond the limit
    const two = planPartnerKinds(['mental_health', 'addiction']);
    expect(candidateScans(two, ['addiction']).needs).toEqual(['addiction']);
  });

  it('words a need answered through a narrower one', () => {
    const target = { matchedVia: [{ need: 'mental_health', via: [{ labelDe: 'Krisenintervention' }] }] };
    expect(needLabel({ code: 'mental_health', labelDe: 'Psychische Gesundheit' }, target)).toBe('Psychische Gesundheit (über Krisenintervention)');
    expect(needLabel({ code: 'addiction', labelDe: 'Sucht' }, target)).toBe('Sucht');
  });
});
