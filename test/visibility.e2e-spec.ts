import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { DataSource } from 'typeorm';
import {
  CatalogueService,
  DIRECTORY,
  isListingVisibleTo,
  isOrganizationVisibleTo,
  OrganizationKind,
  OrganizationStatus,
  ServiceStatus,
  Viewer,
} from '@lotse/catalogue';
import { Role } from '@lotse/common';
import { SearchIndexer } from '@lotse/search';
import { organizationAt, serviceFixture } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/*
 * The visibility rule (libs/catalogue/src/visibility.ts), proven over the whole schema: for every
 * root query and every nested field the generator reaches, a pending or inactive organisation's data
 * and a retired service never reach a coach, an anonymous caller or another organisation's partner —
 * and they do reach the organisation's own members and coordinators where a path shows hidden
 * listings (lookups, lists, nested fields; never discovery: matching, search, radius, coverage).
 *
 * The selection sets are generated from the schema: every scalar field and every nested object and
 * list, down to a depth. A new root query fails this test until it has a row in ROOT_CALLS (how to
 * call it and whether it may show hidden listings) — the same discipline as the authorization matrix.
 */

const MEISSEN = { latitude: 51.1636, longitude: 13.4775 };

/** Distinctive words in every field of the hidden organisations' data; none may reach the wrong viewer. */
const HIDDEN = {
  pending: 'Wartestand',
  inactive: 'Ruhestand',
  retired: 'Altbestand',
} as const;
type HiddenKind = keyof typeof HIDDEN;
const ALL_HIDDEN = Object.keys(HIDDEN) as HiddenKind[];

type ViewerKey = 'anonymous' | 'coach' | 'partnerOther' | 'partnerOwn' | 'coordinator' | 'admin';
const BLIND: ViewerKey[] = ['anonymous', 'coach', 'partnerOther'];
const PRIVILEGED: ViewerKey[] = ['partnerOwn', 'coordinator', 'admin'];

interface Fixture {
  organizations: Record<'active' | 'pending' | 'inactive' | 'other', string>;
  services: Record<'visible' | 'pending' | 'inactive' | 'retired', string>;
  locations: Record<'active' | 'pending' | 'inactive', string>;
}

interface Call {
  /** the argument list, without parentheses; `f` names the fixture's ids */
  args?: string;
  /** the hidden data a privileged viewer must find in the answer of this call */
  reveals?: HiddenKind[];
  /** who must find `reveals` (default: the organisation's members, coordinators and admins) */
  revealsTo?: ViewerKey[];
  /** the roles that may call the field at all (the rest are refused, which shows nothing either) */
  roles?: ViewerKey[];
}

/**
 * How each root query is called. `reveals` lists what the organisation's members, coordinators and
 * admins must see there; every other viewer must see none of it (checked for every call).
 */
const ROOT_CALLS: Record<string, (f: Fixture) => Call[]> = {
  needsTaxonomy: () => [{}],
  needs: () => [{}],
  languages: () => [{}, { args: 'search: "Sorb"' }],
  me: () => [{ roles: ['coach', 'partnerOther', 'partnerOwn', 'coordinator', 'admin'] }],
  organizations: () => [
    {},
    { args: 'filter: { status: PENDING }', reveals: ['pending'] },
    { args: 'filter: { status: INACTIVE }', reveals: ['inactive'] },
    { args: `filter: { search: "${HIDDEN.pending}" }` },
  ],
  organization: (f) => [
    { args: `id: "${f.organizations.active}"`, reveals: ['retired'] },
    { args: `id: "${f.organizations.pending}"`, reveals: ['pending'] },
    { args: `id: "${f.organizations.inactive}"`, reveals: ['inactive'] },
  ],
  services: (f) => [
    { reveals: ['pending', 'inactive', 'retired'] },
    { args: `filter: { organizationId: "${f.organizations.pending}" }`, reveals: ['pending'] },
    { args: 'filter: { needs: ["addiction"], districtAgs: "14627" }', reveals: ['pending', 'inactive', 'retired'] },
  ],
  service: (f) => [
    { args: `id: "${f.services.visible}"` },
    { args: `id: "${f.services.pending}"`, reveals: ['pending'] },
    { args: `id: "${f.services.inactive}"`, reveals: ['inactive'] },
    { args: `id: "${f.services.retired}"`, reveals: ['retired'] },
  ],
  servicesNear: () => [{ args: `near: { latitude: ${MEISSEN.latitude}, longitude: ${MEISSEN.longitude}, radiusMeters: 20000 }` }],
  locations: (f) => [
    { reveals: ['pending', 'inactive', 'retired'] },
    { args: `filter: { organizationId: "${f.organizations.inactive}" }`, reveals: ['inactive'] },
  ],
  location: (f) => [
    { args: `id: "${f.locations.active}"`, reveals: ['retired'] },
    { args: `id: "${f.locations.pending}"`, reveals: ['pending'] },
    { args: `id: "${f.locations.inactive}"`, reveals: ['inactive'] },
  ],
  searchServices: () => [{ args: `text: "${HIDDEN.pending}"` }, { args: `text: "${HIDDEN.retired}"` }, { args: 'text: "Beratung"' }, {}],
  matchReferralTargets: () => [
    { args: `request: { needs: ["addiction"], origin: { latitude: ${MEISSEN.latitude}, longitude: ${MEISSEN.longitude} }, travel: { mode: CAR, maxMinutes: 30 }, diversify: false }` },
    { args: `request: { needs: ["addiction", "psychotherapy"], origin: { latitude: ${MEISSEN.latitude}, longitude: ${MEISSEN.longitude} }, travel: { mode: WALK, maxMinutes: 5 } }` },
  ],
  matchHousehold: () => [
    { args: `request: { origin: { latitude: ${MEISSEN.latitude}, longitude: ${MEISSEN.longitude} }, travel: { mode: CAR, maxMinutes: 30 }, members: [{ needs: ["addiction"] }, { needs: ["psychotherapy", "debt_counselling"] }] }` },
  ],
  rooms: () => [{ args: `near: { latitude: ${MEISSEN.latitude}, longitude: ${MEISSEN.longitude} }, maxKilometers: 50` }],
  medicalSpecialties: () => [{}],
  districts: () => [{}],
  district: () => [{ args: 'ags: "14627"' }],
  municipalities: () => [{ args: 'districtAgs: "14627"' }],
  municipality: () => [{ args: 'ags: "14627170"' }],
  postcode: () => [{ args: 'code: "01662"' }],
  places: () => [{ args: 'text: "Meißen"' }, { args: 'text: "Zabeltiz"' }],
  place: () => [{ args: 'id: "14627140"' }],
  transitFeed: () => [{}],
  areaAt: () => [{ args: `latitude: ${MEISSEN.latitude}, longitude: ${MEISSEN.longitude}` }],
  myOrganizations: () => [{ reveals: ['pending', 'inactive', 'retired'], revealsTo: ['partnerOwn'], roles: ['coach', 'partnerOther', 'partnerOwn', 'coordinator', 'admin'] }],
  auditTrail: (f) => [
    { args: `organizationId: "${f.organizations.pending}"`, roles: ['partnerOwn', 'coordinator', 'admin'] },
    { args: `organizationId: "${f.organizations.active}"`, roles: ['partnerOwn', 'coordinator', 'admin'] },
  ],
  verificationQueue: () => [{ reveals: ['pending'], revealsTo: ['coordinator', 'admin'], roles: ['coordinator', 'admin'] }],
  importTemplate: () => [{ args: 'format: "csv"', roles: ['coordinator', 'admin'] }],
  // an upload's import job: only who started it (none here: NOT_FOUND) and admins, never anyone else
  importJob: () => [{ args: 'id: "00000000-0000-4000-8000-00000000dead"', roles: ['coordinator', 'admin'] }],
  networkCoverage: () => [{ args: 'input: { needs: ["addiction"], districtAgs: "14627", thresholdMinutes: 60, mode: CAR }', roles: ['coordinator', 'admin'] }],
  // referrals: only their two sides see one (none exists here: NOT_FOUND or empty), never anyone else
  referral: () => [{ args: 'id: "00000000-0000-4000-8000-00000000dead"', roles: ['coach', 'partnerOther', 'partnerOwn'] }],
  referralByCode: () => [{ args: 'code: "2345-6789-ABCD"', roles: ['coach', 'partnerOther', 'partnerOwn'] }],
  myReferrals: () => [{ roles: ['coach'] }],
  referralInbox: () => [{ roles: ['partnerOther', 'partnerOwn'] }],
  referralOutcomes: () => [{ roles: ['coordinator', 'admin'] }, { args: 'withReasons: true, districtAgs: ["14627"]', roles: ['coordinator', 'admin'] }],
  unmetReferralDemand: () => [{ roles: ['coordinator', 'admin'] }],
};

/** Values for nested fields with required arguments (none yet). */
const NESTED_ARGS: Record<string, string> = {};

/** Object levels a generated selection descends (connections, edges and page info are free). */
const MAX_DEPTH = 4;
const PAGE = 5;

/** A selection set over every field of `type` down to `depth` object levels; fields needing unknown arguments are reported. */
export function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, missing: Set<string>): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    return `{ __typename ${members.map((m) => `... on ${m.name} ${selectionFor(schema, m, depth, missing)}`).join(' ')} }`;
  }
  const object = type as GraphQLObjectType;
  const free = /(Connection|Edge)$/.test(object.name) || object.name === 'PageInfo';
  const parts: string[] = [];
  for (const field of Object.values(object.getFields()) as GraphQLField<unknown, unknown>[]) {
    const target = getNamedType(field.type);
    const nested = !(isScalarType(target) || isEnumType(target));
    const nextDepth = free ? depth : depth - 1;
    if (nested && nextDepth <= 0) continue;
    const args = fieldArguments(object.name, field, missing);
    if (args === null) continue;
    parts.push(`${field.name}${args}${nested ? ' ' + selectionFor(schema, target, nextDepth, missing) : ''}`);
  }
  return `{ __typename ${parts.join(' ')} }`;
}

function fieldArguments(typeName: string, field: GraphQLField<unknown, unknown>, missing: Set<string>): string | null {
  const known = NESTED_ARGS[`${typeName}.${field.name}`];
  if (known !== undefined) return `(${known})`;
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  if (required.length) {
    missing.add(`${typeName}.${field.name}(${required.map((a) => a.name).join(', ')})`);
    return null;
  }
  return field.args.some((a) => a.name === 'first') ? `(first: ${PAGE})` : '';
}

/** Every string in an answer, lower-cased: where the hidden words would show up if they leaked. */
function textOf(value: unknown): string {
  return JSON.stringify(value ?? null).toLowerCase();
}

describe.each(databaseTargets())('hidden listings over the whole schema on the $name database', (target) => {
  let t: TestApp;
  let f: Fixture;
  const tokens: Partial<Record<ViewerKey, string>> = {};

  beforeAll(async () => {
    // the generated selections ask for every nested list at once: far beyond what a client may ask
    t = await startTestApp(target, { SEARCH_OUTBOX_POLL_MS: '0', QUERY_COST_LIMIT: '100000000' });
    const catalogue = t.app.get(CatalogueService);
    const marked = (word: string, name: string) =>
      serviceFixture({ name: `${name} ${word}`, description: `Fiktives Angebot ${word}`, needs: ['addiction', 'psychotherapy'] });
    const hiddenOrganization = (word: string, status: OrganizationStatus) => ({
      ...organizationAt(`Träger ${word} (fiktiv)`, MEISSEN.latitude + 0.002, MEISSEN.longitude, [marked(word, 'Suchtberatung')], status),
      email: `${word.toLowerCase()}@fiktiv.example`,
      phones: [{ number: `+49 3521 ${word.length}0${status.length}99`, label: `Zentrale ${word}` }],
      kind: OrganizationKind.COUNSELLING_SERVICE,
    });
    const active = organizationAt('Träger Offen (fiktiv)', MEISSEN.latitude, MEISSEN.longitude, [
      serviceFixture({ name: 'Suchtberatung Offen', needs: ['addiction', 'psychotherapy'] }),
      marked(HIDDEN.retired, 'Gruppe'),
    ]);
    const pending = hiddenOrganization(HIDDEN.pending, OrganizationStatus.PENDING);
    const inactive = hiddenOrganization(HIDDEN.inactive, OrganizationStatus.INACTIVE);
    pending.locations[0].street = `${HIDDEN.pending}weg 3`;
    inactive.locations[0].street = `${HIDDEN.inactive}weg 4`;
    const other = organizationAt('Träger Anders (fiktiv)', MEISSEN.latitude + 0.01, MEISSEN.longitude, [serviceFixture({ name: 'Beratung Anders' })]);
    const [activeId, pendingId, inactiveId, otherId] = await catalogue.importOrganizations([active, pending, inactive, other]);
    const db = t.app.get(DataSource);
    const serviceOf = async (name: string) => (await db.query(`SELECT id FROM service WHERE name = $1`, [name]))[0].id as string;
    const locationOf = async (organizationId: string) => (await db.query(`SELECT id FROM location WHERE organization_id = $1`, [organizationId]))[0].id as string;
    const retired = await serviceOf(`Gruppe ${HIDDEN.retired}`);
    await db.query(`UPDATE service SET status = 'inactive' WHERE id = $1`, [retired]);
    f = {
      organizations: { active: activeId, pending: pendingId, inactive: inactiveId, other: otherId },
      services: { visible: await serviceOf('Suchtberatung Offen'), pending: await serviceOf(`Suchtberatung ${HIDDEN.pending}`), inactive: await serviceOf(`Suchtberatung ${HIDDEN.inactive}`), retired },
      locations: { active: await locationOf(activeId), pending: await locationOf(pendingId), inactive: await locationOf(inactiveId) },
    };
    // the search index as the API's worker would leave it: the hidden ones never enter it
    await t.app.get(SearchIndexer).drain();
    tokens.coach = await t.loginAs(Role.COACH);
    tokens.partnerOther = await t.loginAs(Role.PARTNER, [otherId]);
    tokens.partnerOwn = await t.loginAs(Role.PARTNER, [activeId, pendingId, inactiveId]);
    tokens.coordinator = await t.loginAs(Role.COORDINATOR);
    tokens.admin = await t.loginAs(Role.ADMIN);
  });
  afterAll(() => t?.close());

  const schema = (): GraphQLSchema => t.app.get(GraphQLSchemaHost).schema;

  it('knows how to call every root query, and every nested field it reaches', () => {
    const fields = Object.keys(schema().getQueryType()!.getFields());
    expect(fields.filter((name) => !(name in ROOT_CALLS))).toEqual([]);
    const missing = new Set<string>();
    for (const name of fields) selectionFor(schema(), getNamedType(schema().getQueryType()!.getFields()[name].type), MAX_DEPTH, missing);
    expect([...missing]).toEqual([]);
  });

  it('the rule agrees in SQL and in TypeScript for every state of service and organisation and every kind of viewer', async () => {
    const db = t.app.get(DataSource);
    const org = f.organizations.pending;
    const viewers: Viewer[] = [DIRECTORY, { seesAllHidden: true, memberOf: [] }, { seesAllHidden: false, memberOf: [org] }, { seesAllHidden: false, memberOf: [f.organizations.other] }];
    for (const serviceStatus of Object.values(ServiceStatus)) {
      for (const organizationStatus of Object.values(OrganizationStatus)) {
        for (const viewer of viewers) {
          const [row] = await db.query(
            `SELECT listing_visible_to($1, $2, $3::uuid, $4, $5::uuid[]) AS listing, organization_visible_to($2, $3::uuid, $4, $5::uuid[]) AS organization`,
            [serviceStatus, organizationStatus, org, viewer.seesAllHidden, viewer.memberOf],
          );
          const label = `${serviceStatus}/${organizationStatus}/${JSON.stringify(viewer)}`;
          expect([label, row.listing]).toEqual([label, isListingVisibleTo(viewer, { status: serviceStatus, organizationId: org }, { status: organizationStatus })]);
          expect([label, row.organization]).toEqual([label, isOrganizationVisibleTo(viewer, { id: org, status: organizationStatus })]);
        }
      }
    }
  });

  it('the generated selections reach every nested list of the catalogue types', () => {
    const fields = schema().getQueryType()!.getFields();
    const selection = (root: string) => selectionFor(schema(), getNamedType(fields[root].type), MAX_DEPTH, new Set());
    for (const [root, lists] of Object.entries({ organization: ['services', 'locations'], location: ['services', 'organization'], service: ['locations', 'organization'] })) {
      for (const list of lists) expect([root, selection(root).includes(` ${list} {`)]).toEqual([root, true]);
    }
    // and two levels down: the services of a target's organisation, the services at its location
    expect(selection('matchReferralTargets')).toMatch(/organization \{[^]*services \{/);
    expect(isObjectType(getNamedType(fields.organization.type))).toBe(true);
  });

  it('discovery finds only visible listings, for every viewer, members and coordinators included', async () => {
    const hiddenServices = [f.services.pending, f.services.inactive, f.services.retired];
    const origin = `origin: { latitude: ${MEISSEN.latitude}, longitude: ${MEISSEN.longitude} }`;
    const found: Record<string, (data: any) => string[]> = {
      [`{ matchReferralTargets(request: { needs: ["addiction", "psychotherapy"], ${origin}, travel: { mode: CAR, maxMinutes: 30 }, diversify: false }) {
          targets(first: 100) { edges { node { service { id } } } } bundle { items { target { service { id } } } }
          beyondLimit { nearest { service { id } } } } }`]: (d) => [
        ...d.matchReferralTargets.targets.edges.map((e: any) => e.node.service.id),
        ...(d.matchReferralTargets.bundle?.items ?? []).map((i: any) => i.target.service.id),
      ],
      [`{ searchServices(text: "Suchtberatung", first: 100) { edges { node { service { id } } } } }`]: (d) => d.searchServices.edges.map((e: any) => e.node.service.id),
      [`{ searchServices(first: 100) { edges { node { service { id } } } } }`]: (d) => d.searchServices.edges.map((e: any) => e.node.service.id),
      [`{ servicesNear(first: 100, near: { latitude: ${MEISSEN.latitude}, longitude: ${MEISSEN.longitude}, radiusMeters: 20000 }) { edges { node { service { id } } } } }`]: (d) =>
        d.servicesNear.edges.map((e: any) => e.node.service.id),
    };
    for (const viewer of [...BLIND, ...PRIVILEGED]) {
      for (const [query, ids] of Object.entries(found)) {
        const res = await t.gql(query, {}, tokens[viewer]);
        expect(res.errors).toBeUndefined();
        const services = ids(res.data);
        expect(services).toContain(f.services.visible);
        expect([viewer, query, services.filter((id) => hiddenServices.includes(id))]).toEqual([viewer, query, []]);
      }
    }
    // counts and coverage count only visible listings: one visible addiction service in the district
    const counts = await t.gql(`{ district(ags: "14627") { serviceCounts { category count } } }`, {}, tokens.coordinator);
    expect(counts.data.district.serviceCounts).toEqual([{ category: 'ADDICTION_COUNSELLING', count: 2 }]);
    const coverage = await t.gql(
      `{ networkCoverage(input: { needs: ["psychotherapy"], districtAgs: "14627", thresholdMinutes: 60, mode: CAR }) { networkSize { category services organizations } } }`,
      {},
      tokens.coordinator,
    );
    expect(coverage.errors).toBeUndefined();
    expect(coverage.data.networkCoverage.networkSize).toEqual([{ category: 'ADDICTION_COUNSELLING', services: 2, organizations: 2 }]);
  });

  it.each(Object.keys(ROOT_CALLS))('%s: hidden data never reaches coaches, anonymous callers or other partners, and reaches members and coordinators', async (field) => {
    const rootField = schema().getQueryType()!.getFields()[field];
    if (!rootField) return; // a row for a field that is gone fails the test above, not this one
    const selection = selectionFor(schema(), getNamedType(rootField.type), MAX_DEPTH, new Set());
    for (const call of ROOT_CALLS[field](f)) {
      const query = `{ ${field}${call.args ? `(${call.args})` : ''} ${selection} }`;
      for (const viewer of [...BLIND, ...PRIVILEGED]) {
        const res = await t.gql(query, {}, tokens[viewer]);
        const allowed = !call.roles || call.roles.includes(viewer);
        const where = `${field}(${call.args ?? ''}) as ${viewer}`;
        if (allowed) {
          expect([where, res.errors?.filter((e) => e.extensions.code !== 'NOT_FOUND') ?? []]).toEqual([where, []]);
        } else {
          expect([where, res.data?.[field] ?? null]).toEqual([where, null]);
        }
        const text = textOf(res);
        // Members and coordinators may meet hidden listings anywhere under a nested list (that is the
        // rule); what must be there is what the call reveals. The others must meet none, anywhere.
        const mustShow = allowed && (call.revealsTo ?? PRIVILEGED).includes(viewer) ? call.reveals ?? [] : [];
        for (const kind of ALL_HIDDEN) {
          const shown = text.includes(HIDDEN[kind].toLowerCase());
          if (BLIND.includes(viewer)) expect([where, kind, shown]).toEqual([where, kind, false]);
          else if (mustShow.includes(kind)) expect([where, kind, shown]).toEqual([where, kind, true]);
        }
      }
    }
  });
});
