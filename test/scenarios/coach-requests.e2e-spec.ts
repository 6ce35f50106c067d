import { isOfKind, needAnswers, needWithNarrower, RESOURCE_CATEGORIES, ServiceCategory } from '@lotse/catalogue';
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
  preferredKind comesToPerson travelMinutes matchedNeeds { code } needMatches { need { code } via { code } } location { districtAgs }
  phone { number label } openingToday { textDe } nextSession { startsOn freeSeats textDe } costDe handoverDe
  reasons { factor value explanation }`;
const MATCH = `query($request: MatchRequestInput!, $first: Int = 50) {
  matchReferralTargets(request: $request) {
    origin { kind description districtAgs }
    unmetNeeds { code }
    targets(first: $first) { totalCount edges { node { ${TARGET} } } }
    bundle { items { need { code } target { ${TARGET} } explanation } missingNeeds { need { code } } }
    beyondLimit { need { code } nearest { ${TARGET} } }
  }
}`;

type Node = {
  service: { category: string; specialty: string | null; deliveryModes: string[]; capacity: { acceptingNewClients: boolean } };
  preferredKind: boolean; comesToPerson: boolean; travelMinutes: number; matchedNeeds: { code: string }[];
  needMatches: { need: { code: string }; via: { code: string }[] }[];
  phone: { number: string; label: string } | null; nextSession: { startsOn: string; freeSeats: number; textDe: string } | null; costDe: string; handoverDe: string;
  reasons: { factor: string; value: number; explanation: string }[];
};

const kindOf = (n: Node) => ({ category: n.service.category.toLowerCase(), specialty: n.service.specialty?.toLowerCase() ?? null });
/**
 * The target answers the need by default kinds: of the need's own default kinds, or — where it
 * answers through narrower needs — of each of those narrower needs' (needAnswers, the rule matching uses).
 */
function answersByDefault(n: Node, need: string): boolean {
  const m = n.needMatches.find((x) => x.need.code === need);
  if (!m) return false;
  const routes = needAnswers(need).filter((a) => (m.via.length ? m.via.some((v) => v.code === a.via) : a.via === need));
  return routes.length > 0 && routes.every((a) => isOfKind(kindOf(n), a.kinds));
}
/** every need a target is ranked for is one its kind of partner answers by default */
const ofDefaultKinds = (n: Node) => n.needMatches.every((m) => answersByDefault(n, m.need.code));
const isResource = (n: Node) => RESOURCE_CATEGORIES.includes(kindOf(n).category as ServiceCategory);
const COST_WORDS = /^(kostenfrei|Kassenleistung \(gesetzliche Krankenversicherung\)|Krankenkasse bezuschusst( \(Kursgebühr \d+ €\))?|Gebühr \d+(,\d\d)? €)$/;

describe.each(databaseTargets())('coach requests in the seed regions on the $name database', (target) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(target, { SEED_DEMO_DATA: 'true', SEARCH_OUTBOX_POLL_MS: '0' });
  });
  afterAll(() => t?.close());

  async function match(request: Record<string, unknown>, first = 50): Promise<{ origin: any; unmetNeeds: any[]; bundle: any; beyondLimit: any[]; nodes: Node[]; total: number }> {
    const res = await t.gql(MATCH, { request, first });
    expect(res.errors).toBeUndefined();
    const r = res.data.matchReferralTargets;
    return { ...r, nodes: r.targets.edges.map((e: any) => e.node) as Node[], total: r.targets.totalCount };
  }
  /**
   * What must hold of any answer: each target answers its needs by their default kinds (or the
   * kind asked for), no resource answers a health need unasked, a need answered through narrower
   * needs names them — only narrower needs of it — and says so in its reason.
   */
  function expectSound(nodes: Node[], { kindsAsked = false } = {}) {
    for (const n of nodes) {
      if (!kindsAsked) expect(ofDefaultKinds(n)).toBe(true);
      if (!kindsAsked && isResource(n)) expect(n.matchedNeeds.map((m) => m.code)).toEqual(['employment_qualification']);
      expect(n.needMatches.map((m) => m.need.code)).toEqual(n.matchedNeeds.map((m) => m.code));
      const fit = n.reasons.find((x) => x.factor === 'NEED_FIT')!.explanation;
      for (const m of n.needMatches) {
        for (const v of m.via) expect(needWithNarrower(m.need.code).slice(1)).toContain(v.code);
        if (m.via.length) expect(fit).toContain(' (über ');
      }
      // accessibility worded per feature: Leichte Sprache is communication, never "barrierefrei"
      const access = n.reasons.find((x) => x.factor === 'ACCESSIBILITY')!.explanation;
      expect(access).not.toMatch(/barrierefrei: Leichte Sprache|eingeschränkt barrierefrei/);
      if (/Leichte Sprache|Gebärdensprache/.test(access)) expect(access).toMatch(/Kommunikation: /);
    }
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

    it('Großenhain, weight and metabolism (a need with a narrower one): physicians, clinics and courses, named through "Gewicht" where so listed', async () => {
      const r = await match({ needs: ['metabolic'], origin: { place: 'Großenhain' }, travel: { maxMinutes: 60 } }, 100);
      expect(r.origin.districtAgs).toBe('14627');
      expect(r.nodes.length).toBeGreaterThan(0);
      expectSound(r.nodes);
      for (const n of r.nodes) expect(['PHYSICIAN', 'CLINIC', 'COURSE']).toContain(n.service.category);
      // the narrower need's listings are found too: at least as many as weight alone finds
      const weight = await match({ needs: ['weight_management'], origin: { place: 'Großenhain' }, travel: { maxMinutes: 60 }, diversify: false });
      const metabolic = await match({ needs: ['metabolic'], origin: { place: 'Großenhain' }, travel: { maxMinutes: 60 }, diversify: false });
      expect(metabolic.total).toBeGreaterThanOrEqual(weight.total);
    });

    it('Meißen, the district is named as a Landkreis, and every answer is worded soundly', async () => {
      const r = await match({ needs: ['addiction', 'debt_counselling'], origin: { place: 'Meißen' }, travel: { maxMinutes: 45 } });
      expectSound(r.nodes);
      const own = r.nodes.filter((n: any) => n.location.districtAgs === '14627');
      expect(own.length).toBeGreaterThan(0);
      for (const n of own) expect(n.reasons.find((x) => x.factor === 'DISTRICT')!.explanation).toBe('im eigenen Landkreis (Meißen)');
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

    it('Annaberg-Buchholz, "mental health — an institutional outpatient clinic": psychiatric clinics, each named through the narrower need it is listed under', async () => {
      const r = await match({
        needs: ['mental_health'], origin: { place: 'Annaberg-Buchholz' }, travel: { maxMinutes: 90 },
        partnerKinds: [{ need: 'mental_health', category: 'CLINIC', specialty: 'PSYCHIATRY' }],
      });
      expect(r.origin.districtAgs).toBe('14521');
      expect(r.nodes.length).toBeGreaterThan(0);
      expectSound(r.nodes, { kindsAsked: true });
      for (const n of r.nodes) {
        expect(n.service).toMatchObject({ category: 'CLINIC', specialty: 'PSYCHIATRY' });
        // the demo's PIAs are listed under psychiatric treatment and crisis intervention, not under mental health itself
        expect(n.needMatches[0].via.length).toBeGreaterThan(0);
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

  describe('Dresden: a parent need and a crisis', () => {
    it('Prohlis, "mental health": finds every crisis service and every psychosocial counselling too, and names the city as a city', async () => {
      const request = (needs: string[]) => ({ needs, origin: { postcode: '01239' }, travel: { maxMinutes: 45 }, diversify: false });
      const mental = await match(request(['mental_health']), 100);
      expectSound(mental.nodes);
      for (const narrower of ['crisis_intervention', 'psychosocial_counselling', 'psychiatric_treatment']) {
        const only = await match(request([narrower]));
        expect(only.total).toBeGreaterThan(0);
        expect(mental.total).toBeGreaterThanOrEqual(only.total);
      }
      const own = mental.nodes.filter((n: any) => n.location.districtAgs === '14612');
      expect(own.length).toBeGreaterThan(0);
      for (const n of own) expect(n.reasons.find((x) => x.factor === 'DISTRICT')!.explanation).toBe('in der eigenen Stadt (Dresden)');
    });

    it('the directory agrees: a filter for mental health lists the services of its narrower needs too', async () => {
      const res = await t.gql(`{
        mental: services(first: 100, filter: { needs: ["mental_health"], districtAgs: "14612" }) { totalCount edges { node { needs { code } } } }
        crisis: services(first: 1, filter: { needs: ["crisis_intervention"], districtAgs: "14612" }) { totalCount }
      }`);
      expect(res.errors).toBeUndefined();
      const { mental, crisis } = res.data;
      expect(crisis.totalCount).toBeGreaterThan(0);
      expect(mental.totalCount).toBeGreaterThanOrEqual(crisis.totalCount);
      const family = needWithNarrower('mental_health');
      for (const e of mental.edges) expect(e.node.needs.some((n: any) => family.includes(n.code))).toBe(true);
      expect(mental.edges.some((e: any) => !e.node.needs.some((n: any) => n.code === 'mental_health'))).toBe(true);
    });

    it('a crisis by name ("Krisendienst"): crisis services, clinics and psychiatrists only — never the parent’s drop-in centres', async () => {
      const r = await match({ needs: ['crisis_intervention'], origin: { postcode: '01239' }, travel: { maxMinutes: 45 } });
      expect(r.nodes.length).toBeGreaterThan(0);
      expectSound(r.nodes);
      for (const n of r.nodes) {
        expect(['PSYCHOSOCIAL_SERVICE', 'CLINIC', 'PHYSICIAN']).toContain(n.service.category);
        expect(n.needMatches).toEqual([{ need: { code: 'crisis_intervention' }, via: [] }]);
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

  describe('PASE: a parent need per person', () => {
    it('Borna, one person "mental health", the partner "relatives": the plan answers both, naming a narrower need where it took one', async () => {
      const res = await t.gql(`query($request: HouseholdRequestInput!) { matchHousehold(request: $request) {
        members { label result { targets(first: 20) { edges { node { ${TARGET} } } } } }
        plan { items { member need { code } explanation target { ${TARGET} } } missingNeeds { member need { code } } }
      } }`, { request: { origin: { place: 'Borna' }, travel: { maxMinutes: 60 }, members: [{ needs: ['mental_health'] }, { needs: ['relatives_carers'] }] } });
      expect(res.errors).toBeUndefined();
      const { members, plan } = res.data.matchHousehold;
      for (const m of members) expectSound(m.result.targets.edges.map((e: any) => e.node));
      expect(plan.missingNeeds).toEqual([]);
      for (const i of plan.items) {
        expect(isResource(i.target)).toBe(false);
        const m = i.target.needMatches.find((x: any) => x.need.code === i.need.code);
        expect(m).toBeDefined();
        if (m.via.length) expect(i.explanation).toContain('über „');
      }
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
        expect(answersByDefault(n, item.need.code)).toBe(true);
        expect(n.service.category).not.toBe('COMMUNITY_ROOM');
      }
      // a job measure only where it was asked for: for employment
      for (const n of r.nodes) if (n.service.category === 'EMPLOYMENT_MEASURE') expect(n.matchedNeeds.map((m) => m.code)).toContain('employment_qualification');
      // fit dominates: coverage never rises down the ranking
      for (let i = 1; i < r.nodes.length; i++) expect(r.nodes[i - 1].matchedNeeds.length).toBeGreaterThanOrEqual(r.nodes[i].matchedNeeds.length);
    });

    it('Hoyerswerda, social participation (with self-help below it): groups and services, never the group room', async () => {
      const r = await match({ needs: ['social_participation'], origin: { place: 'Hoyerswerda' }, travel: { maxMinutes: 60 } }, 100);
      expect(r.origin.districtAgs).toBe('14625');
      expect(r.nodes.length).toBeGreaterThan(0);
      expectSound(r.nodes);
      for (const n of r.nodes) expect(n.service.category).not.toBe('COMMUNITY_ROOM');
    });

    it('a bundle never holds a target a hard constraint excludes, and says per need why its item was chosen', async () => {
      const needs = ['mental_health', 'debt_counselling', 'exercise'];
      const r = await match({ needs, origin: { place: 'Bautzen' }, travel: { maxMinutes: 60 }, constraints: { costCovered: true, stepFreeAccess: true } });
      for (const item of r.bundle.items) {
        const n: Node = item.target;
        expect(COST_WORDS.test(n.costDe) && !/^Gebühr/.test(n.costDe)).toBe(true);
        expect(n.reasons.find((x) => x.factor === 'ACCESSIBILITY')!.explanation).toMatch(/^stufenlos zugänglich/);
        expect(n.service.capacity.acceptingNewClients).toBe(true);
        expect(item.explanation).toMatch(new RegExp(`(bestes erreichbares Angebot|Rang \\d+) für „`));
        expect(answersByDefault(n, item.need.code)).toBe(true);
      }
      expect(r.bundle.items.length + r.bundle.missingNeeds.length).toBe(needs.length);
    });
  });
});
