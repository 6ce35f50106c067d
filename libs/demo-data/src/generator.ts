/**
 * Demo catalogue generator.
 *
 * EVERYTHING HERE IS FICTITIOUS except the towns: organisations, people, street addresses, phone
 * numbers (subscriber numbers starting with 0000, which German numbering never assigns), e-mail and web
 * addresses (reserved `.example` domain, RFC 2606) and identifiers (IK/BSNR starting with 99). Street
 * names are generic ones found in many Saxon towns, with random house numbers; the coordinates are random
 * points near real town centres and do not correspond to the street address.
 *
 * Output is a pure function of seed and `now`, so seed runs and tests are reproducible.
 */
import {
  AccessibilityFeature,
  CostType,
  DeliveryMode,
  IdentifierScheme,
  InsuranceRequirement,
  MedicalSpecialty,
  OrganizationKind,
  OrganizationStatus,
  ServiceCategory,
  CourseSessionImport,
  LocationImport,
  OrganizationImport,
  ServiceImport,
  WeeklyOpeningHours,
} from '@lotse/catalogue';
import { Random } from './random';
import {
  ADDICTION_TEMPLATES as ADD,
  BACK_SCHOOL,
  CLINIC_TEMPLATES as CLI,
  COMMUNITY_TEMPLATES as COM,
  COURSE_TEMPLATES,
  EMPLOYMENT_TEMPLATES as EMP,
  INSURER_TEMPLATES as INS,
  ONLINE_COURSE_TEMPLATES,
  PHYSICIAN_TEMPLATES,
  PSYCHOSOCIAL_TEMPLATES as PSY,
  ServiceTemplate,
  SMOKING_CESSATION,
  SOCIAL_TEMPLATES as SOC,
} from './templates';
import { DEMO_REGIONS, DEMO_TOWNS, DemoRegion, DemoTown } from './towns';

// the seed service imports the towns from here
export { DEMO_TOWNS };

export const DEMO_DATA_NOTICE =
  'Alle Netzwerkpartner in diesen Demodaten sind frei erfunden (fiktiv); nur die Orte, an denen sie platziert sind, sind echt. ' +
  'All partners in this demo data are fictitious; only the towns they are placed in are real.';

export const DEMO_VERIFIED_BY = 'Netzwerkkoordination (Demo)';
const DEFAULT_SEED = 20260101;
const DAY_MS = 86_400_000;
const EARTH_METERS_PER_DEGREE = 111_320;

const FIRST_NAMES = ['Anna', 'Jana', 'Katrin', 'Sabine', 'Susanne', 'Claudia', 'Olena', 'Maria', 'Leyla', 'Ines', 'Thomas', 'Michael', 'Frank', 'Uwe', 'Jens', 'Andreas', 'Stefan', 'Daniel', 'Mehmet', 'Pavel', 'Lukas', 'Tobias'];
const SURNAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Richter', 'Wolf', 'Neumann', 'Schwarz', 'Zimmermann', 'Krause', 'Lehmann', 'Köhler', 'Hartmann', 'Lange', 'Werner', 'Seidel', 'Böhme', 'Kretzschmar'];
/** prefixes that make every invented person and organisation name recognisable as an example */
const FAKE_PREFIXES = ['Beispiel', 'Muster', 'Exempel', 'Probe'];
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Lindenstraße', 'Bergstraße', 'Poststraße', 'Marktstraße', 'Kirchstraße', 'Ringstraße', 'Parkstraße', 'Rosenstraße', 'Goethestraße', 'Schillerstraße', 'Am Markt', 'Wiesenweg', 'Feldstraße', 'Mühlenweg', 'Sonnenweg', 'Friedensstraße'];

const PRACTICE_NAMES: Partial<Record<MedicalSpecialty, (person: string) => string>> = {
  [MedicalSpecialty.GENERAL_PRACTICE]: (p) => `Hausarztpraxis Dr. med. ${p}`,
  [MedicalSpecialty.INTERNAL_MEDICINE]: (p) => `Internistische Praxis Dr. med. ${p}`,
  [MedicalSpecialty.ORTHOPAEDICS]: (p) => `Praxis für Orthopädie Dr. med. ${p}`,
  [MedicalSpecialty.CARDIOLOGY]: (p) => `Kardiologische Praxis Dr. med. ${p}`,
  [MedicalSpecialty.PSYCHIATRY]: (p) => `Praxis für Psychiatrie und Psychotherapie Dr. med. ${p}`,
  [MedicalSpecialty.PSYCHOTHERAPY]: (p) => `Psychotherapeutische Praxis Dipl.-Psych. ${p}`,
  [MedicalSpecialty.NEUROLOGY]: (p) => `Neurologische Praxis Dr. med. ${p}`,
  [MedicalSpecialty.PHYSICAL_AND_REHABILITATIVE_MEDICINE]: (p) => `Praxis für Physikalische und Rehabilitative Medizin Dr. med. ${p}`,
  [MedicalSpecialty.DIABETOLOGY]: (p) => `Diabetologische Schwerpunktpraxis Dr. med. ${p}`,
  [MedicalSpecialty.ADDICTION_MEDICINE]: (p) => `Suchtmedizinische Praxis Dr. med. ${p}`,
  [MedicalSpecialty.PSYCHOSOMATIC_MEDICINE]: (p) => `Praxis für Psychosomatische Medizin Dr. med. ${p}`,
  [MedicalSpecialty.RHEUMATOLOGY]: (p) => `Rheumatologische Praxis Dr. med. ${p}`,
  [MedicalSpecialty.PAIN_MEDICINE]: (p) => `Schmerzpraxis Dr. med. ${p}`,
};

/** relative frequency of specialist practices (psychotherapy is the most common specialist seat) */
const SPECIALIST_WEIGHTS: [MedicalSpecialty, number][] = [
  [MedicalSpecialty.PSYCHOTHERAPY, 5],
  [MedicalSpecialty.ORTHOPAEDICS, 3],
  [MedicalSpecialty.PSYCHIATRY, 2],
  [MedicalSpecialty.CARDIOLOGY, 2],
  [MedicalSpecialty.INTERNAL_MEDICINE, 2],
  [MedicalSpecialty.NEUROLOGY, 1],
  [MedicalSpecialty.PHYSICAL_AND_REHABILITATIVE_MEDICINE, 1],
  [MedicalSpecialty.DIABETOLOGY, 1],
  [MedicalSpecialty.ADDICTION_MEDICINE, 1],
  [MedicalSpecialty.PSYCHOSOMATIC_MEDICINE, 1],
  [MedicalSpecialty.RHEUMATOLOGY, 1],
  [MedicalSpecialty.PAIN_MEDICINE, 1],
];

/**
 * Where each region's psychiatric outpatient clinic (PIA) holds its consultations: every region has
 * one, the large rural districts two (the Erzgebirge's second in Schwarzenberg, for the west).
 */
const PIA_TOWNS: Record<string, string[]> = {
  '14627': ['Meißen', 'Riesa'],
  '14729': ['Borna', 'Wurzen'],
  '14521': ['Annaberg-Buchholz', 'Schwarzenberg'],
  '14612': ['Dresden-Neustadt'],
  '14625': ['Bautzen', 'Hoyerswerda'],
};
/** The job-centre towns whose coaches (ReSiSaX, Landkreis Meißen) use municipal rooms for outreach consultations. */
const ROOM_TOWNS: Record<string, string[]> = { '14627': ['Meißen', 'Riesa', 'Großenhain', 'Radebeul'] };
const SPECIALIST_POOL = SPECIALIST_WEIGHTS.flatMap(([s, w]) => Array<MedicalSpecialty>(w).fill(s));

const LANGUAGE_ODDS: Record<string, number> = { en: 0.3, ru: 0.12, uk: 0.12, ar: 0.06, pl: 0.05, cs: 0.05, tr: 0.04, vi: 0.05, fa: 0.04 };
/** border regions and the city have their own language mix */
const REGIONAL_LANGUAGE_ODDS: Record<string, Record<string, number>> = {
  '14521': { cs: 0.2 },
  '14625': { pl: 0.15, cs: 0.1 },
  '14612': { en: 0.45, ar: 0.12, vi: 0.1, fa: 0.08, tr: 0.07 },
};

const ACCESSIBILITY_ORDER = Object.values(AccessibilityFeature);
/** features of the building, as opposed to features of how the service communicates */
const PHYSICAL_FEATURES = new Set([
  AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ACCESSIBLE_WC, AccessibilityFeature.LIFT,
  AccessibilityFeature.ACCESSIBLE_PARKING, AccessibilityFeature.HEARING_LOOP, AccessibilityFeature.BRAILLE,
]);

interface Site {
  location: LocationImport;
  town: DemoTown;
  access: AccessibilityFeature[];
}

interface OrgSpec {
  name: string;
  kind: OrganizationKind;
  /** basis of the invented domain name */
  handle: string;
  identifiers?: IdentifierScheme[];
  mailbox?: string;
  sites: Site[];
  services: ServiceImport[];
}

export interface GenerateOptions {
  seed?: number;
  /** reference time for capacity updates, verification dates and course dates; default: today 00:00 UTC */
  now?: Date;
}

export function generateDemoCatalogue(options: GenerateOptions = {}): OrganizationImport[] {
  const now = options.now ?? startOfUtcDay(new Date());
  return new CatalogueBuilder(new Random(options.seed ?? DEFAULT_SEED), now).build();
}

function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isoWeekday(ms: number): number {
  return ((new Date(ms).getUTCDay() + 6) % 7) + 1;
}

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function parseHours(spec: string): WeeklyOpeningHours[] {
  if (!spec) return [];
  return spec
    .split(';')
    .flatMap((part) => {
      const [days, times] = part.trim().split(' ');
      const [opensAt, closesAt] = times.split('-');
      const [from, to] = days.split('-').map(Number);
      const weekdays = days.includes('-')
        ? Array.from({ length: to - from + 1 }, (_, i) => from + i)
        : days.split(',').map(Number);
      return weekdays.map((weekday) => ({ weekday, opensAt, closesAt }));
    })
    .sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));
}

class CatalogueBuilder {
  private readonly orgs: OrganizationImport[] = [];
  private readonly usedNames = new Set<string>();
  private readonly usedValues = new Set<string>();
  private readonly today: number;

  constructor(
    private readonly rng: Random,
    private readonly now: Date,
  ) {
    this.today = startOfUtcDay(now).getTime();
  }

  build(): OrganizationImport[] {
    this.insurers();
    for (const region of DEMO_REGIONS) {
      const towns = DEMO_TOWNS.filter((t) => t.districtAgs === region.districtAgs);
      for (const town of towns) {
        this.practices(town);
        this.courseProviders(town);
      }
      this.adultEducation(region, towns);
      this.clinics(region, towns);
      this.addictionCounselling(region, towns);
      this.psychosocialServices(region, towns);
      this.socialServices(region, towns);
      this.communityRooms(region, towns);
      this.employmentMeasures(region, towns);
    }
    this.assignStatusAndVerification();
    return this.orgs;
  }

  // --- organisations -------------------------------------------------------------------------------

  private practices(town: DemoTown): void {
    const gps = [0, 1, 2, 3][town.size];
    const specialists = [0, 1, 2, 4][town.size];
    const specialties = [
      ...Array<MedicalSpecialty>(gps).fill(MedicalSpecialty.GENERAL_PRACTICE),
      ...Array.from({ length: specialists }, () => this.rng.pick(SPECIALIST_POOL)),
    ];
    for (const specialty of specialties) {
      const person = this.person();
      const site = this.site(town, 'praxis');
      const [first, ...more] = PHYSICIAN_TEMPLATES[specialty]!;
      const chosen = [first, ...more.filter(() => this.rng.chance(0.3))];
      this.org({
        name: PRACTICE_NAMES[specialty]!(person.name),
        kind: OrganizationKind.PHYSICIAN_PRACTICE,
        handle: `praxis ${person.surname} ${town.name}`,
        identifiers: [IdentifierScheme.BSNR],
        mailbox: 'praxis',
        sites: [site],
        services: chosen.map((t) => this.service(t, [site])),
      });
    }
    if (town.size === 3) {
      const site = this.site(town, 'mvz');
      const departments = [MedicalSpecialty.GENERAL_PRACTICE, ...this.rng.sample(
        [MedicalSpecialty.ORTHOPAEDICS, MedicalSpecialty.CARDIOLOGY, MedicalSpecialty.NEUROLOGY, MedicalSpecialty.PSYCHIATRY, MedicalSpecialty.DIABETOLOGY],
        this.rng.int(2, 3),
      )];
      const prefix = this.rng.pick(FAKE_PREFIXES);
      this.org({
        name: `MVZ ${prefix}-Gesundheitszentrum ${town.name}`,
        kind: OrganizationKind.PHYSICIAN_PRACTICE,
        handle: `mvz ${prefix} ${town.name}`,
        identifiers: [IdentifierScheme.IK, IdentifierScheme.BSNR],
        sites: [site],
        services: departments.map((s) => this.service(PHYSICIAN_TEMPLATES[s]![0], [site])),
      });
    }
  }

  private courseProviders(town: DemoTown): void {
    const kinds = this.rng.sample(['sport', 'studio', 'nutrition', 'relax', 'physio'] as const, town.size === 3 ? 2 : 1);
    for (const kind of kinds) {
      const site = this.site(town, 'kurse');
      const byNeed = (need: string) => COURSE_TEMPLATES.filter((t) => t.needs.includes(need));
      const pool = {
        sport: byNeed('exercise'),
        studio: byNeed('exercise').concat(byNeed('stress_relaxation')),
        nutrition: byNeed('nutrition'),
        relax: byNeed('stress_relaxation'),
        physio: COURSE_TEMPLATES.filter((t) => t.needs.includes('musculoskeletal') || t.name.startsWith('Herzsport')),
      }[kind];
      const prefix = this.rng.pick(FAKE_PREFIXES);
      const surname = this.rng.pick(SURNAMES);
      const name = {
        sport: `Gesundheitssportverein ${prefix}-Aktiv ${town.name} e. V.`,
        studio: `Bewegungsstudio ${prefix}-Fit ${town.name}`,
        nutrition: `Ernährungsberatung ${prefix}-${surname} ${town.name}`,
        relax: `Entspannungsschule ${prefix}-Atem ${town.name}`,
        physio: `Physiotherapie ${prefix}-${surname} ${town.name}`,
      }[kind];
      const courses = this.rng.sample(uniqueByName(pool), this.rng.int(2, 3));
      this.org({
        name,
        kind: OrganizationKind.COURSE_PROVIDER,
        handle: name,
        identifiers: kind === 'physio' ? [IdentifierScheme.IK] : [],
        sites: [site],
        services: courses.map((t) => this.service(t, [site], this.providerCoursePricing(t))),
      });
    }
  }

  /** not every course is certified under § 20 SGB V; uncertified ones are paid by the participant */
  private providerCoursePricing(t: ServiceTemplate): Partial<ServiceTemplate> {
    if (t.cost !== CostType.INSURER_SUBSIDISED || !this.rng.chance(0.3)) return {};
    return { cost: CostType.FEE, fee: [45, 120], costNote: 'Kein zertifizierter Präventionskurs; keine Erstattung durch die Krankenkasse.' };
  }

  private adultEducation(region: DemoRegion, towns: DemoTown[]): void {
    const sites = this.rng.sample(towns, 3).map((t, i) => this.site(t, i === 0 ? 'main' : `aussenstelle-${i}`, i === 0 ? undefined : `Außenstelle ${t.name}`));
    // every region's adult education centre runs a back school and a smoking-cessation course
    const courses = [BACK_SCHOOL, SMOKING_CESSATION, ...this.rng.sample(COURSE_TEMPLATES.filter((t) => t.cost === CostType.INSURER_SUBSIDISED && t !== BACK_SCHOOL && t !== SMOKING_CESSATION), 3)];
    this.org({
      name: `Beispiel-Volkshochschule ${region.name}`,
      kind: OrganizationKind.COURSE_PROVIDER,
      handle: `beispiel vhs ${region.shortName}`,
      sites,
      services: [
        ...courses.map((t) => this.service(t, [this.rng.pick(sites)], this.providerCoursePricing(t))),
        this.service(this.rng.pick(ONLINE_COURSE_TEMPLATES), [sites[0]]),
      ],
    });
  }

  /** statewide insurers with offices in several districts */
  private insurers(): void {
    const insurers: [string, string, string[]][] = [
      ['Beispiel-Gesundheitskasse Sachsen', 'beispiel gesundheitskasse', ['Meißen', 'Borna', 'Annaberg-Buchholz', 'Dresden-Altstadt', 'Bautzen']],
      ['Muster-BKK Mitteldeutschland', 'muster bkk', ['Riesa', 'Grimma', 'Dresden-Neustadt']],
      ['Exempel-Ersatzkasse', 'exempel ersatzkasse', ['Radebeul', 'Aue-Bad Schlema', 'Dresden-Altstadt', 'Hoyerswerda', 'Kamenz']],
      ['Probe-IKK Ost', 'probe ikk', ['Großenhain', 'Wurzen', 'Marienberg', 'Dresden-Prohlis', 'Radeberg']],
    ];
    for (const [name, handle, townNames] of insurers) {
      const sites = townNames.map((n, i) => this.site(townByName(n), `kundencenter-${i + 1}`, `Kundencenter ${n}`));
      const members = { insurance: InsuranceRequirement.STATUTORY, eligibilityNote: `Für Versicherte der ${name} (fiktiv).` };
      const courses = sites.flatMap((site) =>
        this.rng
          .sample(COURSE_TEMPLATES.filter((t) => t.cost === CostType.INSURER_SUBSIDISED), this.rng.int(1, 2))
          .map((t) => this.service(t, [site], { ...members, cost: CostType.FREE, fee: undefined, costNote: 'Für Versicherte kostenfrei (§ 20 SGB V).' })),
      );
      this.org({
        name,
        kind: OrganizationKind.HEALTH_INSURER,
        handle,
        identifiers: [IdentifierScheme.IK],
        sites,
        services: [
          this.service(INS.rehabAdvice, sites, members),
          this.service(INS.preventionAdvice, sites, members),
          this.service(INS.caseManagement, this.rng.sample(sites, 2), members),
          ...sites.map((site) => this.service({ ...INS.serviceCentre, name: `${INS.serviceCentre.name} ${site.town.name}` }, [site], members)),
          ...courses,
          this.service(ONLINE_COURSE_TEMPLATES[0], [sites[0]], { ...members, cost: CostType.FREE, fee: undefined, costNote: 'Für Versicherte kostenfrei (§ 20 SGB V).' }),
        ],
      });
    }
  }

  private clinics(region: DemoRegion, towns: DemoTown[]): void {
    const [first, second, third] = this.rng.sample(towns.filter((t) => t.size >= 2), 3);
    const sites = [this.site(first, 'haus-1', `Haus ${first.name}`), this.site(second, 'haus-2', `Haus ${second.name}`)];
    const piaSites = PIA_TOWNS[region.districtAgs].map((town, i) => this.site(townByName(town), `pia-${i + 1}`, `Psychiatrische Institutsambulanz ${town}`));
    const name = region.districtAgs === '14612' ? 'Städtisches Beispiel-Klinikum Dresden' : `Beispiel-Kreisklinikum ${region.shortName}`;
    const departments = this.rng.sample([CLI.cardioRehab, CLI.detox, CLI.diabetesDayClinic, CLI.psychosomaticRehab, CLI.painClinic], 3);
    this.org({
      name,
      kind: OrganizationKind.CLINIC,
      handle: name,
      identifiers: [IdentifierScheme.IK],
      sites: [...sites, ...piaSites],
      services: [
        this.service(CLI.rehabAssessment, sites),
        this.service(CLI.psychiatricOutpatient, piaSites),
        ...departments.map((t) => this.service(t, [this.rng.pick(sites)])),
      ],
    });

    const rehabSite = this.site(third, 'rehazentrum');
    const rehabName = `Ambulantes Rehazentrum Musterhof ${third.name}`;
    this.org({
      name: rehabName,
      kind: OrganizationKind.CLINIC,
      handle: rehabName,
      identifiers: [IdentifierScheme.IK],
      sites: [rehabSite],
      services: [CLI.orthoRehab, CLI.mbor, CLI.aftercare, ...(this.rng.chance(0.5) ? [CLI.cardioRehab] : [])].map((t) => this.service(t, [rehabSite])),
    });
  }

  private addictionCounselling(region: DemoRegion, towns: DemoTown[]): void {
    const [seat, ...others] = [...towns].sort((a, b) => b.size - a.size);
    const outposts = this.rng.sample(others, this.rng.int(1, 2));
    const sites = [this.site(seat, 'main', 'Hauptstelle'), ...outposts.map((t, i) => this.site(t, `aussenstelle-${i + 1}`, `Außenstelle ${t.name}`))];
    const main = [sites[0]];
    this.org({
      name: `Beispiel-Suchtberatungsstelle am Gesundheitsamt ${region.name}`,
      kind: OrganizationKind.COUNSELLING_SERVICE,
      handle: `beispiel suchtberatung gesundheitsamt ${region.shortName}`,
      sites,
      services: [
        this.service(ADD.counselling, sites),
        this.service(ADD.relatives, main),
        this.service(ADD.smoking, main),
        this.service(ADD.rehabReferral, main),
        this.service(ADD.outreach, main),
        this.service(ADD.aftercareGroup, [this.rng.pick(sites)]),
        ...(this.rng.chance(0.6) ? [this.service(ADD.online, main)] : []),
      ],
    });

    const welfareTowns = this.rng.sample(towns, this.rng.int(1, 2));
    const welfareSites = welfareTowns.map((t, i) => this.site(t, i === 0 ? 'main' : 'aussenstelle', i === 0 ? undefined : `Außensprechstunde ${t.name}`));
    this.org({
      name: `Suchtberatung der Beispielhilfe ${region.shortName} e. V.`,
      kind: OrganizationKind.COUNSELLING_SERVICE,
      handle: `suchtberatung beispielhilfe ${region.shortName}`,
      sites: welfareSites,
      services: [
        this.service(ADD.counselling, welfareSites),
        this.service(ADD.gambling, [welfareSites[0]]),
        ...(this.rng.chance(0.6) ? [this.service(ADD.youth, welfareSites)] : []),
      ],
    });
  }

  private psychosocialServices(region: DemoRegion, towns: DemoTown[]): void {
    const seat = [...towns].sort((a, b) => b.size - a.size)[0];
    const site = this.site(seat, 'main');
    this.org({
      name: `Sozialpsychiatrischer Dienst (Beispiel) ${region.name}`,
      kind: OrganizationKind.COUNSELLING_SERVICE,
      handle: `spdi beispiel ${region.shortName}`,
      sites: [site],
      services: [this.service(PSY.crisis, [site]), this.service(PSY.homeVisits, [site])],
    });
    for (const town of this.rng.sample(towns, 2)) {
      const s = this.site(town, 'main');
      const name = `Kontakt- und Beratungsstelle Musterweg ${town.name}`;
      const optional = [PSY.dayCentre, PSY.householdCounselling].filter(() => this.rng.chance(0.5));
      this.org({
        name,
        kind: OrganizationKind.SOCIAL_SERVICE_PROVIDER,
        handle: name,
        sites: [s],
        services: [PSY.dropIn, PSY.selfHelp, PSY.relatives, ...optional].map((t) => this.service(t, [s])),
      });
    }
  }

  private socialServices(region: DemoRegion, towns: DemoTown[]): void {
    const [a, b, c, d] = this.rng.sample(towns, 4);
    const debtSites = [this.site(a, 'main'), this.site(b, 'aussenstelle', `Außenstelle ${b.name}`)];
    this.org({
      name: `Schuldnerberatung Beispielhilfe ${region.shortName} e. V.`,
      kind: OrganizationKind.SOCIAL_SERVICE_PROVIDER,
      handle: `schuldnerberatung beispielhilfe ${region.shortName}`,
      sites: debtSites,
      services: [this.service(SOC.debt, debtSites), this.service(SOC.budget, [debtSites[0]])],
    });
    const familySite = this.site(c, 'main');
    this.org({
      name: `Familien- und Paarberatung Musterhaus ${c.name}`,
      kind: OrganizationKind.SOCIAL_SERVICE_PROVIDER,
      handle: `paarberatung musterhaus ${c.name}`,
      sites: [familySite],
      services: [SOC.couples, SOC.family, ...(this.rng.chance(0.5) ? [SOC.singleParents] : [])].map((t) => this.service(t, [familySite])),
    });
    const generalSite = this.site(d, 'main');
    const generalName = `Sozialberatung Exempel-Treff ${d.name}`;
    this.org({
      name: generalName,
      kind: OrganizationKind.SOCIAL_SERVICE_PROVIDER,
      handle: generalName,
      sites: [generalSite],
      services: [SOC.general, SOC.singleParents, SOC.selfHelpContact, ...(this.rng.chance(0.4) ? [SOC.debt] : [])].map((t) => this.service(t, [generalSite])),
    });
  }

  private communityRooms(region: DemoRegion, towns: DemoTown[]): void {
    const roomTowns = ROOM_TOWNS[region.districtAgs]?.map(townByName) ?? this.rng.sample(towns, 3);
    for (const town of roomTowns) {
      const site = this.site(town, 'main');
      const name = region.districtAgs === '14612'
        ? `Landeshauptstadt Dresden – Stadtteilhaus Beispielhof ${town.name.replace('Dresden-', '')}`
        : `Stadt ${town.name} – Bürgerhaus am Beispielplatz`;
      const optional = [COM.meetingRoom, COM.neighbourhood].filter(() => this.rng.chance(0.5));
      this.org({
        name,
        kind: OrganizationKind.MUNICIPALITY,
        handle: `buergerhaus beispielplatz ${town.name}`,
        sites: [site],
        services: [COM.consultationRoom, ...optional].map((t) => this.service(t, [site])),
      });
    }
  }

  private employmentMeasures(region: DemoRegion, towns: DemoTown[]): void {
    const sites = this.rng.sample(towns, 3).map((t, i) => this.site(t, i === 0 ? 'main' : `standort-${i + 1}`, i === 0 ? undefined : `Standort ${t.name}`));
    const optional = [EMP.logistics, EMP.youth, EMP.sideJob].filter(() => this.rng.chance(0.6));
    this.org({
      name: `Beispiel-Bildungswerk ${region.shortName} gGmbH`,
      kind: OrganizationKind.EMPLOYMENT_PROVIDER,
      handle: `beispiel bildungswerk ${region.shortName}`,
      identifiers: [IdentifierScheme.IK],
      sites,
      services: [
        this.service(EMP.workOpportunity, [sites[0]]),
        this.service(EMP.workTrial, [sites[1]]),
        this.service(EMP.coaching, sites),
        ...optional.map((t) => this.service(t, [this.rng.pick(sites)])),
      ],
    });
    const town = this.rng.pick(towns);
    const site = this.site(town, 'betrieb');
    const name = `${this.rng.pick(['Muster-Logistik', 'Exempel-Gartenbau', 'Probe-Metallbau'])} ${town.name} GmbH`;
    this.org({
      name,
      kind: OrganizationKind.EMPLOYMENT_PROVIDER,
      handle: name,
      sites: [site],
      services: [this.service(EMP.internship, [site])],
    });
  }

  /** a handful of pending and inactive partners so status filters have something to filter */
  private assignStatusAndVerification(): void {
    const small = this.orgs.filter((o) => o.kind === OrganizationKind.PHYSICIAN_PRACTICE || o.kind === OrganizationKind.COURSE_PROVIDER);
    const [inactive1, inactive2, ...pending] = this.rng.sample(small, 7);
    inactive1.status = inactive2.status = OrganizationStatus.INACTIVE;
    pending.forEach((o) => (o.status = OrganizationStatus.PENDING));

    const active = this.orgs.filter((o) => o.status === OrganizationStatus.ACTIVE);
    for (const org of this.rng.sample(active, Math.round(this.orgs.length * 0.12))) {
      org.verifiedAt = new Date(this.now.getTime() - this.rng.int(1, 360) * DAY_MS - this.rng.int(0, 8 * 60) * 60_000);
      org.verifiedBy = DEMO_VERIFIED_BY;
    }
  }

  // --- building blocks -----------------------------------------------------------------------------

  private person(): { name: string; surname: string } {
    const surname = `${this.rng.pick(FAKE_PREFIXES)}-${this.rng.pick(SURNAMES)}`;
    return { name: `${this.rng.pick(FIRST_NAMES)} ${surname}`, surname };
  }

  private site(town: DemoTown, key: string, name?: string): Site {
    // uniform point in a disc: sqrt keeps the density even instead of crowding the centre
    const r = town.spreadMeters * Math.sqrt(this.rng.next());
    const angle = this.rng.next() * 2 * Math.PI;
    const latitude = town.latitude + (r * Math.cos(angle)) / EARTH_METERS_PER_DEGREE;
    const longitude = town.longitude + (r * Math.sin(angle)) / (EARTH_METERS_PER_DEGREE * Math.cos((town.latitude * Math.PI) / 180));
    const access: AccessibilityFeature[] = [];
    if (this.rng.chance(0.7)) {
      access.push(AccessibilityFeature.STEP_FREE_ACCESS);
      if (this.rng.chance(0.6)) access.push(AccessibilityFeature.ACCESSIBLE_WC);
      if (this.rng.chance(0.35)) access.push(AccessibilityFeature.LIFT);
      if (this.rng.chance(0.45)) access.push(AccessibilityFeature.ACCESSIBLE_PARKING);
    }
    if (this.rng.chance(0.06)) access.push(AccessibilityFeature.HEARING_LOOP);
    if (this.rng.chance(0.03)) access.push(AccessibilityFeature.BRAILLE);
    const location: LocationImport = {
      key,
      ...(name ? { name } : {}),
      street: `${this.rng.pick(STREETS)} ${this.rng.int(1, 120)}${this.rng.chance(0.1) ? 'a' : ''}`,
      postcode: town.postcode,
      town: town.town,
      latitude: Math.round(latitude * 1e6) / 1e6,
      longitude: Math.round(longitude * 1e6) / 1e6,
    };
    return { location, town, access };
  }

  private service(template: ServiceTemplate, sites: Site[], patch: Partial<ServiceTemplate> = {}): ServiceImport {
    const t = { ...template, ...patch };
    const rng = this.rng;
    const districtAgs = sites[0].town.districtAgs;

    const odds = { ...LANGUAGE_ODDS, ...REGIONAL_LANGUAGE_ODDS[districtAgs] };
    const languages = ['de', ...Object.keys(LANGUAGE_ODDS).filter((code) => rng.chance(odds[code]))];

    // a service is only as accessible as the least accessible place it is offered at
    const building = ACCESSIBILITY_ORDER.filter((f) => PHYSICAL_FEATURES.has(f) && sites.every((s) => s.access.includes(f)));
    const communication = [
      ...(rng.chance(0.15) ? [AccessibilityFeature.EASY_LANGUAGE] : []),
      ...(rng.chance(0.04) ? [AccessibilityFeature.SIGN_LANGUAGE] : []),
    ];
    const accessibility = ACCESSIBILITY_ORDER.filter((f) => building.includes(f) || communication.includes(f));

    const deliveryModes: DeliveryMode[] = t.remoteOnly ? [] : [DeliveryMode.IN_PERSON];
    if (t.outreach && rng.chance(t.outreach)) deliveryModes.push(DeliveryMode.OUTREACH);
    if (t.online && rng.chance(t.online)) deliveryModes.push(DeliveryMode.ONLINE);
    if (deliveryModes.length === 0) deliveryModes.push(t.online ? DeliveryMode.ONLINE : DeliveryMode.OUTREACH);

    const sessions = t.course ? this.sessions() : [];
    const updatedAt = new Date(this.now.getTime() - rng.int(0, 90 * 24 * 60) * 60_000);
    const accepting = rng.chance(t.accepting ?? 0.9);
    const capacity: ServiceImport['capacity'] = t.course
      ? { acceptingNewClients: sessions.some((s) => s.freeSeats > 0), freeSeats: sessions.reduce((n, s) => n + s.freeSeats, 0), updatedAt }
      : {
          acceptingNewClients: accepting,
          ...(t.category === ServiceCategory.EMPLOYMENT_MEASURE ? { freeSeats: accepting ? rng.int(1, 8) : 0 } : {}),
          ...(t.wait ? { waitingDays: rng.int(t.wait[0], t.wait[1]) } : {}),
          updatedAt,
        };

    const cost: ServiceImport['cost'] = { type: t.cost };
    if (t.fee) cost.feeAmountEuro = rng.int(t.fee[0] / 5, t.fee[1] / 5) * 5;
    if (t.costNote) cost.note = t.costNote;

    return {
      name: t.name,
      description: t.description,
      category: t.category,
      ...(t.specialty ? { specialty: t.specialty } : {}),
      needs: [...t.needs],
      ...(t.age ? { minAge: t.age[0], maxAge: t.age[1] } : {}),
      insuranceRequirement: t.insurance,
      ...(t.eligibilityNote ? { eligibilityNote: t.eligibilityNote } : {}),
      languages,
      accessibility,
      deliveryModes,
      // who comes to the person, or talks online, does so within the district of its site (HSDS service_area)
      ...(deliveryModes.some((m) => m !== DeliveryMode.IN_PERSON) ? { serviceArea: [...new Set(sites.map((s) => s.town.districtAgs))] } : {}),
      ...(t.equipment ? { equipment: [...t.equipment] } : {}),
      cost,
      capacity,
      openingHours: parseHours(Array.isArray(t.hours) ? rng.pick(t.hours) : t.hours),
      sessions,
      locationKeys: sites.map((s) => s.location.key),
    };
  }

  /** 1–3 course runs, weekly for 8–10 weeks, starting within the next ~120 days */
  private sessions(): CourseSessionImport[] {
    const starts = Array.from({ length: this.rng.int(1, 3) }, () => this.today + this.rng.int(3, 120) * DAY_MS).sort((a, b) => a - b);
    const startTime = this.rng.pick(['09:00', '10:00', '14:00', '16:30', '17:00', '18:00', '18:30', '19:00']);
    const duration = this.rng.pick([60, 90]);
    return starts.map((start) => {
      const seats = this.rng.int(8, 15);
      return {
        startsOn: isoDate(start),
        endsOn: isoDate(start + (this.rng.int(8, 10) - 1) * 7 * DAY_MS),
        weekday: isoWeekday(start),
        startTime,
        endTime: addMinutes(startTime, duration),
        seats,
        freeSeats: this.rng.chance(0.15) ? 0 : this.rng.int(1, seats),
      };
    });
  }

  private org(spec: OrgSpec): void {
    let name = `${spec.name} (fiktiv)`;
    for (let n = 2; this.usedNames.has(name); n++) name = `${spec.name} ${n} (fiktiv)`;
    this.usedNames.add(name);
    let domain = `${slug(spec.handle)}.example`;
    for (let n = 2; this.usedValues.has(domain); n++) domain = `${slug(spec.handle)}-${n}.example`;
    this.usedValues.add(domain);
    this.orgs.push({
      name,
      kind: spec.kind,
      identifiers: (spec.identifiers ?? []).map((scheme) => ({ scheme, value: this.identifier(scheme) })),
      ...(spec.kind === OrganizationKind.PHYSICIAN_PRACTICE && this.rng.chance(0.3) ? {} : { website: `https://www.${domain}` }),
      email: `${spec.mailbox ?? 'kontakt'}@${domain}`,
      phones: spec.sites.map((s) => ({
        number: `+49 ${s.town.areaCode} 0000 ${this.rng.int(100, 999)}`,
        ...(spec.sites.length > 1 ? { label: s.location.name ?? 'Zentrale' } : {}),
      })),
      status: OrganizationStatus.ACTIVE,
      fictitious: true,
      locations: spec.sites.map((s) => s.location),
      services: spec.services,
    });
    // the organisation's number at each site is that place's phone, labelled as a caller would ask for it
    const org = this.orgs[this.orgs.length - 1];
    org.locations = org.locations.map((l, i) => ({ ...l, phones: [{ number: org.phones[i].number, label: PHONE_LABELS[spec.kind] }] }));
  }

  /** well-formed 9-digit numbers; the 99 prefix marks them as demo values, they are not meant to match real ones */
  private identifier(scheme: IdentifierScheme): string {
    let value: string;
    do value = `99${String(this.rng.int(0, 9_999_999)).padStart(7, '0')}`;
    while (this.usedValues.has(`${scheme}:${value}`));
    this.usedValues.add(`${scheme}:${value}`);
    return value;
  }
}

/** What the phone at a site is for, by kind of organisation. */
const PHONE_LABELS: Record<OrganizationKind, string> = {
  [OrganizationKind.PHYSICIAN_PRACTICE]: 'Anmeldung',
  [OrganizationKind.CLINIC]: 'Ambulanz/Sekretariat',
  [OrganizationKind.HEALTH_INSURER]: 'Service-Telefon',
  [OrganizationKind.COUNSELLING_SERVICE]: 'Beratungstelefon',
  [OrganizationKind.COURSE_PROVIDER]: 'Kursanmeldung',
  [OrganizationKind.MUNICIPALITY]: 'Raumvergabe',
  [OrganizationKind.SOCIAL_SERVICE_PROVIDER]: 'Beratungstelefon',
  [OrganizationKind.EMPLOYMENT_PROVIDER]: 'Teilnehmerbüro',
  [OrganizationKind.OTHER]: 'Zentrale',
};

function townByName(name: string): DemoTown {
  const town = DEMO_TOWNS.find((t) => t.name === name);
  if (!town) throw new Error(`unknown demo town ${name}`);
  return town;
}

function uniqueByName(templates: ServiceTemplate[]): ServiceTemplate[] {
  return templates.filter((t, i) => templates.findIndex((u) => u.name === t.name) === i);
}
