import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { InvalidInputError } from '@lotse/common';
import { CoverageRequest, CoverageService, NetworkCoverage, parseCrosswalkCsv } from '@lotse/coverage';
import { TravelMode } from '@lotse/travel';
import { ProgressBar } from './progress';

export const COVERAGE_USAGE = `  import-population <file.csv> [--source <attribution>] [--reference-date YYYY-MM-DD] [--crosswalk <file.csv>]
                                       import people per municipality (columns ags or ars, and population / population_<date>);
                                       merged municipalities are mapped onto the 2016 boundaries (see README, Coverage)
  coverage --needs <a,b> [--threshold 30] [--mode public_transport] [--district <AGS>] [--gaps 20] [--json]
                                       coverage per district and the largest gaps, as a table (or the full result as JSON)
  coverage-map --need <code> --out <file.svg|file.png> [--threshold 30] [--mode …] [--district <AGS>] [--scale 2]
                                       the coverage map of one need as SVG or PNG
  coverage-geojson --needs <a,b> --out <file.geojson> [--threshold 30] [--mode …] [--district <AGS>]
                                       municipality polygons with the coverage figures as properties`;

type Command = (app: INestApplicationContext, args: string[]) => Promise<void>;

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Arguments that are neither options nor option values. */
function positional(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && !['--json'].includes(args[i - 1])));
}

function request(args: string[], needs: string[]): CoverageRequest {
  const threshold = Number(option(args, '--threshold') ?? 30);
  return {
    needs,
    thresholdMinutes: threshold,
    mode: (option(args, '--mode') ?? TravelMode.PUBLIC_TRANSPORT).toLowerCase() as TravelMode,
    districtAgs: option(args, '--district'),
  };
}

const CLI_FIELDS = { districtAgs: '--district', needs: '--needs', mode: '--mode', thresholdMinutes: '--threshold' };
const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const num = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? '–' : n.toLocaleString('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

function table(coverage: NetworkCoverage, gaps: number): string {
  const lines: string[] = [];
  const pop = coverage.population;
  lines.push(
    `Coverage ${coverage.request.districtAgs ? `of district ${coverage.request.districtAgs}` : 'of Saxony'} · ${coverage.request.mode} · threshold ${coverage.request.thresholdMinutes} min · estimator ${coverage.method.estimatorName}`,
    pop ? `Population: ${pop.source}, ${pop.referenceDate} (${num(pop.total)} people in ${pop.municipalities} municipalities)` : 'Population: none imported (import-population) — population figures stay empty',
  );
  for (const [i, term] of coverage.needs.entries()) {
    const s = coverage.summary[i];
    lines.push(
      '',
      `${term.labelDe} (${term.code}): ${s.coveredMunicipalities}/${s.municipalities} municipalities covered` +
        (s.coveredPopulationShare !== null ? `, ${num(s.coveredPopulationShare * 100, 1)} % of the people (${num(s.populationUncovered)} beyond ${coverage.request.thresholdMinutes} min)` : ''),
      `  ${'district'.padEnd(40)} ${'munic.'.padStart(6)} ${'covered'.padStart(7)} ${'people'.padStart(10)} ${'covered %'.padStart(9)} ${'uncovered'.padStart(10)} ${'max min'.padStart(7)}`,
    );
    for (const d of coverage.districts) {
      const f = d.needs[i];
      lines.push(
        `  ${`${d.ags} ${d.name}`.padEnd(40)} ${String(f.municipalities).padStart(6)} ${String(f.coveredMunicipalities).padStart(7)} ${num(f.population).padStart(10)} ` +
          `${(f.coveredPopulationShare === null ? '–' : num(f.coveredPopulationShare * 100, 1)).padStart(9)} ${num(f.populationUncovered).padStart(10)} ${num(f.maxNearestMinutes).padStart(7)}`,
      );
    }
  }
  const top = coverage.gaps.slice(0, gaps);
  if (top.length) {
    lines.push('', `Largest gaps (${top.length} of ${coverage.gaps.length}):`);
    for (const g of top) {
      const nearest = g.nearest ? `nearest ${num(g.nearest.travelMinutes)} min: ${g.nearest.organizationName}, ${g.nearest.town}` : 'no partner at all';
      lines.push(`  ${g.municipalityAgs} ${g.municipalityName} (${g.districtName}) · ${g.need} · ${num(g.populationUncovered)} people · ${nearest}`);
    }
  }
  return lines.join('\n');
}

export const COVERAGE_COMMANDS: Record<string, Command> = {
  async 'import-population'(app, args) {
    const [file] = positional(args);
    if (!file) throw InvalidInputError.of('file', 'import-population needs a CSV file (see npm run cli -- help)');
    const crosswalkFile = option(args, '--crosswalk');
    const mergers = crosswalkFile ? parseCrosswalkCsv(await readFile(crosswalkFile, 'utf8')) : undefined;
    const bar = new ProgressBar('population');
    const report = await app.get(CoverageService).importPopulationCsv(
      await readFile(file, 'utf8'),
      { source: option(args, '--source') ?? basename(file), referenceDate: option(args, '--reference-date'), mergers },
      (d, t) => bar.update(d, t),
    );
    const out = [
      `Imported ${num(report.total)} people (${report.referenceDate}, "${report.source}") from ${report.sourceRows} rows onto ${report.imported} municipality polygons.`,
      ...report.split.map((s) => `  ${s.sourceAgs} split by area over ${s.parts.join(', ')} (merged since the boundaries' year)`),
      ...(report.unmatched.length ? [`  ${report.unmatched.length} rows match no polygon and were left out: ${report.unmatched.map((u) => `${u.ags} (${u.population})`).join(', ')}`] : []),
      ...(report.unitsWithoutPopulation.length ? [`  ${report.unitsWithoutPopulation.length} polygons got no population: ${report.unitsWithoutPopulation.join(', ')}`] : []),
      ...report.skipped.map((s) => `  line ${s.line} skipped: ${s.reason}`),
    ];
    process.stdout.write(out.join('\n') + '\n');
  },

  async coverage(app, args) {
    const coverage = await app.get(CoverageService).networkCoverage(request(args, list(option(args, '--needs'))), CLI_FIELDS);
    if (args.includes('--json')) process.stdout.write(JSON.stringify(coverage, null, 2) + '\n');
    else process.stdout.write(table(coverage, Number(option(args, '--gaps') ?? 20)) + '\n');
  },

  async 'coverage-map'(app, args) {
    const out = option(args, '--out');
    if (!out || !['.svg', '.png'].includes(extname(out).toLowerCase())) throw InvalidInputError.of('--out', 'coverage-map needs --out <file.svg|file.png>');
    const need = option(args, '--need') ?? '';
    const { needs: _, ...base } = request(args, [need]);
    const service = app.get(CoverageService);
    const fields = { ...CLI_FIELDS, needs: '--need' };
    const body =
      extname(out).toLowerCase() === '.png'
        ? await service.coverageMapPng({ ...base, need }, fields, Number(option(args, '--scale') ?? 2))
        : await service.coverageMapSvg({ ...base, need }, fields);
    await writeFile(out, body);
    process.stdout.write(`Wrote ${out} (${num(body.length / 1024)} KiB).\n`);
  },

  async 'coverage-geojson'(app, args) {
    const out = option(args, '--out');
    if (!out) throw InvalidInputError.of('--out', 'coverage-geojson needs --out <file.geojson>');
    const collection = await app.get(CoverageService).coverageGeoJson(request(args, list(option(args, '--needs'))), CLI_FIELDS);
    await writeFile(out, JSON.stringify(collection));
    process.stdout.write(`Wrote ${out}: ${collection.features.length} municipalities.\n`);
  },
};
