import { codePoints, prefixTypoDistanceOf, typoBudget, typoDistanceOf } from '@lotse/common';
import { Place, PlaceHit, PlaceKind, PlaceMatchKind, PlaceSearchOptions } from '../geo.types';
import { baseKey, nameKeys, placeKey } from './place-names';

interface Entry {
  place: Place;
  /** every key the place is found by, as words */
  keys: string[][];
  /** the same keys joined */
  joined: string[];
  /** the keys' words as code points, for the typo rule */
  codes: Int32Array[][];
}

const MATCH_RANK: Record<PlaceMatchKind, number> = {
  [PlaceMatchKind.EXACT]: 0,
  [PlaceMatchKind.PREFIX]: 1,
  [PlaceMatchKind.WORDS]: 2,
  [PlaceMatchKind.TYPO]: 3,
};

/**
 * Search-as-you-type over Saxony's places, in memory: ~650 places, a lookup takes well under a
 * millisecond, and what a coach types never reaches the database (so no statement log can hold it).
 *
 * A place is found by its name, its name without qualifier ("Schwarzenberg" for
 * "Schwarzenberg/Erzgeb.") and — for a locality — together with its municipality in either order
 * ("Großenhain Zabeltitz", "Dresden-Striesen"), all folded (`placeKey`). A typed text matches as
 *
 * 1. the whole key (`EXACT`),
 * 2. the beginning of a key (`PREFIX`: "Lommat"),
 * 3. every typed word equal to a word of the key, the last one possibly unfinished (`WORDS`: "Egidien"),
 * 4. the same with typos, per word by the search's rule — 5–8 letters one, 9 or more two, a wrong
 *    first letter counts twice (`TYPO`: "Zabeltiz", "Lomatzsch").
 *
 * Order: that match class, fewer typos, larger population (unknown last), municipality before
 * locality, shorter name, name, id — a total order, so results are stable.
 */
export class PlaceIndex {
  private readonly entries: Entry[];
  private readonly byId: Map<string, Place>;

  constructor(places: Place[]) {
    this.byId = new Map(places.map((p) => [p.id, p]));
    this.entries = places.map((place) => {
      const keys = new Set(nameKeys(place.name));
      if (place.kind === PlaceKind.LOCALITY) {
        for (const municipality of new Set([placeKey(place.municipalityName), baseKey(place.municipalityName)])) {
          keys.add(`${municipality} ${placeKey(place.name)}`);
          keys.add(`${placeKey(place.name)} ${municipality}`);
        }
      }
      const joined = [...keys];
      const keyWords = joined.map((k) => k.split(' '));
      return { place, joined, keys: keyWords, codes: keyWords.map((words) => words.map(codePoints)) };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  get(id: string): Place | undefined {
    return this.byId.get(id);
  }

  all(): Place[] {
    return this.entries.map((e) => e.place);
  }

  search(text: string, options: PlaceSearchOptions): PlaceHit[] {
    const query = placeKey(text);
    if (!query) return [];
    const words = query.split(' ');
    const wordCodes = words.map(codePoints);
    const hits: PlaceHit[] = [];
    for (const entry of this.entries) {
      const p = entry.place;
      if (options.kind && p.kind !== options.kind) continue;
      if (options.districtAgs && p.districtAgs !== options.districtAgs) continue;
      if (options.municipalityAgs && p.municipalityAgs !== options.municipalityAgs) continue;
      if (options.postcode && !p.postcodes.includes(options.postcode)) continue;
      let best: { match: PlaceMatchKind; typos: number } | undefined;
      for (let k = 0; k < entry.keys.length; k++) {
        const found = matchKey(query, words, wordCodes, entry.joined[k], entry.keys[k], entry.codes[k]);
        if (found && (!best || (MATCH_RANK[found.match] - MATCH_RANK[best.match] || found.typos - best.typos) < 0)) best = found;
        if (best?.match === PlaceMatchKind.EXACT) break;
      }
      if (best) hits.push({ place: p, ...best });
    }
    hits.sort(compareHits);
    return hits.slice(0, options.limit);
  }
}

function matchKey(
  query: string,
  words: string[],
  wordCodes: Int32Array[],
  joined: string,
  keyWords: string[],
  keyCodes: Int32Array[],
): { match: PlaceMatchKind; typos: number } | undefined {
  if (joined === query) return { match: PlaceMatchKind.EXACT, typos: 0 };
  if (joined.startsWith(query)) return { match: PlaceMatchKind.PREFIX, typos: 0 };
  if (words.length > keyWords.length) return undefined;
  const used = new Array<boolean>(keyWords.length).fill(false);
  let typos = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const last = i === words.length - 1;
    const budget = typoBudget(word);
    let bestCost = Infinity;
    let bestAt = -1;
    for (let j = 0; j < keyWords.length && bestCost > 0; j++) {
      if (used[j]) continue;
      const candidate = keyWords[j];
      let cost = candidate === word || (last && candidate.startsWith(word)) ? 0 : Infinity;
      // a wrong first letter alone costs two typos
      if (cost > 0 && budget > 0 && (budget > 1 || candidate[0] === word[0])) {
        const a = wordCodes[i];
        const b = keyCodes[j] as Int32Array;
        const d = last ? Math.min(typoDistanceOf(a, b, budget), prefixTypoDistanceOf(a, b, budget)) : typoDistanceOf(a, b, budget);
        if (d <= budget) cost = d;
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestAt = j;
      }
    }
    if (bestAt < 0) return undefined;
    used[bestAt] = true;
    typos += bestCost;
  }
  return { match: typos === 0 ? PlaceMatchKind.WORDS : PlaceMatchKind.TYPO, typos };
}

function compareHits(a: PlaceHit, b: PlaceHit): number {
  return (
    MATCH_RANK[a.match] - MATCH_RANK[b.match] ||
    a.typos - b.typos ||
    (b.place.population ?? -1) - (a.place.population ?? -1) ||
    Number(b.place.kind === PlaceKind.MUNICIPALITY) - Number(a.place.kind === PlaceKind.MUNICIPALITY) ||
    a.place.name.length - b.place.name.length ||
    a.place.name.localeCompare(b.place.name, 'de') ||
    a.place.id.localeCompare(b.place.id)
  );
}
