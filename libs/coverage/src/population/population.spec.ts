import { apportionPopulation, splitByArea } from './apportion';
import { SAXONY_MERGERS_SINCE_2016 } from './municipality-mergers';
import { agsFromArs, parseCount, parseCrosswalkCsv, parsePopulationCsv, PopulationCsvError } from './population-csv';

describe('population CSV', () => {
  it('reads the Zensus layout: ARS and AGS, the reference date from the header, CRLF', () => {
    const parsed = parsePopulationCsv('ars,ags,name,population_2022_05_15\r\n147300190190,14730190,Mockrehna,4963\r\n145210290290,14521290,Hohndorf,3362\r\n');
    expect(parsed).toEqual({ rows: [{ ags: '14730190', population: 4963 }, { ags: '14521290', population: 3362 }], referenceDate: '2022-05-15', skipped: [] });
  });

  it('reads German tables: semicolons, thousands separators, Einwohner; derives the AGS from the ARS alone', () => {
    const parsed = parsePopulationCsv('ARS;Gemeinde;Einwohner\n146270140140;Meißen, Stadt;28.044\n147130000000;Leipzig, Stadt;"598 899"\n');
    expect(parsed.rows).toEqual([{ ags: '14627140', population: 28044 }, { ags: '14713000', population: 598899 }]);
    expect(parsed.referenceDate).toBeNull();
  });

  it('ignores the male/female columns when choosing the count', () => {
    const parsed = parsePopulationCsv('ags,name,population_m,population_w,population\n14511000,Chemnitz,121810,124524,246334\n');
    expect(parsed.rows).toEqual([{ ags: '14511000', population: 246334 }]);
  });

  it('reports unusable rows with their line and refuses a key given twice', () => {
    const parsed = parsePopulationCsv('ags,population\n14511000,246334\n1451,100\n14612000,viele\n');
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.skipped.map((s) => s.line)).toEqual([3, 4]);
    expect(() => parsePopulationCsv('ags,population\n14511000,1\n14511000,2\n')).toThrow(/appears twice \(lines 2 and 3\)/);
    expect(() => parsePopulationCsv('name,population\nx,1\n')).toThrow(PopulationCsvError);
    expect(() => parsePopulationCsv('ags,name\n14511000,x\n')).toThrow(/no population column/);
  });

  it('parses counts and keys strictly', () => {
    expect(parseCount('1.234.567')).toBe(1234567);
    expect(parseCount('12,5')).toBeNull();
    expect(parseCount('-3')).toBeNull();
    expect(agsFromArs('145210035035')).toBe('14521035');
    expect(agsFromArs('14521')).toBeNull();
  });

  it('reads a crosswalk', () => {
    expect(parseCrosswalkCsv('ags_2016,name_2016,ags_current,name_current\n14521030,Aue,14521035,"Aue-Bad Schlema, Große Kreisstadt"\n')).toEqual([
      { ags2016: '14521030', name2016: 'Aue', agsCurrent: '14521035', nameCurrent: 'Aue-Bad Schlema, Große Kreisstadt' },
    ]);
    expect(() => parseCrosswalkCsv('from,to\n1,2\n')).toThrow(/8-digit/);
  });
});

describe('mapping population onto the 2016 polygons', () => {
  const units = [
    { ags: '14521030', areaSquareMeters: 21e6 }, // Aue
    { ags: '14521050', areaSquareMeters: 15e6 }, // Bad Schlema
    { ags: '14521460', areaSquareMeters: 70e6 }, // Olbernhau
    { ags: '14521470', areaSquareMeters: 30e6 }, // Pfaffroda
    { ags: '14522450', areaSquareMeters: 40e6 }, // Ostrau
    { ags: '14522620', areaSquareMeters: 20e6 }, // Zschaitz-Ottewig
    { ags: '14511000', areaSquareMeters: 221e6 },
  ];

  it('gives a direct key its own row and splits a merged municipality over its parts by area, exactly', () => {
    const result = apportionPopulation(
      [{ ags: '14511000', population: 246334 }, { ags: '14521035', population: 19278 }, { ags: '14521460', population: 11001 }],
      units,
      SAXONY_MERGERS_SINCE_2016,
    );
    const pop = (ags: string) => result.units.find((u) => u.ags === ags)?.population;
    expect(pop('14511000')).toBe(246334);
    expect(pop('14521030')! + pop('14521050')!).toBe(19278);
    expect(pop('14521030')).toBe(Math.round((19278 * 21) / 36));
    expect(pop('14521460')! + pop('14521470')!).toBe(11001);
    expect(result.units.find((u) => u.ags === '14521470')).toMatchObject({ sourceAgs: '14521460', areaShare: 0.3 });
    expect(result.unmatched).toEqual([]);
    expect(result.unitsWithoutPopulation).toEqual(['14522450', '14522620']);
  });

  it('keeps parts apart when the source still lists them (it predates the merger)', () => {
    const result = apportionPopulation(
      [{ ags: '14522450', population: 3500 }, { ags: '14522620', population: 1200 }, { ags: '14521460', population: 9000 }, { ags: '14521470', population: 2000 }],
      units,
      SAXONY_MERGERS_SINCE_2016,
    );
    expect(result.units.filter((u) => u.sourceAgs !== u.ags)).toEqual([]);
    expect(result.units.find((u) => u.ags === '14521460')!.population).toBe(9000);
  });

  it('reports rows that match no polygon instead of dropping them silently', () => {
    const result = apportionPopulation([{ ags: '14999999', population: 5 }], units, SAXONY_MERGERS_SINCE_2016);
    expect(result.unmatched).toEqual([{ ags: '14999999', population: 5 }]);
  });

  it('splits in whole people that add up, whatever the areas', () => {
    for (const population of [0, 1, 2, 7, 19278, 1_000_003]) {
      const parts = splitByArea(population, [{ ags: 'a', areaSquareMeters: 1 }, { ags: 'b', areaSquareMeters: 1 }, { ags: 'c', areaSquareMeters: 1 }]);
      expect(parts.reduce((s, p) => s + p.population, 0)).toBe(population);
      expect(parts.every((p) => Number.isInteger(p.population))).toBe(true);
    }
  });
});
