import { unzipSync, strFromU8 } from 'fflate';
import { csvRecords } from '@lotse/geo';

type Json = Record<string, any>;

/** An HSDS object and where it was found: a JSON path, or "services.csv:4" (file and line). */
export interface Located {
  obj: Json;
  path: string;
}

/** The objects of an HSDS document, flattened: organisations, services and locations by id, and the service–location pairs. */
export interface HsdsGraph {
  organizations: Map<string, Located>;
  services: Map<string, Located>;
  locations: Map<string, Located>;
  pairs: { serviceId: string; locationId: string; path: string }[];
  /** taxonomy terms by id (a datapackage lists them apart from the attributes that name them) */
  terms: Map<string, Json>;
  /** objects that are none of the three (reported by the importer) */
  unknown: Located[];
}

function emptyGraph(): HsdsGraph {
  return { organizations: new Map(), services: new Map(), locations: new Map(), pairs: [], terms: new Map(), unknown: [] };
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What kind of HSDS object this is, by the fields only that kind has: a service_at_location links a
 * service and a location; a service belongs to an organisation or has services at locations; an
 * organisation has services, locations or identifiers, or nothing that names another.
 */
export function hsdsKind(obj: Json): 'organization' | 'service' | 'service_at_location' | 'location' | undefined {
  if (('service_id' in obj || isObject(obj.service)) && ('location_id' in obj || isObject(obj.location))) return 'service_at_location';
  if ('organization_id' in obj && ('addresses' in obj || 'location_type' in obj || 'latitude' in obj)) return 'location';
  if (typeof obj.name === 'string' && ('organization_id' in obj || isObject(obj.organization) || Array.isArray(obj.service_at_locations))) return 'service';
  if (typeof obj.name === 'string') return 'organization';
  return undefined;
}

class Collector {
  readonly graph = emptyGraph();

  any(obj: unknown, path: string): void {
    if (Array.isArray(obj)) return obj.forEach((o, i) => this.any(o, `${path}[${i}]`));
    if (!isObject(obj)) return void this.graph.unknown.push({ obj: { value: obj }, path });
    if (Array.isArray(obj.contents) && 'total_items' in obj) return this.any(obj.contents, `${path}.contents`);
    switch (hsdsKind(obj)) {
      case 'organization': return this.organization(obj, path);
      case 'service': return this.service(obj, path);
      case 'service_at_location': return this.serviceAtLocation(obj, path);
      case 'location': return this.location(obj, path);
      default: this.graph.unknown.push({ obj, path });
    }
  }

  organization(o: Json, path: string): void {
    if (o.id && !this.graph.organizations.has(String(o.id))) this.graph.organizations.set(String(o.id), { obj: o, path });
    (Array.isArray(o.locations) ? o.locations : []).forEach((l: Json, i: number) => this.location({ organization_id: o.id, ...l }, `${path}.locations[${i}]`));
    (Array.isArray(o.services) ? o.services : []).forEach((s: Json, i: number) => this.service({ organization_id: o.id, ...s }, `${path}.services[${i}]`));
  }

  service(s: Json, path: string): void {
    const id = String(s.id ?? '');
    if (isObject(s.organization)) this.organization(s.organization, `${path}.organization`);
    const known = this.graph.services.get(id);
    if (!known) this.graph.services.set(id, { obj: s, path });
    (Array.isArray(s.service_at_locations) ? s.service_at_locations : []).forEach((sal: Json, i: number) =>
      this.serviceAtLocation({ service_id: s.id, ...sal }, `${path}.service_at_locations[${i}]`, true),
    );
  }

  serviceAtLocation(sal: Json, path: string, nested = false): void {
    if (!nested && isObject(sal.service)) this.service({ ...sal.service, service_at_locations: undefined }, `${path}.service`);
    if (isObject(sal.location)) this.location(sal.location, `${path}.location`);
    const serviceId = sal.service_id ?? sal.service?.id;
    const locationId = sal.location_id ?? sal.location?.id;
    if (serviceId && locationId) this.graph.pairs.push({ serviceId: String(serviceId), locationId: String(locationId), path });
  }

  location(l: Json, path: string): void {
    if (l.id && !this.graph.locations.has(String(l.id))) this.graph.locations.set(String(l.id), { obj: l, path });
  }
}

/** An HSDS 3.0 JSON document: one object, a package (array) or a paginated list, of organizations, services or services at locations. */
export function hsdsGraphFromJson(document: unknown): HsdsGraph {
  const collector = new Collector();
  collector.any(document, '$');
  return collector.graph;
}

/** The CSV files of a tabular datapackage by resource name, from a folder's files or a zip. */
export type DatapackageFiles = Map<string, string>;

export function datapackageFilesFromZip(bytes: Buffer): DatapackageFiles {
  const entries = unzipSync(new Uint8Array(bytes));
  const files: DatapackageFiles = new Map();
  for (const [name, content] of Object.entries(entries)) {
    const base = name.split('/').pop()!;
    if (base) files.set(base, strFromU8(content));
  }
  return files;
}

/**
 * The tabular datapackage as the same graph: each resource's CSV (by the path `datapackage.json`
 * gives, else `<name>s.csv`), joined by the ids HSDS uses (organization_id, service_id,
 * location_id, link_id), into the nested objects the JSON form has. Paths are "file.csv:line".
 */
export function hsdsGraphFromDatapackage(files: DatapackageFiles): { graph: HsdsGraph; missing: string[] } {
  const descriptor = files.has('datapackage.json') ? JSON.parse(files.get('datapackage.json')!) : { resources: [] };
  const pathOf = new Map<string, string>();
  for (const r of descriptor.resources ?? []) if (r?.name && r?.path) pathOf.set(String(r.name), String(r.path).split('/').pop()!);
  const table = (name: string, fallback: string): (Json & { __path: string })[] => {
    const file = pathOf.get(name) ?? fallback;
    const text = files.get(file);
    if (!text) return [];
    return csvRecords(text.replace(/^\uFEFF/, '')).map((r, i) => ({ ...blankToNull(r), __path: `${file}:${i + 2}` }));
  };
  const byKey = <T extends Json>(rows: T[], key: string) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      if (!r[key]) continue;
      const list = map.get(String(r[key]));
      if (list) list.push(r);
      else map.set(String(r[key]), [r]);
    }
    return map;
  };
  const organizations = table('organization', 'organizations.csv');
  const services = table('service', 'services.csv');
  const locations = table('location', 'locations.csv');
  const sals = table('service_at_location', 'service_at_location.csv');
  const missing = [['organization', organizations], ['service', services]].filter(([, rows]) => (rows as unknown[]).length === 0).map(([n]) => n as string);
  const addresses = byKey(table('address', 'addresses.csv'), 'location_id');
  const phones = table('phone', 'phones.csv');
  const phonesOf = (key: string) => byKey(phones, key);
  const [orgPhones, servicePhones, locationPhones] = [phonesOf('organization_id'), phonesOf('service_id'), phonesOf('location_id')];
  // a table the package does not have says nothing (Lotse keeps what it has); an empty one says "none"
  const has = (name: string, fallback: string) => files.has(pathOf.get(name) ?? fallback);
  const serviceAreas = byKey(table('service_area', 'service_areas.csv'), 'service_id');
  const schedules = byKey(table('schedule', 'schedules.csv'), 'service_id');
  const languages = byKey(table('language', 'languages.csv'), 'service_id');
  const costs = byKey(table('cost_option', 'cost_options.csv'), 'service_id');
  const identifiers = byKey(table('organization_identifier', 'organization_identifiers.csv'), 'organization_id');
  // HSDS 3.1 capacities name their unit by id; the unit table says what it counts
  const units = new Map(table('unit', 'units.csv').map((u) => [String(u.id), u]));
  const capacities = byKey(table('service_capacity', 'service_capacities.csv').map((c) => ({ ...c, unit: c.unit_id ? units.get(String(c.unit_id)) : undefined })), 'service_id');
  const terms = new Map(table('taxonomy_term', 'taxonomy_terms.csv').map((t) => [String(t.id), t]));
  const attributes = byKey(table('attribute', 'attributes.csv'), 'link_id');
  const withTerms = (id: string) => (attributes.get(id) ?? []).map((a) => ({ ...a, taxonomy_term: a.taxonomy_term_id ? terms.get(String(a.taxonomy_term_id)) : undefined }));
  const numbers = (o: Json, keys: string[]) => {
    for (const k of keys) if (o[k] !== null && o[k] !== undefined && /^-?\d+(\.\d+)?$/.test(String(o[k]))) o[k] = Number(o[k]);
    return o;
  };

  const collector = new Collector();
  for (const o of organizations) {
    collector.organization({ ...o, organization_identifiers: identifiers.get(String(o.id)) ?? [], phones: orgPhones.get(String(o.id)) ?? [], attributes: withTerms(String(o.id)) }, o.__path);
  }
  const withPhones = has('phone', 'phones.csv');
  const withAreas = has('service_area', 'service_areas.csv');
  for (const l of locations) {
    // a phone of a location names the location only (an organisation's names the organisation)
    const own = (locationPhones.get(String(l.id)) ?? []).filter((p) => !p.organization_id && !p.service_id);
    collector.location(numbers({ ...l, addresses: addresses.get(String(l.id)) ?? [], ...(withPhones ? { phones: own } : {}) }, ['latitude', 'longitude']), l.__path);
  }
  for (const s of services) {
    collector.service(
      numbers({
        ...s,
        attributes: withTerms(String(s.id)),
        languages: languages.get(String(s.id)) ?? [],
        schedules: schedules.get(String(s.id)) ?? [],
        cost_options: (costs.get(String(s.id)) ?? []).map((c) => numbers(c, ['amount'])),
        phones: servicePhones.get(String(s.id)) ?? [],
        capacities: (capacities.get(String(s.id)) ?? []).map((c) => numbers(c, ['available', 'maximum'])),
        ...(withAreas ? { service_areas: serviceAreas.get(String(s.id)) ?? [] } : {}),
      }, ['minimum_age', 'maximum_age']),
      s.__path,
    );
  }
  for (const sal of sals) collector.serviceAtLocation(sal, sal.__path, true);
  collector.graph.terms = terms;
  return { graph: collector.graph, missing };
}

function blankToNull(record: Record<string, string>): Json {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === '' ? null : v]));
}
