import ExcelJS from 'exceljs';
import { SPREADSHEET_COLUMNS } from './spreadsheet-columns';

/**
 * The spreadsheet template: sheet "Angebote" with the headings and one example row, sheet
 * "Erläuterung" with every column explained (Pflicht/optional, meaning, example). The CSV form is
 * the first sheet, `;`-separated, UTF-8 with BOM (German Excel opens it with umlauts intact).
 */
export async function spreadsheetTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  if (format === 'csv') {
    const cell = (t: string) => (/[;"\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    const lines = [SPREADSHEET_COLUMNS.map((c) => cell(c.heading)).join(';'), SPREADSHEET_COLUMNS.map((c) => cell(c.example)).join(';')];
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotse';
  const sheet = workbook.addWorksheet('Angebote', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SPREADSHEET_COLUMNS.map((c) => ({ header: c.heading, key: c.key, width: Math.max(12, Math.min(40, c.heading.length + 6)) }));
  sheet.addRow(Object.fromEntries(SPREADSHEET_COLUMNS.map((c) => [c.key, c.example])));
  sheet.getRow(1).font = { bold: true };
  SPREADSHEET_COLUMNS.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.note = `${c.required ? 'Pflicht. ' : ''}${c.description}`;
    // postcodes keep their leading zero
    if (c.key === 'postcode') sheet.getColumn(i + 1).numFmt = '@';
  });
  const help = workbook.addWorksheet('Erläuterung');
  help.columns = [{ header: 'Spalte', width: 28 }, { header: 'Pflicht', width: 8 }, { header: 'Bedeutung', width: 90 }, { header: 'Beispiel', width: 36 }];
  help.getRow(1).font = { bold: true };
  for (const c of SPREADSHEET_COLUMNS) help.addRow([c.heading, c.required ? 'ja' : '', c.description, c.example]);
  help.addRow([]);
  help.addRow(['Hinweis', '', 'Eine Zeile je Angebot an einem Standort. Ein Angebot an zwei Standorten: zwei Zeilen mit gleicher Angebots-ID (oder gleichem Träger und Angebotsnamen). Erneutes Importieren derselben Quelle aktualisiert, statt zu verdoppeln.', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
