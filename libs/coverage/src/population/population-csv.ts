import { csvRecords } from '@lotse/geo';
import { MunicipalityMerger } from './municipality-mergers';

export interface PopulationRow {
  /** 8-digit municipality key (AGS) as the source gives it — of the source's year */
  ags: string;
  population: number;
}

export interface SkippedRow {
  /** 1-based line in the file (the header is line 1) */
  line: number;
  reason: string;
}

export interface ParsedPopulation {
  rows: PopulationRow[];
  /** from a header such as `population_2022_05_15`, when there is one */
  referenceDate: string | null;
  skipped: SkippedRow[];
}

const KEY_COLUMNS = ['ags', 'gemeindeschluessel', 'gemeindeschlüssel', 'ags_current', 'schlnr', 'gkz'];
const POPULATION_COLUMNS = ['population', 'einwohner', 'bevoelkerung', 'bevölkerung', 'insgesamt', 'pop'];
const DATE_IN_HEADER = /(\d{4})[_-](\d{2})[_-](\d{2})/;

export class PopulationCsvError extends Error {}

function populationColumn(headers: string[]): string | undefined {
  return (
    headers.find((h) => POPULATION_COLUMNS.includes(h)) ??
    headers.find((h) => POPULATION_COLUMNS.some((p) => h.startsWith(`${p}_`)) && !/_(m|w|male|female|maennlich|weiblich)$/.test(h))
  );
}

/** 12-digit regional key (ARS) → 8-digit AGS: Land+RB+Kreis (5) and the Gemeinde's last 3 digits. */
export function agsFromArs(ars: string): string | null {
  const digits = ars.replace(/\D/g, '');
  return digits.length === 12 ? digits.slice(0, 5) + digits.slice(9, 12) : null;
}

/** Counts as written in German or English tables: `246334`, `246.334`, `246,334`, `246 334`. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([.,\u00a0 ]\d{3})+$/.test(t)) return Number(t.replace(/\D/g, ''));
  return null;
}

/**
 * Reads a population table with one row per municipality: a key column (`ags`, or a 12-digit `ars`
 * the AGS is derived from) and a count column (`population`, `einwohner`, `population_2022_05_15`, …).
 * Header names are matched case-insensitively; the delimiter (`,` or `;`) is detected. Rows without
 * a usable key or count are reported, not guessed; a key given twice is an error.
 */
export function parsePopulationCsv(text: string): ParsedPopulation {
  const records = csvRecords(text);
  if (records.length === 0) throw new PopulationCsvError('the file has no data rows');
  const headers = Object.keys(records[0]);
  const keyColumn = headers.find((h) => KEY_COLUMNS.includes(h));
  const hasArs = headers.includes('ars');
  const countColumn = populationColumn(headers);
  if (!keyColumn && !hasArs) throw new PopulationCsvError(`no municipality key column (one of ${[...KEY_COLUMNS, 'ars'].join(', ')}) in the header: ${headers.join(', ')}`);
  if (!countColumn) throw new PopulationCsvError(`no population column (${POPULATION_COLUMNS.join(', ')} or population_<date>) in the header: ${headers.join(', ')}`);
  const date = DATE_IN_HEADER.exec(countColumn);

  const rows: PopulationRow[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const line = i + 2;
    const rawKey = keyColumn ? record[keyColumn].replace(/\D/g, '') : '';
    const ags = rawKey.length === 8 ? rawKey : rawKey.length === 7 ? `0${rawKey}` : hasArs ? agsFromArs(record.ars) : null;
    if (!ags) {
      skipped.push({ line, reason: `no 8-digit municipality key (${keyColumn ?? 'ars'} = "${keyColumn ? record[keyColumn] : record.ars}")` });
      return;
    }
    const population = parseCount(record[countColumn] ?? '');
    if (population === null) {
      skipped.push({ line, reason: `${countColumn} = "${record[countColumn]}" is not a count` });
      return;
    }
    const earlier = seen.get(ags);
    if (earlier !== undefined) throw new PopulationCsvError(`municipality ${ags} appears twice (lines ${earlier} and ${line})`);
    seen.set(ags, line);
    rows.push({ ags, population });
  });
  return { rows, referenceDate: date ? `${date[1]}-${date[2]}-${date[3]}` : null, skipped };
}

/**
 * Reads a crosswalk of merged municipalities: columns `ags_2016` (or `ags_old`, `from`) and
 * `ags_current` (or `ags_new`, `to`); names are optional.
 */
export function parseCrosswalkCsv(text: string): MunicipalityMerger[] {
  const records = csvRecords(text);
  const pick = (r: Record<string, string>, names: string[]) => names.map((n) => r[n]).find((v) => v !== undefined && v !== '') ?? '';
  return records.map((r, i) => {
    const merger = {
      ags2016: pick(r, ['ags_2016', 'ags_old', 'from']),
      name2016: pick(r, ['name_2016', 'name_old']),
      agsCurrent: pick(r, ['ags_current', 'ags_new', 'to']),
      nameCurrent: pick(r, ['name_current', 'name_new']),
    };
    if (!/^\d{8}$/.test(merger.ags2016) || !/^\d{8}$/.test(merger.agsCurrent)) {
      throw new PopulationCsvError(`crosswalk line ${i + 2}: needs two 8-digit keys (ags_2016, ags_current)`);
    }
    return merger;
  });
}
