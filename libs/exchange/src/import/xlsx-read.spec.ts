import ExcelJS from 'exceljs';
import { readXlsxSheetWithExceljs } from './spreadsheet-read';
import { spreadsheetTemplate } from './template';
import { readXlsxSheetFast } from './xlsx-read';

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void, options: { sharedStrings?: boolean; date1904?: boolean } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  if (options.date1904) book.properties.date1904 = true;
  fill(book.addWorksheet('Angebote'));
  book.addWorksheet('Zweites Blatt').addRow(['nicht gelesen']);
  return Buffer.from(await book.xlsx.writeBuffer({ useSharedStrings: options.sharedStrings ?? true } as ExcelJS.XlsxWriteOptions));
}

function coordinatorSheet(sheet: ExcelJS.Worksheet): void {
  sheet.addRow(['Träger', 'PLZ', 'Kursbeginn', 'Breitengrad', 'Hinweis', 'Nimmt neue Klienten auf', '', 'Summe']);
  sheet.addRow(['Suchtberatung Meißen e. V. & Co <gGmbH> "Elbe"', 1587, new Date(Date.UTC(2026, 2, 1)), 51.1636, '  Leerzeichen  ', true, null, { formula: 'B2*2', result: 3174 }]);
  sheet.addRow([]);
  sheet.addRow(['Zeile 4', '01662', '01.03.2026', '51,1636', { richText: [{ text: 'fett ', font: { bold: true } }, { text: 'und normal' }] }, false]);
  const row = sheet.addRow(['Zeile 5']);
  row.getCell(12).value = 'weit rechts';
  sheet.getCell('C6').value = new Date(Date.UTC(1999, 11, 31));
  sheet.getCell('D6').value = { formula: 'A5', result: 'Zeile 5' };
  sheet.getCell('E6').value = { text: 'Webseite', hyperlink: 'https://example.org' };
  sheet.getCell('C6').numFmt = 'dd.mm.yyyy';
  sheet.getCell('B6').value = 0.1 + 0.2;
  sheet.getCell('F6').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
}

describe('the fast XLSX reader', () => {
  it('reads exactly what exceljs reads: strings, numbers, dates, booleans, formulas, rich text, gaps', async () => {
    for (const options of [{}, { sharedStrings: false }, { date1904: true }]) {
      const bytes = await workbook(coordinatorSheet, options);
      const fast = readXlsxSheetFast(bytes);
      expect(fast).toEqual(await readXlsxSheetWithExceljs(bytes));
      expect(fast.headings[0]).toBe('Träger');
      expect(fast.rows.map((r) => r.row)).toEqual([2, 4, 5, 6]);
      expect(fast.rows[0].cells.slice(0, 4)).toEqual(['Suchtberatung Meißen e. V. & Co <gGmbH> "Elbe"', '1587', '2026-03-01', '51.1636']);
    }
  });

  it('reads the template as exceljs does', async () => {
    const bytes = await spreadsheetTemplate('xlsx');
    expect(readXlsxSheetFast(bytes)).toEqual(await readXlsxSheetWithExceljs(bytes));
  });

  it('throws on what it does not know, so the import falls back to exceljs', () => {
    expect(() => readXlsxSheetFast(Buffer.from('PK not a zip'))).toThrow();
  });
});
