import { NEED_TERMS, ServiceCategory } from '@lotse/catalogue';
import { uuidV5 } from '../ids';
import { LOTSE_TAXONOMIES, LOTSE_TAXONOMY_TERMS, lotseTaxonomyTerm, lotseTermOf, serviceTermsOf, taxonomyId, taxonomyTermId, termsOfService } from './lotse-taxonomies';

describe('Lotse vocabularies as HSDS taxonomies', () => {
  it('derives RFC 9562 version-5 UUIDs (checked against the RFC’s example for the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('publishes every need with its German label, description and parent', () => {
    const needs = LOTSE_TAXONOMY_TERMS.filter((t) => t.vocabulary === 'need');
    expect(needs.map((t) => t.code)).toEqual(NEED_TERMS.map((t) => t.code));
    const psychotherapy = lotseTaxonomyTerm('need', 'psychotherapy')!;
    expect(psychotherapy).toMatchObject({ name: 'Psychotherapie', language: 'de', taxonomy: 'Lotse-Bedarfe', taxonomy_id: taxonomyId('need') });
    expect(psychotherapy.parent_id).toBe(taxonomyTermId('need', 'mental_health'));
    expect(lotseTaxonomyTerm('need', 'mental_health')!.parent_id).toBeNull();
  });

  it('gives every term and taxonomy a unique id, and every parent is a term of the same taxonomy', () => {
    const ids = [...LOTSE_TAXONOMIES.map((t) => t.id), ...LOTSE_TAXONOMY_TERMS.map((t) => t.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(LOTSE_TAXONOMY_TERMS.map((t) => [t.id, t]));
    for (const term of LOTSE_TAXONOMY_TERMS.filter((t) => t.parent_id)) expect(byId.get(term.parent_id!)?.taxonomy_id).toBe(term.taxonomy_id);
  });

  it('reads our own terms back by id, URI, or taxonomy and code', () => {
    for (const term of LOTSE_TAXONOMY_TERMS) {
      const ref = { vocabulary: term.vocabulary, code: term.code };
      expect(lotseTermOf({ id: term.id })).toEqual(ref);
      expect(lotseTermOf({ term_uri: term.term_uri })).toEqual(ref);
      expect(lotseTermOf({ code: term.code, taxonomy: term.taxonomy })).toEqual(ref);
      expect(lotseTermOf({ code: term.code, taxonomy_detail: { uri: `urn:lotse:taxonomy:${term.vocabulary}` } })).toEqual(ref);
    }
  });

  it('maps German and English labels and known foreign terms to needs, and nothing else', () => {
    expect(lotseTermOf({ name: 'Schuldnerberatung' })).toEqual({ vocabulary: 'need', code: 'debt_counselling' });
    expect(lotseTermOf({ name: 'Mental Health Care', taxonomy: 'Open Eligibility' })).toEqual({ vocabulary: 'need', code: 'mental_health' });
    expect(lotseTermOf({ name: 'Smoking cessation' })).toEqual({ vocabulary: 'need', code: 'smoking_cessation' });
    expect(lotseTermOf({ name: 'Suchtberatung' })).toEqual({ vocabulary: 'category', code: 'addiction_counselling' });
    expect(lotseTermOf({ name: 'Dental Care', taxonomy: 'Open Eligibility' })).toBeUndefined();
    expect(lotseTermOf({ code: 'no_such_code', taxonomy: 'Lotse-Bedarfe' })).toBeUndefined();
  });

  it('turns a service into its terms and the terms back into the same facts', () => {
    const service = {
      category: ServiceCategory.COURSE,
      specialty: null,
      needs: ['exercise', 'musculoskeletal'],
      accessibility: ['step_free_access', 'lift'],
      deliveryModes: ['in_person', 'online'],
      costType: 'insurer_subsidised',
      insuranceRequirement: 'statutory',
      acceptingNewClients: false,
    };
    const terms = termsOfService(service);
    expect(terms.map((t) => t.vocabulary)).toEqual(['category', 'need', 'need', 'accessibility', 'accessibility', 'delivery_mode', 'delivery_mode', 'cost_type', 'insurance_requirement', 'intake']);
    expect(serviceTermsOf([...terms, { name: 'Dental Care' }])).toEqual({
      category: 'course',
      needs: ['exercise', 'musculoskeletal'],
      accessibility: ['step_free_access', 'lift'],
      deliveryModes: ['in_person', 'online'],
      costType: 'insurer_subsidised',
      insuranceRequirement: 'statutory',
      acceptingNewClients: false,
      unknown: [{ name: 'Dental Care' }],
    });
  });
});

describe('ids of services at locations', () => {
  it('are UUIDs of version 3 layout, the same for the same pair and different for another', () => {
    const { serviceAtLocationId } = jest.requireActual('../ids');
    const a = serviceAtLocationId('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(serviceAtLocationId('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222')).toBe(a);
    expect(serviceAtLocationId('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111')).not.toBe(a);
  });
});
