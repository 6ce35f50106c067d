/**
 * Import bench (issue 17): listings per second for a fresh import and a re-import (every record
 * compared, nothing changed), on the server database, with offline geocoding (no coordinates in
 * the files: every location placed at its postcode), for HSDS 3.0 JSON and for an XLSX
 * spreadsheet with German headings. Target: ≥ 5,000 listings/s.
 *
 *   npm run bench:import -- --listings 5000 [--server-url postgres://…]
 *
 * A listing is a service at a location (one spreadsheet row). Synthetic partners in Saxony's
 * postcodes; fictitious names (the import marks them real — this database is dropped afterwards).
 */
import { Client } from 'pg';
import ExcelJS from 'exceljs';
import { CatalogueImportService, ImportReport } from '@lotse/exchange';
import { JsonLogger } from '@lotse/common';
import { loadEnvironment } from '@lotse/config';
import { readPostcodesCsv } from '@lotse/geo';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../apps/api/src/bootstrap';
import { Rng } from './random';

const arg = (argv: string[], name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

const CATEGORIES: [string, string, string][] = [
  ['addiction_counselling', 'Suchtberatung', 'addiction'], ['course', 'Kurs', 'exercise'], ['social_service', 'Soziale Beratung', 'debt_counselling'],
  ['psychosocial_service', 'Psychosozialer Dienst', 'psychosocial_counselling'], ['physician', 'Arztpraxis', 'primary_care'],
];

interface Listing { org: number; service: number; location: number; postcode: string; town: string; category: number }

function listings(n: number, rng: Rng): Listing[] {
  const postcodes = readPostcodesCsv(readFileSync(join(__dirname, '..', 'libs', 'geo', 'data', 'sn-postcodes.csv'), 'utf8'));
  // 5 services per organisation, each at 2 of the organisation's 2 locations: 10 listings per organisation
  const out: Listing[] = [];
  for (let i = 0; out.length < n; i++) {
    const pcs = [postcodes[rng.int(0, postcodes.length - 1)], postcodes[rng.int(0, postcodes.length - 1)]];
    for (let s = 0; s < 5 && out.length < n; s++) for (let l = 0; l < 2 && out.length < n; l++) {
      out.push({ org: i, service: i * 5 + s, location: i * 2 + l, postcode: pcs[l].code, town: pcs[l].place, category: (i + s) % CATEGORIES.length });
    }
  }
  return out;
}

function hsdsJson(rows: Listing[]): Buffer {
  const term = (taxonomy: string, code: string) => ({ taxonomy_term: { code, name: code, taxonomy } });
  const orgs = new Map<number, any>();
  for (const r of rows) {
    let o = orgs.get(r.org);
    if (!o) orgs.set(r.org, (o = { id: `org-${r.org}`, name: `Träger ${r.org} (Bench)`, locations: [], services: [], _s: new Map(), _l: new Set() }));
    if (!o._l.has(r.location)) {
      o._l.add(r.location);
      o.locations.push({ id: `loc-${r.location}`, location_type: 'physical', addresses: [{ address_1: `Hauptstraße ${r.location % 90 + 1}`, postal_code: r.postcode, city: r.town, country: 'DE', address_type: 'physical' }] });
    }
    let s = o._s.get(r.service);
    if (!s) {
      const [category, , need] = CATEGORIES[r.category];
      o._s.set(r.service, (s = { id: `svc-${r.service}`, name: `Angebot ${r.service}`, description: 'Synthetisch', attributes: [term('Lotse-Angebotsarten', category), term('Lotse-Bedarfe', need)],
        languages: [{ code: 'de' }], schedules: [{ freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '12:00' }], service_at_locations: [] }));
      o.services.push(s);
    }
    s.service_at_locations.push({ location_id: `loc-${r.location}` });
  }
  return Buffer.from(JSON.stringify([...orgs.values()].map(({ _s, _l, ...o }) => o)));
}

async function xlsx(rows: Listing[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Angebote');
  sheet.addRow(['Träger-ID', 'Träger', 'Standort-ID', 'Straße und Hausnummer', 'PLZ', 'Ort', 'Angebots-ID', 'Angebot', 'Angebotsart', 'Bedarfe', 'Öffnungszeiten']);
  for (const r of rows) {
    const [, label, need] = CATEGORIES[r.category];
    sheet.addRow([`T${r.org}`, `Träger ${r.org} (Bench)`, `S${r.location}`, `Hauptstraße ${r.location % 90 + 1}`, r.postcode, r.town, `A${r.service}`, `Angebot ${r.service}`, label, need, 'Mo, Mi 9-12']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main(argv: string[]): Promise<void> {
  const n = Number(arg(argv, '--listings') ?? 5000);
  const serverUrl = arg(argv, '--server-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const os = require('node:os') as typeof import('node:os');
  process.stdout.write(`Import bench · ${n} listings · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · node ${process.version} · load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  const name = 'lotse_bench_import';
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = loadEnvironment({ DATABASE_URL: url.toString(), SEED_DEMO_DATA: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test', SEARCH_OUTBOX_POLL_MS: '0' });
  const app = await createApp({ env, logger: new JsonLogger('warn', () => undefined) });
  try {
    const rows = listings(n, new Rng('import-17'));
    const service = app.get(CatalogueImportService);
    const actor = { userId: null, displayName: 'Bench', role: 'admin' };
    const files: [string, string, Buffer][] = [['HSDS JSON', 'bench.json', hsdsJson(rows)], ['XLSX', 'bench.xlsx', await xlsx(rows)]];
    process.stdout.write(`\n| file | size | run | listings/s | ms | read / existing / place / plan / write ms | services created/updated/unchanged | locations by postcode |\n|---|---|---|---|---|---|---|---|\n`);
    for (const [label, fileName, bytes] of files) {
      for (const runName of ['fresh', 're-import']) {
        const started = process.hrtime.bigint();
        const report: ImportReport = await service.import({ fileName, bytes }, { source: `bench-${fileName}`, fileName, dryRun: false, activate: true, retireMissing: false }, actor);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (report.errors) throw new Error(`${report.errors} errors: ${JSON.stringify(report.problems.slice(0, 3))}`);
        const s = report.services;
        const p = report.phases;
        const phases = [p.readMs, p.existingMs, p.placeMs, p.planMs, p.writeMs].join(' / ');
        process.stdout.write(`| ${label} | ${(bytes.length / 1e6).toFixed(1)} MB | ${runName} | ${Math.round((n / ms) * 1000)} | ${Math.round(ms)} | ${phases} | ${s.created}/${s.updated}/${s.unchanged} | ${report.precision.postcode} |\n`);
      }
    }
  } finally {
    await app.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
