import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { AreaNamesProvider } from '../area-names';
import { CatalogueExportRepository } from '../catalogue-export.repository';
import { CAPACITY_UNITS, organizationJson, serviceJson } from '../hsds/hsds.mapper';
import { LOTSE_TAXONOMIES, LOTSE_TAXONOMY_TERMS } from '../vocabulary/lotse-taxonomies';
import { csvLine, datapackageDescriptor, HSDS_TABLE, HSDS_TABLES } from './hsds-tables';

type Json = Record<string, any>;

export interface DatapackageProgress {
  phase: 'organizations' | 'services' | 'zip';
  done: number;
  total: number;
}

export interface DatapackageResult {
  /** rows per table */
  rows: Record<string, number>;
  bytes: number;
}

const BATCH = 500;

/** One CSV file being written, header first. */
class TableFile {
  rows = 0;
  private readonly stream: WriteStream;

  constructor(readonly path: string, private readonly fields: string[]) {
    this.stream = createWriteStream(path);
    this.stream.write(csvLine(fields));
  }

  async add(row: Json): Promise<void> {
    this.rows++;
    if (!this.stream.write(csvLine(this.fields.map((f) => row[f])))) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/**
 * The full export as an HSDS tabular datapackage: a zip of `datapackage.json` and one CSV per table,
 * of everything the directory shows. The catalogue is walked in id order, 500 organisations or
 * services per statement (keyset, so memory and time per batch stay flat), each row built by the
 * same mapper as the HSDS API — so the package and the API cannot disagree. Tables go to a temporary
 * directory first; only then is the zip streamed into the sink, so a database error never leaves a
 * half-written download.
 */
@Injectable()
export class HsdsDatapackageExporter {
  constructor(
    private readonly repository: CatalogueExportRepository,
    private readonly areaNames: AreaNamesProvider,
  ) {}

  async write(sink: Writable, onProgress: (p: DatapackageProgress) => void = () => {}, beforeZip: () => void = () => {}): Promise<DatapackageResult> {
    const dir = await mkdtemp(join(tmpdir(), 'lotse-hsds-'));
    try {
      const tables = Object.fromEntries(HSDS_TABLES.map((t) => [t.name, new TableFile(join(dir, t.path), t.fields.map(([name]) => name))]));
      await this.writeTables(tables, onProgress);
      for (const table of Object.values(tables)) await table.close();
      beforeZip();
      const rows = Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.rows]));
      const bytes = await this.zip(dir, sink, onProgress);
      return { rows, bytes };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async writeTables(t: Record<string, TableFile>, onProgress: (p: DatapackageProgress) => void): Promise<void> {
    const areas = await this.areaNames.lookup();
    const [organizationTotal, serviceTotal] = [await this.repository.countOrganizations({}), await this.repository.countServices({})];

    let done = 0;
    onProgress({ phase: 'organizations', done, total: organizationTotal });
    for (let after: string | null = null; ; ) {
      const organizations = await this.repository.findOrganizationsAfter(after, BATCH);
      if (!organizations.length) break;
      after = organizations[organizations.length - 1].id;
      const locations = await this.repository.findLocationsOfOrganizations(organizations.map((o) => o.id));
      for (const o of organizations) {
        const json = organizationJson(o, locations.filter((l) => l.organization_id === o.id), []);
        await t.organization.add(json);
        for (const phone of json.phones as Json[]) await t.phone.add(phone);
        for (const identifier of json.organization_identifiers as Json[]) await t.organization_identifier.add(identifier);
        for (const attribute of json.attributes as Json[]) await t.attribute.add(attribute);
        for (const location of json.locations as Json[]) {
          await t.location.add(location);
          for (const address of location.addresses) await t.address.add(address);
          for (const phone of location.phones) await t.phone.add(phone);
        }
      }
      onProgress({ phase: 'organizations', done: (done += organizations.length), total: organizationTotal });
    }

    done = 0;
    onProgress({ phase: 'services', done, total: serviceTotal });
    for (let after: string | null = null; ; ) {
      const services = await this.repository.findServicesAfter(after, BATCH);
      if (!services.length) break;
      after = services[services.length - 1].id;
      for (const s of services) {
        const json = serviceJson(s, areas);
        await t.service.add(json);
        for (const sal of json.service_at_locations as Json[]) await t.service_at_location.add(sal);
        for (const schedule of json.schedules as Json[]) await t.schedule.add(schedule);
        for (const area of json.service_areas as Json[]) await t.service_area.add(area);
        for (const language of json.languages as Json[]) await t.language.add(language);
        for (const cost of json.cost_options as Json[]) await t.cost_option.add(cost);
        for (const attribute of json.attributes as Json[]) await t.attribute.add(attribute);
        for (const capacity of json.capacities as Json[]) await t.service_capacity.add(capacity);
      }
      onProgress({ phase: 'services', done: (done += services.length), total: serviceTotal });
    }

    for (const { vocabulary: _v, ...taxonomy } of LOTSE_TAXONOMIES) await t.taxonomy.add(taxonomy);
    for (const { vocabulary: _v, ...term } of LOTSE_TAXONOMY_TERMS) await t.taxonomy_term.add(term);
    for (const unit of Object.values(CAPACITY_UNITS)) await t.unit.add(unit);
  }

  /** Streams the zip into the sink, waiting whenever the sink asks to (a slow download never fills memory). */
  private async zip(dir: string, sink: Writable, onProgress: (p: DatapackageProgress) => void): Promise<number> {
    let bytes = 0;
    let failure: Error | undefined;
    let drained: Promise<unknown> | undefined;
    const finished = new Promise<void>((resolve, reject) => {
      const zip = new Zip((error, chunk, final) => {
        if (error) return reject((failure = error));
        bytes += chunk.length;
        if (!sink.write(chunk)) drained ??= once(sink, 'drain').then(() => (drained = undefined));
        if (final) {
          sink.end();
          resolve();
        }
      });
      (async () => {
        const descriptor = new ZipPassThrough('datapackage.json');
        zip.add(descriptor);
        descriptor.push(new TextEncoder().encode(JSON.stringify(datapackageDescriptor(new Date()), null, 2)), true);
        let n = 0;
        for (const table of HSDS_TABLES) {
          const file = new ZipDeflate(table.path, { level: 6 });
          zip.add(file);
          for await (const chunk of createReadStream(join(dir, table.path), { highWaterMark: 256 * 1024 })) {
            if (failure) return;
            file.push(chunk as Uint8Array);
            if (drained) await drained;
          }
          file.push(new Uint8Array(0), true);
          onProgress({ phase: 'zip', done: ++n, total: HSDS_TABLES.length });
        }
        zip.end();
      })().catch(reject);
    });
    await finished;
    if (!sink.writableFinished) await once(sink, 'finish').catch(() => undefined);
    return bytes;
  }
}

/** The HSDS table names in the package, for readers of the result. */
export const DATAPACKAGE_TABLES = HSDS_TABLES.map((t) => t.name);
export { HSDS_TABLE };
