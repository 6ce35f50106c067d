/**
 * German text rules shared by every lookup that forgives what people type — the search engines
 * and the place lookup: umlaut folding and the typo model (Meilisearch's, made explicit).
 */

/**
 * Lower case; ä→ae, ö→oe, ü→ue, ß→ss; other diacritics dropped (é→e). Both sides of a search are
 * folded, so "Mueller" finds "Müller" and "Grossenhain" finds "Großenhain" with zero typos.
 */
export function foldGerman(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/** Typos a query word of this length may carry (Meilisearch's defaults: 5+ letters one, 9+ two). */
export function typoBudget(word: string): number {
  const length = [...word].length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** A text's code points (what the typo rule counts: "ß" is one letter), for the `…Of` variants. */
export function codePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    out[n++] = c;
  }
  return out.subarray(0, n);
}

/**
 * Damerau–Levenshtein (optimal string alignment) of `a` against `b`, or against the best prefix of
 * `b` when `prefix` is set, with rolling rows; `max + 1` once every cell of a row exceeds `max`.
 */
let buffers: Int32Array[] = [];

function distance(a: Int32Array, b: Int32Array, max: number, prefix: boolean, firstPenalty: number): number {
  // three rows, reused across calls (single-threaded); grown for long words
  if (!buffers.length || buffers[0].length < b.length + 1) buffers = [0, 1, 2].map(() => new Int32Array(Math.max(64, b.length + 1)));
  let [prev2, prev, row] = buffers;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    // row minima never decrease, so no later row can come back under the limit
    if (best + firstPenalty > max) return max + 1;
    const recycled = prev2;
    prev2 = prev;
    prev = row;
    row = recycled;
  }
  let result = prev[b.length];
  if (prefix) for (let j = 0; j < b.length; j++) result = Math.min(result, prev[j]);
  return Math.min(result + firstPenalty, max + 1);
}

/**
 * Typos between a query word and an indexed word: Damerau–Levenshtein (optimal string alignment:
 * a swap of neighbours is one typo), plus one when the first letters differ — a wrong first letter
 * counts twice, as in Meilisearch. Stops early above `max` and returns `max + 1`.
 */
export function typoDistance(query: string, word: string, max = 2): number {
  return typoDistanceOf(codePoints(query), codePoints(word), max);
}

/** `typoDistance` of code points (callers comparing one word with many encode them once). */
export function typoDistanceOf(a: Int32Array, b: Int32Array, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const firstPenalty = a.length > 0 && b.length > 0 && a[0] !== b[0] ? 1 : 0;
  return distance(a, b, max, false, firstPenalty);
}

/**
 * Typos between a word being typed and the beginning of a longer word ("Zabelt" → "Zabeltitz",
 * "Lomatz" → "Lommatzsch"): the fewest typos against any prefix of `word`, by the same rule.
 */
export function prefixTypoDistance(query: string, word: string, max = 2): number {
  return prefixTypoDistanceOf(codePoints(query), codePoints(word), max);
}

/** `prefixTypoDistance` of code points. */
export function prefixTypoDistanceOf(a: Int32Array, b: Int32Array, max = 2): number {
  if (a.length === 0) return 0;
  const firstPenalty = b.length > 0 && a[0] !== b[0] ? 1 : 0;
  if (firstPenalty > max) return max + 1;
  // a prefix longer than query + max letters can never be closer than one of query + max letters
  return distance(a, b.length > a.length + max ? b.subarray(0, a.length + max) : b, max, true, firstPenalty);
}
