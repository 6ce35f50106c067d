import { SearchSource, toSearchDocument } from '../document/search-document';
import { SearchDocument } from '../search.types';

/*
 * The contract fixture: fictitious listings with names chosen to exercise exact names, typos,
 * compounds, umlauts, synonyms, filters and geography. Towns are real (Landkreis Meißen, Dresden,
 * Bautzen); their centres are at known distances from Meißen's market:
 *   Meißen ~0.3 km, Coswig ~8.2 km, Radebeul ~14.3 km, Großenhain ~14.2–14.5 km, Riesa ~20.5 km,
 *   Dresden ~21–22 km, Bautzen ~67 km — none within 0.5 % of the radii the suite uses (12, 18 km);
 *   the Erzgebirge, Zwickau and Leipzig are farther.
 * Listings 13–17 say things in other words than coaches type them (a crisis service, relatives'
 * group, smoking cessation, a psychiatric outpatient clinic, a nutrition course named apart).
 */

export const MEISSEN_MARKET = { latitude: 51.1636, longitude: 13.4775 };
export const RIESA_CENTRE = { latitude: 51.304, longitude: 13.288 };

const TOWNS = {
  meissen: { town: 'Meißen', districtAgs: '14627' },
  riesa: { town: 'Riesa', districtAgs: '14627' },
  grossenhain: { town: 'Großenhain', districtAgs: '14627' },
  radebeul: { town: 'Radebeul', districtAgs: '14627' },
  coswig: { town: 'Coswig', districtAgs: '14627' },
  dresden: { town: 'Dresden', districtAgs: '14612' },
  bautzen: { town: 'Bautzen', districtAgs: '14625' },
  annaberg: { town: 'Annaberg-Buchholz', districtAgs: '14521' },
  schwarzenberg: { town: 'Schwarzenberg', districtAgs: '14521' },
  zwickau: { town: 'Zwickau', districtAgs: '14524' },
  leipzig: { town: 'Leipzig', districtAgs: '14713' },
};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const locationId = (n: number, k = 0) => `10000000-0000-4000-8000-${String(n * 10 + k).padStart(12, '0')}`;

interface FixtureListing {
  key: string;
  n: number;
  name: string;
  organization: string;
  description: string;
  category: string;
  specialty?: string;
  needs: [string, string][];
  at: { where: keyof typeof TOWNS; latitude: number; longitude: number }[];
  languages?: string[];
  accessibility?: string[];
  accepting?: boolean;
}

const LISTINGS: FixtureListing[] = [
  { key: 'suchtRiesa', n: 1, name: 'Suchtberatung Riesa', organization: 'Beratungszentrum Elbe (fiktiv)', category: 'addiction_counselling',
    description: 'Beratung bei Problemen mit Alkohol, Medikamenten und Glücksspiel; offene Sprechzeit.',
    needs: [['addiction', 'Sucht'], ['psychosocial_counselling', 'Psychosoziale Beratung']], languages: ['de', 'ru'],
    at: [{ where: 'riesa', latitude: 51.304, longitude: 13.288 }] },
  { key: 'suchtMeissen', n: 2, name: 'Suchtberatung Meißen', organization: 'Gesundheitsamt Landkreis Meißen (fiktiv)', category: 'addiction_counselling',
    description: 'Beratung für Betroffene und Angehörige, auch anonym.', needs: [['addiction', 'Sucht']], accepting: false,
    at: [{ where: 'meissen', latitude: 51.1636, longitude: 13.474 }] },
  { key: 'orthoMueller', n: 3, name: 'Orthopädische Praxis Dr. Müller', organization: 'Praxis Dr. Müller (fiktiv)', category: 'physician', specialty: 'orthopaedics',
    description: 'Sprechstunde bei Rücken- und Gelenkbeschwerden.', needs: [['musculoskeletal', 'Muskel-Skelett-Erkrankungen'], ['specialist_assessment', 'Fachärztliche Abklärung']],
    languages: ['de', 'en'], accessibility: ['step_free_access', 'accessible_wc'], at: [{ where: 'grossenhain', latitude: 51.2893, longitude: 13.5318 }] },
  { key: 'orthoRadebeul', n: 4, name: 'Orthopädische Sprechstunde Radebeul', organization: 'MVZ Radebeul (fiktiv)', category: 'physician', specialty: 'orthopaedics',
    description: 'Abklärung von Gelenkschmerzen, Verordnung von Rückenschule und Krankengymnastik.', needs: [['musculoskeletal', 'Muskel-Skelett-Erkrankungen']],
    at: [{ where: 'radebeul', latitude: 51.106, longitude: 13.66 }] },
  { key: 'ernaehrung', n: 5, name: 'Ernährungskurs für Einsteiger', organization: 'Volkshochschule Dresden (fiktiv)', category: 'course',
    description: 'Gesund essen im Alltag: acht Abende mit gemeinsamem Kochen.', needs: [['nutrition', 'Ernährung'], ['metabolic', 'Stoffwechselerkrankungen']],
    languages: ['de', 'uk'], accessibility: ['step_free_access', 'lift'], at: [{ where: 'dresden', latitude: 51.0503, longitude: 13.7383 }] },
  { key: 'schuldner', n: 6, name: 'Schuldnerberatung Großenhain', organization: 'Verbraucherhilfe Elbland (fiktiv)', category: 'social_service',
    description: 'Hilfe bei Schulden, Pfändung und Privatinsolvenz.', needs: [['debt_counselling', 'Schuldnerberatung']],
    at: [{ where: 'grossenhain', latitude: 51.287, longitude: 13.528 }] },
  { key: 'rueckenschule', n: 7, name: 'Rückenschule – Präventionskurs', organization: 'Sportverein Meißen (fiktiv)', category: 'course',
    description: 'Kräftigung und Haltung, zehn Termine, von der Krankenkasse bezuschusst.', needs: [['exercise', 'Bewegung'], ['musculoskeletal', 'Muskel-Skelett-Erkrankungen']],
    accessibility: ['step_free_access'], at: [{ where: 'meissen', latitude: 51.1655, longitude: 13.47 }] },
  { key: 'hausarzt', n: 8, name: 'Hausärztliche Sprechstunde Dr. Schneider', organization: 'Hausarztpraxis Schneider (fiktiv)', category: 'physician', specialty: 'general_practice',
    description: 'Erste Anlaufstelle, Vorsorge und Check-up.', needs: [['primary_care', 'Hausärztliche Versorgung']], languages: ['de', 'pl'],
    at: [{ where: 'riesa', latitude: 51.306, longitude: 13.293 }] },
  { key: 'selbsthilfe', n: 9, name: 'Selbsthilfegruppe Angst und Depression', organization: 'Selbsthilfekontaktstelle Dresden (fiktiv)', category: 'psychosocial_service',
    description: 'Austausch unter Betroffenen, jeden zweiten Dienstag.', needs: [['mental_health', 'Psychische Gesundheit'], ['social_participation', 'Soziale Teilhabe']],
    at: [{ where: 'dresden', latitude: 51.0665, longitude: 13.753 }] },
  { key: 'psychotherapie', n: 10, name: 'Psychotherapeutische Praxis Weber', organization: 'Praxis Weber (fiktiv)', category: 'physician', specialty: 'psychotherapy',
    description: 'Verhaltenstherapie bei Depression und Angst, Online-Sprechstunde möglich.', needs: [['mental_health', 'Psychische Gesundheit'], ['psychotherapy', 'Psychotherapie']],
    languages: ['de', 'en'], accepting: false,
    at: [{ where: 'bautzen', latitude: 51.1815, longitude: 14.4244 }, { where: 'dresden', latitude: 51.051, longitude: 13.766 }] },
  { key: 'mobilSucht', n: 11, name: 'Mobile Suchtberatung Elbland', organization: 'Beratungszentrum Elbe (fiktiv)', category: 'addiction_counselling',
    description: 'Aufsuchende Beratung in Meißen und Riesa.', needs: [['addiction', 'Sucht']], languages: ['de', 'uk'],
    at: [{ where: 'meissen', latitude: 51.16, longitude: 13.48 }, { where: 'riesa', latitude: 51.302, longitude: 13.285 }] },
  { key: 'nordic', n: 12, name: 'Nordic Walking für Einsteiger', organization: 'Lauftreff Riese (fiktiv)', category: 'course',
    description: 'Gelenkschonendes Ausdauertraining im Freien.', needs: [['exercise', 'Bewegung'], ['cardiovascular', 'Herz-Kreislauf-Erkrankungen']],
    at: [{ where: 'coswig', latitude: 51.1267, longitude: 13.5799 }] },
  { key: 'krisenhilfe', n: 13, name: 'Psychosoziale Krisenhilfe Erzgebirge', organization: 'Diakonie Erzgebirge (fiktiv)', category: 'psychosocial_service',
    description: 'Hilfe in seelischen Notlagen, telefonisch und vor Ort, auch abends.', needs: [['crisis_intervention', 'Krisenintervention'], ['mental_health', 'Psychische Gesundheit']],
    at: [{ where: 'annaberg', latitude: 50.5797, longitude: 13.0025 }] },
  { key: 'angehoerige', n: 14, name: 'Angehörigengruppe psychisch erkrankter Menschen', organization: 'Kontaktstelle Leipzig (fiktiv)', category: 'psychosocial_service',
    description: 'Austausch und Entlastung für Familien und Partner, monatlich.', needs: [['relatives_carers', 'Angehörige und Pflegende'], ['mental_health', 'Psychische Gesundheit']],
    at: [{ where: 'leipzig', latitude: 51.3397, longitude: 12.3731 }] },
  { key: 'rauchfrei', n: 15, name: 'Rauchfrei-Kurs', organization: 'Gesundheitszentrum Zwickau (fiktiv)', category: 'course',
    description: 'Sechs Abende in der Gruppe, von der Krankenkasse bezuschusst.', needs: [['smoking_cessation', 'Rauchfrei leben']],
    at: [{ where: 'zwickau', latitude: 50.7189, longitude: 12.4964 }] },
  { key: 'pia', n: 16, name: 'Psychiatrische Institutsambulanz Schwarzenberg', organization: 'Klinikum Erzgebirge (fiktiv)', category: 'clinic', specialty: 'psychiatry',
    description: 'Ambulante Behandlung bei schweren psychischen Erkrankungen, Termine telefonisch.', needs: [['psychiatric_treatment', 'Psychiatrische Behandlung'], ['mental_health', 'Psychische Gesundheit']],
    at: [{ where: 'schwarzenberg', latitude: 50.5379, longitude: 12.7852 }] },
  { key: 'kochkurs', n: 17, name: 'Gesunde Ernährung im Alltag', organization: 'Familienzentrum Bautzen (fiktiv)', category: 'course',
    description: 'Kochen mit wenig Geld, fünf Termine.', needs: [['nutrition', 'Ernährung']],
    at: [{ where: 'bautzen', latitude: 51.1833, longitude: 14.4300 }] },
];

function toSource(l: FixtureListing): SearchSource {
  return {
    service: {
      id: id(l.n),
      organizationId: id(100 + l.n),
      name: l.name,
      description: l.description,
      category: l.category,
      specialty: l.specialty ?? null,
      languages: l.languages ?? ['de'],
      accessibility: l.accessibility ?? [],
      acceptingNewClients: l.accepting ?? true,
    },
    organization: { name: l.organization },
    locations: l.at.map((a, k) => ({ id: locationId(l.n, k), town: TOWNS[a.where].town, districtAgs: TOWNS[a.where].districtAgs, latitude: a.latitude, longitude: a.longitude })),
    needs: l.needs.map(([code, labelDe]) => ({ code, labelDe })),
  };
}

export type FixtureKey = (typeof LISTINGS)[number]['key'];

/** The fixture documents, built by the same function the indexer uses. */
export const FIXTURE_DOCUMENTS: SearchDocument[] = LISTINGS.map((l) => toSearchDocument(toSource(l)));

/** Document id of a fixture listing by key. */
export const F: Record<string, string> = Object.fromEntries(LISTINGS.map((l) => [l.key, id(l.n)]));

export const fixtureDocument = (key: string): SearchDocument => FIXTURE_DOCUMENTS.find((d) => d.id === F[key])!;

/** A fixture listing with changed service fields, rebuilt as the indexer would. */
export function fixtureVariant(key: string, service: Partial<SearchSource['service']>): SearchDocument {
  const source = toSource(LISTINGS.find((l) => l.key === key)!);
  return toSearchDocument({ ...source, service: { ...source.service, ...service } });
}
