import { fixtureDocument, fixtureVariant } from '../testing/search-fixture';
import { keywordsOf } from './search-document';

describe('search document', () => {
  it('denormalises a listing: labels, towns, districts, points', () => {
    const doc = fixtureDocument('orthoMueller');
    expect(doc).toMatchObject({
      name: 'Orthopädische Praxis Dr. Müller',
      categoryLabel: 'Arztpraxis',
      specialtyLabels: ['Orthopädie', 'Orthopäde', 'Orthopädin'],
      accessibility: ['accessible_wc', 'step_free_access'],
      towns: ['Großenhain'],
      districtAgs: ['14627'],
      nameSort: 'orthopaedische praxis dr mueller',
    });
    expect(doc.accessibilityLabels).toContain('barrierefrei');
    expect(doc.locations).toEqual([{ id: expect.any(String), latitude: 51.2893, longitude: 13.5318 }]);
  });

  it('adds compound parts and umlaut-free spellings as keywords, not words already there', () => {
    expect(keywordsOf(['Schuldnerberatung Großenhain'])).toEqual(expect.arrayContaining(['schuldner', 'beratung', 'grossenhain']));
    expect(keywordsOf(['Praxis Dr. Müller'])).toEqual(['mueller']);
    expect(keywordsOf(['Beratung und Praxis'])).toEqual([]);
  });

  it('carries each need with its broader needs, so a filter or facet of a parent counts its narrower needs’ listings', () => {
    // listed under addiction and psychosocial counselling (narrower than mental health)
    expect(fixtureDocument('suchtRiesa').needs).toEqual(['addiction', 'mental_health', 'psychosocial_counselling']);
    expect(fixtureDocument('suchtRiesa').needLabels).toEqual(['Psychosoziale Beratung', 'Sucht']);
    expect(fixtureDocument('kochkurs').needs).toEqual(['nutrition']);
  });

  it('is deterministic: the same listing gives the same document', () => {
    expect(fixtureVariant('mobilSucht', {})).toEqual(fixtureDocument('mobilSucht'));
  });
});
