import { CostType, DeliveryMode, IdentifierScheme, InsuranceRequirement, ServiceCategory } from '@lotse/catalogue';
import { normalizePostcode } from '@lotse/geo';
import { ImportDocument, ImportFormat, ImportLocation, ImportOrganization, ImportProblem, ImportService, ProblemCode, spreadsheetWhere } from './import.types';
import { ColumnKey, SPREADSHEET_COLUMNS } from './spreadsheet-columns';
import { SheetText } from './spreadsheet-read';
import {
  accessibilityOf,
  amountOf,
  booleanOf,
  categoryOf,
  costTypeOf,
  dateOf,
  deliveryModeOf,
  fold,
  insuranceOf,
  KIND_OF_CATEGORY,
  languageOf,
  listOf,
  needOf,
  openingHoursOf,
  organizationKindOf,
  specialtyOf,
} from './vocabulary';

const PHONE = /^\+?[0-9][0-9 ()/-]{4,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NINE_DIGITS = /^\d{9}$/;

/** Which column of the sheet holds which field: headings matched by their folded text against heading and aliases. */
function columnMap(headings: string[], problems: ImportProblem[]): Map<ColumnKey, number> {
  const byFolded = new Map<string, ColumnKey>();
  for (const column of SPREADSHEET_COLUMNS) for (const name of [column.heading, ...column.aliases]) byFolded.set(fold(name), column.key);
  const map = new Map<ColumnKey, number>();
  headings.forEach((heading, index) => {
    if (!heading) return;
    const key = byFolded.get(fold(heading));
    if (!key) {
      problems.push({ severity: 'warning', code: ProblemCode.BAD_FILE, ...at(1, heading), message: `Unbekannte Spalte „${heading}“ wird nicht gelesen.`, value: heading });
    } else if (map.has(key)) {
      problems.push({ severity: 'warning', code: ProblemCode.DUPLICATE, ...at(1, heading), message: `Spalte „${heading}“ kommt doppelt vor; die erste wird gelesen.`, value: heading });
    } else {
      map.set(key, index);
    }
  });
  return map;
}

function at(row: number, column?: string): Pick<ImportProblem, 'where' | 'row' | 'column'> {
  return { where: spreadsheetWhere(row, column), row, column };
}

const HEADING = new Map(SPREADSHEET_COLUMNS.map((c) => [c.key, c.heading]));

/**
 * A coordinator's spreadsheet in Lotse's terms: one row per service at a location. Rows of the
 * same organisation (by Träger-ID, else IK, else name) share it; rows of the same service (by
 * Angebots-ID, else organisation and service name) are one service at several locations. Every
 * problem is reported by row and column; a row with an error is left out, the others are kept.
 */
export function spreadsheetDocument(sheet: SheetText, format: ImportFormat.XLSX | ImportFormat.CSV): ImportDocument {
  const problems: ImportProblem[] = [];
  const doc: ImportDocument = {
    format, organizations: [], locations: [], services: [], problems, records: sheet.rows.length,
    listed: { organizations: new Set(), locations: new Set(), services: new Set() },
  };
  const columns = columnMap(sheet.headings, problems);
  const missing = SPREADSHEET_COLUMNS.filter((c) => c.required && !columns.has(c.key));
  if (missing.length > 0) {
    problems.push({
      severity: 'error', code: ProblemCode.BAD_FILE, ...at(1),
      message: `Pflichtspalten fehlen: ${missing.map((c) => `„${c.heading}“`).join(', ')}. Die Vorlage (npm run cli -- import-template) zeigt alle Spalten.`,
    });
    return doc;
  }
  const organizations = new Map<string, ImportOrganization>();
  const locations = new Map<string, ImportLocation>();
  const services = new Map<string, ImportService & { firstRow: number }>();
  const pairs = new Map<string, number>();

  for (const { row, cells } of sheet.rows) {
    const rowProblems: ImportProblem[] = [];
    const cell = (key: ColumnKey) => {
      const index = columns.get(key);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const problem = (key: ColumnKey, code: ProblemCode, message: string, severity: 'error' | 'warning' = 'error') =>
      rowProblems.push({ severity, code, ...at(row, HEADING.get(key)), message, value: cell(key) || undefined });
    const required = (key: ColumnKey) => {
      const value = cell(key);
      if (!value) problem(key, ProblemCode.MISSING_VALUE, `„${HEADING.get(key)}“ fehlt.`);
      return value;
    };
    const integer = (key: ColumnKey, max: number): number | null => {
      const value = cell(key);
      if (!value) return null;
      if (!/^\d+$/.test(value) || Number(value) > max) {
        problem(key, ProblemCode.BAD_VALUE, `„${value}“ ist keine ganze Zahl zwischen 0 und ${max}.`);
        return null;
      }
      return Number(value);
    };
    const list = <T>(key: ColumnKey, read: (text: string) => T | undefined, code: ProblemCode, what: string, fallback: T[]): T[] => {
      const value = cell(key);
      if (!value) return fallback;
      const out: T[] = [];
      for (const part of listOf(value)) {
        const code2 = read(part);
        if (code2 === undefined) problem(key, code, `${what} „${part}“ kennt Lotse nicht.`);
        else if (!out.includes(code2)) out.push(code2);
      }
      return out;
    };

    // --- organisation ---
    const organizationName = required('organizationName');
    const ik = cell('ik').replace(/\s/g, '');
    const bsnr = cell('bsnr').replace(/\s/g, '');
    if (ik && !NINE_DIGITS.test(ik)) problem('ik', ProblemCode.BAD_VALUE, 'Ein IK hat 9 Ziffern.');
    if (bsnr && !NINE_DIGITS.test(bsnr)) problem('bsnr', ProblemCode.BAD_VALUE, 'Eine BSNR hat 9 Ziffern.');
    const website = cell('website');
    if (website && !/^https?:\/\/\S+\.\S+$/.test(website)) problem('website', ProblemCode.BAD_VALUE, 'Die Webseite braucht http:// oder https://.');
    const email = cell('email');
    if (email && !EMAIL.test(email)) problem('email', ProblemCode.BAD_VALUE, `„${email}“ ist keine E-Mail-Adresse.`);
    const phones = listOf(cell('phone').replace(/,/g, ';')).map((number) => ({ number }));
    for (const p of phones) if (!PHONE.test(p.number)) problem('phone', ProblemCode.BAD_VALUE, `„${p.number}“ ist keine Telefonnummer.`);

    // --- service fields ---
    const categoryText = required('category');
    const category = categoryText ? categoryOf(categoryText) : undefined;
    if (categoryText && !category) problem('category', ProblemCode.UNKNOWN_CATEGORY, `Angebotsart „${categoryText}“ kennt Lotse nicht.`);
    const kindText = cell('organizationKind');
    const kind = kindText ? organizationKindOf(kindText) : category ? KIND_OF_CATEGORY[category] : undefined;
    if (kindText && !kind) problem('organizationKind', ProblemCode.BAD_VALUE, `Art des Trägers „${kindText}“ kennt Lotse nicht.`);
    const specialtyText = cell('specialty');
    const specialty = specialtyText ? specialtyOf(specialtyText) ?? null : null;
    if (specialtyText && !specialty) problem('specialty', ProblemCode.BAD_VALUE, `Fachgebiet „${specialtyText}“ kennt Lotse nicht.`);
    if (!cell('needs')) problem('needs', ProblemCode.MISSING_VALUE, '„Bedarfe“ fehlt: mindestens ein Bedarf.');
    const needs = list('needs', needOf, ProblemCode.UNKNOWN_NEED, 'Bedarf', []);
    const languages = list('languages', languageOf, ProblemCode.BAD_VALUE, 'Sprache', ['de']);
    const accessibility = list('accessibility', accessibilityOf, ProblemCode.BAD_VALUE, 'Merkmal der Barrierefreiheit', []);
    const deliveryModes = list('deliveryModes', deliveryModeOf, ProblemCode.BAD_VALUE, 'Angebotsform', [DeliveryMode.IN_PERSON]);
    const costText = cell('costType');
    const costType = costText ? costTypeOf(costText) : CostType.FREE;
    if (costText && !costType) problem('costType', ProblemCode.BAD_VALUE, `Kostenart „${costText}“ kennt Lotse nicht.`);
    const feeText = cell('fee');
    const fee = feeText ? amountOf(feeText) : undefined;
    if (feeText && fee === undefined) problem('fee', ProblemCode.BAD_VALUE, `„${feeText}“ ist kein Betrag.`);
    const insuranceText = cell('insurance');
    const insurance = insuranceText ? insuranceOf(insuranceText) : InsuranceRequirement.NONE;
    if (insuranceText && !insurance) problem('insurance', ProblemCode.BAD_VALUE, `Versicherung „${insuranceText}“ kennt Lotse nicht.`);
    const minAge = integer('minAge', 120);
    const maxAge = integer('maxAge', 120);
    if (minAge !== null && maxAge !== null && minAge > maxAge) problem('maxAge', ProblemCode.BAD_VALUE, '„Alter bis“ liegt unter „Alter von“.');
    const hoursText = cell('hours');
    const hours = hoursText ? openingHoursOf(hoursText) : { hours: [] };
    if ('error' in hours) problem('hours', ProblemCode.BAD_VALUE, `Öffnungszeiten „${hours.error}“ nicht lesbar; Beispiel: „Mo–Fr 9–12; Di 14–18“.`);
    const acceptingText = cell('accepting');
    const accepting = acceptingText ? booleanOf(acceptingText) : true;
    if (acceptingText && accepting === undefined) problem('accepting', ProblemCode.BAD_VALUE, 'Bitte „ja“ oder „nein“.');
    const freeSeats = integer('freeSeats', 10000);
    const waitingDays = integer('waitingDays', 730);
    const sessions: ImportService['sessions'] = [];
    if (cell('courseStart') || cell('courseEnd') || cell('courseTime')) {
      const startsOn = dateOf(cell('courseStart'));
      const endsOn = dateOf(cell('courseEnd'));
      const time = openingHoursOf(cell('courseTime'));
      const seats = integer('courseSeats', 1000);
      if (!startsOn) problem('courseStart', ProblemCode.BAD_VALUE, 'Kursbeginn als Datum TT.MM.JJJJ.');
      if (!endsOn) problem('courseEnd', ProblemCode.BAD_VALUE, 'Kursende als Datum TT.MM.JJJJ.');
      if (startsOn && endsOn && startsOn > endsOn) problem('courseEnd', ProblemCode.BAD_VALUE, 'Kursende liegt vor dem Kursbeginn.');
      if ('error' in time || time.hours.length !== 1) problem('courseTime', ProblemCode.BAD_VALUE, 'Kurstermin als ein Wochentag mit Zeit, z. B. „Mi 17:00–18:30“.');
      if (category !== undefined && category !== ServiceCategory.COURSE) problem('courseStart', ProblemCode.BAD_VALUE, 'Nur Kurse haben Kurstermine.');
      if (startsOn && endsOn && 'hours' in time && time.hours.length === 1) {
        const total = seats ?? freeSeats ?? 0;
        const free = Math.min(freeSeats ?? total, total);
        sessions.push({ startsOn, endsOn, weekday: time.hours[0].weekday, startTime: time.hours[0].opensAt, endTime: time.hours[0].closesAt, seats: total, freeSeats: free });
      }
    }

    // --- location fields ---
    const street = required('street');
    const postcodeText = required('postcode');
    const postcode = normalizePostcode(postcodeText);
    if (postcodeText && !postcode) problem('postcode', ProblemCode.BAD_POSTCODE, `„${postcodeText}“ ist keine fünfstellige Postleitzahl.`);
    const town = required('town');
    const latText = cell('latitude').replace(',', '.');
    const lonText = cell('longitude').replace(',', '.');
    let latitude: number | null = null;
    let longitude: number | null = null;
    if (latText || lonText) {
      latitude = Number(latText);
      longitude = Number(lonText);
      if (!latText || !lonText) problem(latText ? 'longitude' : 'latitude', ProblemCode.MISSING_VALUE, 'Breiten- und Längengrad gehören zusammen.');
      else if (!Number.isFinite(latitude) || latitude < 47 || latitude > 55.1) problem('latitude', ProblemCode.BAD_VALUE, `„${latText}“ ist kein Breitengrad in Deutschland.`);
      else if (!Number.isFinite(longitude) || longitude < 5.8 || longitude > 15.1) problem('longitude', ProblemCode.BAD_VALUE, `„${lonText}“ ist kein Längengrad in Deutschland.`);
    }
    const serviceName = required('serviceName');

    // --- keys ---
    const organizationKey = cell('organizationId') || (ik ? `ik:${ik}` : `name:${fold(organizationName)}`);
    const locationKey = cell('locationId') || `${organizationKey}|${fold(street)}|${postcode ?? postcodeText}`;
    const serviceKey = cell('serviceId') || `${organizationKey}|${fold(serviceName)}`;
    if (organizationName) doc.listed.organizations.add(organizationKey);
    if (street) doc.listed.locations.add(locationKey);
    if (serviceName) doc.listed.services.add(serviceKey);

    const pairKey = `${serviceKey}@${locationKey}`;
    const earlier = pairs.get(pairKey);
    if (earlier !== undefined) {
      rowProblems.push({ severity: 'error', code: ProblemCode.DUPLICATE, ...at(row), message: `Doppelt: dasselbe Angebot am selben Standort steht schon in Zeile ${earlier}.` });
    }
    const known = services.get(serviceKey);
    if (known && known.organizationExternalId !== organizationKey) {
      problem('serviceId', ProblemCode.DUPLICATE, `Angebots-ID „${cell('serviceId')}“ gehört in Zeile ${known.firstRow} zu einem anderen Träger.`);
    }
    const knownLocation = locations.get(locationKey);
    if (knownLocation && knownLocation.organizationExternalId !== organizationKey) {
      problem('locationId', ProblemCode.DUPLICATE, `Standort-ID „${cell('locationId')}“ gehört zu einem anderen Träger.`);
    }

    problems.push(...rowProblems);
    if (rowProblems.some((p) => p.severity === 'error')) continue;
    pairs.set(pairKey, row);

    if (!organizations.has(organizationKey)) {
      const identifiers = [...(ik ? [{ scheme: IdentifierScheme.IK, value: ik }] : []), ...(bsnr ? [{ scheme: IdentifierScheme.BSNR, value: bsnr }] : [])];
      organizations.set(organizationKey, {
        externalId: organizationKey, name: organizationName, kind: kind!, identifiers, website: website || null, email: email || null, phones, ref: { row },
      });
    }
    if (!knownLocation) {
      locations.set(locationKey, {
        externalId: locationKey, organizationExternalId: organizationKey, name: cell('locationName') || null, street, postcode: postcode!, town, latitude, longitude, ref: { row },
      });
    }
    if (known) {
      if (!known.locationExternalIds.includes(locationKey)) known.locationExternalIds.push(locationKey);
      if (known.name !== serviceName || known.category !== category || [...known.needs].sort().join() !== [...needs].sort().join()) {
        problems.push({ severity: 'warning', code: ProblemCode.DUPLICATE, ...at(row), message: `Das Angebot steht schon in Zeile ${known.firstRow} mit anderen Angaben; die aus Zeile ${known.firstRow} gelten.` });
      }
      continue;
    }
    services.set(serviceKey, {
      firstRow: row,
      externalId: serviceKey, organizationExternalId: organizationKey, locationExternalIds: [locationKey],
      name: serviceName, description: cell('description'), category: category!, specialty, needs, minAge, maxAge,
      insuranceRequirement: insurance!, eligibilityNote: cell('eligibility') || null, languages, accessibility, deliveryModes,
      costType: costType!, feeAmountEuro: fee ?? null, costNote: cell('costNote') || null, acceptingNewClients: accepting!,
      freeSeats, waitingDays, openingHours: 'hours' in hours ? hours.hours : [], sessions, capacityUpdatedAt: null, assuredDate: null, ref: { row },
    });
  }
  doc.organizations = [...organizations.values()];
  doc.locations = [...locations.values()];
  doc.services = [...services.values()].map(({ firstRow: _firstRow, ...s }) => s);
  return doc;
}
