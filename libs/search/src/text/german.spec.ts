import { keywordsOf } from '../document/search-document';
import { compoundParts, curatedKeywords, foldedSynonyms, foldedWords, foldGerman, isCuratedTerm, meilisearchSynonyms, querySplit, typoBudget, typoDistance } from './german';
import { SEARCH_TERMS } from './search-terms.de';

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

  it('splits a query word into modifier and head, without the linking s, also when folded', () => {
    expect(querySplit('ernährungskurs')).toEqual(['ernährung', 'kurs']);
    expect(querySplit('Rückenkurs')).toEqual(['rücken', 'kurs']);
    expect(querySplit('bewegungskurs')).toEqual(['bewegung', 'kurs']);
    expect(querySplit('ernaerungskurs')).toEqual(['ernaerung', 'kurs']); // a typo stays in the part
    expect(querySplit('raucherentwoehnung')).toEqual(['raucher', 'entwoehnung']);
    expect(querySplit('krisendienst')).toEqual(['krisen', 'dienst']);
    expect(querySplit('kurs')).toBeNull();
    expect(querySplit('riesa')).toBeNull();
  });

  it('indexes a document with the curated terms of what it says, phrases by all their words', () => {
    const present = (text: string) => new Set(keywordsOf([text]).concat(foldedWords(text)).map(foldGerman));
    expect(keywordsOf(['Rauchfrei-Kurs'])).toEqual(expect.arrayContaining(['raucherentwöhnung', 'nichtraucher', 'rauchstopp']));
    expect(keywordsOf(['Psychiatrische Institutsambulanz Schwarzenberg'])).toContain('pia');
    expect(keywordsOf(['Psychotherapeutische Praxis'])).toContain('psychologe');
    // one-way: a psychologist's listing is no psychotherapy listing
    expect(keywordsOf(['Psychologische Beratung'])).not.toContain('psychotherapie');
    expect(keywordsOf(['Angehörigengruppe psychisch erkrankter Menschen'])).toEqual(expect.arrayContaining(['angehörige', 'kranker']));
    // "rücken kurs": both words, as parts of compounds too
    expect(present('Rückenschule – Präventionskurs').has('rueckenkurs')).toBe(true);
    expect(curatedKeywords(new Set(['ruecken']))).not.toContain('rückenkurs');
    expect(curatedKeywords(new Set(['ruecken', 'kurs']))).toContain('rückenkurs');
    expect(isCuratedTerm('nichtraucher')).toBe(true);
    expect(isCuratedTerm('riesa')).toBe(false);
  });

  it('keeps the curated list well-formed: lower-case single-word terms, every entry finding something', () => {
    for (const entry of SEARCH_TERMS) {
      expect(entry.finds.length).toBeGreaterThan(0);
      for (const term of entry.terms) expect({ term, ok: term === term.toLowerCase() && !/\s/.test(term) }).toEqual({ term, ok: true });
    }
    expect(foldedSynonyms('psychologe')).toEqual(expect.arrayContaining(['psychotherapie', 'psychotherapeut']));
    expect(foldedSynonyms('psychotherapie')).not.toContain('psychologe');
    expect(meilisearchSynonyms().pia).toEqual(expect.arrayContaining(['institutsambulanz', 'psychiatrische ambulanz']));
  });
});
