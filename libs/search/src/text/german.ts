/**
 * German text rules shared by every search engine, so that all of them match alike:
 * folding (umlauts typed as ae/oe/ue) and the typo model (Meilisearch's, made explicit; both in
 * `@lotse/common`, shared with the place lookup), compound words and synonyms.
 */

export { foldGerman, typoBudget, typoDistance } from '@lotse/common';
import { foldGerman } from '@lotse/common';
import { SEARCH_TERMS } from './search-terms.de';

/** Words of a text: runs of letters and digits (any script), lower case. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Folded words: what the PostgreSQL engine indexes and matches. */
export function foldedWords(text: string): string[] {
  return words(foldGerman(text));
}

/**
 * Heads of German compounds in this domain. "Schuldnerberatung" is indexed with "schuldner" and
 * "beratung" too, so "Beratung" and "Schuldner Beratung" find it in every engine.
 */
const COMPOUND_HEADS = [
  'abklärung', 'ambulanz', 'angebot', 'arzt', 'ärztin', 'beratung', 'beratungsstelle', 'begleitung', 'behandlung', 'betreuung',
  'café', 'check', 'diagnostik', 'dienst', 'entwöhnung', 'entzug', 'ernährung', 'erkrankung', 'erkrankungen', 'fit', 'förderung',
  'gesundheit', 'gruppe', 'gymnastik', 'hilfe', 'kasse', 'klinik', 'kurs', 'kurse', 'medizin', 'mediziner', 'nachsorge',
  'pflege', 'praxis', 'psychotherapie', 'rehabilitation', 'reha', 'schmerz', 'schmerzen', 'schule', 'schulung', 'sport',
  'sprechstunde', 'stelle', 'störung', 'störungen', 'station', 'tagesklinik', 'therapie', 'training', 'treff', 'versicherung',
  'versorgung', 'vorsorge', 'werkstatt', 'zentrum', 'intervention', 'telefon', 'therapeut', 'therapeutin', 'programm', 'seminar',
  'kreis', 'gruppen', 'angebote', 'dienste', 'kurse',
].filter((h, i, all) => all.indexOf(h) === i).sort((x, y) => y.length - x.length);

const MIN_PART = 3;

/** The heads as written and folded ("entwöhnung", "entwoehnung"), longest first. */
const HEADS_BOTH = [...new Set([...COMPOUND_HEADS, ...COMPOUND_HEADS.map((h) => foldGerman(h))])].sort((x, y) => y.length - x.length);

/**
 * Parts of a compound word (lower case, umlauts kept): modifier and head, the modifier also without
 * a linking s ("ernährungs|kurs" → "ernährung"), recursively ("suchtberatungsstelle" → "suchtberatung",
 * "stelle", "sucht", "beratung"). Words that are no compound give [].
 */
export function compoundParts(word: string, depth = 2): string[] {
  const w = word.toLowerCase();
  if (depth === 0) return [];
  for (const head of COMPOUND_HEADS) {
    if (w.length - head.length < MIN_PART || !w.endsWith(head)) continue;
    const modifier = w.slice(0, w.length - head.length).replace(/-+$/, '');
    if (modifier.length < MIN_PART) continue;
    const parts = [modifier, head];
    if (modifier.endsWith('s') && modifier.length > MIN_PART + 1) parts.push(modifier.slice(0, -1));
    for (const part of [...parts]) parts.push(...compoundParts(part, depth - 1));
    return [...new Set(parts)];
  }
  return [];
}

/**
 * The top-level split of a query word into modifier and head by the known heads, the modifier
 * without a linking s ("ernährungskurs" → ["ernährung", "kurs"], "rückenkurs" → ["rücken", "kurs"]);
 * null for a word that is no compound of the domain. Every indexed word is indexed with its parts
 * too (`keywordsOf`), so a listing that contains the compound also contains its parts: matching
 * the parts instead of the word loses nothing, and finds "Rücken" + "Kurs" written apart.
 */
export function querySplit(word: string): [string, string] | null {
  const w = word.toLowerCase();
  // folded words (as the PostgreSQL engine has them) split by the folded heads
  for (const head of /[äöüß]/.test(w) || w === foldGerman(w) ? HEADS_BOTH : COMPOUND_HEADS) {
    if (w.length - head.length < MIN_PART || !w.endsWith(head)) continue;
    let modifier = w.slice(0, w.length - head.length).replace(/-+$/, '');
    if (modifier.length < MIN_PART) continue;
    if (modifier.endsWith('s') && modifier.length > MIN_PART + 1) modifier = modifier.slice(0, -1);
    return [modifier, head];
  }
  return null;
}

/** The curated list's synonyms as they were (a group finds each other); kept for callers of the first list. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = SEARCH_TERMS.filter((e) => e.terms === e.finds).map((e) => e.terms);

const FOLDED_TERMS = SEARCH_TERMS.map((e) => ({
  terms: e.terms.map(foldGerman),
  finds: e.finds.map((phrase) => foldedWords(phrase)),
}));

/**
 * What a folded query word also finds by the curated list: the single words of its entries'
 * `finds` (the PostgreSQL engine adds them as alternatives; documents carry the terms anyway).
 */
export function foldedSynonyms(foldedWord: string): string[] {
  const out = new Set<string>();
  for (const entry of FOLDED_TERMS) {
    if (!entry.terms.includes(foldedWord)) continue;
    for (const phrase of entry.finds) if (phrase.length === 1 && phrase[0] !== foldedWord) out.add(phrase[0]);
  }
  return [...out];
}

/** Whether a folded word is a term of the curated list (then it is matched whole, never split). */
export function isCuratedTerm(foldedWord: string): boolean {
  return FOLDED_TERMS.some((e) => e.terms.includes(foldedWord));
}

/**
 * The curated terms a document is indexed with: those of every entry one of whose `finds` it
 * contains (`presentFolded`: the document's folded words and compound parts).
 */
export function curatedKeywords(presentFolded: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  SEARCH_TERMS.forEach((entry, i) => {
    if (FOLDED_TERMS[i].finds.some((phrase) => phrase.every((w) => presentFolded.has(w)))) for (const term of entry.terms) out.add(term);
  });
  return [...out];
}

/** Meilisearch's synonyms setting: each term maps to what its entries find (phrases as words). */
export function meilisearchSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const entry of SEARCH_TERMS) {
    for (const term of entry.terms) out[term] = [...new Set([...(out[term] ?? []), ...entry.finds.filter((f) => f !== term)])];
  }
  return out;
}

/**
 * Words too common to search for: PostgreSQL's German stop words (tsearch_data/german.stop) without
 * those with umlauts or ß — after folding ("für" → "fuer") PostgreSQL no longer recognises them, so
 * they stay searchable there. Meilisearch gets exactly this list, so both engines ignore the same
 * words (a test compares it with the database's dictionary).
 */
export const GERMAN_STOP_WORDS: readonly string[] = [
  'aber', 'alle', 'allem', 'allen', 'aller', 'alles', 'als', 'also', 'am', 'an', 'ander', 'andere', 'anderem',
  'anderen', 'anderer', 'anderes', 'anderm', 'andern', 'anderr', 'anders', 'auch', 'auf', 'aus', 'bei', 'bin', 'bis',
  'bist', 'da', 'damit', 'dann', 'der', 'den', 'des', 'dem', 'die', 'das', 'derselbe', 'derselben', 'denselben',
  'desselben', 'demselben', 'dieselbe', 'dieselben', 'dasselbe', 'dazu', 'dein', 'deine', 'deinem', 'deinen',
  'deiner', 'deines', 'denn', 'derer', 'dessen', 'dich', 'dir', 'du', 'dies', 'diese', 'diesem', 'diesen', 'dieser',
  'dieses', 'doch', 'dort', 'durch', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines', 'einig', 'einige', 'einigem',
  'einigen', 'einiger', 'einiges', 'einmal', 'er', 'ihn', 'ihm', 'es', 'etwas', 'euer', 'eure', 'eurem', 'euren',
  'eurer', 'eures', 'gegen', 'gewesen', 'hab', 'habe', 'haben', 'hat', 'hatte', 'hatten', 'hier', 'hin', 'hinter',
  'ich', 'mich', 'mir', 'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'ihres', 'euch', 'im', 'in', 'indem', 'ins', 'ist',
  'jede', 'jedem', 'jeden', 'jeder', 'jedes', 'jene', 'jenem', 'jenen', 'jener', 'jenes', 'jetzt', 'kann', 'kein',
  'keine', 'keinem', 'keinen', 'keiner', 'keines', 'machen', 'man', 'manche', 'manchem', 'manchen', 'mancher',
  'manches', 'mein', 'meine', 'meinem', 'meinen', 'meiner', 'meines', 'mit', 'muss', 'musste', 'nach', 'nicht',
  'nichts', 'noch', 'nun', 'nur', 'ob', 'oder', 'ohne', 'sehr', 'sein', 'seine', 'seinem', 'seinen', 'seiner',
  'seines', 'selbst', 'sich', 'sie', 'ihnen', 'sind', 'so', 'solche', 'solchem', 'solchen', 'solcher', 'solches',
  'soll', 'sollte', 'sondern', 'sonst', 'um', 'und', 'uns', 'unse', 'unsem', 'unsen', 'unser', 'unses', 'unter',
  'viel', 'vom', 'von', 'vor', 'war', 'waren', 'warst', 'was', 'weg', 'weil', 'weiter', 'welche', 'welchem',
  'welchen', 'welcher', 'welches', 'wenn', 'werde', 'werden', 'wie', 'wieder', 'will', 'wir', 'wird', 'wirst', 'wo',
  'wollen', 'wollte', 'zu', 'zum', 'zur', 'zwar', 'zwischen',
];
