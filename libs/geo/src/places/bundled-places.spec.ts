import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlaceTables, POSTCODE_SOURCE } from '../../../../scripts/build-places';
import { PLACES_FILE, POSTCODES_FILE, readPlacesCsv, readPostcodesCsv } from './place-files';

const DATA = join(__dirname, '..', '..', 'data');
const bundled = (file: string) => readFileSync(join(DATA, file), 'utf8');

describe('the bundled place and postcode tables', () => {
  const places = readPlacesCsv(bundled(PLACES_FILE));
  const postcodes = readPostcodesCsv(bundled(POSTCODES_FILE));

  (existsSync(POSTCODE_SOURCE) ? it : it.skip)('are exactly what scripts/build-places.ts derives from its sources', () => {
    const derived = buildPlaceTables();
    expect(derived.places).toBe(bundled(PLACES_FILE));
    expect(derived.postcodes).toBe(bundled(POSTCODES_FILE));
  });

  it('have every municipality once, unique ids and keys that agree with each other', () => {
    const municipalities = places.filter((p) => p.kind === 'municipality');
    expect(municipalities).toHaveLength(426);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    const known = new Set(municipalities.map((m) => m.municipalityAgs));
    for (const p of places) {
      expect(known.has(p.municipalityAgs)).toBe(true);
      expect(p.districtAgs).toBe(p.municipalityAgs.slice(0, 5));
      expect(p.latitude).toBeGreaterThan(50.1);
      expect(p.latitude).toBeLessThan(51.7);
    }
    for (const c of postcodes) {
      expect(known.has(c.municipalityAgs)).toBe(true);
      expect(c.municipalities[0]).toBe(c.municipalityAgs);
      expect(places.some((p) => p.id === c.placeId)).toBe(true);
    }
  });

  it('know the villages and postcodes coaches asked for', () => {
    expect(places.find((p) => p.name === 'Zabeltitz')).toMatchObject({ kind: 'locality', municipalityAgs: '14627060' });
    expect(places.find((p) => p.name === 'Jöhstadt')).toMatchObject({ kind: 'municipality', municipalityAgs: '14521330' });
    expect(postcodes.find((c) => c.code === '01589')).toMatchObject({ place: 'Riesa', municipalityAgs: '14627230' });
    // GeoNames' Ketzerbachtal and Leuben-Schleinitz lie in Nossen and Käbschütztal (2016)
    expect(postcodes.find((c) => c.code === '01623')).toMatchObject({ place: 'Lommatzsch', municipalities: ['14627130', '14627080', '14627180'] });
  });
});
