import { INestApplicationContext } from '@nestjs/common';
import { GtfsImportService, GtfsValidationError } from '@lotse/travel';
import { ProgressBar } from './progress';

export const TRAVEL_USAGE = `  import-gtfs <feed.zip|folder> [--name <short name>] [--licence <licence>] [--licence-url <url>]
                                       import a GTFS timetable (validated first; a bad feed is reported by file, line and
                                       field and changes nothing; replaces the loaded feed). --name is what coaches read
                                       ("Fahrplan VVO"), --licence what maps credit (e.g. "CC BY 4.0")`;

type Command = (app: INestApplicationContext, args: string[]) => Promise<void>;

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const number = (n: number) => new Intl.NumberFormat('de-DE').format(n);

export const TRAVEL_COMMANDS: Record<string, Command> = {
  async 'import-gtfs'(app, args) {
    const values = new Set(['--name', '--licence', '--licence-url'].map((o) => option(args, o)));
    const path = args.find((a) => !a.startsWith('--') && !values.has(a));
    if (!path) throw new Error('import-gtfs needs a GTFS feed: a .zip file or a folder of .txt files');
    const bars = new Map<string, ProgressBar>();
    const progress = (phase: string, done: number, total: number) => {
      let bar = bars.get(phase);
      if (!bar) bars.set(phase, (bar = new ProgressBar(phase.padEnd(14))));
      bar.update(done, total);
    };
    try {
      const report = await app.get(GtfsImportService).importPath(path, { name: option(args, '--name'), licence: option(args, '--licence'), licenceUrl: option(args, '--licence-url') }, progress);
      const c = report.counts;
      const f = report.feed;
      const seconds = (report.parseMs + report.writeMs) / 1000;
      process.stdout.write(
        `Imported GTFS feed "${f.name}"${f.publisherName ? ` (${f.publisherName})` : ''}, valid ${f.validFrom} to ${f.validTo}, licence ${f.licence ?? 'not given'}:\n` +
          `  ${number(c.stops)} stops, ${number(c.routes)} routes, ${number(c.trips)} trips, ${number(c.stopTimes)} stop times, ` +
          `${number(c.calendar)} calendars, ${number(c.calendarDates)} calendar dates, ${number(c.frequencies)} frequencies, ${number(c.transfers)} transfers\n` +
          `  in ${seconds.toFixed(1)} s (reading and checking ${(report.parseMs / 1000).toFixed(1)} s, writing ${(report.writeMs / 1000).toFixed(1)} s: ` +
          `${number(Math.round(c.stopTimes / Math.max(0.001, report.writeMs / 1000)))} stop times/s)\n`,
      );
      for (const w of report.warnings) process.stdout.write(`  note: ${w.file}${w.line ? `:${w.line}` : ''}${w.field ? ` ${w.field}` : ''}: ${w.message}\n`);
      process.stdout.write('A running API picks the new timetable up within 10 seconds.\n');
    } catch (e) {
      if (!(e instanceof GtfsValidationError)) throw e;
      process.stderr.write(`\nThe feed ${path} was not imported: ${e.totalIssues} problem${e.totalIssues === 1 ? '' : 's'}. Nothing was changed.\n`);
      for (const i of e.issues) process.stderr.write(`  ${i.file}${i.line ? `:${i.line}` : ''}${i.field ? ` [${i.field}]` : ''}: ${i.message}\n`);
      if (e.totalIssues > e.issues.length) process.stderr.write(`  … and ${e.totalIssues - e.issues.length} more\n`);
      throw new Error(`GTFS feed rejected (${e.totalIssues} problems)`);
    }
  },
};
