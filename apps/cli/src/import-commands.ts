import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { CatalogueImportService, ImportFormat, ImportReport, spreadsheetTemplate } from '@lotse/exchange';
import { ProgressBar } from './progress';

export const IMPORT_USAGE = `  import <file|folder> [--dry-run] [--source <name>] [--activate] [--retire-missing] [--format xlsx|csv|hsds_json|hsds_datapackage] [--json]
                                       import partners: a spreadsheet (XLSX/CSV, German headings, see import-template), HSDS 3.0 JSON,
                                       or an HSDS datapackage (folder with datapackage.json, or zip). --dry-run reports every problem and
                                       writes nothing; --source names the source (default: the file name), re-imports update its records;
                                       --activate admits the organisations at once (default: pending); --retire-missing retires what the
                                       source no longer lists; --json prints the whole report as JSON
  import-template [--format xlsx|csv] <out-file>
                                       write the spreadsheet template (headings, an example row, every column explained)`;

type Command = (app: INestApplicationContext, args: string[]) => Promise<void>;

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = (args: string[], valued: string[]) => args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1]));

function printReport(report: ImportReport): void {
  const out = process.stdout;
  const line = (what: string, c: ImportReport['services']) =>
    `${what.padEnd(16)} ${String(c.created).padStart(6)} neu  ${String(c.updated).padStart(6)} geändert  ${String(c.unchanged).padStart(6)} unverändert  ${String(c.retired).padStart(6)} herausgenommen  ${String(c.refused).padStart(6)} abgelehnt\n`;
  out.write(`${report.dryRun ? 'Probelauf (nichts geschrieben)' : 'Import'}: ${report.fileName} (${report.format}), Quelle „${report.source}“, ${report.records} Datensätze, ${report.elapsedMs} ms\n`);
  out.write(line('Organisationen', report.organizations));
  out.write(line('Standorte', report.locations));
  out.write(line('Angebote', report.services));
  const p = report.precision;
  out.write(`Punkte (${report.geocoder}): ${p.exact} genau, ${p.street} Straße, ${p.postcode} PLZ, ${p.locality} Ort — ungefähre Punkte bitte auf der Karte prüfen\n`);
  if (report.problems.length) {
    out.write(`\n${report.errors} Fehler, ${report.warnings} Hinweise:\n`);
    for (const problem of report.problems) out.write(`  ${problem.severity === 'error' ? 'FEHLER ' : 'Hinweis'}  ${problem.where}: ${problem.message}\n`);
  }
}

export const IMPORT_COMMANDS: Record<string, Command> = {
  async import(app, args) {
    const [path] = positional(args, ['--source', '--format']);
    if (!path) throw new Error('import needs a file or a datapackage folder');
    const format = option(args, '--format') as ImportFormat | undefined;
    if (format && !Object.values(ImportFormat).includes(format)) throw new Error(`--format must be one of ${Object.values(ImportFormat).join(', ')}`);
    const input = (await stat(path)).isDirectory()
      ? { fileName: basename(path), files: new Map(await Promise.all((await readdir(path)).filter((f) => /\.(csv|json)$/i.test(f)).map(async (f) => [f, await readFile(join(path, f), 'utf8')] as [string, string]))) }
      : { fileName: basename(path), bytes: await readFile(path) };
    const bar = new ProgressBar(args.includes('--dry-run') ? 'prüfen' : 'schreiben');
    const report = await app.get(CatalogueImportService).import(
      input,
      {
        source: option(args, '--source') ?? basename(path), fileName: basename(path), format, dryRun: args.includes('--dry-run'),
        activate: args.includes('--activate'), retireMissing: args.includes('--retire-missing'), onProgress: (d, t) => bar.update(d, t),
      },
      { userId: null, displayName: 'Kommandozeile (import)', role: 'admin' },
    );
    if (args.includes('--json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else printReport(report);
    if (report.errors > 0) process.exitCode = 2;
  },

  async 'import-template'(_app, args) {
    const format = option(args, '--format') ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'csv') throw new Error('--format must be xlsx or csv');
    const [out = `lotse-import-vorlage.${format}`] = positional(args, ['--format']);
    await writeFile(out, await spreadsheetTemplate(format));
    process.stdout.write(`Vorlage geschrieben: ${out}\n`);
  },
};
