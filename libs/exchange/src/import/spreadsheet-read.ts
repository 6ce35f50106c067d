import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseCsv } from '@lotse/geo';
import { readXlsxSheetFast } from './xlsx-read';

/** A sheet as text: the heading row and the data rows, each with its row number as the spreadsheet program shows it. */
export interface SheetText {
  headings: string[];
  rows: { row: number; cells: string[] }[];
}

/**
 * CSV as coordinators export it: UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV" on
 * German Windows), separated by `;` (German Excel) or `,`. Bytes that are not valid UTF-8 are read
 * as Windows-1252 — every byte sequence is valid there, and ä/ö/ü/ß come out right.
 */
export function decodeCsv(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(body, 'win1252');
  }
}

/** `;` when the heading line has more semicolons than commas (outside quotes), else `,`. */
export function csvDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

export function readCsvSheet(bytes: Buffer): SheetText {
  const text = decodeCsv(bytes);
  const lines = parseCsv(text, csvDelimiter(text));
  const [headings = [], ...rest] = lines;
  return { headings: headings.map((h) => h.trim()), rows: rest.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no time zone: the calendar day as written
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * The first worksheet of an XLSX file; row numbers as Excel shows them (the heading is row 1). Read
 * from the XML directly (`readXlsxSheetFast`); a workbook that reader does not understand is read
 * by exceljs, to the same text.
 */
export async function readXlsxSheet(bytes: Buffer): Promise<SheetText> {
  try {
    return readXlsxSheetFast(bytes);
  } catch {
    return readXlsxSheetWithExceljs(bytes);
  }
}

/** The first worksheet by exceljs's object model (the reference the fast reader is tested against). */
export async function readXlsxSheetWithExceljs(bytes: Buffer): Promise<SheetText> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headings: [], rows: [] };
  const headingRow = sheet.getRow(1);
  const width = Math.max(headingRow.cellCount, sheet.columnCount);
  const headings = Array.from({ length: width }, (_, i) => cellText(headingRow.getCell(i + 1).value).trim());
  const rows: SheetText['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: number, cells });
  });
  return { headings, rows };
}
