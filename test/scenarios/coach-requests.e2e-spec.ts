import { DEFAULT_PARTNER_KINDS, isOfKind, RESOURCE_CATEGORIES, ServiceCategory } from '@lotse/catalogue';
import { databaseTargets, startTestApp, TestApp } from '../support/test-app';

/*
 * Coach requests from the seed regions, against the demo catalogue, asserting the KIND of answer —
 * category, specialty, which needs are covered, that constraints hold — never names, so the suite
 * survives a regenerated demo catalogue. One app boot per database; every request is a read.
 *
 *   ReSiSaX   Landkreis Meißen      physical conditions; job-centre towns; municipal rooms for outreach
 *   KoPrA     Erzgebirgskreis       mental illness, rural, far from clinics
 *   Dresden   Landeshauptstadt      mental illness in a city district (Prohlis)
 *   PASE      Landkreis Leipzig     the ill person and their partner in one household
 *   MOSAIK    Landkreis Bautzen     many needs, offers "from one hand"
 */

const TARGET = `service { category specialty deliveryModes capacity { acceptingNewClients } } partnerKind { category specialty labelDe }
  preferredKind comesToPerson travelMinutes matchedNeeds { code } location { districtAgs }
  phone { number label } openingToday { textDe } nextSession { startsOn freeSeats textDe } costDe handoverDe
  reasons { factor value explanation }`;
const MATCH = `query($request: MatchRequestInput!) {
  matchReferralTargets(request: $request) {
    origin { kind description districtAgs }
    unmetNeeds { code }
    targets(first: 50) { totalCount edges { node { ${TARGET} } } }
    bundle { items { need { code } target { ${TARGET} } explanation } missingNeeds { need { code } } }
    beyondLimit { need { code } nearest { ${TARGET} } }
  }
}`;

type Node = {
  service: { category: string; specialty: string | null; deliveryModes: string[]; capacity: { acceptingNewClients: boolean } };
  preferredKind: boolean; comesToPerson: boolean; travelMinutes: number; matchedNeeds: { code: string }[];
  phone: { number: string; label: string } | null; nextSession: { startsOn: string; freeSeats: number; textDe: string } | null; costDe: string; handoverDe: string;
  reasons: { factor: string; value: number; explanation: string }[];
};

const kindOf = (n: Node) => ({ category: n.service.category.toLowerCase(), specialty: n.service.specialty?.toLowerCase() ?? null });
/** every need a target is ranked for is one its kind of partner answers by default */
const ofDefaultKinds = (n: Node) => n.matchedNeeds.every((need) => isOfKind(kindOf(n), DEFAULT_PARTNER_KINDS[need.code]));
const isResource = (n: Node) => RESOURCE_CATEGORIES.includes(kindOf(n).category as ServiceCategory);
const COST_WORDS = /^(kostenfrei|Kassenleistung \(gesetzliche Krankenversicherung\)|Krankenkasse bezuschusst( \(Kursgebühr \d+ €\))?|Gebühr \d+(,\d\d)? €)$/;

describe.each(databaseTargets())('coach requests in the seed regions on the $name database', (target) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(target, { SEED_DEMO_DATA: 'true', SEARCH_OUTBOX_POLL_MS: '0' });
  });
  afterAll(() => t?.close());

  async function match(request: Record<string, unknown>): Promise<{ origin: any; unmetNeeds: any[]; bundle: any; beyondLimit: any[]; nodes: Node[] }> {
    const res = await t.gql(MATCH, { request });
    expect(res.errors).toBeUndefined();
    const r = res.data.matchReferralTargets;
    return { ...r, nodes: r.targets.edges.map((e: any) => e.node) as Node[] };
  }
  const forNeed = (nodes: Node[], need: string) => nodes.filter((n) => n.matchedNeeds.some((m) => m.code === need));

  describe('ReSiSaX (Landkreis Meißen): physical conditions', () => {
    it('Riesa, "an orthopaedist and a back course": an orthopaedist and a course, never one course for both or an insurer', async () => {
      const r = await match({
        needs: ['musculoskeletal', 'exercise'], origin: { postcode: '01589' }, travel: { maxMinutes: 60 },
        partnerKinds: [{ need: 'musculoskeletal', specialty: 'ORTHOPAEDICS' }, { need: 'exercise', category: 'COURSE' }],
      });
      expect(r.origin.districtAgs).toBe('14627');
      const back = forNeed(r.nodes, 'musculoskeletal');
      expect(back.length).toBeGreaterThan(0);
      for (const n of back) expect(n.service.specialty).toBe('ORTHOPAEDICS');
      for (const n of forNeed(r.nodes, 'exercise')) expect(n.service.category).toBe('COURSE');
      const items = new Map<string, Node>(r.bundle.items.map((i: any) => [i.need.code, i.target]));
      // a practice or a clinic's orthopaedics department: both are "ein Orthopäde"
      expect(items.get('musculoskeletal')!.service.specialty).toBe('ORTHOPAEDICS');
      expect(['PHYSICIAN', 'CLINIC']).toContain(items.get('musculoskeletal')!.service.category);
      expect(items.get('exercise')!.service.category).toBe('COURSE');
      for (const item of items.values()) expect(item.service.capacity.acceptingNewClients).toBe(true);
      // the course hands over its next run and its cost in words
      const course = items.get('exercise')!;
      expect(course.costDe).toMatch(COST_WORDS);
      if (course.nextSession) expect(course.nextSession.textDe).toMatch(/^nächster Kurs ab /);
    });

    it('a back problem by default: physicians, clinics and courses — no work placement, not even beyond the limit', async () => {
      const r = await match({ needs: ['musculoskeletal'], origin: { place: 'Riesa' }, travel: { maxMinutes: 45 } });
      expect(r.nodes.length).toBeGreaterThan(0);
      for (const n of r.nodes) {
        expect(['PHYSICIAN', 'CLINIC', 'COURSE']).toContain(n.service.category);
        expect(ofDefaultKinds(n)).toBe(true);
      }
      const far = await match({ needs: ['musculoskeletal'], origin: { place: 'Riesa' }, travel: { mode: 'WALK', maxMinutes: 1 } });
      for (const b of far.beyondLimit) if (b.nearest) expect(isResource(b.nearest)).toBe(false);
    });

    it('Radebeul, heart + specialist assessment: a cardiologist for the assessment, never an insurer’s centre', async () => {
      const plain = await match({ needs: ['cardiovascular', 'specialist_assessment'], origin: { place: 'Radebeul' }, travel: { maxMinutes: 60 } });
      for (const n of plain.nodes) {
        expect(n.service.category).not.toBe('HEALTH_INSURER');
        expect(ofDefaultKinds(n)).toBe(true);
      }
      for (const n of forNeed(plain.nodes, 'specialist_assessment')) expect(['PHYSICIAN', 'CLINIC']).toContain(n.service.category);
      const asked = await match({
        needs: ['cardiovascular', 'specialist_assessment'], origin: { place: 'Radebeul' }, travel: { maxMinutes: 60 },
        partnerKinds: [{ need: 'specialist_assessment', specialty: 'CARDIOLOGY', mode: 'PREFER' }],
      });
      const assessment = asked.bundle.items.find((i: any) => i.need.code === 'specialist_assessment').target;
      expect(assessment.service.specialty).toBe('CARDIOLOGY');
      expect(assessment.preferredKind).toBe(true);
      // the first target for the assessment is a cardiologist too
      const first = forNeed(asked.nodes, 'specialist_assessment').find((n) => n.matchedNeeds.length === Math.max(...forNeed(asked.nodes, 'specialist_assessment').map((x) => x.matchedNeeds.length)))!;
      expect(first.service.specialty).toBe('CARDIOLOGY');
    });

    it('rooms for an outreach consultation near the job centre in Riesa: municipal rooms with hours and equipment', async () => {
      const res = await t.gql(`{ rooms(near: { place: "Riesa" }, equipment: [CONFIDENTIAL]) { rooms { service { category } providerName equipment openingHours { weekday } phone { label } explanation } } }`);
      expect(res.errors).toBeUndefined();
      const rooms = res.data.rooms.rooms;
      expect(rooms.length).toBeGreaterThan(0);
      for (const room of rooms) {
        expect(room.service.category).toBe('COMMUNITY_ROOM');
        expect(room.equipment).toContain('CONFIDENTIAL');
        expect(room.openingHours.length).toBeGreaterThan(0);
        expect(room.phone.label.length).toBeGreaterThan(0);
      }
      expect(rooms[0].providerName).toMatch(/^Stadt Riesa/);
    });
  });

  describe('KoPrA (Erzgebirgskreis): mental illness far from the clinics', () => {
    it('Jöhstadt, a clinic’s psychiatric assessment: a psychiatric outpatient clinic within 90 minutes, ranked first', async () => {
      const r = await match({
        needs: ['psychiatric_treatment'], origin: { place: 'Jöhstadt' }, travel: { maxMinutes: 90 },
        partnerKinds: [{ need: 'psychiatric_treatment', category: 'CLINIC', specialty: 'PSYCHIATRY' }],
      });
      expect(r.origin.districtAgs).toBe('14521');
      expect(r.nodes.length).toBeGreaterThan(0);
      for (const n of r.nodes) expect(n.service).toMatchObject({ category: 'CLINIC', specialty: 'PSYCHIATRY' });
      expect(r.nodes[0].travelMinutes <= 90 || r.nodes[0].comesToPerson).toBe(true);
    });

    it('Jöhstadt, mental health by default: no insurer centres, stress courses or diabetology', async () => {
      const r = await match({ needs: ['mental_health'], origin: { place: 'Jöhstadt' }, travel: { maxMinutes: 90 } });
      expect(r.nodes.length).toBeGreaterThan(0);
      for (const n of r.nodes) {
        expect(['HEALTH_INSURER', 'COURSE', 'COMMUNITY_ROOM', 'EMPLOYMENT_MEASURE']).not.toContain(n.service.category);
        expect(n.service.specialty).not.toBe('DIABETOLOGY');
        expect(ofDefaultKinds(n)).toBe(true);
      }
    });

    it('Jöhstadt, addiction within 20 minutes: the district’s outreach service comes to the person', async () => {
      const r = await match({ needs: ['addiction'], origin: { place: 'Jöhstadt' }, travel: { maxMinutes: 20 } });
      const coming = r.nodes.filter((n) => n.comesToPerson);
      expect(coming.length).toBeGreaterThan(0);
      for (const n of coming) {
        expect(n.service.deliveryModes.some((m) => m === 'OUTREACH' || m === 'ONLINE')).toBe(true);
        expect(n.reasons.find((x) => x.factor === 'TRAVEL_TIME')!.explanation).toMatch(/keine Anfahrt$/);
      }
      expect(coming.some((n) => /kommt zu Ihnen \(aufsuchend\)/.test(n.handoverDe))).toBe(true);
    });
  });

  describe('Dresden-Prohlis: mental illness in the city', () => {
    it('mental health + psychosocial counselling: counselling and treatment, no rooms or job measures', async () => {
      const r = await match({ needs: ['mental_health', 'psychosocial_counselling'], origin: { postcode: '01239' }, travel: { maxMinutes: 45 } });
      expect(r.origin.districtAgs).toBe('14612');
      expect(r.unmetNeeds).toEqual([]);
      for (const n of [...r.nodes, ...r.bundle.items.map((i: any) => i.target)]) {
        expect(isResource(n)).toBe(false);
        expect(ofDefaultKinds(n)).toBe(true);
      }
      expect(r.bundle.missingNeeds).toEqual([]);
      // what a coach hands over is there for every target
      for (const n of r.nodes.slice(0, 10)) {
        expect(n.phone?.label).toBeTruthy();
        expect(n.costDe).toMatch(COST_WORDS);
      }
    });
  });

  describe('PASE (Landkreis Leipzig): the ill person and their partner', () => {
    it('one household from Grimma: each person their own kind of partner, and a joint plan', async () => {
      const res = await t.gql(`query($request: HouseholdRequestInput!) { matchHousehold(request: $request) {
        members { label result { targets(first: 20) { edges { node { ${TARGET} } } } } }
        plan { items { member need { code } target { ${TARGET} } } missingNeeds { member need { code } } distinctLocations }
      } }`, { request: {
        origin: { place: 'Grimma' }, travel: { maxMinutes: 60 },
        members: [
          { needs: ['psychotherapy', 'debt_counselling'] },
          { needs: ['relatives_carers'], partnerKinds: [{ need: 'relatives_carers', category: 'PSYCHOSOCIAL_SERVICE', mode: 'PREFER' }, { need: 'relatives_carers', category: 'SOCIAL_SERVICE', mode: 'PREFER' }] },
        ],
      } });
      expect(res.errors).toBeUndefined();
      const { members, plan } = res.data.matchHousehold;
      for (const m of members) for (const e of m.result.targets.edges) expect(ofDefaultKinds(e.node) || e.node.preferredKind).toBe(true);
      expect(plan.missingNeeds).toEqual([]);
      expect(plan.items.map((i: any) => `${i.member}:${i.need.code}`).sort()).toEqual(['Person 1:debt_counselling', 'Person 1:psychotherapy', 'Person 2:relatives_carers']);
      for (const i of plan.items) {
        expect(i.target.matchedNeeds.map((n: any) => n.code)).toContain(i.need.code);
        expect(isResource(i.target)).toBe(false);
      }
      const therapy = plan.items.find((i: any) => i.need.code === 'psychotherapy').target;
      expect(['PHYSICIAN', 'CLINIC']).toContain(therapy.service.category);
    });
  });

  describe('MOSAIK (Landkreis Bautzen): many needs, from one hand', () => {
    it('six needs from Bautzen: a bundle covering each need with a target of its kind, taking new clients', async () => {
      const needs = ['musculoskeletal', 'mental_health', 'debt_counselling', 'addiction', 'nutrition', 'employment_qualification'];
      const r = await match({ needs, origin: { place: 'Bautzen' }, travel: { maxMinutes: 60 }, constraints: { acceptingNewClientsOnly: true } });
      expect(r.origin.districtAgs).toBe('14625');
      expect(r.bundle.missingNeeds).toEqual([]);
      expect(r.bundle.items.map((i: any) => i.need.code)).toEqual(needs);
      for (const item of r.bundle.items) {
        const n: Node = item.target;
        expect(n.service.capacity.acceptingNewClients).toBe(true);
        expect(isOfKind(kindOf(n), DEFAULT_PARTNER_KINDS[item.need.code])).toBe(true);
        expect(n.service.category).not.toBe('COMMUNITY_ROOM');
      }
      // a job measure only where it was asked for: for employment
      for (const n of r.nodes) if (n.service.category === 'EMPLOYMENT_MEASURE') expect(n.matchedNeeds.map((m) => m.code)).toContain('employment_qualification');
      // fit dominates: coverage never rises down the ranking
      for (let i = 1; i < r.nodes.length; i++) expect(r.nodes[i - 1].matchedNeeds.length).toBeGreaterThanOrEqual(r.nodes[i].matchedNeeds.length);
    });
  });
});
