import { existsSync, readFileSync } from 'fs';
import {
  AccessibilityFeature,
  CostType,
  DeliveryMode,
  IdentifierScheme,
  InsuranceRequirement,
  MedicalSpecialty,
  OrganizationKind,
  OrganizationStatus,
  RoomEquipment,
  ServiceCategory,
} from '../../catalogue/src/domain/enums';
import { NEED_TERMS } from '../../catalogue/src/domain/needs-taxonomy';
import { DEFAULT_PARTNER_KINDS, isOfKind, RESOURCE_CATEGORIES } from '../../catalogue/src/domain/partner-kinds';
import { DEMO_DATA_NOTICE, DEMO_VERIFIED_BY, generateDemoCatalogue, parseHours } from './generator';
import { DEMO_REGIONS, DEMO_TOWNS, DemoTown } from './towns';

const NOW = new Date('2026-03-02T10:15:00Z');
const BOUNDARIES = '/work/shared/data/saxony/boundaries/sn_gemeinden_vg250_2016.geojson';

describe('demo catalogue', () => {
  const orgs = generateDemoCatalogue({ now: NOW });
  const services = orgs.flatMap((org) => org.services.map((service) => ({ org, service })));
  const locations = orgs.flatMap((org) => org.locations);
  const townByPostcode = new Map(DEMO_TOWNS.map((t) => [t.postcode, t]));
  const townOf = (postcode: string): DemoTown => {
    const town = townByPostcode.get(postcode);
    if (!town) throw new Error(`no demo town with postcode ${postcode}`);
    return town;
  };

  it('is deterministic for the same seed and time, and varies with the seed', () => {
    expect(generateDemoCatalogue({ now: NOW })).toEqual(orgs);
    expect(generateDemoCatalogue({ now: NOW, seed: 7 })).not.toEqual(orgs);
    // without `now` the reference is the start of the current UTC day, so repeated runs agree
    expect(generateDemoCatalogue()).toEqual(generateDemoCatalogue());
  });

  it('has at least 420 services', () => {
    expect(services.length).toBeGreaterThanOrEqual(420);
  });

  it('covers every category and every need code several times', () => {
    for (const category of Object.values(ServiceCategory)) {
      expect(services.filter((s) => s.service.category === category).length).toBeGreaterThanOrEqual(10);
    }
    for (const { code } of NEED_TERMS) {
      expect(services.filter((s) => s.service.needs.includes(code)).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives every seed region at least 40 services', () => {
    for (const region of DEMO_REGIONS) {
      const inRegion = services.filter(({ org, service }) =>
        service.locationKeys.some((key) => townOf(org.locations.find((l) => l.key === key)!.postcode).districtAgs === region.districtAgs),
      );
      expect([region.name, inRegion.length >= 40]).toEqual([region.name, true]);
    }
  });

  it('marks every organisation as fictitious, in name, flag and contact data', () => {
    expect(DEMO_DATA_NOTICE).toMatch(/fiktiv/);
    expect(DEMO_DATA_NOTICE).toMatch(/fictitious/);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
    for (const org of orgs) {
      expect(org.name).toMatch(/ \(fiktiv\)$/);
      expect(org.fictitious).toBe(true);
      expect(org.email).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.example$/);
      if (org.website) expect(org.website).toMatch(/^https:\/\/[a-z0-9.-]+\.example$/);
      expect(org.phones.length).toBeGreaterThan(0);
      for (const phone of org.phones) expect(phone.number).toMatch(/^\+49 \d{3,5} 0000 \d{3}$/);
      for (const id of org.identifiers) {
        if (id.scheme === IdentifierScheme.IK || id.scheme === IdentifierScheme.BSNR) expect(id.value).toMatch(/^99\d{7}$/);
      }
    }
    const ids = orgs.flatMap((o) => o.identifiers.map((i) => `${i.scheme}:${i.value}`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has mostly active partners, a few pending and inactive, and 10–15 % verified', () => {
    const byStatus = (s: OrganizationStatus) => orgs.filter((o) => o.status === s).length;
    expect(byStatus(OrganizationStatus.PENDING)).toBeGreaterThanOrEqual(3);
    expect(byStatus(OrganizationStatus.INACTIVE)).toBeGreaterThanOrEqual(1);
    expect(byStatus(OrganizationStatus.ACTIVE)).toBeGreaterThan(orgs.length * 0.9);
    const verified = orgs.filter((o) => o.verifiedAt);
    expect(verified.length / orgs.length).toBeGreaterThanOrEqual(0.1);
    expect(verified.length / orgs.length).toBeLessThanOrEqual(0.15);
    for (const org of verified) {
      expect(org.verifiedBy).toBe(DEMO_VERIFIED_BY);
      expect(org.verifiedAt!.getTime()).toBeLessThan(NOW.getTime());
      expect(org.verifiedAt!.getTime()).toBeGreaterThan(NOW.getTime() - 366 * 86_400_000);
    }
  });

  it('includes organisations with several locations and services offered at several of them', () => {
    expect(orgs.filter((o) => o.locations.length > 1).length).toBeGreaterThanOrEqual(10);
    expect(services.filter((s) => s.service.locationKeys.length > 1).length).toBeGreaterThanOrEqual(10);
  });

  it('only refers to locations that exist, with unique keys per organisation', () => {
    for (const org of orgs) {
      const keys = org.locations.map((l) => l.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const service of org.services) {
        expect(service.locationKeys.length).toBeGreaterThan(0);
        for (const key of service.locationKeys) expect(keys).toContain(key);
      }
    }
  });

  it('places every location at a demo town inside Saxony', () => {
    for (const loc of locations) {
      const town = townOf(loc.postcode);
      expect(loc.town).toBe(town.town);
      expect(loc.latitude).toBeGreaterThan(50.17);
      expect(loc.latitude).toBeLessThan(51.69);
      expect(loc.longitude).toBeGreaterThan(11.87);
      expect(loc.longitude).toBeLessThan(15.04);
      expect(distanceMeters(loc.latitude, loc.longitude, town.latitude, town.longitude)).toBeLessThanOrEqual(town.spreadMeters + 1);
    }
  });

  it('lists each demo town once per postcode and only towns of the seed regions', () => {
    expect(townByPostcode.size).toBe(DEMO_TOWNS.length);
    const regions = new Set(DEMO_REGIONS.map((r) => r.districtAgs));
    for (const town of DEMO_TOWNS) {
      expect(regions.has(town.districtAgs)).toBe(true);
      expect(town.postcode).toMatch(/^0[0-9]{4}$/);
    }
  });

  it('uses only valid enum values and well-formed service data', () => {
    const needCodes = new Set(NEED_TERMS.map((n) => n.code));
    const languages = new Set(['de', 'en', 'ru', 'uk', 'ar', 'pl', 'cs', 'tr', 'vi', 'fa']);
    const time = /^([01]\d|2[0-3]):[0-5]\d$/;
    for (const org of orgs) {
      expect(Object.values(OrganizationKind)).toContain(org.kind);
      expect(Object.values(OrganizationStatus)).toContain(org.status);
      for (const id of org.identifiers) expect(Object.values(IdentifierScheme)).toContain(id.scheme);
    }
    for (const { service: s } of services) {
      expect(Object.values(ServiceCategory)).toContain(s.category);
      if (s.specialty) expect(Object.values(MedicalSpecialty)).toContain(s.specialty);
      expect(Object.values(InsuranceRequirement)).toContain(s.insuranceRequirement);
      expect(Object.values(CostType)).toContain(s.cost.type);
      expect(s.needs.length).toBeGreaterThanOrEqual(1);
      expect(s.needs.length).toBeLessThanOrEqual(4);
      for (const need of s.needs) expect(needCodes.has(need)).toBe(true);
      expect(s.languages[0]).toBe('de');
      for (const lang of s.languages) expect(languages.has(lang)).toBe(true);
      for (const a of s.accessibility) expect(Object.values(AccessibilityFeature)).toContain(a);
      expect(s.deliveryModes.length).toBeGreaterThan(0);
      for (const m of s.deliveryModes) expect(Object.values(DeliveryMode)).toContain(m);
      if (s.cost.type === CostType.FEE) expect(s.cost.feeAmountEuro).toBeGreaterThan(0);
      if (s.minAge !== undefined) expect(s.maxAge!).toBeGreaterThan(s.minAge);
      for (const h of s.openingHours) {
        expect(h.weekday).toBeGreaterThanOrEqual(1);
        expect(h.weekday).toBeLessThanOrEqual(7);
        expect(h.opensAt).toMatch(time);
        expect(h.closesAt).toMatch(time);
        expect(h.opensAt < h.closesAt).toBe(true);
      }
      const updated = s.capacity.updatedAt.getTime();
      expect(updated).toBeLessThanOrEqual(NOW.getTime());
      expect(updated).toBeGreaterThanOrEqual(NOW.getTime() - 90 * 86_400_000);
    }
  });

  it('gives physicians a specialty and statutory billing, and realistic waiting times', () => {
    const physicians = services.filter((s) => s.service.category === ServiceCategory.PHYSICIAN).map((s) => s.service);
    for (const p of physicians) {
      expect(p.specialty).toBeDefined();
      expect(p.cost.type).toBe(CostType.STATUTORY_INSURANCE);
    }
    const meanWait = (sp: MedicalSpecialty) => {
      const waits = physicians.filter((p) => p.specialty === sp).map((p) => p.capacity.waitingDays!);
      return waits.reduce((a, b) => a + b, 0) / waits.length;
    };
    expect(meanWait(MedicalSpecialty.PSYCHOTHERAPY)).toBeGreaterThan(3 * meanWait(MedicalSpecialty.GENERAL_PRACTICE));
  });

  it('schedules course sessions after now, within about 120 days, with consistent seats', () => {
    const courses = services.filter((s) => s.service.category === ServiceCategory.COURSE).map((s) => s.service);
    expect(courses.length).toBeGreaterThan(0);
    const today = NOW.toISOString().slice(0, 10);
    const latest = new Date(NOW.getTime() + 121 * 86_400_000).toISOString().slice(0, 10);
    for (const c of courses) {
      expect(c.sessions.length).toBeGreaterThanOrEqual(1);
      expect(c.sessions.length).toBeLessThanOrEqual(3);
      for (const s of c.sessions) {
        expect(s.startsOn > today).toBe(true);
        expect(s.startsOn <= latest).toBe(true);
        expect(s.endsOn >= s.startsOn).toBe(true);
        const weekday = ((new Date(`${s.startsOn}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
        expect(s.weekday).toBe(weekday);
        expect(s.startTime < s.endTime).toBe(true);
        expect(s.freeSeats).toBeGreaterThanOrEqual(0);
        expect(s.freeSeats).toBeLessThanOrEqual(s.seats);
      }
      expect(c.capacity.freeSeats).toBe(c.sessions.reduce((n, s) => n + s.freeSeats, 0));
      expect(c.capacity.acceptingNewClients).toBe(c.capacity.freeSeats! > 0);
    }
    expect(courses.some((c) => c.cost.type === CostType.INSURER_SUBSIDISED)).toBe(true);
    expect(courses.some((c) => c.cost.type === CostType.FEE)).toBe(true);
  });

  describe('looks like the network', () => {
    const inRegion = (districtAgs: string) =>
      services.filter(({ org, service }) => service.locationKeys.some((key) => townOf(org.locations.find((l) => l.key === key)!.postcode).districtAgs === districtAgs));

    it('tags every service with needs its kind of partner answers (what a coach would be sent there for)', () => {
      const wrong = services
        .filter(({ service }) => !RESOURCE_CATEGORIES.includes(service.category))
        .flatMap(({ service }) => service.needs
          .filter((need) => !isOfKind({ category: service.category, specialty: service.specialty ?? null }, DEFAULT_PARTNER_KINDS[need]))
          .map((need) => `${service.name} (${service.category}/${service.specialty ?? '-'}): ${need}`));
      expect([...new Set(wrong)]).toEqual([]);
    });

    it('gives insurers prevention, courses and counselling — never GP care or specialist assessment', () => {
      const insurers = services.filter(({ org }) => org.kind === OrganizationKind.HEALTH_INSURER);
      expect(insurers.length).toBeGreaterThan(20);
      for (const { service } of insurers) {
        expect(service.needs).not.toContain('primary_care');
        expect(service.needs).not.toContain('specialist_assessment');
      }
      const categories = new Set(insurers.map(({ service }) => service.category));
      expect(categories).toEqual(new Set([ServiceCategory.HEALTH_INSURER, ServiceCategory.COURSE]));
    });

    it('has a psychiatric outpatient clinic, addiction counselling and relatives’ groups in every region', () => {
      for (const region of DEMO_REGIONS) {
        const here = inRegion(region.districtAgs).map((s) => s.service);
        const pia = here.filter((s) => s.category === ServiceCategory.CLINIC && s.specialty === MedicalSpecialty.PSYCHIATRY && s.needs.includes('psychiatric_treatment'));
        const addiction = here.filter((s) => s.category === ServiceCategory.ADDICTION_COUNSELLING && s.needs.includes('addiction'));
        const relatives = here.filter((s) => s.needs.includes('relatives_carers') && s.category !== ServiceCategory.HEALTH_INSURER);
        const crisis = here.filter((s) => s.needs.includes('crisis_intervention'));
        expect({ region: region.name, pia: pia.length > 0, addiction: addiction.length > 0, relatives: relatives.length >= 2, crisis: crisis.length > 0 })
          .toEqual({ region: region.name, pia: true, addiction: true, relatives: true, crisis: true });
      }
    });

    it('runs back and smoking-cessation courses in every region, dated from now, with their cost', () => {
      const today = NOW.toISOString().slice(0, 10);
      for (const region of DEMO_REGIONS) {
        const courses = inRegion(region.districtAgs).map((s) => s.service).filter((s) => s.category === ServiceCategory.COURSE);
        for (const need of ['smoking_cessation', 'musculoskeletal']) {
          const found = courses.filter((c) => c.needs.includes(need));
          expect({ region: region.name, need, found: found.length > 0 }).toEqual({ region: region.name, need, found: true });
          for (const c of found) {
            expect(c.sessions.length).toBeGreaterThan(0);
            for (const session of c.sessions) expect(session.startsOn > today).toBe(true);
            // a fee, or free / covered: the cost can always be said in words
            if (c.cost.type === CostType.FEE || c.cost.type === CostType.INSURER_SUBSIDISED) expect(c.cost.feeAmountEuro).toBeGreaterThan(0);
          }
        }
      }
      const rueckenschule = services.filter((s) => s.service.name.startsWith('Rückenschule'));
      expect(rueckenschule.length).toBeGreaterThanOrEqual(DEMO_REGIONS.length);
    });

    it('has municipal rooms for outreach consultations in the job-centre towns of Landkreis Meißen', () => {
      const rooms = services.filter(({ service }) => service.category === ServiceCategory.COMMUNITY_ROOM);
      const towns = new Set(rooms.flatMap(({ org, service }) => service.locationKeys.map((k) => townOf(org.locations.find((l) => l.key === k)!.postcode).name)));
      for (const town of ['Meißen', 'Riesa', 'Großenhain', 'Radebeul']) expect(towns).toContain(town);
      for (const { org } of rooms) expect(org.kind).toBe(OrganizationKind.MUNICIPALITY);
      // what a coach books a room for: a consultation room behind a closed door in every room town
      for (const { service } of rooms) expect(service.equipment?.length).toBeGreaterThan(0);
      expect(rooms.filter(({ service }) => service.equipment?.includes(RoomEquipment.CONFIDENTIAL)).length).toBeGreaterThanOrEqual(4);
    });

    it('gives every place a labelled phone of its own, and every outreach or online service the district it serves', () => {
      for (const l of locations) {
        expect(l.phones?.length).toBe(1);
        expect(l.phones![0].label.length).toBeGreaterThan(0);
      }
      const remote = services.filter(({ service }) => service.deliveryModes.some((m) => m !== DeliveryMode.IN_PERSON));
      expect(remote.length).toBeGreaterThan(20);
      for (const { org, service } of remote) {
        const districts = service.locationKeys.map((k) => townOf(org.locations.find((l) => l.key === k)!.postcode).districtAgs);
        expect(service.serviceArea).toEqual([...new Set(districts)]);
      }
      for (const { service } of services.filter(({ service }) => service.deliveryModes.every((m) => m === DeliveryMode.IN_PERSON))) expect(service.serviceArea).toBeUndefined();
    });
  });

  it('parses compact opening hours', () => {
    expect(parseHours('2,4 14:00-18:00; 1-3 08:00-12:00')).toEqual([
      { weekday: 1, opensAt: '08:00', closesAt: '12:00' },
      { weekday: 2, opensAt: '08:00', closesAt: '12:00' },
      { weekday: 2, opensAt: '14:00', closesAt: '18:00' },
      { weekday: 3, opensAt: '08:00', closesAt: '12:00' },
      { weekday: 4, opensAt: '14:00', closesAt: '18:00' },
    ]);
    expect(parseHours('')).toEqual([]);
  });

  describe('against the VG250 municipality boundaries', () => {
    const available = existsSync(BOUNDARIES);
    if (!available) {
      it.skip(`every location lies in its town's district (skipped: ${BOUNDARIES} not found)`, () => undefined);
      return;
    }

    it("puts every location inside a municipality of its town's district", () => {
      const municipalities = loadMunicipalities(BOUNDARIES);
      expect(municipalities.length).toBeGreaterThan(400);
      const misplaced = locations
        .map((loc) => ({ loc, ags: municipalityAt(municipalities, loc.longitude, loc.latitude) }))
        .filter(({ loc, ags }) => !ags?.startsWith(townOf(loc.postcode).districtAgs))
        .map(({ loc, ags }) => `${loc.town} ${loc.postcode} (${loc.latitude}, ${loc.longitude}) -> ${ags ?? 'outside Saxony'}`);
      expect(misplaced).toEqual([]);
    });
  });
});

type Ring = number[][];
interface Municipality {
  ags: string;
  polygons: Ring[][];
}

function loadMunicipalities(path: string): Municipality[] {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as {
    features: { properties: { AGS: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  return fc.features.map((f) => ({
    ags: f.properties.AGS,
    polygons: f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Ring[]] : (f.geometry.coordinates as Ring[][]),
  }));
}

/** even-odd ray casting; holes are rings too, so a point in a hole is outside */
function insideRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function municipalityAt(municipalities: Municipality[], lon: number, lat: number): string | undefined {
  return municipalities.find((m) =>
    m.polygons.some(([outer, ...holes]) => insideRing(lon, lat, outer) && !holes.some((h) => insideRing(lon, lat, h))),
  )?.ags;
}

function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
