import { languageNameDe } from '@lotse/catalogue';
import { AreaNames } from '../area-names';
import { CourseSessionRow, FullServiceRow, LocationRow, OrganizationRow, ServiceRow } from '../catalogue-rows';
import { derivedId, serviceAtLocationId } from '../ids';
import { IDENTIFIER_SYSTEMS } from '../identifiers';
import {
  COST_TYPE_LABELS_DE,
  HsdsTaxonomyTerm,
  lotseTaxonomy,
  lotseTaxonomyTerm,
  LotseVocabulary,
  termsOfService,
} from '../vocabulary/lotse-taxonomies';

/**
 * Lotse's catalogue as HSDS 3.0 objects. What maps where (README "HSDS 3.0"):
 * - organisation → `organization` (+ `organization_identifiers` with the naming system's URI as
 *   scheme, `phones`, its kind as an attribute); a location → `location` with one physical `address`;
 * - service → `service`: ages, eligibility note, cost note and fee (`cost_options`), waiting time,
 *   languages, weekly hours and course runs (`schedules`), every Lotse term as an `attribute`, and
 *   free seats as HSDS 3.1 `capacities` (`service_capacity` with its `unit`).
 * Objects Lotse keeps as values get name-based ids (ids.ts); a course run keeps its own id for its
 * schedule and its capacity, so a reader can pair them.
 */

type Json = Record<string, unknown>;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAY_NAMES_DE = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

/** Units of the capacities Lotse reports (HSDS 3.1 `unit`). */
export const CAPACITY_UNITS = {
  places: { id: derivedId('unit', 'free_places'), name: 'Freie Plätze', scheme: 'lotse', identifier: 'free_places' },
  courseSeats: { id: derivedId('unit', 'course_seats'), name: 'Kursplätze', scheme: 'lotse', identifier: 'course_seats' },
} as const;

/**
 * Coordinates to 6 decimals (about 0.1 m), as the import keeps them: a point read back from the
 * database as 51.317499999999995 is exported as 51.3175, and an export → import → export round trip
 * gives the same number.
 */
export const coordinate = (value: number | string) => Math.round(Number(value) * 1e6) / 1e6;
/** 'HH:MM' of an 'HH:MM:SS' time, for German text */
const hm = (time: string) => time.slice(0, 5);
const iso = (value: Date | string): string => new Date(value).toISOString();
const dateOnly = (value: Date | string): string => iso(value).slice(0, 10);
/** HSDS omits what is unknown rather than sending null. */
function compact<T extends Json>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === null || object[key] === undefined) delete object[key];
  return object;
}

export function taxonomyTermJson(term: HsdsTaxonomyTerm & { vocabulary?: LotseVocabulary }, withDetail = false): Json {
  const { vocabulary, ...rest } = term;
  const json: Json = compact({ ...rest });
  if (withDetail && vocabulary) {
    const { vocabulary: _v, ...taxonomy } = lotseTaxonomy(vocabulary);
    json.taxonomy_detail = taxonomy;
  }
  return json;
}

function attribute(linkId: string, linkType: string, term: HsdsTaxonomyTerm & { vocabulary: LotseVocabulary }): Json {
  return {
    id: derivedId('attribute', linkId, term.id),
    link_id: linkId,
    taxonomy_term_id: term.id,
    link_type: linkType,
    link_entity: linkType,
    value: term.code,
    taxonomy_term: taxonomyTermJson(term, true),
  };
}

export function organizationListJson(o: OrganizationRow): Json {
  return compact({
    id: o.id,
    name: o.name,
    description: lotseTaxonomyTerm('organization_kind', o.kind)?.name ?? o.kind,
    email: o.email,
    website: o.website,
  });
}

export function organizationIdentifiersJson(o: OrganizationRow): Json[] {
  return o.identifiers.map((identifier, i) =>
    compact({
      id: derivedId('organization_identifier', o.id, i),
      organization_id: o.id,
      identifier_scheme: IDENTIFIER_SYSTEMS[identifier.scheme]?.system ?? identifier.scheme,
      identifier_type: IDENTIFIER_SYSTEMS[identifier.scheme]?.typeDe ?? identifier.scheme,
      identifier: identifier.value,
    }),
  );
}

export function organizationPhonesJson(o: OrganizationRow): Json[] {
  return o.phones.map((phone, i) => compact({ id: derivedId('phone', o.id, i), organization_id: o.id, number: phone.number, description: phone.label }));
}

export function organizationJson(o: OrganizationRow, locations: LocationRow[], services: Json[]): Json {
  const kind = lotseTaxonomyTerm('organization_kind', o.kind);
  return {
    ...organizationListJson(o),
    phones: organizationPhonesJson(o),
    locations: locations.map(locationJson),
    organization_identifiers: organizationIdentifiersJson(o),
    attributes: kind ? [attribute(o.id, 'organization', kind)] : [],
    services,
  };
}

export function addressJson(l: LocationRow): Json {
  return {
    id: derivedId('address', l.id),
    location_id: l.id,
    address_1: l.street,
    city: l.town,
    state_province: 'Sachsen',
    postal_code: l.postcode,
    country: 'DE',
    address_type: 'physical',
  };
}

export function locationListJson(l: LocationRow): Json {
  return compact({
    id: l.id,
    location_type: 'physical',
    organization_id: l.organization_id,
    name: l.name,
    latitude: coordinate(l.latitude),
    longitude: coordinate(l.longitude),
    // the municipality's official key, so German readers can place the location without geocoding
    external_identifier: l.municipality_ags,
    external_identifier_type: l.municipality_ags ? 'AGS' : null,
  });
}

export function locationPhonesJson(l: LocationRow): Json[] {
  return (l.phones ?? []).map((phone, i) => compact({ id: derivedId('phone', l.id, i), location_id: l.id, number: phone.number, description: phone.label }));
}

export function locationJson(l: LocationRow): Json {
  return { ...locationListJson(l), addresses: [addressJson(l)], phones: locationPhonesJson(l) };
}

/**
 * HSDS `service_area`s: the districts and municipalities (by AGS) an outreach or online service
 * serves. `extent` holds the AGS (`extent_type` "text", as HSDS allows for codes), so a reader can key
 * on the official code; the name is the area's German name.
 */
export function serviceAreasJson(s: ServiceRow, areas: AreaNames): Json[] {
  return s.service_area.map((ags) => {
    const area = areas(ags);
    return compact({
      id: derivedId('service_area', s.id, ags),
      service_id: s.id,
      name: area?.name ?? ags,
      description: area ? `${area.kind} ${area.name} (AGS ${ags})` : `AGS ${ags}`,
      extent: ags,
      extent_type: 'text',
    });
  });
}

export function serviceListJson(s: ServiceRow): Json {
  return compact({
    id: s.id,
    organization_id: s.organization_id,
    name: s.name,
    description: s.description,
    status: 'active',
    fees_description: s.cost_note,
    wait_time: s.waiting_days === null ? null : s.waiting_days === 1 ? '1 Tag' : `${s.waiting_days} Tage`,
    eligibility_description: s.eligibility_note,
    minimum_age: s.min_age,
    maximum_age: s.max_age,
    assured_date: s.verified_at ? dateOnly(s.verified_at) : null,
    last_modified: iso(s.last_modified),
    organization: organizationListJson(s.organization),
  });
}

function hours(s: FullServiceRow): Json[] {
  return s.opening_hours.map((h) => ({
    id: derivedId('schedule', s.id, h.weekday, h.opens_at, h.closes_at),
    service_id: s.id,
    freq: 'WEEKLY',
    wkst: 'MO',
    interval: 1,
    byday: WEEKDAYS[h.weekday - 1],
    opens_at: h.opens_at,
    closes_at: h.closes_at,
    description: `${WEEKDAY_NAMES_DE[h.weekday - 1]} ${hm(h.opens_at)}–${hm(h.closes_at)} Uhr`,
  }));
}

function courseRun(s: FullServiceRow, c: CourseSessionRow): Json {
  return {
    id: c.id,
    service_id: s.id,
    valid_from: c.starts_on,
    valid_to: c.ends_on,
    dtstart: c.starts_on,
    until: c.ends_on,
    freq: 'WEEKLY',
    wkst: 'MO',
    interval: 1,
    byday: WEEKDAYS[c.weekday - 1],
    opens_at: c.start_time,
    closes_at: c.end_time,
    description: `Kurs vom ${c.starts_on} bis ${c.ends_on}, ${WEEKDAY_NAMES_DE[c.weekday - 1]}s ${hm(c.start_time)}–${hm(c.end_time)} Uhr, ${c.seats} Plätze`,
  };
}

/** HSDS 3.1 `service_capacity` objects: the service's free places, then each course run's seats. */
export function capacitiesJson(s: FullServiceRow): Json[] {
  const capacities: Json[] = [];
  if (s.free_seats !== null || !s.accepting_new_clients) {
    capacities.push({
      id: derivedId('service_capacity', s.id),
      service_id: s.id,
      unit: CAPACITY_UNITS.places,
      unit_id: CAPACITY_UNITS.places.id,
      available: s.free_seats ?? 0,
      description: s.accepting_new_clients ? 'Freie Plätze für neue Klientinnen und Klienten' : 'Nimmt derzeit keine neuen Klientinnen und Klienten auf',
      updated: iso(s.capacity_updated_at),
    });
  }
  for (const c of s.sessions) {
    capacities.push({
      id: c.id,
      service_id: s.id,
      unit: CAPACITY_UNITS.courseSeats,
      unit_id: CAPACITY_UNITS.courseSeats.id,
      available: c.free_seats,
      maximum: c.seats,
      description: `Freie Plätze im Kurs vom ${c.starts_on} bis ${c.ends_on}`,
      updated: iso(s.capacity_updated_at),
    });
  }
  return capacities;
}

export function costOptionsJson(s: ServiceRow): Json[] {
  return [
    compact({
      id: derivedId('cost_option', s.id),
      service_id: s.id,
      option: COST_TYPE_LABELS_DE[s.cost_type as keyof typeof COST_TYPE_LABELS_DE] ?? s.cost_type,
      currency: s.fee_amount === null ? null : 'EUR',
      amount: s.fee_amount === null ? null : Number(s.fee_amount),
      amount_description: s.cost_note,
    }),
  ];
}

export function serviceAttributesJson(s: ServiceRow): Json[] {
  return termsOfService({
    category: s.category,
    specialty: s.specialty,
    needs: s.needs,
    accessibility: s.accessibility,
    deliveryModes: s.delivery_modes,
    costType: s.cost_type,
    insuranceRequirement: s.insurance_requirement,
    acceptingNewClients: s.accepting_new_clients,
  }).map((term) => attribute(s.id, 'service', term));
}

export function languagesJson(s: ServiceRow): Json[] {
  return s.languages.map((code) => ({ id: derivedId('language', s.id, code), service_id: s.id, name: languageNameDe(code), code }));
}

export function serviceJson(s: FullServiceRow, areas: AreaNames): Json {
  return {
    ...serviceListJson(s),
    phones: [],
    schedules: [...hours(s), ...s.sessions.map((c) => courseRun(s, c))],
    service_areas: serviceAreasJson(s, areas),
    service_at_locations: s.locations.map((l) => ({ id: serviceAtLocationId(s.id, l.id), service_id: s.id, location_id: l.id, location: locationJson(l) })),
    languages: languagesJson(s),
    cost_options: costOptionsJson(s),
    attributes: serviceAttributesJson(s),
    capacities: capacitiesJson(s),
  };
}

export function serviceAtLocationListJson(service: ServiceRow, location: LocationRow): Json {
  return { id: serviceAtLocationId(service.id, location.id), service_id: service.id, location_id: location.id, location: locationListJson(location), service: serviceListJson(service) };
}

export function serviceAtLocationJson(service: FullServiceRow, location: LocationRow, areas: AreaNames): Json {
  // the nested service does not repeat its services at locations (the schema stops the cycle there)
  const { service_at_locations: _sal, ...nested } = serviceJson(service, areas);
  return { id: serviceAtLocationId(service.id, location.id), service_id: service.id, location_id: location.id, location: locationJson(location), service: nested };
}
