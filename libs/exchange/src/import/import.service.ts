import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CatalogueService, OrganizationStatus } from '@lotse/catalogue';
import { InvalidInputError } from '@lotse/common';
import { AreaAssignment, GEOCODER, GeocodePrecision, Geocoder, GeoService } from '@lotse/geo';
import { AreaNamesProvider } from '../area-names';
import { derivedId } from '../ids';
import { datapackageFilesFromZip, DatapackageFiles, hsdsGraphFromDatapackage, hsdsGraphFromJson } from './hsds-read';
import { hsdsDocument } from './hsds-import';
import {
  emptyCounts,
  EntityCounts,
  ImportDocument,
  ImportFormat,
  ImportOptions,
  ImportReport,
  ImportService as ImportServiceRecord,
  ProblemCode,
  whereOf,
} from './import.types';
import { AuditRow, ImportActor, ImportRepository, LocationRecord, OrganizationRecord, ServiceRecord, sessionRecord } from './import.repository';
import { spreadsheetDocument } from './spreadsheet-import';
import { readCsvSheet, readXlsxSheet } from './spreadsheet-read';

/** What to import: one file's bytes, or the files of a datapackage folder. */
export type ImportInput = { fileName: string; bytes: Buffer } | { fileName: string; files: DatapackageFiles };

/** Services per transaction (with their organisations and locations). */
const BATCH_SERVICES = 2000;

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const ORGANIZATION_FIELDS: [keyof OrganizationRecord, string][] = [['name', 'name'], ['kind', 'kind'], ['identifiers', 'identifiers'], ['website', 'website'], ['email', 'email'], ['phones', 'phones']];
const LOCATION_FIELDS: [keyof LocationRecord, string][] = [
  ['name', 'name'], ['street', 'street'], ['postcode', 'postcode'], ['town', 'town'], ['latitude', 'point'], ['longitude', 'point'], ['geocode_precision', 'geocodePrecision'], ['phones', 'phones'],
];
const SERVICE_FIELDS: [keyof ServiceRecord, string][] = [
  ['name', 'name'], ['description', 'description'], ['category', 'category'], ['specialty', 'specialty'], ['min_age', 'minAge'], ['max_age', 'maxAge'],
  ['insurance_requirement', 'insuranceRequirement'], ['eligibility_note', 'eligibilityNote'], ['languages', 'languages'], ['accessibility', 'accessibility'],
  ['delivery_modes', 'deliveryModes'], ['cost_type', 'costType'], ['fee_amount', 'feeAmountEuro'], ['cost_note', 'costNote'],
  ['accepting_new_clients', 'acceptingNewClients'], ['free_seats', 'freeSeats'], ['waiting_days', 'waitingDays'], ['status', 'status'],
  ['needs', 'needs'], ['location_ids', 'locationIds'], ['opening_hours', 'openingHours'], ['sessions', 'sessions'], ['service_area', 'serviceArea'],
  ['verified_at', 'verifiedAt'],
];
/**
 * Changes the audit trail records without a field name: a newer verification date or capacity time
 * from the source is no edit of the listing, so it must not send the listing back to the
 * coordinators' queue (which counts named fields changed since the verification).
 */
const UNNAMED_CHANGES: Record<string, string> = { verifiedAt: 'verify', capacityUpdatedAt: 'capacity' };
const CAPACITY_COLUMNS: (keyof ServiceRecord)[] = ['accepting_new_clients', 'free_seats', 'waiting_days'];

function changedFields<T>(before: T, after: T, fields: [keyof T, string][]): string[] {
  const out: string[] = [];
  for (const [column, field] of fields) if (!same(before[column], after[column]) && !out.includes(field)) out.push(field);
  return out;
}

/**
 * Imports partners into the catalogue: a coordinator's spreadsheet (XLSX/CSV, German headings),
 * HSDS 3.0 JSON or the HSDS tabular datapackage. Every file goes the same way: read into Lotse's
 * terms (problems by row and column or JSON path) → addresses without coordinates geocoded →
 * compared with what the source already has (records keyed by source and external id) → written
 * in batches, one transaction each, set-based. A dry run stops before the writes and reports the
 * same. Imported organisations are real and PENDING (ACTIVE with `activate`).
 */
@Injectable()
export class CatalogueImportService {
  private readonly logger = new Logger(CatalogueImportService.name);

  constructor(
    private readonly repository: ImportRepository,
    private readonly catalogue: CatalogueService,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
    private readonly areaNames: AreaNamesProvider,
    private readonly geo: GeoService,
  ) {}

  /** The format a file is in, by its name, else by its first bytes. */
  detectFormat(input: ImportInput): ImportFormat {
    if ('files' in input) return ImportFormat.HSDS_DATAPACKAGE;
    const name = input.fileName.toLowerCase();
    if (name.endsWith('.xlsx')) return ImportFormat.XLSX;
    if (name.endsWith('.csv') || name.endsWith('.txt')) return ImportFormat.CSV;
    if (name.endsWith('.json')) return ImportFormat.HSDS_JSON;
    if (name.endsWith('.zip')) return ImportFormat.HSDS_DATAPACKAGE;
    const head = input.bytes.subarray(0, 4).toString('latin1');
    if (head.startsWith('PK')) return input.bytes.includes(Buffer.from('datapackage.json')) ? ImportFormat.HSDS_DATAPACKAGE : ImportFormat.XLSX;
    const first = input.bytes.toString('utf8', 0, 200).replace(/^\uFEFF/, '').trimStart()[0];
    return first === '{' || first === '[' ? ImportFormat.HSDS_JSON : ImportFormat.CSV;
  }

  /** Reads a file into Lotse's terms; an unreadable file is one BAD_FILE problem. */
  async read(input: ImportInput, format = this.detectFormat(input)): Promise<ImportDocument> {
    const unreadable = (message: string): ImportDocument => ({
      format, organizations: [], locations: [], services: [], records: 0,
      listed: { organizations: new Set(), locations: new Set(), services: new Set() },
      problems: [{ severity: 'error', code: ProblemCode.BAD_FILE, where: input.fileName, message }],
    });
    try {
      switch (format) {
        case ImportFormat.XLSX:
          if (!('bytes' in input)) return unreadable('Eine Tabelle ist eine Datei.');
          return spreadsheetDocument(await readXlsxSheet(input.bytes), format);
        case ImportFormat.CSV:
          if (!('bytes' in input)) return unreadable('Eine CSV-Tabelle ist eine Datei.');
          return spreadsheetDocument(readCsvSheet(input.bytes), format);
        case ImportFormat.HSDS_JSON: {
          if (!('bytes' in input)) return unreadable('HSDS-JSON ist eine Datei.');
          let json: unknown;
          try {
            json = JSON.parse(input.bytes.toString('utf8').replace(/^\uFEFF/, ''));
          } catch (e) {
            return unreadable(`Kein gültiges JSON: ${e instanceof Error ? e.message : e}`);
          }
          return hsdsDocument(hsdsGraphFromJson(json), format);
        }
        case ImportFormat.HSDS_DATAPACKAGE: {
          const files = 'files' in input ? input.files : datapackageFilesFromZip(input.bytes);
          const { graph, missing } = hsdsGraphFromDatapackage(files);
          const doc = hsdsDocument(graph, format);
          if (!files.has('datapackage.json')) doc.problems.unshift({ severity: 'warning', code: ProblemCode.BAD_FILE, where: 'datapackage.json', message: 'datapackage.json fehlt: Dateien nach den HSDS-Standardnamen gelesen.' });
          if (missing.includes('organization') && missing.includes('service')) doc.problems.unshift({ severity: 'error', code: ProblemCode.BAD_FILE, where: input.fileName, message: 'Weder organizations.csv noch services.csv gefunden.' });
          return doc;
        }
      }
    } catch (e) {
      return unreadable(`Datei nicht lesbar (${format}): ${e instanceof Error ? e.message : e}`);
    }
  }

  async import(input: ImportInput, options: ImportOptions, actor: ImportActor): Promise<ImportReport> {
    const started = Date.now();
    const startedAt = new Date();
    const source = options.source.trim();
    if (!/^[\p{L}\p{N} ._:/@()-]{1,100}$/u.test(source)) throw InvalidInputError.of('source', 'source must be 1–100 letters, digits, spaces or ._:/@()-');
    const format = options.format ?? this.detectFormat(input);
    const phases: ImportReport['phases'] = { readMs: 0, existingMs: 0, placeMs: 0, planMs: 0, writeMs: 0 };
    let mark = Date.now();
    const lap = (phase: keyof ImportReport['phases']) => {
      const now = Date.now();
      phases[phase] += now - mark;
      mark = now;
    };
    const doc = await this.read(input, format);
    const problems = doc.problems;
    const precision = { exact: 0, street: 0, postcode: 0, locality: 0 };
    const counts = { organizations: emptyCounts(), locations: emptyCounts(), services: emptyCounts() };

    const fileRefused = problems.some((p) => p.code === ProblemCode.BAD_FILE && p.severity === 'error');
    if (!fileRefused) {
      await this.checkNeeds(doc);
      await this.checkAreas(doc);
      lap('readMs');
      const [organizations, locations, services] = await Promise.all([
        this.repository.organizationsOf(source), this.repository.locationsOf(source), this.repository.servicesOf(source),
      ]);
      const existing = {
        organizations: new Map(organizations.map((r) => [r.external_id, r])),
        locations: new Map(locations.map((r) => [r.external_id, r])),
        services: new Map(services.map((r) => [r.external_id, r])),
      };
      lap('existingMs');
      const placed = await this.place(doc, existing.locations, precision);
      this.prune(doc, placed);
      lap('placeMs');
      const plan = await this.plan(doc, placed, existing, options, counts);
      lap('planMs');
      if (!options.dryRun) await this.write(plan, source, options, actor);
      else options.onProgress?.(plan.total, plan.total);
      lap('writeMs');
    } else lap('readMs');
    counts.organizations.refused = doc.listed.organizations.size - counts.organizations.created - counts.organizations.updated - counts.organizations.unchanged;
    counts.locations.refused = doc.listed.locations.size - counts.locations.created - counts.locations.updated - counts.locations.unchanged;
    counts.services.refused = doc.listed.services.size - counts.services.created - counts.services.updated - counts.services.unchanged;
    for (const c of Object.values(counts)) c.refused = Math.max(0, c.refused);

    const report: ImportReport = {
      runId: null, format, source, fileName: input.fileName, dryRun: options.dryRun, records: doc.records, ...counts,
      geocoder: this.geocoder.name, precision, problems,
      errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity === 'warning').length,
      elapsedMs: Date.now() - started, phases,
    };
    if (!options.dryRun) {
      report.runId = randomUUID();
      await this.repository.recordRun({ id: report.runId, source, format, fileName: input.fileName, dryRun: false, actorName: actor.displayName, startedAt, counts, problemCount: problems.length });
    }
    // counts only: a file's contents are partners' data, not for the log
    this.logger.log({ msg: 'import', source, format, dryRun: options.dryRun, services: counts.services, errors: report.errors, ms: report.elapsedMs, phases });
    return report;
  }

  /** Needs are checked against the database's taxonomy (the vocabulary parsers know the code's one). */
  private async checkNeeds(doc: ImportDocument): Promise<void> {
    const known = new Set((await this.catalogue.needTerms()).map((t) => t.code));
    doc.services = doc.services.filter((s) => {
      const unknown = s.needs.filter((n) => !known.has(n));
      for (const n of unknown) doc.problems.push({ severity: 'error', code: ProblemCode.UNKNOWN_NEED, ...whereOf(s.ref, doc.format === ImportFormat.XLSX || doc.format === ImportFormat.CSV ? 'Bedarfe' : 'attributes'), message: `Bedarf „${n}“ kennt diese Lotse-Datenbank nicht.`, value: n });
      return unknown.length === 0;
    });
  }

  /** Service areas are Saxony's districts and municipalities: an AGS the boundaries do not have is reported and dropped. */
  private async checkAreas(doc: ImportDocument): Promise<void> {
    if (!doc.services.some((s) => s.serviceArea?.length)) return;
    const area = await this.areaNames.lookup();
    for (const s of doc.services) {
      if (!s.serviceArea?.length) continue;
      const unknown = s.serviceArea.filter((ags) => !area(ags));
      for (const ags of unknown) doc.problems.push({ severity: 'warning', code: ProblemCode.BAD_VALUE, ...whereOf(s.ref, 'service_areas'), message: `Einzugsgebiet „${ags}“ ist kein Kreis und keine Gemeinde in Sachsen: ignoriert.`, value: ags });
      if (unknown.length) s.serviceArea = s.serviceArea.filter((ags) => area(ags));
    }
  }

  /**
   * The point of every location: coordinates given win (EXACT); else a point a partner placed by
   * hand on an unchanged address stays; else the geocoder's answer (each address asked once).
   * An address the geocoder cannot place refuses the location.
   */
  private async place(doc: ImportDocument, existing: Map<string, LocationRecord>, precision: ImportReport['precision']): Promise<Map<string, { latitude: number; longitude: number; precision: GeocodePrecision }>> {
    const placed = new Map<string, { latitude: number; longitude: number; precision: GeocodePrecision }>();
    const asked = new Map<string, Promise<Awaited<ReturnType<Geocoder['geocode']>>>>();
    const spreadsheet = doc.format === ImportFormat.XLSX || doc.format === ImportFormat.CSV;
    for (const l of doc.locations) {
      let point: { latitude: number; longitude: number; precision: GeocodePrecision } | null = null;
      const before = existing.get(l.externalId);
      if (l.latitude !== null && l.longitude !== null) {
        point = { latitude: l.latitude, longitude: l.longitude, precision: GeocodePrecision.EXACT };
      } else if (before && before.geocode_precision === GeocodePrecision.EXACT && before.street === l.street && before.postcode === l.postcode && before.town === l.town) {
        point = { latitude: before.latitude, longitude: before.longitude, precision: GeocodePrecision.EXACT };
      } else {
        const key = `${l.street}|${l.postcode}|${l.town}`.toLowerCase();
        if (!asked.has(key)) asked.set(key, this.geocoder.geocode({ street: l.street, postcode: l.postcode, town: l.town }));
        const found = await asked.get(key)!;
        if (found) point = { latitude: found.latitude, longitude: found.longitude, precision: found.precision };
      }
      if (!point) {
        doc.problems.push({
          severity: 'error', code: ProblemCode.ADDRESS_NOT_FOUND, ...whereOf(l.ref, spreadsheet ? 'PLZ' : 'addresses'),
          message: `Anschrift nicht gefunden (${l.postcode} ${l.town}): bitte PLZ und Ort prüfen oder Breiten- und Längengrad angeben.`, value: `${l.street}, ${l.postcode} ${l.town}`,
        });
        continue;
      }
      placed.set(l.externalId, point);
      precision[point.precision]++;
    }
    return placed;
  }

  /** Drops what depends on a refused record: links to unplaced locations, services left without their only locations. */
  private prune(doc: ImportDocument, placed: Map<string, unknown>): void {
    const organizations = new Set(doc.organizations.map((o) => o.externalId));
    doc.locations = doc.locations.filter((l) => placed.has(l.externalId) && organizations.has(l.organizationExternalId));
    const spreadsheet = doc.format === ImportFormat.XLSX || doc.format === ImportFormat.CSV;
    doc.services = doc.services.filter((s) => {
      if (!organizations.has(s.organizationExternalId)) return false;
      const kept = s.locationExternalIds.filter((id) => placed.has(id));
      if (s.locationExternalIds.length > 0 && kept.length === 0) {
        doc.problems.push({ severity: 'error', code: ProblemCode.BAD_REFERENCE, ...whereOf(s.ref, spreadsheet ? undefined : 'service_at_locations'), message: `Angebot „${s.name}“ nicht importiert: keiner seiner Standorte ist gültig.` });
        return false;
      }
      s.locationExternalIds = kept;
      return true;
    });
  }

  private async plan(
    doc: ImportDocument,
    placed: Map<string, { latitude: number; longitude: number; precision: GeocodePrecision }>,
    existing: { organizations: Map<string, OrganizationRecord>; locations: Map<string, LocationRecord>; services: Map<string, ServiceRecord> },
    options: ImportOptions,
    counts: { organizations: EntityCounts; locations: EntityCounts; services: EntityCounts },
  ) {
    // ids: the existing record's; else the source's own UUID where free; else a new one
    const assign = async <T extends { externalId: string; preferredId?: string }>(table: 'organization' | 'location' | 'service', records: T[], known: Map<string, { id: string }>) => {
      const fresh = records.filter((r) => !known.has(r.externalId));
      const taken = await this.repository.takenIds(table, fresh.flatMap((r) => (r.preferredId ? [r.preferredId] : [])));
      const used = new Set<string>();
      const ids = new Map<string, string>();
      for (const r of records) {
        const old = known.get(r.externalId)?.id;
        const preferred = r.preferredId && !taken.has(r.preferredId) && !used.has(r.preferredId) ? r.preferredId : undefined;
        const id = old ?? preferred ?? randomUUID();
        used.add(id);
        ids.set(r.externalId, id);
      }
      return ids;
    };
    const organizationIds = await assign('organization', doc.organizations, existing.organizations);
    const locationIds = await assign('location', doc.locations, existing.locations);
    const serviceIds = await assign('service', doc.services, existing.services);

    type Written<T> = { record: T; before?: T; fields: string[] };
    const byOrganization = new Map<string, { organization?: Written<OrganizationRecord>; locations: Written<LocationRecord>[]; services: { record: ServiceRecord & { capacityChanged: boolean; created: boolean }; before?: ServiceRecord; fields: string[] }[] }>();
    const group = (orgId: string) => {
      let g = byOrganization.get(orgId);
      if (!g) byOrganization.set(orgId, (g = { locations: [], services: [] }));
      return g;
    };

    for (const o of doc.organizations) {
      const before = existing.organizations.get(o.externalId);
      const record: OrganizationRecord = {
        id: organizationIds.get(o.externalId)!, external_id: o.externalId, name: o.name, kind: o.kind, identifiers: o.identifiers, website: o.website, email: o.email, phones: o.phones,
        status: before?.status ?? (options.activate ? OrganizationStatus.ACTIVE : OrganizationStatus.PENDING),
      };
      if (!before) counts.organizations.created++;
      const fields = before ? changedFields(before, record, ORGANIZATION_FIELDS) : [];
      const activating = before && options.activate && before.status !== OrganizationStatus.ACTIVE;
      if (before && fields.length === 0 && !activating) { counts.organizations.unchanged++; continue; }
      if (before) counts.organizations.updated++;
      if (activating) fields.push('status');
      group(record.id).organization = { record, before, fields };
    }
    const areas = new Map<string, Promise<AreaAssignment>>();
    for (const l of doc.locations) {
      const before = existing.locations.get(l.externalId);
      const point = placed.get(l.externalId)!;
      const record: LocationRecord = {
        id: locationIds.get(l.externalId)!, external_id: l.externalId, organization_id: organizationIds.get(l.organizationExternalId)!, name: l.name, street: l.street,
        postcode: l.postcode, town: l.town, latitude: round(point.latitude), longitude: round(point.longitude), geocode_precision: point.precision,
        // a source that says nothing about the place's phones leaves Lotse's
        phones: l.phones ?? before?.phones ?? [],
      };
      const fields = before ? changedFields({ ...before, latitude: round(before.latitude), longitude: round(before.longitude) }, record, LOCATION_FIELDS) : [];
      if (before && fields.length === 0) { counts.locations.unchanged++; continue; }
      counts.locations[before ? 'updated' : 'created']++;
      // the areas at the point from the in-memory index (PostGIS's answer; each point asked once), so the database need not test every row
      const key = `${record.latitude},${record.longitude}`;
      if (!areas.has(key)) areas.set(key, this.geo.areaAt(record.latitude, record.longitude).catch(() => ({ districtAgs: null, municipalityAgs: null })));
      const area = await areas.get(key)!;
      record.district_ags = area.districtAgs;
      record.municipality_ags = area.municipalityAgs;
      group(record.organization_id).locations.push({ record, before, fields });
    }
    const sessionIds = await this.sessionIds(doc.services, serviceIds, existing.services);
    for (const s of doc.services) {
      const before = existing.services.get(s.externalId);
      const id = serviceIds.get(s.externalId)!;
      const record = this.serviceRecord(s, id, organizationIds.get(s.organizationExternalId)!, s.locationExternalIds.map((l) => locationIds.get(l)!), sessionIds.get(id)!, before);
      const fields = before ? changedFields(before, record, SERVICE_FIELDS) : [];
      // the capacity's time: the source's when it says one, else now when the capacity changed
      const stampChanged = !!before && s.capacityUpdatedAt !== null && Date.parse(s.capacityUpdatedAt) !== Date.parse(before.capacity_updated_at!);
      if (stampChanged) fields.push('capacityUpdatedAt');
      if (before && fields.length === 0) { counts.services.unchanged++; continue; }
      counts.services[before ? 'updated' : 'created']++;
      const capacityChanged = !before || stampChanged || CAPACITY_COLUMNS.some((c) => !same(before[c], record[c]));
      record.capacity_updated_at = capacityChanged ? s.capacityUpdatedAt : before!.capacity_updated_at;
      group(record.organization_id).services.push({ record: { ...record, capacityChanged, created: !before }, before, fields });
    }

    // a full import: what the source has in Lotse and this file no longer lists
    const retire = { organizations: [] as OrganizationRecord[], locations: [] as LocationRecord[], services: [] as ServiceRecord[] };
    if (options.retireMissing) {
      retire.services = [...existing.services.values()].filter((r) => !doc.listed.services.has(r.external_id) && r.status !== 'inactive');
      retire.organizations = [...existing.organizations.values()].filter((r) => !doc.listed.organizations.has(r.external_id) && r.status !== OrganizationStatus.INACTIVE);
      retire.locations = [...existing.locations.values()].filter((r) => !doc.listed.locations.has(r.external_id));
      counts.services.retired = retire.services.length;
      counts.organizations.retired = retire.organizations.length;
      counts.locations.retired = retire.locations.length;
    }
    const groups = [...byOrganization.values()];
    const total = groups.reduce((n, g) => n + (g.organization ? 1 : 0) + g.locations.length + g.services.length, 0);
    return { groups, retire, total };
  }

  /**
   * The ids of every service's course runs: the source's id of a run where it is a UUID no other
   * service's run has (so an export imported elsewhere keeps them); else the id of the run the
   * service already has on the same day and time; else one derived from the service and the run.
   */
  private async sessionIds(services: ImportServiceRecord[], serviceIds: Map<string, string>, existing: Map<string, ServiceRecord>): Promise<Map<string, string[]>> {
    const candidates = services.flatMap((s) => s.sessions.flatMap((x) => (x.externalId && UUID.test(x.externalId) ? [x.externalId.toLowerCase()] : [])));
    const owners = await this.repository.sessionOwners([...new Set(candidates)]);
    const used = new Set<string>();
    const out = new Map<string, string[]>();
    for (const s of services) {
      const serviceId = serviceIds.get(s.externalId)!;
      const had = existing.get(s.externalId)?.sessions ?? [];
      out.set(serviceId, s.sessions.map((x, i) => {
        const own = x.externalId && UUID.test(x.externalId) ? x.externalId.toLowerCase() : undefined;
        const kept = had.find((h) => !used.has(h.id) && h.startsOn === x.startsOn && h.startTime === x.startTime && h.weekday === x.weekday)?.id;
        const derived = derivedId('course_session', serviceId, x.externalId ?? `${x.startsOn}:${x.startTime}:${x.weekday}:${i}`);
        const id = [own && (owners.get(own) ?? serviceId) === serviceId ? own : undefined, x.externalId ? undefined : kept, derived].find((c) => c && !used.has(c)) ?? randomUUID();
        used.add(id);
        return id;
      }));
    }
    return out;
  }

  private serviceRecord(s: ImportServiceRecord, id: string, organizationId: string, locationIds: string[], sessionIds: string[], before: ServiceRecord | undefined): ServiceRecord {
    // the source's verification date counts where it is later than Lotse's own
    const assured = s.assuredDate ? new Date(`${s.assuredDate}T00:00:00.000Z`).toISOString() : null;
    const verifiedAt = before?.verified_at && (!assured || Date.parse(before.verified_at) >= Date.parse(assured)) ? before.verified_at : assured ?? before?.verified_at ?? null;
    return {
      id, external_id: s.externalId, organization_id: organizationId, name: s.name, description: s.description, category: s.category, specialty: s.specialty,
      min_age: s.minAge, max_age: s.maxAge, insurance_requirement: s.insuranceRequirement, eligibility_note: s.eligibilityNote,
      languages: s.languages, accessibility: s.accessibility, delivery_modes: s.deliveryModes, cost_type: s.costType, fee_amount: s.feeAmountEuro, cost_note: s.costNote,
      accepting_new_clients: s.acceptingNewClients, free_seats: s.freeSeats, waiting_days: s.waitingDays, status: 'active',
      service_area: s.serviceArea ?? before?.service_area ?? [], capacity_updated_at: s.capacityUpdatedAt, verified_at: verifiedAt,
      needs: [...new Set(s.needs)].sort(), location_ids: [...new Set(locationIds)].sort(),
      opening_hours: [...s.openingHours].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt)).map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt })),
      sessions: s.sessions.map((x, i) => sessionRecord({ ...x, id: sessionIds[i] }))
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.startTime.localeCompare(b.startTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  }

  /** One transaction per batch of organisations (≈ BATCH_SERVICES services), then one for the retirements. */
  private async write(plan: Awaited<ReturnType<CatalogueImportService['plan']>>, source: string, options: ImportOptions, actor: ImportActor): Promise<void> {
    let done = 0;
    options.onProgress?.(0, plan.total);
    for (let i = 0; i < plan.groups.length; ) {
      const batch: typeof plan.groups = [];
      let services = 0;
      while (i < plan.groups.length && (batch.length === 0 || services + plan.groups[i].services.length <= BATCH_SERVICES)) {
        services += plan.groups[i].services.length;
        batch.push(plan.groups[i++]);
      }
      const organizations = batch.flatMap((g) => (g.organization ? [g.organization] : []));
      const locations = batch.flatMap((g) => g.locations);
      const serviceRows = batch.flatMap((g) => g.services);
      const audit: AuditRow[] = [];
      const note = (resourceType: AuditRow['resourceType'], organizationId: string, w: { record: { id: string }; before?: unknown; fields: string[] }) => {
        if (!w.before) audit.push({ organizationId, resourceType, resourceId: w.record.id, action: 'create', fieldName: null, previousValue: undefined, replacementValue: { importSource: source } });
        else for (const field of w.fields) {
          const unnamed = UNNAMED_CHANGES[field];
          audit.push({ organizationId, resourceType, resourceId: w.record.id, action: unnamed ?? 'update', fieldName: unnamed ? null : field, previousValue: undefined, replacementValue: { importSource: source } });
        }
      };
      organizations.forEach((w) => note('organization', w.record.id, w));
      locations.forEach((w) => note('location', w.record.organization_id, w));
      serviceRows.forEach((w) => note('service', w.record.organization_id, w));
      await this.repository.transaction(async (tx) => {
        await this.repository.startBatch(tx);
        await this.repository.upsertOrganizations(tx, source, organizations.map((w) => w.record), options.activate);
        await this.repository.upsertLocations(tx, source, locations.map((w) => w.record));
        await this.repository.upsertServices(tx, source, serviceRows.map((w) => w.record));
        await this.repository.refreshListings(tx, {
          // a new organisation or location has no services yet but the batch's own
          organizations: organizations.filter((w) => w.before).map((w) => w.record.id),
          locations: locations.filter((w) => w.before).map((w) => w.record.id),
          services: serviceRows.map((w) => w.record.id),
        });
        await this.repository.audit(tx, actor, audit);
      });
      done += organizations.length + locations.length + serviceRows.length;
      options.onProgress?.(done, plan.total);
    }
    const { retire } = plan;
    if (retire.services.length + retire.organizations.length + retire.locations.length > 0) {
      await this.repository.transaction(async (tx) => {
        await this.repository.retire(tx, { organizations: retire.organizations.map((r) => r.id), locations: retire.locations.map((r) => r.id), services: retire.services.map((r) => r.id) });
        await this.repository.audit(tx, actor, [
          ...retire.organizations.map((r) => ({ organizationId: r.id, resourceType: 'organization' as const, resourceId: r.id, action: 'retire', fieldName: 'status', previousValue: r.status, replacementValue: 'inactive' })),
          ...retire.services.map((r) => ({ organizationId: r.organization_id, resourceType: 'service' as const, resourceId: r.id, action: 'retire', fieldName: 'status', previousValue: r.status, replacementValue: 'inactive' })),
          ...retire.locations.map((r) => ({ organizationId: r.organization_id, resourceType: 'location' as const, resourceId: r.id, action: 'retire', fieldName: null, previousValue: { street: r.street, town: r.town }, replacementValue: undefined })),
        ]);
      });
    }
  }
}

