import { DataSource } from 'typeorm';
import { CatalogueService, CostType, IdentifierScheme, InsuranceRequirement, OrganizationKind, OrganizationStatus, ServiceCategory, AccessibilityFeature, DeliveryMode } from '@lotse/catalogue';
import { daysAgo, mondayAfter, organizationAt, serviceFixture } from './fixtures';
import { TestApp } from './test-app';

/**
 * A small network for the export suites (HSDS, datapackage, FHIR): one organisation with two
 * locations (Meißen, Riesa) and three kinds of service; and data the directory does not show, each
 * marked with a word that must never appear in any export — a pending organisation ("Wartestand"),
 * an inactive one ("Ruhestand") and a retired service of a visible organisation ("Altbestand").
 */
export const HIDDEN_WORDS = ['Wartestand', 'Ruhestand', 'Altbestand'];
export const MEISSEN = { latitude: 51.1636, longitude: 13.4775, postcode: '01662' };
export const RIESA = { latitude: 51.3075, longitude: 13.2939, postcode: '01589' };
export const IK = '261400018';
export const BSNR = '981234500';

export interface ExchangeFixture {
  organizations: { elbtal: string; pending: string; inactive: string; hoflos: string };
  services: { sucht: string; kurs: string; raum: string; pending: string; inactive: string; retired: string };
  locations: { meissen: string; riesa: string };
}

export async function seedExchangeFixture(t: TestApp): Promise<ExchangeFixture> {
  const catalogue = t.app.get(CatalogueService);
  const elbtal = organizationAt('Beratungszentrum Elbtal', MEISSEN.latitude, MEISSEN.longitude, [
    serviceFixture({
      name: 'Suchtberatung Elbtal',
      description: 'Beratung bei Alkohol, Medikamenten und Glücksspiel, auch für Angehörige.',
      category: ServiceCategory.ADDICTION_COUNSELLING,
      needs: ['addiction', 'relatives_carers'],
      languages: ['de', 'ru'],
      accessibility: [AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ACCESSIBLE_WC],
      deliveryModes: [DeliveryMode.IN_PERSON, DeliveryMode.OUTREACH],
      eligibilityNote: 'Für Menschen aus dem Landkreis Meißen.',
      capacity: { acceptingNewClients: true, freeSeats: 3, waitingDays: 7, updatedAt: daysAgo(2) },
      openingHours: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }, { weekday: 4, opensAt: '14:00', closesAt: '18:00' }],
      locationKeys: ['main', 'riesa'],
    }),
    serviceFixture({
      name: 'Rückenkurs Elbtal',
      description: 'Zehn Termine Rückenschule in der Gruppe.',
      category: ServiceCategory.COURSE,
      needs: ['exercise', 'musculoskeletal'],
      minAge: 18,
      maxAge: 65,
      insuranceRequirement: InsuranceRequirement.STATUTORY,
      cost: { type: CostType.FEE, feeAmountEuro: 80, note: 'Die Krankenkasse erstattet bis zu 80 %.' },
      capacity: { acceptingNewClients: false, waitingDays: 30, updatedAt: daysAgo(1) },
      openingHours: [],
      sessions: [
        { startsOn: mondayAfter(14), endsOn: mondayAfter(77), weekday: 1, startTime: '18:00', endTime: '19:30', seats: 12, freeSeats: 4 },
        { startsOn: mondayAfter(90), endsOn: mondayAfter(153), weekday: 1, startTime: '10:00', endTime: '11:30', seats: 10, freeSeats: 10 },
      ],
    }),
    serviceFixture({ name: 'Beratungsraum Elbtal', description: 'Raum für Sprechstunden.', category: ServiceCategory.COMMUNITY_ROOM, needs: ['social_participation'], locationKeys: ['riesa'] }),
    serviceFixture({ name: 'Altbestand Beratung', description: 'Altbestand', needs: ['debt_counselling'] }),
  ]);
  elbtal.kind = OrganizationKind.COUNSELLING_SERVICE;
  elbtal.identifiers = [{ scheme: IdentifierScheme.IK, value: IK }, { scheme: IdentifierScheme.BSNR, value: BSNR }];
  elbtal.phones = [{ number: '03521 123456', label: 'Anmeldung' }];
  elbtal.website = 'https://elbtal.example.org';
  elbtal.email = 'kontakt@elbtal.example.org';
  elbtal.locations.push({ key: 'riesa', name: 'Außenstelle Riesa', street: 'Hauptstraße 5', postcode: RIESA.postcode, town: 'Riesa', latitude: RIESA.latitude, longitude: RIESA.longitude });
  elbtal.locations[0] = { ...elbtal.locations[0], name: 'Beratungsstelle Meißen', street: 'Elbstraße 1', postcode: MEISSEN.postcode, town: 'Meißen' };
  // a second visible organisation, so lists and filters have something to leave out
  const hoflos = organizationAt('Hofloser Gesundheitstreff', RIESA.latitude + 0.01, RIESA.longitude, [
    serviceFixture({ name: 'Gesprächskreis Hoflos', description: 'Offener Treff.', category: ServiceCategory.PSYCHOSOCIAL_SERVICE, needs: ['psychosocial_counselling'] }),
  ]);
  const pending = organizationAt('Wartestand Praxis', MEISSEN.latitude, MEISSEN.longitude, [serviceFixture({ name: 'Wartestand Sprechstunde', needs: ['addiction'] })], OrganizationStatus.PENDING);
  pending.identifiers = [{ scheme: IdentifierScheme.IK, value: '261400999' }];
  const inactive = organizationAt('Ruhestand Verein', RIESA.latitude, RIESA.longitude, [serviceFixture({ name: 'Ruhestand Treff', needs: ['addiction'] })], OrganizationStatus.INACTIVE);
  const [elbtalId, hoflosId, pendingId, inactiveId] = await catalogue.importOrganizations([elbtal, hoflos, pending, inactive]);
  const db = t.app.get(DataSource);
  const byName = async (name: string): Promise<string> => (await db.query(`SELECT id FROM service WHERE name = $1`, [name]))[0].id;
  const retired = await byName('Altbestand Beratung');
  await db.query(`UPDATE service SET status = 'inactive' WHERE id = $1`, [retired]);
  // outreach into the district and one town; a phone at the Riesa office (no import field for these yet)
  await db.query(`UPDATE service SET service_area = '{14627,14627230}' WHERE name = 'Suchtberatung Elbtal'`);
  await db.query(`UPDATE location SET phones = '[{"number": "03525 98765", "label": "Außenstelle"}]' WHERE organization_id = $1 AND town = 'Riesa'`, [elbtalId]);
  const locations: { id: string; town: string }[] = await db.query(`SELECT id, town FROM location WHERE organization_id = $1`, [elbtalId]);
  return {
    organizations: { elbtal: elbtalId, pending: pendingId, inactive: inactiveId, hoflos: hoflosId },
    services: {
      sucht: await byName('Suchtberatung Elbtal'),
      kurs: await byName('Rückenkurs Elbtal'),
      raum: await byName('Beratungsraum Elbtal'),
      pending: await byName('Wartestand Sprechstunde'),
      inactive: await byName('Ruhestand Treff'),
      retired,
    },
    locations: { meissen: locations.find((l) => l.town === 'Meißen')!.id, riesa: locations.find((l) => l.town === 'Riesa')!.id },
  };
}

/** The hidden words found anywhere in a response body (must be none). */
export function hiddenWordsIn(body: unknown): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return HIDDEN_WORDS.filter((w) => text.includes(w));
}
