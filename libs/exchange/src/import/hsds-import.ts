import { CostType, DeliveryMode, IdentifierScheme, InsuranceRequirement, OrganizationKind, ServiceCategory } from '@lotse/catalogue';
import { normalizePostcode } from '@lotse/geo';
import { schemeOfSystem } from '../identifiers';
import { ForeignTerm, lotseTermById, serviceTermsOf } from '../vocabulary/lotse-taxonomies';
import { HsdsGraph, Located } from './hsds-read';
import { ImportDocument, ImportFormat, ImportLocation, ImportOrganization, ImportProblem, ImportService, ProblemCode } from './import.types';
import { CATEGORY_OF_KIND, KIND_OF_CATEGORY, languageOf, weekdayOf } from './vocabulary';

type Json = Record<string, any>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+?[0-9][0-9 ()/-]{4,30}$/;
const GERMANY = new Set(['de', 'deu', 'germany', 'deutschland']);

const text = (v: unknown): string | null => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim());
const hhmm = (v: unknown): string | null => {
  const m = /^(\d{1,2}):(\d{2})/.exec(String(v ?? ''));
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? `${m[1].padStart(2, '0')}:${m[2]}` : null;
};
const isoDate = (v: unknown): string | null => {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(v ?? ''));
  return m ? m[1] : null;
};

/** "7 Tage", "2 Wochen", "14 days", "3 weeks", "5" → days; null when no duration can be read. */
export function waitingDaysOf(value: unknown): number | null {
  const t = String(value ?? '').toLowerCase();
  const m = /(\d+)\s*(tag|tage|day|days|woche|wochen|week|weeks|monat|monate|month|months)?\b/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? 'tag';
  const days = /^(woche|week)/.test(unit) ? n * 7 : /^(monat|month)/.test(unit) ? n * 30 : n;
  return days <= 730 ? days : null;
}

/**
 * An HSDS 3.0 document in Lotse's terms. Lotse's own terms (attributes from a Lotse export, or
 * terms named by code, label or a known term of another taxonomy — see `lotseTermOf`) give needs,
 * category, specialty, accessibility, delivery modes, cost, insurance and intake; a term that
 * means nothing here is reported as a warning and ignored. A service without a category term gets
 * the usual category of its organisation's kind (a warning says so). Locations need a German
 * address; coordinates in Germany are kept, others are geocoded from the address.
 */
export function hsdsDocument(graph: HsdsGraph, format: ImportFormat.HSDS_JSON | ImportFormat.HSDS_DATAPACKAGE): ImportDocument {
  const problems: ImportProblem[] = [];
  const warn = (path: string, code: ProblemCode, message: string, value?: unknown) =>
    problems.push({ severity: 'warning', code, where: path, path, message, value: value === undefined || value === null ? undefined : String(value) });
  const fail = (path: string, code: ProblemCode, message: string, value?: unknown) =>
    problems.push({ severity: 'error', code, where: path, path, message, value: value === undefined || value === null ? undefined : String(value) });
  const doc: ImportDocument = {
    format, organizations: [], locations: [], services: [], problems, records: graph.services.size + (graph.services.size === 0 ? graph.organizations.size : 0),
    listed: { organizations: new Set(), locations: new Set(), services: new Set() },
  };
  for (const u of graph.unknown) warn(u.path, ProblemCode.BAD_FILE, 'Kein HSDS-Objekt (organization, service, service_at_location, location): nicht gelesen.');

  const termOf = (a: Json): ForeignTerm | undefined => {
    if (a.taxonomy_term && typeof a.taxonomy_term === 'object') return a.taxonomy_term;
    const id = text(a.taxonomy_term_id);
    if (!id) return undefined;
    return graph.terms.get(id) ?? (lotseTermById(id) ? { id } : { id, code: text(a.value) });
  };

  /** phones of an organisation or a location; undefined when the object has no `phones` at all */
  const phonesOf = (list: unknown, path: string): { number: string; label?: string }[] | undefined => {
    if (!Array.isArray(list)) return undefined;
    const phones: { number: string; label?: string }[] = [];
    list.forEach((p: Json, i: number) => {
      const number = text(p?.number)?.replace(/["']/g, '').trim();
      const label = text(p?.description);
      if (number && PHONE.test(number)) phones.push({ number, ...(label && label.length <= 100 ? { label } : {}) });
      else warn(`${path}.phones[${i}].number`, ProblemCode.BAD_VALUE, 'Keine Telefonnummer: nicht übernommen.', p?.number);
    });
    return phones;
  };

  // --- organisations ---
  const organizationKind = new Map<string, OrganizationKind | undefined>();
  const organizations = new Map<string, ImportOrganization>();
  for (const [id, { obj: o, path }] of graph.organizations) {
    doc.listed.organizations.add(id);
    const name = text(o.name);
    if (!name) {
      fail(`${path}.name`, ProblemCode.MISSING_VALUE, 'Die Organisation hat keinen Namen.');
      continue;
    }
    const terms = serviceTermsOf((Array.isArray(o.attributes) ? o.attributes : []).map(termOf).filter(Boolean) as ForeignTerm[]);
    organizationKind.set(id, terms.organizationKind);
    const identifiers: ImportOrganization['identifiers'] = [];
    (Array.isArray(o.organization_identifiers) ? o.organization_identifiers : []).forEach((x: Json, i: number) => {
      const value = text(x.identifier)?.replace(/\s/g, '');
      const scheme = schemeOfSystem(String(x.identifier_scheme ?? '')) ?? (['IK', 'BSNR', 'LANR'].includes(String(x.identifier_scheme ?? '').toUpperCase()) ? (String(x.identifier_scheme).toUpperCase() as IdentifierScheme) : IdentifierScheme.OTHER);
      if (value && /^[0-9A-Za-z-]{3,30}$/.test(value)) identifiers.push({ scheme, value });
      else warn(`${path}.organization_identifiers[${i}]`, ProblemCode.BAD_VALUE, 'Kennung nicht lesbar (3–30 Buchstaben, Ziffern, Bindestriche): nicht übernommen.', x.identifier);
    });
    const phones = phonesOf(o.phones, path) ?? [];
    const website = text(o.website) ?? text(o.url);
    if (website && !/^https?:\/\/\S+$/.test(website)) warn(`${path}.website`, ProblemCode.BAD_VALUE, 'Webseite ohne http(s)://: nicht übernommen.', website);
    const email = text(o.email);
    organizations.set(id, {
      externalId: id, name: name.slice(0, 300), kind: terms.organizationKind ?? OrganizationKind.OTHER, identifiers,
      website: website && /^https?:\/\/\S+$/.test(website) ? website : null, email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null, phones,
      preferredId: UUID.test(id) ? id.toLowerCase() : undefined, ref: { path },
    });
  }

  // --- locations ---
  const locations = new Map<string, ImportLocation>();
  const locationOrganization = new Map<string, string>();
  for (const [id, { obj: l, path }] of graph.locations) {
    doc.listed.locations.add(id);
    if (String(l.location_type ?? 'physical') === 'virtual') continue;
    const addresses: Json[] = Array.isArray(l.addresses) ? l.addresses : [];
    const index = Math.max(0, addresses.findIndex((a) => a.address_type === 'physical'));
    const address = addresses[index];
    const at = `${path}.addresses[${index}]`;
    if (!address) {
      fail(`${path}.addresses`, ProblemCode.MISSING_VALUE, 'Der Standort hat keine Anschrift.');
      continue;
    }
    const country = text(address.country);
    if (country && !GERMANY.has(country.toLowerCase())) {
      fail(`${at}.country`, ProblemCode.ADDRESS_NOT_FOUND, `Der Standort liegt nicht in Deutschland (${country}): Lotse führt Standorte in Deutschland.`, country);
      continue;
    }
    const postcode = normalizePostcode(text(address.postal_code));
    if (!postcode) {
      fail(`${at}.postal_code`, ProblemCode.BAD_POSTCODE, 'Keine fünfstellige Postleitzahl.', address.postal_code);
      continue;
    }
    const street = text(address.address_1);
    const town = text(address.city);
    if (!street || !town) {
      fail(`${at}.${street ? 'city' : 'address_1'}`, ProblemCode.MISSING_VALUE, street ? 'Der Ort fehlt.' : 'Straße und Hausnummer fehlen.');
      continue;
    }
    let latitude = typeof l.latitude === 'number' ? l.latitude : null;
    let longitude = typeof l.longitude === 'number' ? l.longitude : null;
    if (latitude !== null && longitude !== null && !(latitude >= 47 && latitude <= 55.1 && longitude >= 5.8 && longitude <= 15.1)) {
      warn(`${path}.latitude`, ProblemCode.BAD_VALUE, 'Koordinaten liegen nicht in Deutschland: der Punkt wird aus der Anschrift bestimmt.', `${latitude}, ${longitude}`);
      latitude = longitude = null;
    }
    if ((latitude === null) !== (longitude === null)) latitude = longitude = null;
    const organizationId = text(l.organization_id);
    if (organizationId) locationOrganization.set(id, organizationId);
    locations.set(id, {
      externalId: id, organizationExternalId: organizationId ?? '', name: text(l.name)?.slice(0, 300) ?? null, street: street.slice(0, 300), postcode, town: town.slice(0, 200),
      latitude, longitude, phones: phonesOf(l.phones, path), preferredId: UUID.test(id) ? id.toLowerCase() : undefined, ref: { path },
    });
  }

  // --- services ---
  const pairsOf = new Map<string, { locationId: string; path: string }[]>();
  for (const p of graph.pairs) {
    const list = pairsOf.get(p.serviceId);
    if (list) list.push({ locationId: p.locationId, path: p.path });
    else pairsOf.set(p.serviceId, [{ locationId: p.locationId, path: p.path }]);
  }
  for (const [id, located] of graph.services) {
    const service = serviceOf(id, located);
    if (service) doc.services.push(service);
  }

  function serviceOf(id: string, { obj: s, path }: Located): ImportService | undefined {
    const status = String(s.status ?? 'active');
    if (status === 'inactive' || status === 'defunct') {
      warn(`${path}.status`, ProblemCode.BAD_VALUE, `Angebot ist „${status}“: nicht importiert (ein vollständiger Import nimmt es heraus).`, status);
      return undefined;
    }
    doc.listed.services.add(id);
    const name = text(s.name);
    if (!id || !name) {
      fail(`${path}.${id ? 'name' : 'id'}`, ProblemCode.MISSING_VALUE, id ? 'Das Angebot hat keinen Namen.' : 'Das Angebot hat keine id.');
      return undefined;
    }
    const organizationId = text(s.organization_id) ?? text(s.organization?.id);
    const organization = organizationId ? organizations.get(organizationId) : undefined;
    if (!organization) {
      fail(`${path}.organization_id`, ProblemCode.BAD_REFERENCE, organizationId ? `Die Organisation ${organizationId} fehlt oder wurde nicht übernommen.` : 'Das Angebot nennt keine Organisation.', organizationId);
      return undefined;
    }
    const attributes: Json[] = Array.isArray(s.attributes) ? s.attributes : [];
    const located = attributes.map((a, i) => ({ term: termOf(a), path: `${path}.attributes[${i}]` }));
    const terms = serviceTermsOf(located.filter((t) => t.term).map((t) => ({ ...t.term!, __path: t.path })) as (ForeignTerm & { __path: string })[]);
    for (const unknown of terms.unknown) {
      warn(unknown.__path, ProblemCode.UNKNOWN_TERM, `Begriff „${unknown.name ?? unknown.code ?? unknown.id}“ (${unknown.taxonomy ?? unknown.taxonomy_detail?.name ?? 'unbekannte Taxonomie'}) kennt Lotse nicht: ignoriert.`, unknown.code ?? unknown.name);
    }
    const kind = organizationKind.get(organization.externalId);
    let category = terms.category;
    if (!category) {
      category = kind ? CATEGORY_OF_KIND[kind] : ServiceCategory.SOCIAL_SERVICE;
      warn(`${path}.attributes`, ProblemCode.UNKNOWN_CATEGORY, `Keine Lotse-Angebotsart: „${category}“ angenommen${kind ? ' (nach der Art der Organisation)' : ''}; bitte prüfen.`);
    }
    if (!kind && organization.kind === OrganizationKind.OTHER) organization.kind = KIND_OF_CATEGORY[category];
    if (terms.needs.length === 0) warn(`${path}.attributes`, ProblemCode.UNKNOWN_NEED, 'Kein Lotse-Bedarf: das Angebot wird gefunden, aber erst nach Zuordnung eines Bedarfs vermittelt.');

    const languages: string[] = [];
    (Array.isArray(s.languages) ? s.languages : []).forEach((l: Json, i: number) => {
      const code = languageOf(String(l.code ?? l.name ?? ''));
      if (code) { if (!languages.includes(code)) languages.push(code); }
      else warn(`${path}.languages[${i}]`, ProblemCode.BAD_VALUE, 'Sprache unbekannt: ignoriert.', l.code ?? l.name);
    });
    let minAge = typeof s.minimum_age === 'number' && s.minimum_age >= 0 && s.minimum_age <= 120 ? Math.round(s.minimum_age) : null;
    let maxAge = typeof s.maximum_age === 'number' && s.maximum_age >= 0 && s.maximum_age <= 120 ? Math.round(s.maximum_age) : null;
    if (minAge !== null && maxAge !== null && minAge > maxAge) {
      warn(`${path}.maximum_age`, ProblemCode.BAD_VALUE, 'Höchstalter unter Mindestalter: beide ignoriert.');
      minAge = maxAge = null;
    }

    // cost: the term, else a fee in euros means a fee
    const costs: Json[] = Array.isArray(s.cost_options) ? s.cost_options : [];
    const fee = costs.find((c) => typeof c.amount === 'number' && (!c.currency || c.currency === 'EUR'));
    const costType = terms.costType ?? (fee && fee.amount > 0 ? CostType.FEE : CostType.FREE);
    const costNote = text(s.fees_description) ?? text(costs[0]?.amount_description);

    // capacities (HSDS 3.1): the service's free places; a course run's seats by its schedule id
    const capacities: Json[] = Array.isArray(s.capacities) ? s.capacities : [];
    const placeCapacity = capacities.find((c) => (c.unit?.identifier ?? c.unit_id) === 'free_places' || c.unit?.identifier === 'free_places');
    const seatCapacity = new Map(capacities.filter((c) => c.unit?.identifier === 'course_seats').map((c) => [String(c.id), c]));

    const openingHours: ImportService['openingHours'] = [];
    const sessions: ImportService['sessions'] = [];
    (Array.isArray(s.schedules) ? s.schedules : []).forEach((x: Json, i: number) => {
      const opensAt = hhmm(x.opens_at);
      const closesAt = hhmm(x.closes_at);
      const days = String(x.byday ?? '').split(',').map((d) => weekdayOf(d.trim())).filter((d): d is number => !!d);
      if (!opensAt || !closesAt || opensAt >= closesAt || days.length === 0 || (x.freq && String(x.freq).toUpperCase() !== 'WEEKLY')) {
        warn(`${path}.schedules[${i}]`, ProblemCode.BAD_VALUE, 'Zeitplan nicht als wöchentliche Zeiten lesbar (freq WEEKLY, byday, opens_at, closes_at): ignoriert.');
        return;
      }
      const startsOn = isoDate(x.valid_from ?? x.dtstart);
      const endsOn = isoDate(x.valid_to ?? x.until);
      if (category === ServiceCategory.COURSE && startsOn && endsOn && days.length === 1) {
        const seats = seatCapacity.get(String(x.id));
        const total = typeof seats?.maximum === 'number' ? seats.maximum : typeof seats?.available === 'number' ? seats.available : 0;
        sessions.push({
          startsOn, endsOn, weekday: days[0], startTime: opensAt, endTime: closesAt, seats: total,
          freeSeats: Math.min(typeof seats?.available === 'number' ? seats.available : total, total), externalId: text(x.id) ?? undefined,
        });
        return;
      }
      for (const weekday of days) if (!openingHours.some((h) => h.weekday === weekday && h.opensAt < closesAt && opensAt < h.closesAt)) openingHours.push({ weekday, opensAt, closesAt });
    });
    openingHours.sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));

    const waitingDays = s.wait_time === undefined || s.wait_time === null ? null : waitingDaysOf(s.wait_time);
    if (s.wait_time && waitingDays === null) warn(`${path}.wait_time`, ProblemCode.BAD_VALUE, 'Wartezeit nicht lesbar (z. B. „14 Tage“): ignoriert.', s.wait_time);

    // the capacity's time: the latest `updated` of its capacities (never later than now)
    const stamps = capacities.map((c) => Date.parse(String(c.updated ?? ''))).filter((t) => Number.isFinite(t));
    const capacityUpdatedAt = stamps.length ? new Date(Math.min(Math.max(...stamps), Date.now())).toISOString() : null;

    // service areas: districts and municipalities by AGS (`extent`, as Lotse exports them); anything else is reported
    let serviceArea: string[] | undefined;
    if (Array.isArray(s.service_areas)) {
      serviceArea = [];
      s.service_areas.forEach((a: Json, i: number) => {
        const ags = [text(a?.extent), text(a?.name)].find((v) => v && /^\d{5}(\d{3})?$/.test(v));
        if (ags) { if (!serviceArea!.includes(ags)) serviceArea!.push(ags); }
        else warn(`${path}.service_areas[${i}]`, ProblemCode.BAD_VALUE, 'Einzugsgebiet nicht als Kreis- oder Gemeindeschlüssel (AGS) lesbar: ignoriert.', a?.extent ?? a?.name);
      });
    }

    const locationIds: string[] = [];
    const pairs = pairsOf.get(id) ?? [];
    for (const pair of pairs) {
      const location = locations.get(pair.locationId);
      if (!location) {
        if (!graph.locations.has(pair.locationId)) warn(pair.path, ProblemCode.BAD_REFERENCE, `Standort ${pair.locationId} fehlt im Dokument: Verknüpfung nicht übernommen.`);
        continue;
      }
      if (!location.organizationExternalId) location.organizationExternalId = organization.externalId;
      if (location.organizationExternalId !== organization.externalId) {
        warn(pair.path, ProblemCode.BAD_REFERENCE, 'Der Standort gehört zu einer anderen Organisation: Verknüpfung nicht übernommen.');
        continue;
      }
      if (!locationIds.includes(location.externalId)) locationIds.push(location.externalId);
    }

    if (pairs.some((p) => graph.locations.has(p.locationId)) && locationIds.length === 0) {
      fail(`${path}.service_at_locations`, ProblemCode.BAD_REFERENCE, `Angebot „${name}“ nicht importiert: keiner seiner Standorte ist gültig.`);
      return undefined;
    }
    return {
      externalId: id, organizationExternalId: organization.externalId, locationExternalIds: locationIds,
      name: name.slice(0, 300), description: (text(s.description) ?? '').slice(0, 5000), category, specialty: (terms.specialty as ImportService['specialty']) ?? null,
      needs: terms.needs, minAge, maxAge, insuranceRequirement: terms.insuranceRequirement ?? InsuranceRequirement.NONE,
      eligibilityNote: text(s.eligibility_description)?.slice(0, 1000) ?? null, languages: languages.length ? languages : ['de'],
      accessibility: terms.accessibility, deliveryModes: terms.deliveryModes.length ? terms.deliveryModes : [DeliveryMode.IN_PERSON],
      costType, feeAmountEuro: fee && fee.amount > 0 ? fee.amount : null, costNote: costNote?.slice(0, 1000) ?? null,
      acceptingNewClients: terms.acceptingNewClients ?? true,
      freeSeats: typeof placeCapacity?.available === 'number' && placeCapacity.available >= 0 ? Math.round(placeCapacity.available) : null,
      waitingDays, openingHours, sessions, serviceArea, capacityUpdatedAt, assuredDate: isoDate(s.assured_date),
      preferredId: UUID.test(id) ? id.toLowerCase() : undefined, ref: { path },
    };
  }

  // locations that belong to no organisation of the document are refused; the others are kept
  for (const location of locations.values()) {
    if (!location.organizationExternalId) location.organizationExternalId = locationOrganization.get(location.externalId) ?? '';
    if (!organizations.has(location.organizationExternalId)) {
      warn(location.ref.path!, ProblemCode.BAD_REFERENCE, 'Der Standort gehört zu keiner Organisation des Dokuments: nicht übernommen.');
      continue;
    }
    doc.locations.push(location);
  }
  doc.organizations = [...organizations.values()];
  return doc;
}
