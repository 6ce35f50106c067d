import { MedicalSpecialty, ServiceCategory } from './enums';
import { NEED_TERMS, NEEDS_TAXONOMY_VERSION, needsWithNarrower, needWithBroader, needWithNarrower } from './needs-taxonomy';
import { DEFAULT_PARTNER_KINDS, isOfKind, needAnswers, partnerKindLabel, RESOURCE_CATEGORIES } from './partner-kinds';
import { MEDICAL_SPECIALTIES, PRIMARY_CARE_SPECIALTIES } from './specialties';

/** The codes of taxonomy 2026.1, as they shipped: they must keep working. */
const CODES_2026_1 = [
  'musculoskeletal', 'cardiovascular', 'metabolic', 'mental_health', 'addiction', 'primary_care', 'exercise', 'nutrition',
  'stress_relaxation', 'specialist_assessment', 'medical_rehabilitation', 'psychotherapy', 'psychosocial_counselling',
  'social_participation', 'debt_counselling', 'family_couples', 'employment_qualification',
];

describe('needs taxonomy 2026.2', () => {
  it('keeps every 2026.1 code and adds the needs of the seed projects', () => {
    const codes = NEED_TERMS.map((t) => t.code);
    expect(NEEDS_TAXONOMY_VERSION).toBe('2026.2');
    expect(codes).toEqual(expect.arrayContaining(CODES_2026_1));
    expect(NEED_TERMS.filter((t) => t.since === '2026.1').map((t) => t.code)).toEqual(CODES_2026_1);
    for (const added of ['relatives_carers', 'crisis_intervention', 'smoking_cessation', 'chronic_pain', 'weight_management', 'psychiatric_treatment', 'self_help']) {
      expect(codes).toContain(added);
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of NEED_TERMS) expect(t.code).toMatch(/^[a-z][a-z_]{2,63}$/);
  });

  it('gives mental health its narrower needs, and parents form no cycle', () => {
    expect(needWithNarrower('mental_health').sort()).toEqual(['crisis_intervention', 'mental_health', 'psychiatric_treatment', 'psychosocial_counselling', 'psychotherapy']);
    expect(needWithNarrower('psychotherapy')).toEqual(['psychotherapy']);
    expect(needWithNarrower('metabolic')).toEqual(['metabolic', 'weight_management']);
    expect(needWithBroader('crisis_intervention')).toEqual(['crisis_intervention', 'mental_health']);
    expect(needWithBroader('mental_health')).toEqual(['mental_health']);
    expect(needsWithNarrower(['psychotherapy', 'mental_health', 'social_participation']).sort()).toEqual(
      ['crisis_intervention', 'mental_health', 'psychiatric_treatment', 'psychosocial_counselling', 'psychotherapy', 'self_help', 'social_participation'],
    );
    const codes = new Set(NEED_TERMS.map((t) => t.code));
    for (const t of NEED_TERMS) {
      if (!t.parent) continue;
      expect(codes.has(t.parent)).toBe(true);
      const seen = new Set<string>([t.code]);
      for (let p: string | undefined = t.parent; p; p = NEED_TERMS.find((x) => x.code === p)!.parent) {
        expect(seen.has(p)).toBe(false);
        seen.add(p);
      }
    }
  });
});

describe('medical specialties', () => {
  it('documents every code once, with the first ten kept', () => {
    expect(MEDICAL_SPECIALTIES.map((s) => s.code).sort()).toEqual(Object.values(MedicalSpecialty).sort());
    for (const old of ['general_practice', 'internal_medicine', 'orthopaedics', 'cardiology', 'psychiatry', 'psychotherapy', 'neurology', 'physical_and_rehabilitative_medicine', 'diabetology', 'addiction_medicine']) {
      expect(Object.values(MedicalSpecialty)).toContain(old);
    }
    const labels = MEDICAL_SPECIALTIES.map((s) => s.labelDe);
    expect(new Set(labels).size).toBe(labels.length);
    expect(MEDICAL_SPECIALTIES.filter((s) => s.qualification === 'facharzt').length).toBeGreaterThanOrEqual(50);
  });

  it('names the Facharzt fields in German as the Weiterbildungsordnung does', () => {
    const label = (c: MedicalSpecialty) => MEDICAL_SPECIALTIES.find((s) => s.code === c)!.labelDe;
    expect(label(MedicalSpecialty.ORTHOPAEDICS)).toBe('Orthopädie und Unfallchirurgie');
    expect(label(MedicalSpecialty.CARDIOLOGY)).toBe('Innere Medizin und Kardiologie');
    expect(label(MedicalSpecialty.PSYCHIATRY)).toBe('Psychiatrie und Psychotherapie');
    expect(MEDICAL_SPECIALTIES.find((s) => s.code === MedicalSpecialty.ORTHOPAEDICS)!.personDe).toContain('Orthopäde');
    expect(PRIMARY_CARE_SPECIALTIES).toEqual([MedicalSpecialty.GENERAL_PRACTICE, MedicalSpecialty.INTERNAL_MEDICINE]);
  });
});

describe('default kinds of partner', () => {
  const physician = (specialty: MedicalSpecialty) => ({ category: ServiceCategory.PHYSICIAN, specialty });
  const of = (category: ServiceCategory) => ({ category, specialty: null });

  it('exist for every need', () => {
    for (const t of NEED_TERMS) expect(DEFAULT_PARTNER_KINDS[t.code]?.length).toBeGreaterThan(0);
  });

  it('send specialist assessment to clinics and specialists, never to insurers or GPs', () => {
    const kinds = DEFAULT_PARTNER_KINDS.specialist_assessment;
    expect(isOfKind(of(ServiceCategory.CLINIC), kinds)).toBe(true);
    expect(isOfKind(physician(MedicalSpecialty.CARDIOLOGY), kinds)).toBe(true);
    expect(isOfKind(physician(MedicalSpecialty.ORTHOPAEDICS), kinds)).toBe(true);
    expect(isOfKind(of(ServiceCategory.HEALTH_INSURER), kinds)).toBe(false);
    expect(isOfKind(physician(MedicalSpecialty.GENERAL_PRACTICE), kinds)).toBe(false);
    expect(isOfKind(of(ServiceCategory.COURSE), kinds)).toBe(false);
  });

  it('send GP care to general practices only', () => {
    const kinds = DEFAULT_PARTNER_KINDS.primary_care;
    expect(isOfKind(physician(MedicalSpecialty.GENERAL_PRACTICE), kinds)).toBe(true);
    for (const no of [of(ServiceCategory.HEALTH_INSURER), of(ServiceCategory.CLINIC), physician(MedicalSpecialty.CARDIOLOGY)]) expect(isOfKind(no, kinds)).toBe(false);
  });

  it('keep mental-health treatment away from prevention courses and insurers', () => {
    for (const need of ['mental_health', 'psychotherapy', 'psychiatric_treatment']) {
      const kinds = DEFAULT_PARTNER_KINDS[need];
      expect(isOfKind({ category: ServiceCategory.CLINIC, specialty: MedicalSpecialty.PSYCHIATRY }, kinds)).toBe(true);
      expect(isOfKind(of(ServiceCategory.COURSE), kinds)).toBe(false);
      expect(isOfKind(of(ServiceCategory.HEALTH_INSURER), kinds)).toBe(false);
      expect(isOfKind(physician(MedicalSpecialty.DIABETOLOGY), kinds)).toBe(false);
    }
  });

  it('offer resources only for the need they serve: employment measures for employment, rooms never', () => {
    for (const [need, kinds] of Object.entries(DEFAULT_PARTNER_KINDS)) {
      expect({ need, room: isOfKind(of(ServiceCategory.COMMUNITY_ROOM), kinds) }).toEqual({ need, room: false });
      const measure = kinds.some((k) => k.category && RESOURCE_CATEGORIES.includes(k.category) && k.category === ServiceCategory.EMPLOYMENT_MEASURE);
      expect({ need, measure }).toEqual({ need, measure: need === 'employment_qualification' });
    }
  });

  it('are worded in German', () => {
    expect(partnerKindLabel({ category: ServiceCategory.CLINIC, specialty: MedicalSpecialty.PSYCHIATRY })).toBe('Klinik: Psychiatrie und Psychotherapie');
    expect(partnerKindLabel({ specialty: MedicalSpecialty.ORTHOPAEDICS })).toBe('Orthopädie und Unfallchirurgie');
    expect(partnerKindLabel({ category: ServiceCategory.COURSE })).toBe('Kurs');
  });
});

describe('what answers a need (matching and coverage alike)', () => {
  it('is the need and its narrower needs, each by its own default kinds of partner', () => {
    const answers = needAnswers('mental_health');
    expect(answers.map((a) => a.via)).toEqual(needWithNarrower('mental_health'));
    for (const a of answers) expect(a.kinds).toBe(DEFAULT_PARTNER_KINDS[a.via]);
    expect(needAnswers('specialist_assessment')).toEqual([{ via: 'specialist_assessment', kinds: DEFAULT_PARTNER_KINDS.specialist_assessment }]);
    // specialist assessment: never an insurer, a room or a job measure
    for (const category of [ServiceCategory.HEALTH_INSURER, ...RESOURCE_CATEGORIES]) {
      expect(needAnswers('specialist_assessment').some((a) => isOfKind({ category, specialty: null }, a.kinds))).toBe(false);
    }
  });
});
