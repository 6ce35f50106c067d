import { CostType, languageNameDe } from '@lotse/catalogue';
import { AreaNames } from '../area-names';
import { FullServiceRow, LocationRow, OrganizationRow } from '../catalogue-rows';
import { coordinate } from '../hsds/hsds.mapper';
import { IDENTIFIER_SYSTEMS } from '../identifiers';
import { COST_TYPE_LABELS_DE, INSURANCE_REQUIREMENT_LABELS_DE, lotseTaxonomyTerm, LotseVocabulary, taxonomyUri } from '../vocabulary/lotse-taxonomies';

/**
 * Lotse's catalogue as FHIR R4 directory resources (Organization, Location, HealthcareService).
 * Codes are Lotse's vocabularies with their taxonomy URIs as code systems (the same terms as the HSDS
 * export); identifiers carry the German naming systems; capacity is the SDOH Clinical Care (Gravity
 * Project) capacity-status extension; service areas, which FHIR can only reference as Locations,
 * are named in `coverageArea` displays.
 */
type Resource = Record<string, any>;

export const FHIR_VERSION = '4.0.1';
export const CAPACITY_STATUS_EXTENSION = 'http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ExtensionHealthcareServiceCapacityStatus';
export const CAPACITY_STATUS_SYSTEM = 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';
export const LOCATION_DISTANCE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/location-distance';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** identifier types of the German base profiles, beside the naming system */
const IDENTIFIER_TYPES: Record<string, { system: string; code: string }> = {
  IK: { system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'XX' },
  BSNR: { system: 'http://fhir.de/CodeSystem/identifier-type-de-basis', code: 'BSNR' },
  LANR: { system: 'http://fhir.de/CodeSystem/identifier-type-de-basis', code: 'LANR' },
};

const PROVISION: Record<string, string> = {
  [CostType.FREE]: 'free',
  [CostType.STATUTORY_INSURANCE]: 'free',
  [CostType.INSURER_SUBSIDISED]: 'disc',
  [CostType.FEE]: 'cost',
};

const iso = (value: Date | string) => new Date(value).toISOString();

export function lotseCoding(vocabulary: LotseVocabulary, code: string): { system: string; code: string; display?: string } {
  const term = lotseTaxonomyTerm(vocabulary, code);
  return term ? { system: taxonomyUri(vocabulary), code, display: term.name } : { system: taxonomyUri(vocabulary), code };
}

const concept = (vocabulary: LotseVocabulary, code: string) => ({ coding: [lotseCoding(vocabulary, code)] });

function telecomOf(phones: { number: string; label?: string }[], email?: string | null, website?: string | null): Resource[] {
  return [
    ...phones.map((p) => ({ system: 'phone', value: p.number, use: 'work' })),
    ...(email ? [{ system: 'email', value: email, use: 'work' }] : []),
    ...(website ? [{ system: 'url', value: website, use: 'work' }] : []),
  ];
}

export function organizationResource(o: OrganizationRow): Resource {
  const telecom = telecomOf(o.phones, o.email, o.website);
  return {
    resourceType: 'Organization',
    id: o.id,
    meta: { lastUpdated: iso(o.updated_at) },
    identifier: o.identifiers
      .filter((i) => IDENTIFIER_SYSTEMS[i.scheme])
      .map((i) => ({
        use: 'official',
        ...(IDENTIFIER_TYPES[i.scheme] ? { type: { coding: [IDENTIFIER_TYPES[i.scheme]] } } : {}),
        system: IDENTIFIER_SYSTEMS[i.scheme].system,
        value: i.value,
      })),
    active: true,
    type: [concept('organization_kind', o.kind)],
    name: o.name,
    ...(telecom.length ? { telecom } : {}),
  };
}

export function locationResource(l: LocationRow): Resource {
  const telecom = telecomOf(l.phones ?? []);
  return {
    resourceType: 'Location',
    id: l.id,
    meta: { lastUpdated: iso(l.updated_at) },
    status: 'active',
    name: l.name ?? `${l.street}, ${l.postcode} ${l.town}`,
    mode: 'instance',
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PROFF', display: 'Provider\'s Office' }] }],
    ...(telecom.length ? { telecom } : {}),
    address: { use: 'work', type: 'physical', line: [l.street], city: l.town, postalCode: l.postcode, country: 'DE' },
    physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'bu', display: 'Building' }] },
    position: { longitude: coordinate(l.longitude), latitude: coordinate(l.latitude) },
    managingOrganization: { reference: `Organization/${l.organization_id}` },
  };
}

/** Weekly hours with the same opening and closing time on several days become one entry. */
function availableTime(s: FullServiceRow): Resource[] {
  const groups = new Map<string, { days: string[]; start: string; end: string }>();
  for (const h of s.opening_hours) {
    const key = `${h.opens_at}-${h.closes_at}`;
    const group = groups.get(key) ?? { days: [], start: h.opens_at, end: h.closes_at };
    group.days.push(DAYS[h.weekday - 1]);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ daysOfWeek: g.days, availableStartTime: g.start, availableEndTime: g.end }));
}

/** The capacity-status extension: takes new clients or not, with free places and waiting time as a note. */
export function capacityExtension(s: FullServiceRow): Resource {
  const notes = [
    s.accepting_new_clients ? 'Nimmt neue Klientinnen und Klienten auf' : 'Nimmt derzeit keine neuen Klientinnen und Klienten auf',
    s.free_seats !== null ? `${s.free_seats} freie Plätze` : null,
    s.waiting_days !== null ? `Wartezeit etwa ${s.waiting_days} ${s.waiting_days === 1 ? 'Tag' : 'Tage'}` : null,
    ...s.sessions.map((c) => `Kurs ab ${c.starts_on}: ${c.free_seats} von ${c.seats} Plätzen frei`),
    `Stand ${iso(s.capacity_updated_at).slice(0, 10)}`,
  ].filter(Boolean);
  return {
    url: CAPACITY_STATUS_EXTENSION,
    extension: [
      {
        url: 'capacityStatus',
        valueCodeableConcept: {
          coding: [s.accepting_new_clients ? { system: CAPACITY_STATUS_SYSTEM, code: 'capacity', display: 'Has Capacity' } : { system: CAPACITY_STATUS_SYSTEM, code: 'no-capacity', display: 'No Capacity' }],
        },
      },
      { url: 'capacityNotes', valueString: notes.join('; ') },
    ],
  };
}

export function healthcareServiceResource(s: FullServiceRow, areas: AreaNames): Resource {
  const ages = s.min_age !== null || s.max_age !== null ? `Alter ${s.min_age ?? 0}–${s.max_age ?? 'offen'}` : null;
  const eligibilityComment = [ages, s.eligibility_note].filter(Boolean).join('. ');
  const characteristic = [...s.accessibility.map((c) => concept('accessibility', c)), ...s.delivery_modes.map((c) => concept('delivery_mode', c))];
  const courses = s.sessions.map((c) => `Kurs vom ${c.starts_on} bis ${c.ends_on}, ${c.start_time.slice(0, 5)}–${c.end_time.slice(0, 5)} Uhr`);
  return {
    resourceType: 'HealthcareService',
    id: s.id,
    meta: { lastUpdated: iso(s.last_modified) },
    extension: [capacityExtension(s)],
    active: true,
    providedBy: { reference: `Organization/${s.organization_id}`, display: s.organization.name },
    category: [concept('category', s.category)],
    ...(s.needs.length ? { type: s.needs.map((n) => concept('need', n)) } : {}),
    ...(s.specialty ? { specialty: [concept('specialty', s.specialty)] } : {}),
    ...(s.locations.length ? { location: s.locations.map((l) => ({ reference: `Location/${l.id}`, display: l.name ?? l.town })) } : {}),
    name: s.name,
    extraDetails: s.description,
    ...(s.service_area.length ? { coverageArea: s.service_area.map((ags) => ({ display: areas(ags) ? `${areas(ags)!.kind} ${areas(ags)!.name} (AGS ${ags})` : `AGS ${ags}` })) } : {}),
    serviceProvisionCode: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/service-provision-conditions', code: PROVISION[s.cost_type] ?? 'cost' }],
        text: [COST_TYPE_LABELS_DE[s.cost_type as CostType] ?? s.cost_type, s.fee_amount !== null ? `${Number(s.fee_amount).toFixed(2).replace('.', ',')} €` : null, s.cost_note].filter(Boolean).join(', '),
      },
    ],
    eligibility: [
      {
        code: { ...concept('insurance_requirement', s.insurance_requirement), text: INSURANCE_REQUIREMENT_LABELS_DE[s.insurance_requirement as keyof typeof INSURANCE_REQUIREMENT_LABELS_DE] ?? s.insurance_requirement },
        ...(eligibilityComment ? { comment: eligibilityComment } : {}),
      },
    ],
    ...(characteristic.length ? { characteristic } : {}),
    ...(s.languages.length ? { communication: s.languages.map((code) => ({ coding: [{ system: 'urn:ietf:bcp:47', code, display: languageNameDe(code) }] })) } : {}),
    ...(s.opening_hours.length ? { availableTime: availableTime(s) } : {}),
    ...(courses.length ? { availabilityExceptions: courses.join('; ') } : {}),
  };
}

/** What this server does (GET /fhir/metadata). */
export function capabilityStatement(base: string, date: Date): Resource {
  const common = [
    { name: '_id', type: 'token', documentation: 'Logische Id' },
    { name: '_lastUpdated', type: 'date', documentation: 'Zuletzt geändert: eq, ge, gt, le, lt; mehrfach für einen Zeitraum' },
  ];
  const resource = (type: string, searchParam: Resource[]) => ({
    type,
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    versioning: 'no-version',
    readHistory: false,
    searchParam: [...common, ...searchParam],
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: date.toISOString(),
    publisher: 'Lotse',
    kind: 'instance',
    software: { name: 'Lotse' },
    implementation: { description: 'Lotse: Verzeichnis der Netzwerkpartner (nur lesend, was das Verzeichnis zeigt)', url: base },
    fhirVersion: FHIR_VERSION,
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Lesen ohne Anmeldung nur, wenn PUBLIC_READ_ACCESS gesetzt ist; sonst Authorization: Bearer <Token>. Seiten mit _count (höchstens 200) und den Links der Bundles.',
        security: { cors: true, description: 'Bearer-Token aus der Lotse-Anmeldung (GraphQL login)' },
        resource: [
          resource('Organization', [
            { name: 'name', type: 'string', documentation: 'Name enthält' },
            { name: 'identifier', type: 'token', documentation: 'IK (http://fhir.de/sid/arge-ik/iknr) oder BSNR (https://fhir.kbv.de/NamingSystem/KBV_NS_Base_BSNR): system|value' },
          ]),
          resource('Location', [
            { name: 'organization', type: 'reference' },
            { name: 'address-postalcode', type: 'string' },
            { name: 'near', type: 'special', documentation: 'lat|lon|distance|units (units km oder m, Standard km); sortiert nach Entfernung, die Entfernung steht in Bundle.entry.search' },
          ]),
          resource('HealthcareService', [
            { name: 'organization', type: 'reference' },
            { name: 'location', type: 'reference' },
            { name: 'service-category', type: 'token', documentation: `${taxonomyUri('category')}|<code>` },
            { name: 'service-type', type: 'token', documentation: `Bedarf: ${taxonomyUri('need')}|<code>` },
            { name: 'name', type: 'string' },
          ]),
        ],
      },
    ],
  };
}
