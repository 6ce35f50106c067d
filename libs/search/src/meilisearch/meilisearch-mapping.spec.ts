import { SearchSort } from '../search.types';
import { fixtureDocument } from '../testing/search-fixture';
import { meilisearchFilter, meilisearchQuery, meilisearchSettings, meilisearchSort, staleRecordsFilter, toMeilisearchRecords } from './meilisearch-mapping';

// The translation to Meilisearch's API, without a server (the contract suite needs a real one).
describe('Meilisearch mapping', () => {
  it('stores one record per location, with _geo, folded back to one hit per service', () => {
    const doc = fixtureDocument('mobilSucht');
    const records = toMeilisearchRecords(doc);
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.serviceId)).toEqual([doc.id, doc.id]);
    expect(records.map((r) => r.docId)).toEqual(doc.locations.map((l) => `${doc.id}_${l.id}`));
    expect(records[0]._geo).toEqual({ lat: doc.locations[0].latitude, lng: doc.locations[0].longitude });
    expect(records[0].districtAgs).toEqual(doc.districtAgs); // service-level values on every record
    expect(records[0]).not.toHaveProperty('id');
    expect(meilisearchSettings().distinctAttribute).toBe('serviceId');
  });

  it('keeps a listing without locations as one record without _geo', () => {
    const records = toMeilisearchRecords({ ...fixtureDocument('nordic'), locations: [] });
    expect(records).toEqual([expect.objectContaining({ docId: fixtureDocument('nordic').id })]);
    expect(records[0]).not.toHaveProperty('_geo');
  });

  it('translates filters, radius and order', () => {
    expect(
      meilisearchFilter({
        filter: { categories: ['course', 'clinic'], needs: ['addiction'], districtAgs: '14627', language: 'uk', accessibility: ['lift', 'braille'], acceptingNewClients: false },
        near: { latitude: 51.16, longitude: 13.47, radiusMeters: 5000 },
      }),
    ).toEqual([
      'category IN ["course", "clinic"]',
      'needs IN ["addiction"]',
      'districtAgs = "14627"',
      'languages = "uk"',
      'accessibility = "lift"',
      'accessibility = "braille"',
      'acceptingNewClients = false',
      '_geoRadius(51.16, 13.47, 5000)',
    ]);
    expect(meilisearchSort({ sort: SearchSort.DISTANCE, near: { latitude: 51.1, longitude: 13.2, radiusMeters: 1 } })).toEqual(['_geoPoint(51.1, 13.2):asc']);
    expect(meilisearchSort({ sort: SearchSort.NAME })).toEqual(['nameSort:asc']);
    expect(meilisearchSort({ sort: SearchSort.RELEVANCE })).toBeUndefined();
    expect(staleRecordsFilter(['a', 'b'], ['a_1'])).toBe('serviceId IN ["a", "b"] AND docId NOT IN ["a_1"]');
  });

  it('configures German synonyms, geo, facets and the typo rules shared with the PostgreSQL engine', () => {
    const settings = meilisearchSettings();
    expect(settings.synonyms?.suchtberatung).toContain('suchthilfe');
    expect(settings.synonyms?.hausarzt).toContain('allgemeinmedizin');
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(['_geo', 'category', 'needs', 'districtAgs', 'languages', 'accessibility', 'acceptingNewClients']));
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(['_geo', 'nameSort']));
    expect(settings.rankingRules?.[0]).toBe('sort');
    expect(settings.typoTolerance).toMatchObject({ minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
  });

  it('sends compound query words as their parts and curated terms whole, as the PostgreSQL engine matches them', () => {
    expect(meilisearchQuery('Ernärungskurs')).toBe('ernärung kurs');
    expect(meilisearchQuery('Bewegnugskurs Meißen')).toBe('bewegnug kurs meißen');
    expect(meilisearchQuery('Rückenkurs')).toBe('rückenkurs'); // a curated term: documents with Rücken and Kurs carry it
    expect(meilisearchQuery('Raucherentwöhnung')).toBe('raucherentwöhnung');
    expect(meilisearchQuery('PIA Schwarzenberg ')).toBe('pia schwarzenberg ');
    expect(meilisearchQuery('Suchtber')).toBe('suchtber');
    expect(meilisearchQuery('')).toBe('');
    // the documents carry the curated terms and the compound parts as keywords, searchable right after the name
    expect(meilisearchSettings().searchableAttributes?.[1]).toBe('keywords');
    expect(fixtureDocument('rauchfrei').keywords).toEqual(expect.arrayContaining(['raucherentwöhnung', 'nichtraucher']));
    expect(fixtureDocument('rueckenschule').keywords).toEqual(expect.arrayContaining(['rücken', 'prävention', 'rückenkurs']));
  });
});
