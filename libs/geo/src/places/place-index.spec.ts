import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Place, PlaceKind, PlaceMatchKind } from '../geo.types';
import { PLACES_FILE, readPlacesCsv } from './place-files';
import { PlaceIndex } from './place-index';

/** The bundled place table, as GeoService loads it. */
export function bundledPlaces(): Place[] {
  const rows = readPlacesCsv(readFileSync(join(__dirname, '..', '..', 'data', PLACES_FILE), 'utf8'));
  const names = new Map(rows.filter((r) => r.kind === 'municipality').map((r) => [r.municipalityAgs, r.name]));
  return rows.map(({ source: _source, ...r }) => ({ ...r, kind: r.kind as PlaceKind, municipalityName: names.get(r.municipalityAgs)! }));
}

describe('place lookup', () => {
  const index = new PlaceIndex(bundledPlaces());
  const first = (text: string, options = {}) => index.search(text, { limit: 10, ...options })[0];
  const label = (text: string, options = {}) => {
    const hit = first(text, options);
    return hit && `${hit.place.name} (${hit.place.municipalityName})`;
  };

  it('finds municipalities and localities by name, with completion', () => {
    expect(label('Zabeltitz')).toBe('Zabeltitz (Großenhain)');
    expect(first('Zabeltitz').match).toBe(PlaceMatchKind.EXACT);
    expect(label('Zabel')).toBe('Zabeltitz (Großenhain)');
    expect(first('Zabel').match).toBe(PlaceMatchKind.PREFIX);
    expect(label('Jöhstadt')).toBe('Jöhstadt (Jöhstadt)');
    expect(label('Lommatzsch')).toBe('Lommatzsch (Lommatzsch)');
    expect(label('Lommat')).toBe('Lommatzsch (Lommatzsch)');
  });

  it('forgives typos, umlauts typed as ae/oe/ue or without, abbreviations and qualifiers', () => {
    expect(label('Zabeltiz')).toBe('Zabeltitz (Großenhain)');
    expect(first('Zabeltiz')).toMatchObject({ match: PlaceMatchKind.TYPO, typos: 1 });
    expect(label('Lomatzsch')).toBe('Lommatzsch (Lommatzsch)');
    expect(label('Joehstadt')).toBe('Jöhstadt (Jöhstadt)');
    expect(label('Johstadt')).toBe('Jöhstadt (Jöhstadt)');
    expect(label('Grossenhain')).toBe('Großenhain (Großenhain)');
    expect(label('Meissen')).toBe('Meißen (Meißen)');
    expect(label('Schwarzenberg')).toBe('Schwarzenberg/Erzgeb. (Schwarzenberg/Erzgeb.)');
    expect(first('Schwarzenberg').match).toBe(PlaceMatchKind.EXACT);
    expect(label('Sankt Egidien')).toBe(label('St. Egidien'));
    expect(label('Neustadt in Sachsen')).toBe('Neustadt i. Sa. (Neustadt i. Sa.)');
  });

  it('finds a locality together with its municipality, in either order', () => {
    expect(label('Dresden-Striesen')).toBe('Striesen (Dresden)');
    expect(label('Striesen Dresden')).toBe('Striesen (Dresden)');
    expect(label('Großenhain Zabeltitz')).toBe('Zabeltitz (Großenhain)');
  });

  it('ranks exact before prefix before typo matches, larger places first within each', () => {
    const hits = index.search('Gro', { limit: 20 });
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.every((h) => h.match === PlaceMatchKind.PREFIX)).toBe(true);
    const populations = hits.map((h) => h.place.population ?? -1);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    // "Riesa" itself first, then what only begins with it
    const riesa = index.search('Riesa', { limit: 5 });
    expect(riesa[0]).toMatchObject({ match: PlaceMatchKind.EXACT, place: { id: '14627230' } });
    const all = index.search('Lommatzsc', { limit: 50 });
    const ranks = all.map((h) => [PlaceMatchKind.EXACT, PlaceMatchKind.PREFIX, PlaceMatchKind.WORDS, PlaceMatchKind.TYPO].indexOf(h.match));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('gives no typo to short words and nothing for nonsense', () => {
    expect(index.search('Aua', { limit: 5 }).map((h) => h.place.name)).not.toContain('Aue');
    expect(index.search('Xqzvw', { limit: 5 })).toEqual([]);
    expect(index.search('  ', { limit: 5 })).toEqual([]);
  });

  it('filters by kind, district, municipality and postcode', () => {
    expect(index.search('Zabeltitz', { limit: 5, kind: PlaceKind.MUNICIPALITY })).toEqual([]);
    expect(index.search('Zabeltitz', { limit: 5, districtAgs: '14612' })).toEqual([]);
    expect(first('Zabeltitz', { postcode: '01561' })?.place.id).toBe('14627060-zabeltitz');
    expect(index.search('Zabeltitz', { limit: 5, postcode: '01662' })).toEqual([]);
    const inGrossenhain = index.search('Z', { limit: 50, municipalityAgs: '14627060' });
    expect(inGrossenhain.every((h) => h.place.municipalityAgs === '14627060')).toBe(true);
  });
});
