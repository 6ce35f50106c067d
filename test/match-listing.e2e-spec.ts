import { DataSource } from 'typeorm';
import { CatalogueService, defaultRouteTokens, OrganizationStatus, routeToken, ServiceCategory } from '@lotse/catalogue';
import { daysAgo, organizationAt, serviceFixture } from './support/fixtures';
import { destination } from './support/geodesy';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/*
 * match_listing is derived by triggers from the catalogue: a row per need of a listing's family (each
 * need it is tagged with, and each broader need above one) × location. The oracle here recomputes it
 * from the source tables, written again in the test: after every kind of write, the two must hold the same
 * rows — no listing missing, none stale, none too many.
 */
const ORACLE = `
  WITH RECURSIVE lineage(code, ancestor) AS (
    SELECT code, code FROM need_term
    UNION SELECT l.code, t.parent_code FROM lineage l JOIN need_term t ON t.code = l.ancestor WHERE t.parent_code IS NOT NULL
  ),
  family AS (
    SELECT sn.service_id, l.ancestor AS need_code, array_agg(sn.need_code::text ORDER BY sn.need_code) AS tagged
    FROM service_need sn JOIN lineage l ON l.code = sn.need_code GROUP BY 1, 2
  )
  SELECT f.need_code, s.id AS service_id, l.id AS location_id, s.organization_id, ST_AsText(l.point::geometry) AS point, l.district_ags,
         s.category, s.min_age, s.max_age, s.languages, s.accessibility, s.delivery_modes, s.cost_type, s.accepting_new_clients,
         s.free_seats, s.waiting_days, s.capacity_updated_at,
         f.tagged AS tagged_needs, f.need_code = ANY(f.tagged) AS direct,
         ARRAY(SELECT t || '>' || k FROM unnest(f.tagged) t,
           unnest(ARRAY['c:' || s.category, 's:' || coalesce(s.specialty, ''), 'cs:' || s.category || '/' || coalesce(s.specialty, '')]) k ORDER BY 1) AS route_tokens
  FROM service s JOIN organization o ON o.id = s.organization_id
  JOIN family f ON f.service_id = s.id
  JOIN service_location sl ON sl.service_id = s.id JOIN location l ON l.id = sl.location_id
  WHERE s.status = 'active' AND o.status = 'active'`;
const PROJECTION = `
  SELECT need_code, service_id, location_id, organization_id, ST_AsText(point::geometry) AS point, district_ags,
         category, min_age, max_age, languages, accessibility, delivery_modes, cost_type, accepting_new_clients,
         free_seats, waiting_days, capacity_updated_at,
         tagged_needs::text[], direct, ARRAY(SELECT unnest(route_tokens) ORDER BY 1) AS route_tokens
  FROM match_listing`;

/** a scan of a need that takes a listing of any category */
const anyKind = (need: string) => ({ need, routes: Object.values(ServiceCategory).map((c) => routeToken(need, `c:${c}`)) });

const DRESDEN = { latitude: 51.0504, longitude: 13.7373 };
const MEISSEN = { latitude: 51.1636, longitude: 13.4775 };
const BAUTZEN = { latitude: 51.1814, longitude: 14.4244 };
const GOERLITZ = { latitude: 51.1526, longitude: 14.9873 };
/** whole milliseconds, relative to the clock: the facts carry capacity time as epoch ms */
const CAPACITY_STAMP = new Date(Math.floor(daysAgo(30).getTime() / 1000) * 1000);
const CAPACITY_EDIT = new Date(Math.floor(daysAgo(11).getTime() / 1000) * 1000);

describe.each(databaseTargets())('the matcher read model (match_listing) on the $name database', (target) => {
  let t: TestApp;
  let db: DataSource;

  const assertInStep = async (step: string) => {
    const missing = await db.query(`SELECT * FROM (${ORACLE}) o EXCEPT SELECT * FROM (${PROJECTION}) p`);
    const extra = await db.query(`SELECT * FROM (${PROJECTION}) p EXCEPT SELECT * FROM (${ORACLE}) o`);
    expect({ step, missing, extra }).toEqual({ step, missing: [], extra: [] });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM match_listing`);
    return n as number;
  };
  const serviceId = async (name: string): Promise<string> => (await db.query(`SELECT id FROM service WHERE name = $1`, [name]))[0].id;
  const facts = async (name: string): Promise<string[]> =>
    (await db.query(`SELECT facts FROM match_listing WHERE service_id = $1 ORDER BY need_code, location_id`, [await serviceId(name)])).map((r: { facts: string }) => r.facts);

  beforeAll(async () => {
    t = await startTestApp(target);
    db = t.app.get(DataSource);
    await t.app.get(CatalogueService).importOrganizations([
      organizationAt('Projection A (fiktiv)', DRESDEN.latitude, DRESDEN.longitude, [
        serviceFixture({ name: 'proj-two-needs', needs: ['addiction', 'psychosocial_counselling'] }),
        serviceFixture({ name: 'proj-one-need', needs: ['debt_counselling'], capacity: { acceptingNewClients: true, freeSeats: 3, updatedAt: CAPACITY_STAMP } }),
      ]),
      organizationAt('Projection B (fiktiv)', MEISSEN.latitude, MEISSEN.longitude, [serviceFixture({ name: 'proj-other-org', needs: ['addiction'] })]),
    ]);
  });
  afterAll(() => t?.close());

  it('holds one row per need of the family × location of every visible service after an import', async () => {
    // proj-two-needs: addiction, psychosocial counselling and, above it, mental health
    expect(await assertInStep('import')).toBe(5);
    const family = await db.query(`SELECT need_code, tagged_needs::text[] AS tagged, direct FROM match_listing WHERE service_id = $1 ORDER BY need_code`, [await serviceId('proj-two-needs')]);
    expect(family).toEqual([
      { need_code: 'addiction', tagged: ['addiction'], direct: true },
      { need_code: 'mental_health', tagged: ['psychosocial_counselling'], direct: false },
      { need_code: 'psychosocial_counselling', tagged: ['psychosocial_counselling'], direct: true },
    ]);
    const [line] = await facts('proj-one-need');
    const [organizationId, district, category, languages, accessibility, modes, accepting, freeSeats, waitingDays, capacityMs, lat, lon] = line.split('|');
    const [org] = await db.query(`SELECT id FROM organization WHERE name = 'Projection A (fiktiv)'`);
    expect({ organizationId, district, category, languages, accessibility, modes, accepting, freeSeats, waitingDays }).toEqual({
      organizationId: org.id, district: '14612', category: 'addiction_counselling', languages: 'de', accessibility: '', modes: 'in_person', accepting: 't', freeSeats: '3', waitingDays: '',
    });
    expect(Number(capacityMs)).toBe(CAPACITY_STAMP.getTime());
    expect(Number(lat)).toBeCloseTo(DRESDEN.latitude, 9);
    expect(Number(lon)).toBeCloseTo(DRESDEN.longitude, 9);
  });

  it('follows capacity and other service edits, including the pre-formatted facts', async () => {
    const id = await serviceId('proj-one-need');
    await db.query(`UPDATE service SET accepting_new_clients = false, waiting_days = 21, languages = '{de,uk}', capacity_updated_at = $2 WHERE id = $1`, [id, CAPACITY_EDIT.toISOString()]);
    await assertInStep('capacity update');
    const [line] = await facts('proj-one-need');
    expect(line.split('|').slice(3, 9)).toEqual(['de,uk', '', 'in_person', 'f', '3', '21']);
    expect(Number(line.split('|')[9])).toBe(CAPACITY_EDIT.getTime());
  });

  it('drops a listing when its service or organisation stops being active, and brings it back', async () => {
    const id = await serviceId('proj-two-needs');
    await db.query(`UPDATE service SET status = 'inactive' WHERE id = $1`, [id]);
    expect(await assertInStep('service inactive')).toBe(2);
    await db.query(`UPDATE service SET status = 'active' WHERE id = $1`, [id]);
    expect(await assertInStep('service active again')).toBe(5);
    await db.query(`UPDATE organization SET status = $1 WHERE name = 'Projection B (fiktiv)'`, [OrganizationStatus.INACTIVE]);
    expect(await assertInStep('organisation inactive')).toBe(4);
    await db.query(`UPDATE organization SET status = $1 WHERE name = 'Projection B (fiktiv)'`, [OrganizationStatus.ACTIVE]);
    expect(await assertInStep('organisation active again')).toBe(5);
  });

  it('follows needs, service locations and moved locations', async () => {
    const id = await serviceId('proj-two-needs');
    await db.query(`DELETE FROM service_need WHERE service_id = $1 AND need_code = 'addiction'`, [id]);
    expect(await assertInStep('need removed')).toBe(4);
    // tagged with mental health itself now: its row stands for both
    await db.query(`INSERT INTO service_need (service_id, need_code) VALUES ($1, 'addiction'), ($1, 'mental_health')`, [id]);
    expect(await assertInStep('needs added')).toBe(5);
    const [mental] = await db.query(`SELECT tagged_needs::text[] AS tagged, direct FROM match_listing WHERE service_id = $1 AND need_code = 'mental_health'`, [id]);
    expect(mental).toEqual({ tagged: ['mental_health', 'psychosocial_counselling'], direct: true });

    // a second location of organisation A, in Meißen, then the service offered there too
    const [org] = await db.query(`SELECT id FROM organization WHERE name = 'Projection A (fiktiv)'`);
    const [loc] = await db.query(
      `INSERT INTO location (id, organization_id, street, postcode, town, version, point) VALUES (gen_random_uuid(), $1, 'Markt 1', '01662', 'Meißen', 1,
         ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) RETURNING id`,
      [org.id, MEISSEN.longitude, MEISSEN.latitude],
    );
    await db.query(`INSERT INTO service_location (service_id, location_id) VALUES ($1, $2)`, [id, loc.id]);
    expect(await assertInStep('second location')).toBe(8);
    const [inMeissen] = await db.query(`SELECT DISTINCT district_ags FROM match_listing WHERE location_id = $1`, [loc.id]);
    expect(inMeissen.district_ags).toBe('14627');

    // moving the location re-derives its district and the listing's point and facts
    await db.query(`UPDATE location SET point = ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography WHERE id = $1`, [loc.id, DRESDEN.longitude, DRESDEN.latitude]);
    await assertInStep('location moved');
    const moved = await db.query(`SELECT DISTINCT district_ags, split_part(facts, '|', 2) AS fact_district FROM match_listing WHERE location_id = $1`, [loc.id]);
    expect(moved).toEqual([{ district_ags: '14612', fact_district: '14612' }]);

    await db.query(`DELETE FROM service_location WHERE service_id = $1 AND location_id = $2`, [id, loc.id]);
    expect(await assertInStep('service location removed')).toBe(5);
  });

  it('cascades deletions of services, locations and organisations', async () => {
    await db.query(`DELETE FROM service WHERE id = $1`, [await serviceId('proj-one-need')]);
    expect(await assertInStep('service deleted')).toBe(4);
    await db.query(`DELETE FROM organization WHERE name = 'Projection B (fiktiv)'`);
    expect(await assertInStep('organisation deleted')).toBe(3);
  });

  it('lets concurrent writers of the same service both commit, ending in the committed state', async () => {
    const id = await serviceId('proj-two-needs');
    // Service and organisation rows are locked separately, so these refresh the same listings at
    // the same time; each holds its transaction open a moment to make them overlap.
    const writers = Array.from({ length: 6 }, (_, k) =>
      db.transaction(async (m) => {
        if (k % 2) await m.query(`UPDATE organization SET website = $2 WHERE id = (SELECT organization_id FROM service WHERE id = $1)`, [id, `https://a${k}.example`]);
        else await m.query(`UPDATE service SET waiting_days = $2 WHERE id = $1`, [id, k]);
        await m.query(`SELECT pg_sleep(0.05)`);
      }),
    );
    await Promise.all(writers);
    await assertInStep('concurrent writers');
  });

  it('is what the matcher reads: a capacity change shows in the next match', async () => {
    const request = { needs: ['addiction'], origin: DRESDEN, travel: { mode: 'CAR', maxMinutes: 30 }, constraints: { acceptingNewClientsOnly: true } };
    const names = async () =>
      (await t.gql(`query($r: MatchRequestInput!) { matchReferralTargets(request: $r) { targets(first: 20) { edges { node { service { name } } } } } }`, { r: request }))
        .data.matchReferralTargets.targets.edges.map((e: { node: { service: { name: string } } }) => e.node.service.name);
    expect(await names()).toContain('proj-two-needs');
    await db.query(`UPDATE service SET accepting_new_clients = false WHERE id = $1`, [await serviceId('proj-two-needs')]);
    expect(await names()).not.toContain('proj-two-needs');
  });

  it('finds a need’s narrower needs in one scan of its family, each by its own kinds of partner', async () => {
    // Bautzen, away from the other fixtures
    const at = (bearing: number, meters: number) => destination(BAUTZEN.latitude, BAUTZEN.longitude, bearing, meters);
    const offer = (name: string, need: string, category: ServiceCategory, p: { latitude: number; longitude: number }) =>
      organizationAt(`${name} (fiktiv)`, p.latitude, p.longitude, [serviceFixture({ name, needs: [need], category })]);
    await t.app.get(CatalogueService).importOrganizations([
      // a social service answers psychosocial counselling, and so mental health through it …
      offer('fam-counselling', 'psychosocial_counselling', ServiceCategory.SOCIAL_SERVICE, at(0, 500)),
      // … but not mental health itself (not among its default kinds)
      offer('fam-social-direct', 'mental_health', ServiceCategory.SOCIAL_SERVICE, at(90, 200)),
      offer('fam-crisis', 'crisis_intervention', ServiceCategory.CLINIC, at(180, 900)),
    ]);
    const scan = (limit: number) => t.app.get(CatalogueService).findMatchCandidates({
      origin: BAUTZEN, radiusMeters: 5_000, scans: [{ need: 'mental_health', routes: defaultRouteTokens('mental_health') }], limit,
    });
    const named = async (limit: number) => {
      const names = new Map((await db.query(`SELECT id, name FROM service WHERE name LIKE 'fam-%'`)).map((r: { id: string; name: string }) => [r.id, r.name]));
      return (await scan(limit)).map((c) => ({ name: names.get(c.service.id), needs: c.matchedNeeds }));
    };
    expect(await named(10)).toEqual([
      { name: 'fam-counselling', needs: ['psychosocial_counselling'] },
      { name: 'fam-crisis', needs: ['crisis_intervention'] },
    ]);
    // one scan, one limit: the family's nearest answer
    expect(await named(1)).toEqual([{ name: 'fam-counselling', needs: ['psychosocial_counselling'] }]);
  });

  it('gives every requested need its own nearest candidates: a common need does not crowd out a rarer one', async () => {
    // Görlitz, away from the other fixtures: three nutrition offers close by, one exercise offer further out
    const at = (bearing: number, meters: number) => destination(GOERLITZ.latitude, GOERLITZ.longitude, bearing, meters);
    const offer = (name: string, need: string, p: { latitude: number; longitude: number }) =>
      organizationAt(`${name} (fiktiv)`, p.latitude, p.longitude, [serviceFixture({ name, needs: [need] })]);
    await t.app.get(CatalogueService).importOrganizations([
      offer('crowd-1', 'nutrition', at(0, 300)),
      offer('crowd-2', 'nutrition', at(90, 400)),
      offer('crowd-3', 'nutrition', at(180, 500)),
      offer('rare-1', 'exercise', at(270, 2000)),
    ]);
    const candidates = await t.app.get(CatalogueService).findMatchCandidates({ origin: GOERLITZ, radiusMeters: 10_000, scans: [anyKind('nutrition'), anyKind('exercise')], limit: 2 });
    const found = candidates.map((c) => ({ need: c.matchedNeeds.join(','), id: c.service.id }));
    const ids = { crowd1: await serviceId('crowd-1'), crowd2: await serviceId('crowd-2'), rare: await serviceId('rare-1') };
    // the two nearest per need, nearest first; the limit is per need, not for all needs together
    expect(found).toEqual([
      { need: 'nutrition', id: ids.crowd1 },
      { need: 'nutrition', id: ids.crowd2 },
      { need: 'exercise', id: ids.rare },
    ]);
  });
});
