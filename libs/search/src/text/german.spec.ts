import { compoundParts, foldedSynonyms, foldedWords, foldGerman, meilisearchSynonyms, typoBudget, typoDistance } from './german';

describe('German text rules', () => {
  it('folds umlauts to ae/oe/ue, ß to ss and drops other accents', () => {
    expect(foldGerman('Müller Größe Ärztehaus Café')).toBe('mueller groesse aerztehaus cafe');
    expect(foldGerman('GROẞENHAIN')).toBe('grossenhain');
    // decomposed input (u + combining diaeresis) folds the same
    expect(foldGerman('Mu\u0308ller')).toBe('mueller');
    expect(foldedWords('Orthopädische Praxis – barrierefrei!')).toEqual(['orthopaedische', 'praxis', 'barrierefrei']);
  });

  it('gives typo budgets by word length like Meilisearch (5+: one, 9+: two)', () => {
    expect([typoBudget('arzt'), typoBudget('riesa'), typoBudget('orthopäd'), typoBudget('rückensch')]).toEqual([0, 1, 1, 2]);
  });

  it('counts typos as Damerau–Levenshtein with a wrong first letter counting twice', () => {
    expect(typoDistance('riesa', 'riesa')).toBe(0);
    expect(typoDistance('reisa', 'riesa')).toBe(1); // swapped neighbours
    expect(typoDistance('ernaerungskurs', 'ernaehrungskurs')).toBe(1); // missing letter
    expect(typoDistance('schuldnrberatnug', 'schuldnerberatung')).toBe(2);
    expect(typoDistance('tiesa', 'riesa')).toBe(2); // first letter
    expect(typoDistance('abcdefgh', 'zyxwvuts')).toBe(3); // capped at max + 1
  });

  it('splits compounds of the domain, also after a linking s and recursively', () => {
    expect(compoundParts('schuldnerberatung')).toEqual(expect.arrayContaining(['schuldner', 'beratung']));
    expect(compoundParts('rückenschule')).toEqual(expect.arrayContaining(['rücken', 'schule']));
    expect(compoundParts('ernährungskurs')).toEqual(expect.arrayContaining(['ernährungs', 'ernährung', 'kurs']));
    expect(compoundParts('suchtberatungsstelle')).toEqual(expect.arrayContaining(['sucht', 'beratung', 'stelle']));
    expect(compoundParts('selbsthilfegruppe')).toEqual(expect.arrayContaining(['selbsthilfe', 'selbst', 'hilfe', 'gruppe']));
    expect(compoundParts('praxis')).toEqual([]);
    expect(compoundParts('beratung')).toEqual([]);
  });

  it('expands synonyms both ways', () => {
    expect(foldedSynonyms('suchthilfe')).toContain('suchtberatung');
    expect(foldedSynonyms('hausarzt')).toContain('allgemeinmedizin');
    expect(foldedSynonyms('allgemeinmedizin')).toContain('hausaerztin');
    expect(foldedSynonyms('praxis')).toEqual([]);
    expect(meilisearchSynonyms().suchtberatung).toContain('suchthilfe');
    expect(meilisearchSynonyms().suchthilfe).toContain('suchtberatung');
  });
});
