import { foldGerman } from '@lotse/common';

/**
 * How place names are compared and searched. Official names abbreviate ("Schwarzenberg/Erzgeb.",
 * "Neustadt i. Sa.", "St. Egidien", "Sohland a.d. Spree"); GeoNames spells some with ss ("Meissen")
 * and qualifies others ("Carlsfeld, Erzgebirge", "Thalheim / Erzgebirge"); coaches type "Dresden-Prohlis",
 * "Johstadt" or just "Schwarzenberg". Every comparison goes through `placeKey` (abbreviations spelled
 * out, umlauts folded, punctuation and hyphens as spaces) or `baseKey` (the name without its
 * qualifier), the same on both sides.
 */

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bSächs\.\s*Schw\./g, 'Sächsische Schweiz'],
  [/\bErzgeb\./g, 'Erzgebirge'],
  [/\bVogtl\./g, 'Vogtland'],
  [/\bO\.\s*L\./g, 'Oberlausitz'],
  [/\bSa\./g, 'Sachsen'],
  [/\ba\.\s*d\./g, 'an der'],
  [/\bi\.\s/g, 'in '],
  [/\bb\.\s/g, 'bei '],
  [/\bSt\.?\s/g, 'Sankt '],
];

/** The name with its abbreviations spelled out ("Neustadt i. Sa." → "Neustadt in Sachsen"). */
export function expandAbbreviations(name: string): string {
  return ABBREVIATIONS.reduce((text, [pattern, full]) => text.replace(pattern, full), name);
}

/** Folded words of a name, space-separated: "Königstein/Sächs. Schw." → "koenigstein saechsische schweiz". */
export function placeKey(name: string): string {
  return foldGerman(expandAbbreviations(name))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Words that start a qualifier after a place's own name ("Reichenbach im Vogtland", "Quitzdorf am See"). */
const QUALIFIER = /\s(bei|b\.|im|in|i\.|an der|a\.\s*d\.|am|an|auf dem|auf)\s.*$/;

/**
 * The name without its qualifier: what comes before "/", ",", "(" or a qualifying preposition.
 * "Schwarzenberg/Erzgeb." → "schwarzenberg", "Reichenbach im Vogtland" → "reichenbach",
 * "Carlsfeld, Erzgebirge" → "carlsfeld", "Kurort Oybin" → "oybin"; "Bad Schandau" and "Groß Düben" stay whole.
 */
export function baseKey(name: string): string {
  // "Kurort Oberwiesenthal" is the municipality Oberwiesenthal
  const head = name.split(/\s*[/,(]\s*/)[0].replace(QUALIFIER, '').replace(/^Kurort\s+/, '');
  return placeKey(head) || placeKey(name);
}

/** The keys a place can be found by: its whole name and its base name. */
export function nameKeys(name: string): string[] {
  return [...new Set([placeKey(name), baseKey(name)].filter(Boolean))];
}

/** A slug for ids: "Mülsen Sankt Jacob" → "muelsen-sankt-jacob". */
export function slugOf(name: string): string {
  return placeKey(name).replace(/ /g, '-');
}
