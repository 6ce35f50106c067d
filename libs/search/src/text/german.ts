/**
 * German text rules shared by every search engine, so that all of them match alike:
 * folding (umlauts typed as ae/oe/ue) and the typo model (Meilisearch's, made explicit; both in
 * `@lotse/common`, shared with the place lookup), compound words and synonyms.
 */

export { foldGerman, typoBudget, typoDistance } from '@lotse/common';
import { foldGerman } from '@lotse/common';

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
  'versorgung', 'vorsorge', 'werkstatt', 'zentrum',
].sort((x, y) => y.length - x.length);

const MIN_PART = 3;

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
 * Words that mean the same to a coach. Meilisearch gets them as (multi-way) synonyms; the
 * PostgreSQL engine expands each query word with its group. Single words only.
 */
export const SYNONYM_GROUPS: readonly string[][] = [
  ['suchtberatung', 'suchthilfe', 'suchtberatungsstelle', 'drogenberatung'],
  ['hausarzt', 'hausärztin', 'allgemeinmedizin', 'allgemeinmediziner', 'allgemeinarzt'],
  ['schuldnerberatung', 'schuldenberatung', 'insolvenzberatung'],
  ['krankenkasse', 'krankenversicherung'],
  ['reha', 'rehabilitation'],
  ['psychotherapeut', 'psychotherapeutin', 'therapeut', 'therapeutin'],
  ['barrierefrei', 'rollstuhlgerecht', 'behindertengerecht'],
  ['ernährungsberatung', 'diätberatung'],
];

/** Synonyms of a folded word (folded, without the word itself). */
export function foldedSynonyms(foldedWord: string): string[] {
  const out = new Set<string>();
  for (const group of SYNONYM_GROUPS) {
    const folded = group.map(foldGerman);
    if (folded.includes(foldedWord)) for (const s of folded) if (s !== foldedWord) out.add(s);
  }
  return [...out];
}

/** Meilisearch's synonyms setting: every word of a group maps to the others. */
export function meilisearchSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    for (const word of group) out[word] = [...new Set([...(out[word] ?? []), ...group.filter((w) => w !== word)])];
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
