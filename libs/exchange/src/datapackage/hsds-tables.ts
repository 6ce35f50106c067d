/**
 * The tables of the HSDS 3.0 tabular datapackage that Lotse fills, with their standard file names,
 * fields and types (HSDS 3.0 `datapackage.json`), plus HSDS 3.1's `service_capacity` and `unit`
 * for capacity. Columns are written in the standard's order; a table Lotse has nothing for
 * (programs, contacts, funding, …) is left out rather than written empty.
 */
export type FieldType = 'string' | 'number' | 'date' | 'datetime' | 'time';

export interface TableDefinition {
  name: string;
  path: string;
  fields: [name: string, type: FieldType][];
  /** field → referenced table (its `id`) */
  foreignKeys: Record<string, string>;
}

const s = (...names: string[]): [string, FieldType][] => names.map((n) => [n, 'string']);

export const HSDS_TABLES: readonly TableDefinition[] = [
  {
    name: 'organization',
    path: 'organizations.csv',
    fields: [...s('id', 'name', 'alternate_name', 'description', 'email', 'website', 'tax_status', 'tax_id'), ['year_incorporated', 'number'], ...s('legal_status', 'logo', 'uri', 'parent_organization_id')],
    foreignKeys: {},
  },
  {
    name: 'service',
    path: 'services.csv',
    fields: [
      ...s('id', 'organization_id', 'program_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services', 'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description'),
      ['minimum_age', 'number'], ['maximum_age', 'number'], ['assured_date', 'date'], ...s('assurer_email', 'licenses', 'alert'), ['last_modified', 'datetime'],
    ],
    foreignKeys: { organization_id: 'organization' },
  },
  { name: 'attribute', path: 'attributes.csv', fields: s('id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'), foreignKeys: { taxonomy_term_id: 'taxonomy_term' } },
  { name: 'service_at_location', path: 'service_at_location.csv', fields: s('id', 'service_id', 'location_id', 'description'), foreignKeys: { service_id: 'service', location_id: 'location' } },
  {
    name: 'location',
    path: 'locations.csv',
    fields: [...s('id', 'location_type', 'url', 'organization_id', 'name', 'alternate_name', 'description', 'transportation'), ['latitude', 'number'], ['longitude', 'number'], ...s('external_identifier', 'external_identifier_type')],
    foreignKeys: { organization_id: 'organization' },
  },
  {
    name: 'phone',
    path: 'phones.csv',
    fields: [...s('id', 'location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id', 'number'), ['extension', 'number'], ...s('type', 'description')],
    foreignKeys: { location_id: 'location', organization_id: 'organization' },
  },
  {
    name: 'address',
    path: 'addresses.csv',
    fields: s('id', 'location_id', 'attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type'),
    foreignKeys: { location_id: 'location' },
  },
  {
    name: 'schedule',
    path: 'schedules.csv',
    fields: [
      ...s('id', 'service_id', 'location_id', 'service_at_location_id'), ['valid_from', 'date'], ['valid_to', 'date'], ['dtstart', 'date'], ['timezone', 'number'], ['until', 'date'], ['count', 'number'],
      ...s('wkst', 'freq'), ['interval', 'number'], ...s('byday', 'byweekno', 'bymonthday', 'byyearday', 'description'), ['opens_at', 'time'], ['closes_at', 'time'], ...s('schedule_link', 'attending_type', 'notes'),
    ],
    foreignKeys: { service_id: 'service' },
  },
  { name: 'service_area', path: 'service_areas.csv', fields: s('id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri'), foreignKeys: { service_id: 'service' } },
  { name: 'language', path: 'languages.csv', fields: s('id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'), foreignKeys: { service_id: 'service' } },
  { name: 'taxonomy_term', path: 'taxonomy_terms.csv', fields: s('id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri'), foreignKeys: { taxonomy_id: 'taxonomy' } },
  {
    name: 'cost_option',
    path: 'cost_options.csv',
    fields: [...s('id', 'service_id'), ['valid_from', 'date'], ['valid_to', 'date'], ...s('option', 'currency'), ['amount', 'number'], ...s('amount_description')],
    foreignKeys: { service_id: 'service' },
  },
  { name: 'organization_identifier', path: 'organization_identifiers.csv', fields: s('id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier'), foreignKeys: { organization_id: 'organization' } },
  { name: 'taxonomy', path: 'taxonomies.csv', fields: s('id', 'name', 'description', 'uri', 'version'), foreignKeys: {} },
  // HSDS 3.1 (branch 3.1-dev): capacity
  {
    name: 'service_capacity',
    path: 'service_capacity.csv',
    fields: [...s('id', 'service_id', 'unit_id'), ['available', 'number'], ['maximum', 'number'], ...s('description'), ['updated', 'datetime']],
    foreignKeys: { service_id: 'service', unit_id: 'unit' },
  },
  { name: 'unit', path: 'units.csv', fields: s('id', 'name', 'scheme', 'identifier', 'uri'), foreignKeys: {} },
];

export const HSDS_TABLE = Object.fromEntries(HSDS_TABLES.map((t) => [t.name, t])) as Record<string, TableDefinition>;

/** One CSV field (RFC 4180): quoted when it holds a separator, a quote, a line break or edge spaces. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** The Frictionless descriptor of the package Lotse writes. */
export function datapackageDescriptor(created: Date): Record<string, unknown> {
  return {
    name: 'lotse-hsds',
    title: 'Lotse: Netzwerkpartner und Angebote (HSDS 3.0)',
    description:
      'Was das Lotse-Verzeichnis zeigt, als Open Referral HSDS 3.0 Tabular Data Package; Kapazitäten als HSDS 3.1 service_capacity. Taxonomien: die Lotse-Vokabulare (Bedarfe, Angebotsarten, …).',
    profile: 'tabular-data-package',
    version: '3.0.0',
    homepage: 'http://docs.openreferral.org',
    created: created.toISOString(),
    resources: HSDS_TABLES.map((t) => ({
      name: t.name,
      path: t.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
      schema: {
        primaryKey: 'id',
        fields: t.fields.map(([name, type]) => ({ name, type, ...(type === 'string' && (name === 'id' || name.endsWith('_id')) ? { format: 'uuid' } : {}) })),
        foreignKeys: Object.entries(t.foreignKeys).map(([field, resource]) => ({ fields: field, reference: { resource, fields: 'id' } })),
      },
    })),
  };
}
