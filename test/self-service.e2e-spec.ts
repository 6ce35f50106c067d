import { DataSource } from 'typeorm';
import { AuthService } from '@lotse/auth';
import { CatalogueService, ServiceCategory } from '@lotse/catalogue';
import { Actor, Role } from '@lotse/common';
import { ContactRoute, ConsentScope, ReferralService, Urgency } from '@lotse/referral';
import { mondayAfter, organizationAt, serviceFixture } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

type RoleKey = 'anonymous' | 'coach' | 'partnerOwn' | 'partnerOther' | 'coordinator' | 'admin';
const ROLES: RoleKey[] = ['anonymous', 'coach', 'partnerOwn', 'partnerOther', 'coordinator', 'admin'];

interface Fresh {
  organizationId: string;
  serviceId: string;
  locationId: string;
}

interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

const PASSWORD = 'correct-horse-battery-9';
/** a ten-week course run that starts on a Monday six weeks from today, whatever today is */
const COURSE_START = mondayAfter(42);
const COURSE_END = mondayAfter(42 + 70);
const EDITORS: RoleKey[] = ['partnerOwn', 'admin'];
const COORDINATING: RoleKey[] = ['coordinator', 'admin'];
const EVERYONE: RoleKey[] = ROLES;
const LOGGED_IN: RoleKey[] = ROLES.filter((r) => r !== 'anonymous');

/**
 * The authorization matrix: every mutation of the schema has exactly one row (a test compares the
 * rows with the schema), saying which roles may call it and how to call it validly on a fresh
 * organisation (the partner acting on "its own" organisation is a member of that fresh one; the
 * "other" partner belongs to a different organisation).
 */
function matrix(t: () => TestApp, coachToken: () => string): Record<string, { allowed: RoleKey[]; call: (f: Fresh) => Promise<Call> }> {
  const auth = () => t().app.get(AuthService);
  const unique = () => Math.random().toString(36).slice(2, 10);
  /** a referral by the matrix's coach to the fresh organisation's listing */
  const referral = async (f: Fresh, send: boolean, consent = send) => {
    const coach: Actor = await auth().authenticate(coachToken());
    return t().app.get(ReferralService).create(coach, {
      serviceId: f.serviceId, locationId: f.locationId, needs: ['exercise'], urgency: Urgency.ROUTINE, languages: ['de'], contactRoute: ContactRoute.PARTICIPANT_CALLS,
      consent: consent ? { agreed: true, scopes: [ConsentScope.SHARE_WITH_PARTNER, ConsentScope.STATUS_FEEDBACK] } : null, send,
    });
  };
  const CONSENT = '{ agreed: true, scopes: [SHARE_WITH_PARTNER, STATUS_FEEDBACK] }';
  return {
    login: {
      allowed: EVERYONE,
      call: async () => {
        const email = `login-${unique()}@test.example`;
        await auth().createUser({ email, password: PASSWORD, displayName: 'L', role: Role.COACH });
        return { query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, variables: { e: email, p: PASSWORD } };
      },
    },
    refreshToken: {
      allowed: EVERYONE,
      call: async () => {
        const email = `refresh-${unique()}@test.example`;
        await auth().createUser({ email, password: PASSWORD, displayName: 'R', role: Role.COACH });
        const { refreshToken } = await auth().login(email, PASSWORD, `matrix-${unique()}`);
        return { query: `mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }`, variables: { r: refreshToken } };
      },
    },
    logout: { allowed: LOGGED_IN, call: async () => ({ query: `mutation { logout }` }) },
    acceptInvitation: {
      allowed: EVERYONE,
      call: async (f) => {
        const { token } = await auth().invite({ email: `invited-${unique()}@test.example`, role: Role.PARTNER, organizationId: f.organizationId }, null);
        return { query: `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p, displayName: "Neu") }`, variables: { t: token, p: PASSWORD } };
      },
    },
    inviteMember: {
      allowed: COORDINATING,
      call: async (f) => ({ query: `mutation($o: ID!, $e: String!) { inviteMember(email: $e, organizationId: $o) { token } }`, variables: { o: f.organizationId, e: `m-${unique()}@test.example` } }),
    },
    registerOrganization: {
      allowed: EVERYONE,
      call: async () => ({ query: `mutation($c: String!) { registerOrganization(input: { name: "Matrix (fiktiv)", kind: OTHER, contactEmail: $c }) { organizationId } }`, variables: { c: `r-${unique()}@test.example` } }),
    },
    updateOrganization: {
      allowed: EDITORS,
      call: async (f) => ({ query: `mutation($id: ID!) { updateOrganization(id: $id, expectedVersion: 1, patch: { website: "https://neu.example" }) { version } }`, variables: { id: f.organizationId } }),
    },
    createLocation: {
      allowed: EDITORS,
      call: async (f) => ({ query: `mutation($o: ID!) { createLocation(organizationId: $o, input: { street: "Markt 2", postcode: "01662", town: "Meißen", latitude: 51.164, longitude: 13.478 }) { id } }`, variables: { o: f.organizationId } }),
    },
    updateLocation: {
      allowed: EDITORS,
      call: async (f) => ({ query: `mutation($id: ID!) { updateLocation(id: $id, expectedVersion: 1, patch: { street: "Neue Straße 3" }) { version } }`, variables: { id: f.locationId } }),
    },
    retireLocation: {
      allowed: EDITORS,
      call: async (f) => ({ query: `mutation($id: ID!) { retireLocation(id: $id, expectedVersion: 1) }`, variables: { id: f.locationId } }),
    },
    createService: {
      allowed: EDITORS,
      call: async (f) => ({
        query: `mutation($o: ID!, $l: ID!) { createService(organizationId: $o, input: { name: "Neu", description: "fiktiv", category: SOCIAL_SERVICE, needs: ["debt_counselling"], insuranceRequirement: NONE, languages: ["de"], accessibility: [], deliveryModes: [IN_PERSON], costType: FREE, locationIds: [$l] }) { id } }`,
        variables: { o: f.organizationId, l: f.locationId },
      }),
    },
    updateService: {
      allowed: EDITORS,
      call: async (f) => ({ query: `mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, patch: { name: "Umbenannt" }) { version } }`, variables: { id: f.serviceId } }),
    },
    retireService: {
      allowed: EDITORS,
      call: async (f) => ({ query: `mutation($id: ID!) { retireService(id: $id, expectedVersion: 1) { status } }`, variables: { id: f.serviceId } }),
    },
    updateCapacity: {
      allowed: EDITORS,
      call: async (f) => ({ query: `mutation($id: ID!) { updateCapacity(id: $id, expectedVersion: 1, capacity: { acceptingNewClients: true, freeSeats: 3, waitingDays: 10 }) { version } }`, variables: { id: f.serviceId } }),
    },
    setOpeningHours: {
      allowed: EDITORS,
      call: async (f) => ({ query: `mutation($id: ID!) { setOpeningHours(id: $id, expectedVersion: 1, hours: [{ weekday: 2, opensAt: "09:00", closesAt: "13:00" }]) { version } }`, variables: { id: f.serviceId } }),
    },
    setCourseSessions: {
      allowed: EDITORS,
      call: async (f) => ({
        query: `mutation($id: ID!) { setCourseSessions(id: $id, expectedVersion: 1, sessions: [{ startsOn: "${COURSE_START}", endsOn: "${COURSE_END}", weekday: 1, startTime: "17:00", endTime: "18:30", seats: 12, freeSeats: 12 }]) { version } }`,
        variables: { id: f.serviceId },
      }),
    },
    activateOrganization: { allowed: COORDINATING, call: async (f) => ({ query: `mutation($id: ID!) { activateOrganization(id: $id) { status } }`, variables: { id: f.organizationId } }) },
    deactivateOrganization: { allowed: COORDINATING, call: async (f) => ({ query: `mutation($id: ID!) { deactivateOrganization(id: $id) { status } }`, variables: { id: f.organizationId } }) },
    verifyOrganization: { allowed: COORDINATING, call: async (f) => ({ query: `mutation($id: ID!) { verifyOrganization(id: $id) { verification { verifiedAt } } }`, variables: { id: f.organizationId } }) },
    verifyService: { allowed: COORDINATING, call: async (f) => ({ query: `mutation($id: ID!) { verifyService(id: $id) { id } }`, variables: { id: f.serviceId } }) },
    importCatalogue: {
      allowed: COORDINATING,
      call: async () => ({
        query: `mutation($f: ImportFileInput!) { importCatalogue(file: $f, source: "matrix", dryRun: true) { errors } }`,
        variables: { f: { name: 'matrix.csv', contentBase64: Buffer.from('Träger;Straße und Hausnummer;PLZ;Ort;Angebot;Angebotsart;Bedarfe\nMatrix;Markt 1;01662;Meißen;Beratung;Suchtberatung;Sucht\n').toString('base64') } },
      }),
    },
    // referrals: the two sides only — a coach refers, the receiving organisation's members answer
    createReferral: {
      allowed: ['coach'],
      call: async (f) => ({
        query: `mutation($s: ID!, $l: ID!) { createReferral(input: { serviceId: $s, locationId: $l, needs: ["exercise"], urgency: ROUTINE, languages: ["de"], contactRoute: PARTICIPANT_CALLS, consent: ${CONSENT}, send: true }) { id } }`,
        variables: { s: f.serviceId, l: f.locationId },
      }),
    },
    recordReferralConsent: {
      allowed: ['coach'],
      call: async (f) => ({ query: `mutation($id: ID!) { recordReferralConsent(id: $id, expectedVersion: 1, consent: ${CONSENT}) { version } }`, variables: { id: (await referral(f, false)).id } }),
    },
    sendReferral: { allowed: ['coach'], call: async (f) => ({ query: `mutation($id: ID!) { sendReferral(id: $id, expectedVersion: 1) { version } }`, variables: { id: (await referral(f, false, true)).id } }) },
    withdrawReferral: { allowed: ['coach'], call: async (f) => ({ query: `mutation($id: ID!) { withdrawReferral(id: $id, expectedVersion: 1) { version } }`, variables: { id: (await referral(f, true)).id } }) },
    moveReferral: {
      allowed: ['partnerOwn'],
      call: async (f) => ({ query: `mutation($id: ID!) { moveReferral(id: $id, expectedVersion: 1, move: { to: SEEN }) { referral { version } } }`, variables: { id: (await referral(f, true)).id } }),
    },
  };
}

/**
 * The matching family of queries (a root query that takes a `request`: the coach's situation) and
 * the reference data they use, × every role, with reading closed (PUBLIC_READ_ACCESS=false): only
 * coaches, coordinators and admins may match; reference data is public. A test compares the rows with
 * the schema's matching queries, so a new one cannot ship without a decision.
 */
const MEISSEN_POINT = '{ latitude: 51.1636, longitude: 13.4775 }';
const DIRECTORY_READERS: RoleKey[] = ['coach', 'coordinator', 'admin'];
const QUERY_MATRIX: Record<string, { allowed: RoleKey[]; query: string }> = {
  matchReferralTargets: {
    allowed: DIRECTORY_READERS,
    query: `{ matchReferralTargets(request: { needs: ["addiction"], origin: ${MEISSEN_POINT} }) { consideredCandidates } }`,
  },
  matchHousehold: {
    allowed: DIRECTORY_READERS,
    query: `{ matchHousehold(request: { origin: ${MEISSEN_POINT}, members: [{ needs: ["addiction"] }, { needs: ["debt_counselling"] }] }) { members { label } plan { explanation } } }`,
  },
  rooms: { allowed: DIRECTORY_READERS, query: `{ rooms(near: ${MEISSEN_POINT}) { rooms { explanation } } }` },
  medicalSpecialties: { allowed: EVERYONE, query: `{ medicalSpecialties { code } }` },
  needsTaxonomy: { allowed: EVERYONE, query: `{ needsTaxonomy { version terms { code defaultPartnerKinds { labelDe } } } }` },
};

describe.each(databaseTargets())('partner self-service and coordinators on the $name database', (target) => {
  let t: TestApp;
  let tokens: Partial<Record<RoleKey, string>>;
  let orgA: string;
  const rows = matrix(() => t, () => tokens.coach!);

  async function fresh(): Promise<Fresh> {
    const catalogue = t.app.get(CatalogueService);
    const [organizationId] = await catalogue.importOrganizations([
      organizationAt(`Frisch ${Math.random().toString(36).slice(2)} (fiktiv)`, 51.16, 13.47, [serviceFixture({ category: ServiceCategory.COURSE, needs: ['exercise'] })]),
    ]);
    const db = t.app.get(DataSource);
    const [{ id: serviceId }] = await db.query(`SELECT id FROM service WHERE organization_id = $1`, [organizationId]);
    const [{ id: locationId }] = await db.query(`SELECT id FROM location WHERE organization_id = $1`, [organizationId]);
    return { organizationId, serviceId, locationId };
  }

  const auditCount = async (organizationId: string) =>
    (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_event WHERE organization_id = $1`, [organizationId]))[0].n;

  beforeAll(async () => {
    t = await startTestApp(target, { PUBLIC_READ_ACCESS: 'false', RATE_LIMIT_LOGIN_PER_MINUTE: '100000', RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    orgA = (await fresh()).organizationId;
    tokens = {
      coach: await t.loginAs(Role.COACH),
      partnerOther: await t.loginAs(Role.PARTNER, [orgA]),
      coordinator: await t.loginAs(Role.COORDINATOR),
      admin: await t.loginAs(Role.ADMIN),
    };
  });
  afterAll(() => t?.close());

  it('has a matrix row for every mutation in the schema', async () => {
    const res = await t.gql(`{ __schema { mutationType { fields { name } } } }`, {}, tokens.admin);
    const mutations = res.data.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort();
    expect(mutations).toEqual(Object.keys(rows).sort());
  });

  const cases = Object.keys(rows).flatMap((mutation) => ROLES.map((role) => ({ mutation, role, allowed: rows[mutation].allowed.includes(role) })));

  it.each(cases)('$mutation as $role → allowed: $allowed', async ({ mutation, role, allowed }) => {
    const target = await fresh();
    const roleOf: Record<Exclude<RoleKey, 'anonymous'>, [Role, string[]]> = {
      coach: [Role.COACH, []], partnerOwn: [Role.PARTNER, [target.organizationId]], partnerOther: [Role.PARTNER, [orgA]], coordinator: [Role.COORDINATOR, []], admin: [Role.ADMIN, []],
    };
    // logout ends the caller's session, so it gets a session of its own
    const token = role === 'anonymous' ? undefined : role === 'partnerOwn' || mutation === 'logout' ? await t.loginAs(...roleOf[role]) : tokens[role];
    const call = await rows[mutation].call(target);
    const auditBefore = await auditCount(target.organizationId);
    const res = await t.gql(call.query, call.variables, token);
    if (allowed) {
      expect(res.errors).toBeUndefined();
    } else {
      expect(res.errors).toHaveLength(1);
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(res.errors![0].extensions.code);
      expect(res.errors![0].extensions.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(await auditCount(target.organizationId)).toBe(auditBefore);
    }
  });

  it('has a query-matrix row for every matching query in the schema', async () => {
    const res = await t.gql(`{ __schema { queryType { fields { name args { name } } } } }`, {}, tokens.admin);
    const matching = res.data.__schema.queryType.fields.filter((f: { args: { name: string }[] }) => f.args.some((a) => a.name === 'request')).map((f: { name: string }) => f.name);
    expect(matching.length).toBeGreaterThanOrEqual(2);
    for (const name of matching) expect(Object.keys(QUERY_MATRIX)).toContain(name);
  });

  const queryCases = Object.keys(QUERY_MATRIX).flatMap((query) => ROLES.filter((r) => r !== 'partnerOwn').map((role) => ({ query, role, allowed: QUERY_MATRIX[query].allowed.includes(role) })));

  it.each(queryCases)('query $query as $role → allowed: $allowed', async ({ query, role, allowed }) => {
    const res = await t.gql(QUERY_MATRIX[query].query, {}, role === 'anonymous' ? undefined : tokens[role]);
    if (allowed) {
      expect(res.errors).toBeUndefined();
    } else {
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data?.[query] ?? null).toBeNull();
    }
  });

  it('lets exactly one of 50 concurrent updates from the same version win; the rest get CONFLICT', async () => {
    const target = await fresh();
    const partner = await t.loginAs(Role.PARTNER, [target.organizationId]);
    const UPDATE = `mutation($id: ID!, $v: Int!, $name: String!) { updateService(id: $id, expectedVersion: $v, patch: { name: $name }) { version name } }`;
    for (const version of [1, 2]) {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => t.gql(UPDATE, { id: target.serviceId, v: version, name: `Name ${version}-${i}` }, partner)));
      const winners = results.filter((r) => !r.errors);
      const conflicts = results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT');
      expect(winners).toHaveLength(1);
      expect(conflicts).toHaveLength(49);
      expect(winners[0].data.updateService.version).toBe(version + 1);
      for (const c of conflicts) expect(c.errors![0].extensions).toMatchObject({ currentVersion: version + 1, expectedVersion: version });
    }
    const audit = await t.gql(`query($id: ID!) { auditTrail(resourceId: $id, first: 100) { edges { node { fieldName replacementValue action actorName } } } }`, { id: target.serviceId }, tokens.coordinator);
    const nameChanges = audit.data.auditTrail.edges.map((e: any) => e.node).filter((n: any) => n.fieldName === 'name');
    expect(nameChanges).toHaveLength(2);
    const [{ name }] = await t.app.get(DataSource).query(`SELECT name FROM service WHERE id = $1`, [target.serviceId]);
    expect(nameChanges[0].replacementValue).toBe(name);
  });

  describe('bad input is refused with the field named, and nothing is written', () => {
    const BAD: { name: string; field: string; call: (f: Fresh) => Call }[] = [
      { name: 'negative free seats', field: 'capacity.freeSeats', call: (f) => ({ query: `mutation($id: ID!) { updateCapacity(id: $id, expectedVersion: 1, capacity: { acceptingNewClients: true, freeSeats: -1 }) { version } }`, variables: { id: f.serviceId } }) },
      { name: 'website not a URL', field: 'patch.website', call: (f) => ({ query: `mutation($id: ID!) { updateOrganization(id: $id, expectedVersion: 1, patch: { website: "ftp//x" }) { version } }`, variables: { id: f.organizationId } }) },
      { name: 'e-mail', field: 'patch.email', call: (f) => ({ query: `mutation($id: ID!) { updateOrganization(id: $id, expectedVersion: 1, patch: { email: "nope" }) { version } }`, variables: { id: f.organizationId } }) },
      { name: 'phone', field: 'patch.phones.0.number', call: (f) => ({ query: `mutation($id: ID!) { updateOrganization(id: $id, expectedVersion: 1, patch: { phones: [{ number: "call me" }] }) { version } }`, variables: { id: f.organizationId } }) },
      { name: 'hours that end before they start', field: 'hours.0.closesAt', call: (f) => ({ query: `mutation($id: ID!) { setOpeningHours(id: $id, expectedVersion: 1, hours: [{ weekday: 1, opensAt: "14:00", closesAt: "09:00" }]) { version } }`, variables: { id: f.serviceId } }) },
      { name: 'overlapping hours', field: 'hours', call: (f) => ({ query: `mutation($id: ID!) { setOpeningHours(id: $id, expectedVersion: 1, hours: [{ weekday: 1, opensAt: "09:00", closesAt: "13:00" }, { weekday: 1, opensAt: "12:00", closesAt: "15:00" }]) { version } }`, variables: { id: f.serviceId } }) },
      { name: 'latitude 95', field: 'patch.latitude', call: (f) => ({ query: `mutation($id: ID!) { updateLocation(id: $id, expectedVersion: 1, patch: { latitude: 95, longitude: 13 }) { version } }`, variables: { id: f.locationId } }) },
      { name: 'a service area of an in-person service', field: 'patch.serviceArea', call: (f) => ({ query: `mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, patch: { serviceArea: ["14627"] }) { version } }`, variables: { id: f.serviceId } }) },
      { name: 'an unknown area', field: 'patch.serviceArea', call: (f) => ({ query: `mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, patch: { deliveryModes: [OUTREACH], serviceArea: ["14627", "14999"] }) { version } }`, variables: { id: f.serviceId } }) },
      { name: 'an area that is no AGS', field: 'patch.serviceArea', call: (f) => ({ query: `mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, patch: { deliveryModes: [OUTREACH], serviceArea: ["Meißen"] }) { version } }`, variables: { id: f.serviceId } }) },
      { name: 'equipment of a course', field: 'patch.equipment', call: (f) => ({ query: `mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, patch: { equipment: [WIFI] }) { version } }`, variables: { id: f.serviceId } }) },
      { name: 'a place’s phone without a label', field: 'patch.phones.0.label', call: (f) => ({ query: `mutation($id: ID!) { updateLocation(id: $id, expectedVersion: 1, patch: { phones: [{ number: "+49 3521 1234", label: "" }] }) { version } }`, variables: { id: f.locationId } }) },
      { name: 'unknown need', field: 'patch.needs', call: (f) => ({ query: `mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, patch: { needs: ["magic"] }) { version } }`, variables: { id: f.serviceId } }) },
      { name: 'someone else’s location', field: 'input.locationIds', call: (f) => ({ query: `mutation($o: ID!, $l: ID!) { createService(organizationId: $o, input: { name: "Xy", description: "x", category: SOCIAL_SERVICE, needs: ["debt_counselling"], insuranceRequirement: NONE, languages: ["de"], accessibility: [], deliveryModes: [IN_PERSON], costType: FREE, locationIds: [$l] }) { id } }`, variables: { o: f.organizationId, l: '00000000-0000-4000-8000-000000000001' } }) },
      { name: 'more free seats than seats', field: 'sessions.0.freeSeats', call: (f) => ({ query: `mutation($id: ID!) { setCourseSessions(id: $id, expectedVersion: 1, sessions: [{ startsOn: "${COURSE_START}", endsOn: "${COURSE_END}", weekday: 1, startTime: "17:00", endTime: "18:30", seats: 5, freeSeats: 9 }]) { version } }`, variables: { id: f.serviceId } }) },
    ];
    it.each(BAD)('$name → BAD_USER_INPUT on $field', async ({ field, call }) => {
      const target = await fresh();
      const partner = await t.loginAs(Role.PARTNER, [target.organizationId]);
      const { query, variables } = call(target);
      const res = await t.gql(query, variables, partner);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await auditCount(target.organizationId)).toBe(0);
      const [row] = await t.app.get(DataSource).query(`SELECT s.version AS s, l.version AS l, o.version AS o FROM service s JOIN location l ON l.organization_id = s.organization_id JOIN organization o ON o.id = s.organization_id WHERE s.id = $1`, [target.serviceId]);
      expect(row).toEqual({ s: 1, l: 1, o: 1 });
    });
  });

  it('lets a partner set the service area of an outreach service and the labelled phones of a place, audited, shown back', async () => {
    const target = await fresh();
    const partner = await t.loginAs(Role.PARTNER, [target.organizationId]);
    const res = await t.gql(`mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, patch: { deliveryModes: [IN_PERSON, OUTREACH], serviceArea: ["14627170", "14627", "14627"] }) { version serviceArea { ags level } } }`, { id: target.serviceId }, partner);
    expect(res.errors).toBeUndefined();
    expect(res.data.updateService.serviceArea).toEqual([{ ags: '14627', level: 'DISTRICT' }, { ags: '14627170', level: 'MUNICIPALITY' }]);
    // the same area in another order changes nothing
    const again = await t.gql(`mutation($id: ID!) { updateService(id: $id, expectedVersion: 2, patch: { serviceArea: ["14627170", "14627"] }) { version } }`, { id: target.serviceId }, partner);
    expect(again.data.updateService.version).toBe(2);
    // back to in person only, with the area still set: refused, naming why
    const inPerson = await t.gql(`mutation($id: ID!) { updateService(id: $id, expectedVersion: 2, patch: { deliveryModes: [IN_PERSON] }) { version } }`, { id: target.serviceId }, partner);
    expect(inPerson.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'patch.deliveryModes' });
    const phones = await t.gql(`mutation($id: ID!) { updateLocation(id: $id, expectedVersion: 1, patch: { phones: [{ number: "+49 3521 0000 555", label: "Anmeldung" }] }) { version phones { number label } } }`, { id: target.locationId }, partner);
    expect(phones.errors).toBeUndefined();
    expect(phones.data.updateLocation.phones).toEqual([{ number: '+49 3521 0000 555', label: 'Anmeldung' }]);
    const fields = (await t.app.get(DataSource).query(`SELECT field_name FROM audit_event WHERE organization_id = $1 ORDER BY occurred_at`, [target.organizationId])).map((r: any) => r.field_name);
    expect(fields).toEqual(expect.arrayContaining(['deliveryModes', 'serviceArea', 'phones']));
    // someone else's partner may not
    const other = await t.loginAs(Role.PARTNER, [(await fresh()).organizationId]);
    const refused = await t.gql(`mutation($id: ID!) { updateService(id: $id, expectedVersion: 2, patch: { serviceArea: ["14612"] }) { version } }`, { id: target.serviceId }, other);
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('stamps capacity with the time, audits each changed field and lets the organisation read its own trail only', async () => {
    const target = await fresh();
    const partner = await t.loginAs(Role.PARTNER, [target.organizationId]);
    const before = Date.now();
    const res = await t.gql(`mutation($id: ID!) { updateCapacity(id: $id, expectedVersion: 1, capacity: { acceptingNewClients: false, waitingDays: 21 }) { version capacity { acceptingNewClients waitingDays updatedAt } } }`, { id: target.serviceId }, partner);
    expect(res.errors).toBeUndefined();
    expect(new Date(res.data.updateCapacity.capacity.updatedAt).getTime()).toBeGreaterThanOrEqual(before - 2000);
    const trail = await t.gql(`query($o: ID!) { auditTrail(organizationId: $o, first: 10) { totalCount edges { node { fieldName previousValue replacementValue actorRole resourceType } } } }`, { o: target.organizationId }, partner);
    expect(trail.errors).toBeUndefined();
    const changes = trail.data.auditTrail.edges.map((e: any) => e.node);
    expect(changes).toEqual(expect.arrayContaining([
      { fieldName: 'acceptingNewClients', previousValue: true, replacementValue: false, actorRole: 'partner', resourceType: 'service' },
      { fieldName: 'waitingDays', previousValue: 7, replacementValue: 21, actorRole: 'partner', resourceType: 'service' },
    ]));
    const foreign = await t.gql(`query($o: ID!) { auditTrail(organizationId: $o, first: 10) { totalCount } }`, { o: target.organizationId }, tokens.partnerOther);
    expect(foreign.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const coordinator = await t.gql(`query($o: ID!) { auditTrail(organizationId: $o, first: 10) { totalCount } }`, { o: target.organizationId }, tokens.coordinator);
    expect(coordinator.data.auditTrail.totalCount).toBe(2);
  });

  /** The queue's items as `kind:id` → reasons and changed fields, walking every page. */
  async function queue(args = '', token = tokens.coordinator): Promise<Record<string, { reasons: string[]; changedFields: string[] }>> {
    const found: Record<string, { reasons: string[]; changedFields: string[] }> = {};
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(
        `query($after: String) { verificationQueue(first: 100, after: $after${args}) { totalCount pageInfo { hasNextPage endCursor }
           edges { node { kind service { id verification { verifiedAt verifiedBy } } organization { id status } reasons changedFields } } } }`,
        { after },
        token,
      );
      expect(res.errors).toBeUndefined();
      for (const { node } of res.data.verificationQueue.edges) {
        found[`${node.kind}:${node.kind === 'SERVICE' ? node.service.id : node.organization.id}`] = { reasons: node.reasons, changedFields: node.changedFields };
      }
      if (!res.data.verificationQueue.pageInfo.hasNextPage) break;
      after = res.data.verificationQueue.pageInfo.endCursor;
    }
    return found;
  }
  const itemOf = async (target: Fresh, args = '') => (await queue(args))[`SERVICE:${target.serviceId}`] ?? { reasons: [], changedFields: [] };

  it('queues listings for coordinators: never verified, then verified, then changed since verification — saying which fields', async () => {
    const target = await fresh();
    const partner = await t.loginAs(Role.PARTNER, [target.organizationId]);
    expect((await itemOf(target)).reasons).toContain('NEVER_VERIFIED');
    const verified = await t.gql(`mutation($id: ID!) { verifyService(id: $id) { version verification { verifiedAt verifiedBy } } }`, { id: target.serviceId }, tokens.coordinator);
    expect(verified.errors).toBeUndefined();
    // the service shows its own verification, and the verification is no edit: the version stays
    expect(verified.data.verifyService).toMatchObject({ version: 1, verification: { verifiedAt: expect.any(String), verifiedBy: 'Test coordinator' } });
    expect(await itemOf(target)).toEqual({ reasons: [], changedFields: [] });

    // the partner edits on the version they had before the verification: no CONFLICT
    const updated = await t.gql(`mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, patch: { description: "geändert" }) { version } }`, { id: target.serviceId }, partner);
    expect(updated.errors).toBeUndefined();
    const hours = await t.gql(`mutation($id: ID!) { setOpeningHours(id: $id, expectedVersion: 2, hours: [{ weekday: 3, opensAt: "08:00", closesAt: "12:00" }]) { version } }`, { id: target.serviceId }, partner);
    expect(hours.errors).toBeUndefined();
    const moved = await t.gql(`mutation($id: ID!) { updateLocation(id: $id, expectedVersion: 1, patch: { street: "Neue Straße 2" }) { version } }`, { id: target.locationId }, partner);
    expect(moved.errors).toBeUndefined();
    expect(await itemOf(target)).toEqual({ reasons: ['CHANGED_SINCE_VERIFICATION'], changedFields: ['description', 'location.street', 'openingHours'] });
  });

  it('does not send a listing back for a routine capacity update: capacity has its own freshness', async () => {
    const target = await fresh();
    const partner = await t.loginAs(Role.PARTNER, [target.organizationId]);
    await t.gql(`mutation($id: ID!) { verifyService(id: $id) { id } }`, { id: target.serviceId }, tokens.coordinator);
    for (const [version, waitingDays] of [[1, 3], [2, 10], [3, 0]]) {
      const res = await t.gql(
        `mutation($id: ID!, $v: Int!, $w: Int!) { updateCapacity(id: $id, expectedVersion: $v, capacity: { acceptingNewClients: true, freeSeats: 2, waitingDays: $w }) { version } }`,
        { id: target.serviceId, v: version, w: waitingDays },
        partner,
      );
      expect(res.errors).toBeUndefined();
    }
    expect(await itemOf(target)).toEqual({ reasons: [], changedFields: [] });
    // and stale capacity, not a change, is what brings it back
    await t.app.get(DataSource).query(`UPDATE service SET capacity_updated_at = now() - interval '40 days' WHERE id = $1`, [target.serviceId]);
    expect(await itemOf(target)).toEqual({ reasons: ['STALE_CAPACITY'], changedFields: [] });
  });

  it('filters the queue by district and by reason, and holds registrations waiting for admission', async () => {
    const target = await fresh(); // in Landkreis Meißen, never verified
    expect((await itemOf(target, ', districtAgs: "14627"')).reasons).toEqual(['NEVER_VERIFIED']);
    expect((await itemOf(target, ', districtAgs: "14612"')).reasons).toEqual([]);
    expect((await itemOf(target, ', reasons: [STALE_CAPACITY]')).reasons).toEqual([]);
    expect((await itemOf(target, ', reasons: [NEVER_VERIFIED, STALE_CAPACITY]')).reasons).toEqual(['NEVER_VERIFIED']);

    const registered = await t.gql(`mutation { registerOrganization(input: { name: "Wartet auf Aufnahme (fiktiv)", kind: COUNSELLING_SERVICE, contactEmail: "leitung@wartet.example" }) { organizationId } }`);
    expect(registered.errors).toBeUndefined();
    const organizationId = registered.data.registerOrganization.organizationId;
    expect((await queue(', reasons: [AWAITING_ADMISSION]'))[`ORGANIZATION:${organizationId}`]).toEqual({ reasons: ['AWAITING_ADMISSION'], changedFields: [] });
    const admitted = await t.gql(`mutation($id: ID!) { activateOrganization(id: $id) { status } }`, { id: organizationId }, tokens.coordinator);
    expect(admitted.errors).toBeUndefined();
    expect((await queue(', reasons: [AWAITING_ADMISSION]'))[`ORGANIZATION:${organizationId}`]).toBeUndefined();
    expect((await queue())[`ORGANIZATION:${organizationId}`]?.reasons).toEqual(['NEVER_VERIFIED']);
    const badDistrict = await t.gql(`{ verificationQueue(districtAgs: "Meißen") { totalCount } }`, {}, tokens.coordinator);
    expect(badDistrict.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtAgs' });
  });

  it('never counts a verification as a change since that verification', async () => {
    // The verification used to be stamped by the application's clock (milliseconds) and the row's
    // updated_at by the database's (microseconds): within the same millisecond the verification
    // came out earlier than its own update. Repeated, so the race shows if it comes back.
    const target = await fresh();
    const changedSince = async () => {
      const [row] = await t.app.get(DataSource).query(`SELECT updated_at > verified_at AS changed FROM service WHERE id = $1`, [target.serviceId]);
      return row.changed;
    };
    for (let i = 0; i < 15; i++) {
      const res = await t.gql(`mutation($id: ID!) { verifyService(id: $id) { id } }`, { id: target.serviceId }, tokens.coordinator);
      expect(res.errors).toBeUndefined();
      expect(await changedSince()).toBe(false);
    }
  });
});
