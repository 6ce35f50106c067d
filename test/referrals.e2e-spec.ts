import { AddressInfo } from 'node:net';
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AuthService } from '@lotse/auth';
import { CatalogueService } from '@lotse/catalogue';
import { Role } from '@lotse/common';
import { ReferralClock, ReferralNotifier, ReferralService, ReferralStaleReminderJob } from '@lotse/referral';
import { organizationAt, serviceFixture } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const REFERRAL_FIELDS = `id code status statusLabel fhirTaskStatus fhirBusinessStatus reason reasonLabel reasonText needs urgency languages contactRoute note
  consent { scopes givenAt withdrawnAt } target { organizationId organizationName serviceId serviceName locationId locationAddress districtAgs }
  viewerSide nextStatuses stale sentAt seenAt closedAt createdAt updatedAt version
  history { version occurredAt fromStatus toStatus toStatusLabel side reason reasonLabel reasonText }`;
const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL_FIELDS} } }`;
const CONSENT = `mutation($id: ID!, $v: Int!, $c: ReferralConsentInput!) { recordReferralConsent(id: $id, expectedVersion: $v, consent: $c) { ${REFERRAL_FIELDS} } }`;
const SEND = `mutation($id: ID!, $v: Int!) { sendReferral(id: $id, expectedVersion: $v) { ${REFERRAL_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!, $v: Int!, $c: Boolean) { withdrawReferral(id: $id, expectedVersion: $v, consentWithdrawn: $c) { ${REFERRAL_FIELDS} } }`;
const MOVE = `mutation($id: ID!, $v: Int!, $m: ReferralMoveInput!) { moveReferral(id: $id, expectedVersion: $v, move: $m) { referral { ${REFERRAL_FIELDS} } capacityPrompt { serviceId message } } }`;
const GET = `query($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`;
const CONSENT_OK = { agreed: true, scopes: ['SHARE_WITH_PARTNER', 'STATUS_FEEDBACK'] };
const DAY = 86_400_000;

interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server in this process: what Lotse sends arrives here. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: ReceivedMail[] }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

/** The text of a received mail (quoted-printable soft breaks and escapes undone). */
function bodyOf(mail: ReceivedMail): string {
  const body = mail.raw.slice(mail.raw.indexOf('\r\n\r\n') + 4);
  const joined = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe.each(databaseTargets())('referrals on the $name database', (target) => {
  let t: TestApp;
  let clock: jest.SpyInstance<Date, []>;
  /** the referral clock: starts at the real now and is moved by the tests */
  let now: number;
  let org: { organizationId: string; serviceId: string; locationId: string };
  let otherOrg: string;
  let coach: string;
  let otherCoach: string;
  let partner: string;
  let otherPartner: string;
  let coordinator: string;
  let admin: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  async function organization(name: string) {
    const [organizationId] = await t.app.get(CatalogueService).importOrganizations([
      organizationAt(name, 51.1636, 13.4775, [serviceFixture({ name: `${name} Beratung`, needs: ['addiction', 'psychosocial_counselling'] })]),
    ]);
    const db = t.app.get(DataSource);
    const [{ id: serviceId }] = await db.query(`SELECT id FROM service WHERE organization_id = $1`, [organizationId]);
    const [{ id: locationId }] = await db.query(`SELECT id FROM location WHERE organization_id = $1`, [organizationId]);
    return { organizationId, serviceId, locationId };
  }

  const input = (overrides: Record<string, unknown> = {}) => ({
    serviceId: org.serviceId, locationId: org.locationId, needs: ['addiction'], urgency: 'URGENT', languages: ['de', 'ukr'], contactRoute: 'PARTICIPANT_CALLS', ...overrides,
  });

  async function sent(token = coach, overrides: Record<string, unknown> = {}) {
    const res = await t.gql(CREATE, { input: input({ consent: CONSENT_OK, send: true, ...overrides }) }, token);
    expect(res.errors).toBeUndefined();
    return res.data.createReferral;
  }

  async function move(referral: { id: string; version: number }, m: Record<string, unknown>, token = partner) {
    return t.gql(MOVE, { id: referral.id, v: referral.version, m }, token);
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp(target, {
      PUBLIC_READ_ACCESS: 'false', RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000', RATE_LIMIT_LOGIN_PER_MINUTE: '100000', REFERRAL_STALE_DAYS: '10',
      REFERRAL_RETENTION_JOB: 'false', REFERRAL_STALE_MAIL_JOB: 'false', MAIL_TRANSPORT: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), LOTSE_PUBLIC_URL: 'https://lotse.example',
    });
    now = Date.now();
    clock = jest.spyOn(t.app.get(ReferralClock), 'now').mockImplementation(() => new Date(now));
    org = await organization('Suchtberatung Vermittlung (fiktiv)');
    otherOrg = (await organization('Andere Beratung (fiktiv)')).organizationId;
    await t.app.get(DataSource).query(`UPDATE organization SET email = 'kontakt@suchtberatung.example' WHERE id = $1`, [org.organizationId]);
    [coach, otherCoach, partner, otherPartner, coordinator, admin] = await Promise.all([
      t.loginAs(Role.COACH), t.loginAs(Role.COACH), t.loginAs(Role.PARTNER, [org.organizationId]), t.loginAs(Role.PARTNER, [otherOrg]),
      t.loginAs(Role.COORDINATOR), t.loginAs(Role.ADMIN),
    ]);
  }, 300_000); // the embedded boot is slow on a loaded machine
  afterAll(async () => {
    clock?.mockRestore();
    await t?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
  });

  it('keeps a draft without consent, refuses to send it, sends it once consent is recorded', async () => {
    const created = await t.gql(CREATE, { input: input({ note: 'Bitte Termin am Vormittag.' }) }, coach);
    expect(created.errors).toBeUndefined();
    const draft = created.data.createReferral;
    expect(draft).toMatchObject({ status: 'DRAFT', statusLabel: 'Entwurf', fhirTaskStatus: 'draft', consent: null, version: 1, viewerSide: 'COACH', languages: ['de', 'uk'] });
    expect(draft.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(draft.target).toMatchObject({ organizationName: 'Suchtberatung Vermittlung (fiktiv)', serviceName: 'Suchtberatung Vermittlung (fiktiv) Beratung', districtAgs: '14627' });
    expect(draft.nextStatuses.sort()).toEqual(['SENT', 'WITHDRAWN']);
    // a partner does not see drafts
    expect((await t.gql(GET, { id: draft.id }, partner)).errors?.[0].extensions.code).toBe('NOT_FOUND');

    const refused = await t.gql(SEND, { id: draft.id, v: 1 }, coach);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONSENT_REQUIRED' });
    const half = await t.gql(CONSENT, { id: draft.id, v: 1, c: { agreed: true, scopes: ['SHARE_WITH_PARTNER'] } }, coach);
    expect(half.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent.scopes' });
    const no = await t.gql(CONSENT, { id: draft.id, v: 1, c: { agreed: false, scopes: CONSENT_OK.scopes } }, coach);
    expect(no.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONSENT_REQUIRED' });
    const givenAt = new Date(now - 3600_000).toISOString();
    const consented = await t.gql(CONSENT, { id: draft.id, v: 1, c: { ...CONSENT_OK, givenAt } }, coach);
    expect(consented.errors).toBeUndefined();
    expect(consented.data.recordReferralConsent).toMatchObject({ version: 2, consent: { scopes: ['SHARE_WITH_PARTNER', 'STATUS_FEEDBACK'], givenAt, withdrawnAt: null } });
    const sentRes = await t.gql(SEND, { id: draft.id, v: 2 }, coach);
    expect(sentRes.errors).toBeUndefined();
    expect(sentRes.data.sendReferral).toMatchObject({ status: 'SENT', fhirTaskStatus: 'requested', sentAt: new Date(now).toISOString(), version: 3 });
    const seenByPartner = await t.gql(GET, { id: draft.id }, partner);
    expect(seenByPartner.data.referral).toMatchObject({ viewerSide: 'PARTNER', note: 'Bitte Termin am Vormittag.', code: draft.code });
  });

  it('refuses consent in the future and sending at once without consent', async () => {
    const future = await t.gql(CREATE, { input: input({ consent: { ...CONSENT_OK, givenAt: new Date(now + DAY).toISOString() } }) }, coach);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.consent.givenAt' });
    const noConsent = await t.gql(CREATE, { input: input({ send: true }) }, coach);
    expect(noConsent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONSENT_REQUIRED', field: 'input.consent' });
  });

  it('walks the whole way: seen → accepted → in progress → completed, each move timestamped and in the history', async () => {
    let r = await sent();
    const steps: [Record<string, unknown>, string, string | null][] = [
      [{ to: 'SEEN' }, 'requested', 'seen'],
      [{ to: 'ACCEPTED' }, 'accepted', null],
      [{ to: 'IN_PROGRESS' }, 'in-progress', null],
      [{ to: 'COMPLETED', reason: 'GOT_HELP' }, 'completed', null],
    ];
    for (const [i, [m, fhir, business]] of steps.entries()) {
      now += DAY;
      const res = await move(r, m);
      expect(res.errors).toBeUndefined();
      expect(res.data.moveReferral.capacityPrompt).toBeNull();
      r = res.data.moveReferral.referral;
      expect(r).toMatchObject({ status: m.to, fhirTaskStatus: fhir, fhirBusinessStatus: business, version: i + 2, updatedAt: new Date(now).toISOString() });
    }
    expect(r).toMatchObject({ reason: 'GOT_HELP', reasonLabel: 'Hilfe erhalten', closedAt: new Date(now).toISOString(), nextStatuses: [] });
    const coachView = (await t.gql(GET, { id: r.id }, coach)).data.referral;
    expect(coachView.history.map((e: any) => [e.fromStatus, e.toStatus, e.side])).toEqual([
      [null, 'SENT', 'COACH'], ['SENT', 'SEEN', 'PARTNER'], ['SEEN', 'ACCEPTED', 'PARTNER'], ['ACCEPTED', 'IN_PROGRESS', 'PARTNER'], ['IN_PROGRESS', 'COMPLETED', 'PARTNER'],
    ]);
    const times = coachView.history.map((e: any) => new Date(e.occurredAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[4] - times[0]).toBe(4 * DAY);
    // closed stays closed
    for (const to of ['IN_PROGRESS', 'ACCEPTED', 'SEEN']) expect((await move(coachView, { to })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MOVE_NOT_ALLOWED', status: 'completed' });
    expect((await t.gql(WITHDRAW, { id: r.id, v: coachView.version }, coach)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MOVE_NOT_ALLOWED' });
  });

  it('refuses moves out of order and moves by the wrong side or the wrong people', async () => {
    const r = await sent();
    expect((await move(r, { to: 'IN_PROGRESS' })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MOVE_NOT_ALLOWED', status: 'sent' });
    expect((await move(r, { to: 'COMPLETED', reason: 'GOT_HELP' })).errors?.[0].extensions.code).toBe('CONFLICT');
    expect((await move(r, { to: 'WITHDRAWN', reason: 'BY_COACH' })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MOVE_BY_OTHER_SIDE' });
    expect((await move(r, { to: 'DRAFT' })).errors?.[0].extensions.code).toBe('CONFLICT');
    // the coach cannot answer for the partner, the other organisation and the other coach see nothing
    expect((await move(r, { to: 'ACCEPTED' }, coach)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await move(r, { to: 'ACCEPTED' }, otherPartner)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_REFERRAL' });
    expect((await t.gql(WITHDRAW, { id: r.id, v: 1 }, otherCoach)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_REFERRAL' });
    expect((await move({ id: '00000000-0000-4000-8000-00000000beef', version: 1 }, { to: 'SEEN' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(WITHDRAW, { id: r.id, v: 1 }, partner)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    for (const token of [otherCoach, otherPartner]) expect((await t.gql(GET, { id: r.id }, token)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    for (const token of [coordinator, admin]) expect((await t.gql(GET, { id: r.id }, token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(GET, { id: r.id })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    // reasons belong to their moves
    expect((await move(r, { to: 'DECLINED' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'move.reason' });
    expect((await move(r, { to: 'DECLINED', reason: 'GOT_HELP' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'move.reason' });
    expect((await move(r, { to: 'ACCEPTED', reason: 'NO_CAPACITY' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'move.reason' });
    expect((await move(r, { to: 'DECLINED', reason: 'OTHER' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'move.reasonText' });
    // nothing of the refused moves was written
    const after = (await t.gql(GET, { id: r.id }, coach)).data.referral;
    expect(after).toMatchObject({ status: 'SENT', version: 1 });
    expect(after.history).toHaveLength(1);
  });

  it('declines for lack of capacity with a prompt to update the listing; other reasons with their words; the waiting list', async () => {
    const full = await move(await sent(), { to: 'DECLINED', reason: 'NO_CAPACITY' });
    expect(full.errors).toBeUndefined();
    expect(full.data.moveReferral.referral).toMatchObject({ status: 'DECLINED', fhirTaskStatus: 'rejected', reason: 'NO_CAPACITY', reasonLabel: 'Keine Kapazität' });
    expect(full.data.moveReferral.capacityPrompt).toMatchObject({ serviceId: org.serviceId, message: expect.stringContaining('Kapazität') });
    const other = await move(await sent(), { to: 'DECLINED', reason: 'OTHER', reasonText: 'Angebot ruht im Dezember' });
    expect(other.data.moveReferral).toMatchObject({ referral: { reason: 'OTHER', reasonText: 'Angebot ruht im Dezember' }, capacityPrompt: null });
    const waiting = await move(await sent(), { to: 'WAITING_LIST' });
    expect(waiting.data.moveReferral.referral).toMatchObject({ status: 'WAITING_LIST', statusLabel: 'Warteliste', fhirTaskStatus: 'on-hold', seenAt: expect.any(String) });
    const accepted = await move(waiting.data.moveReferral.referral, { to: 'ACCEPTED' });
    expect(accepted.data.moveReferral.referral.status).toBe('ACCEPTED');
    const failed = await move(accepted.data.moveReferral.referral, { to: 'NOT_COME_ABOUT', reason: 'MISSED_APPOINTMENT' });
    expect(failed.data.moveReferral.referral).toMatchObject({ status: 'NOT_COME_ABOUT', fhirTaskStatus: 'failed', reasonLabel: 'Termin nicht wahrgenommen' });
  });

  it('cancels when the participant withdraws consent, erasing the note at once', async () => {
    const r = await sent(coach, { note: 'Hat Angst vor Gruppen.' });
    const seen = (await move(r, { to: 'SEEN' })).data.moveReferral.referral;
    const res = await t.gql(WITHDRAW, { id: r.id, v: seen.version, c: true }, coach);
    expect(res.errors).toBeUndefined();
    expect(res.data.withdrawReferral).toMatchObject({ status: 'WITHDRAWN', fhirTaskStatus: 'cancelled', reason: 'CONSENT_WITHDRAWN', note: null, consent: { withdrawnAt: expect.any(String) } });
    const [{ note }] = await t.app.get(DataSource).query(`SELECT note FROM referral WHERE id = $1`, [r.id]);
    expect(note).toBeNull();
    const plain = await sent();
    expect((await t.gql(WITHDRAW, { id: plain.id, v: 1 }, coach)).data.withdrawReferral).toMatchObject({ status: 'WITHDRAWN', reason: 'BY_COACH', consent: { withdrawnAt: null } });
  });

  it('lets exactly one of concurrent moves win; the others get CONFLICT', async () => {
    const r = await sent();
    const moves = [{ to: 'ACCEPTED' }, { to: 'WAITING_LIST' }, { to: 'DECLINED', reason: 'NOT_RESPONSIBLE' }, { to: 'SEEN' }, { to: 'ACCEPTED' }, { to: 'ACCEPTED' }, { to: 'WAITING_LIST' }, { to: 'SEEN' }];
    const results = await Promise.all([...moves.map((m) => move(r, m)), t.gql(WITHDRAW, { id: r.id, v: 1 }, coach)]);
    const winners = results.filter((res) => !res.errors);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((res) => res.errors)) expect(loser.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT', currentVersion: 2, expectedVersion: 1 });
    const after = (await t.gql(GET, { id: r.id }, coach)).data.referral;
    expect(after.version).toBe(2);
    expect(after.history).toHaveLength(2);
  });

  it('flags an open referral without an update for REFERRAL_STALE_DAYS to its coach', async () => {
    const r = await sent(otherCoach);
    const draft = (await t.gql(CREATE, { input: input() }, otherCoach)).data.createReferral;
    const LIST = `query($stale: Boolean) { myReferrals(staleOnly: $stale, first: 50) { totalCount edges { node { id stale } } } }`;
    expect((await t.gql(LIST, { stale: true }, otherCoach)).data.myReferrals.totalCount).toBe(0);
    now += 9 * DAY;
    expect((await t.gql(GET, { id: r.id }, otherCoach)).data.referral.stale).toBe(false);
    now += 2 * DAY;
    expect((await t.gql(GET, { id: r.id }, otherCoach)).data.referral.stale).toBe(true);
    const stale = (await t.gql(LIST, { stale: true }, otherCoach)).data.myReferrals;
    expect(stale.edges.map((e: any) => e.node.id)).toEqual([r.id]);
    // the partner sees no flag (it is the coach's reminder), drafts are never stale
    expect((await t.gql(GET, { id: r.id }, partner)).data.referral.stale).toBe(false);
    expect((await t.gql(GET, { id: draft.id }, otherCoach)).data.referral.stale).toBe(false);
    // an update clears it
    const seen = (await move(r, { to: 'SEEN' })).data.moveReferral.referral;
    expect(seen.stale).toBe(false);
  });

  it('e-mails the coach once per staleness period about referrals without an update — news and a link, no code, no health data', async () => {
    const db = t.app.get(DataSource);
    const notifier = t.app.get(ReferralNotifier);
    const job = t.app.get(ReferralStaleReminderJob);
    const lonely = await t.loginAs(Role.COACH);
    const email = (await t.gql(`{ me { email } }`, {}, lonely)).data.me.email;
    const a = await sent(lonely, { note: 'Möchte lieber vormittags.', needs: ['addiction', 'psychosocial_counselling'] });
    const b = await sent(lonely);
    const draft = (await t.gql(CREATE, { input: input() }, lonely)).data.createReferral;
    await notifier.idle();
    const reminders = () => smtp.mails.filter((m) => m.to.includes(email) && bodyOf(m).includes('ohne Rückmeldung'));
    const run = async () => {
      await job.run();
      await notifier.idle();
    };

    await run();
    expect(reminders()).toHaveLength(0); // nothing is stale yet
    now += 11 * DAY; // REFERRAL_STALE_DAYS is 10
    await run();
    // one e-mail for both referrals
    expect(reminders()).toHaveLength(1);
    const [mail] = reminders();
    expect(mail.raw).toMatch(/^Subject: Neuigkeiten in Lotse/m);
    const text = bodyOf(mail);
    expect(text).toContain('https://lotse.example/vermittlungen');
    expect(text.replace(/https:\/\/\S+/g, '')).not.toMatch(/[0-9]/); // not even how many or how long
    for (const secret of [a.code, b.code, a.code.replace(/-/g, ''), 'vormittags', 'addiction', 'psychosocial', 'Sucht', 'Beratung (fiktiv)', 'Gesendet']) {
      expect({ secret, found: mail.raw.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(t.logLines.some((l) => l.includes('referral stale reminders'))).toBe(true);
    // the reminder is no update: the referrals stay stale for the coach
    expect((await t.gql(GET, { id: b.id }, lonely)).data.referral).toMatchObject({ stale: true, version: 1 });

    // the next days of the same period: no second e-mail
    now += DAY;
    await run();
    now += DAY;
    await run();
    expect(reminders()).toHaveLength(1);

    // the partner answers one of them (the coach gets that news, not a reminder); the other stays silent
    expect((await move(a, { to: 'SEEN' })).errors).toBeUndefined();
    now += 9 * DAY; // a full period since the first reminder
    await run();
    expect(reminders()).toHaveLength(2);
    const rows = await db.query(`SELECT id, stale_notified_at AS "notifiedAt" FROM referral WHERE id = ANY($1::uuid[])`, [[a.id, b.id, draft.id]]);
    const notifiedAt = Object.fromEntries(rows.map((r: any) => [r.id, r.notifiedAt && new Date(r.notifiedAt).getTime()]));
    expect(notifiedAt[b.id]).toBe(now); // reminded again
    expect(notifiedAt[a.id]).toBe(now - 11 * DAY); // answered within the period: not again
    expect(notifiedAt[draft.id]).toBeNull(); // a draft is never stale

    // a closed referral is never a reminder
    const bNow = (await t.gql(GET, { id: b.id }, lonely)).data.referral;
    expect((await move(bNow, { to: 'DECLINED', reason: 'NOT_RESPONSIBLE' })).errors).toBeUndefined();
    const aNow = (await t.gql(GET, { id: a.id }, lonely)).data.referral;
    expect((await t.gql(WITHDRAW, { id: a.id, v: aNow.version }, lonely)).errors).toBeUndefined();
    now += 30 * DAY;
    await run();
    expect(reminders()).toHaveLength(2);
  });

  it('looks a referral up by its code however it is typed, for its two sides only', async () => {
    const r = await sent();
    const BY_CODE = `query($c: String!) { referralByCode(code: $c) { id viewerSide } }`;
    const typed = r.code.toLowerCase().replace(/-/g, ' ');
    expect((await t.gql(BY_CODE, { c: typed }, partner)).data.referralByCode).toEqual({ id: r.id, viewerSide: 'PARTNER' });
    expect((await t.gql(BY_CODE, { c: r.code }, coach)).data.referralByCode).toEqual({ id: r.id, viewerSide: 'COACH' });
    const foreign = await t.gql(BY_CODE, { c: r.code }, otherPartner);
    expect(foreign.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(JSON.stringify(foreign)).not.toContain(r.code);
    expect((await t.gql(BY_CODE, { c: 'nonsense' }, partner)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('shows a coach their team’s referrals where a team is configured, and nobody else’s', async () => {
    const emailOf = async (token: string) => (await t.gql(`{ me { email } }`, {}, token)).data.me.email;
    const [mate, outsider] = await Promise.all([t.loginAs(Role.COACH), t.loginAs(Role.COACH)]);
    const lead = await t.loginAs(Role.COACH);
    const auth = t.app.get(AuthService);
    await auth.addToTeam(await emailOf(lead), 'Team Riesa');
    await auth.addToTeam(await emailOf(mate), 'team riesa');
    await expect(auth.addToTeam(await emailOf(partner), 'Team Riesa')).rejects.toThrow(/only coaches/);
    const r = await sent(lead);
    const LIST = `{ myReferrals(first: 50) { totalCount edges { node { id viewerSide } } } }`;
    expect((await t.gql(LIST, {}, mate)).data.myReferrals.edges.map((e: any) => e.node)).toEqual([{ id: r.id, viewerSide: 'COACH' }]);
    expect((await t.gql(LIST, {}, outsider)).data.myReferrals.totalCount).toBe(0);
    expect((await t.gql(GET, { id: r.id }, outsider)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    // a team mate covers for the coach: they may withdraw it too
    expect((await t.gql(WITHDRAW, { id: r.id, v: 1 }, mate)).data.withdrawReferral.status).toBe('WITHDRAWN');
    expect(await auth.removeFromTeam(await emailOf(mate), 'Team Riesa')).toBe(true);
    expect((await t.gql(LIST, {}, mate)).data.myReferrals.totalCount).toBe(0);
  });

  it('shows a partner only referrals to their organisation, never drafts, in the inbox', async () => {
    const mine = await sent(otherCoach);
    await t.gql(CREATE, { input: input() }, otherCoach); // a draft
    const INBOX = `query($s: [ReferralStatus!]) { referralInbox(first: 100, statuses: $s) { totalCount edges { node { id status target { organizationId } coachContact { displayName } } } } }`;
    const inbox = (await t.gql(INBOX, { s: ['SENT'] }, partner)).data.referralInbox;
    expect(inbox.edges.map((e: any) => e.node.id)).toContain(mine.id);
    expect(inbox.edges.every((e: any) => e.node.status === 'SENT' && e.node.target.organizationId === org.organizationId)).toBe(true);
    // the participant calls: the partner needs no coach's contact
    expect(inbox.edges.find((e: any) => e.node.id === mine.id).node.coachContact).toBeNull();
    expect((await t.gql(INBOX, {}, otherPartner)).data.referralInbox.totalCount).toBe(0);
    const callBack = await sent(otherCoach, { contactRoute: 'PARTNER_CALLS_COACH' });
    const viaCoach = await t.gql(`query($id: ID!) { referral(id: $id) { coachContact { displayName email } } }`, { id: callBack.id }, partner);
    expect(viaCoach.data.referral.coachContact).toEqual({ displayName: 'Test coach', email: expect.stringMatching(/@test\.example$/) });
  });

  it('gives coordinators aggregates only: district × need × outcome, counts under 5 withheld, unmet demand from capacity declines', async () => {
    const OUTCOMES = `query($n: [String!], $r: Boolean) { referralOutcomes(needs: $n, withReasons: $r) { districtAgs needCode status statusLabel reason reasonLabel count suppressed } }`;
    const UNMET = `query($n: [String!]) { unmetReferralDemand(needs: $n) { districtAgs needCode declinedForCapacity suppressed } }`;
    const decline = async (reason: string) => expect((await move(await sent(coach, { needs: ['debt_counselling'] }), { to: 'DECLINED', reason })).errors).toBeUndefined();
    for (let i = 0; i < 4; i++) await decline('NO_CAPACITY');
    expect((await t.gql(UNMET, { n: ['debt_counselling'] }, coordinator)).data.unmetReferralDemand).toEqual([
      { districtAgs: '14627', needCode: 'debt_counselling', declinedForCapacity: null, suppressed: true },
    ]);
    await decline('NO_CAPACITY');
    await decline('NOT_RESPONSIBLE');
    expect((await t.gql(UNMET, { n: ['debt_counselling'] }, coordinator)).data.unmetReferralDemand).toEqual([
      { districtAgs: '14627', needCode: 'debt_counselling', declinedForCapacity: 5, suppressed: false },
    ]);
    const byStatus = (await t.gql(OUTCOMES, { n: ['debt_counselling'] }, coordinator)).data.referralOutcomes;
    expect(byStatus).toEqual([{ districtAgs: '14627', needCode: 'debt_counselling', status: 'DECLINED', statusLabel: 'Abgelehnt', reason: null, reasonLabel: null, count: 6, suppressed: false }]);
    const byReason = (await t.gql(OUTCOMES, { n: ['debt_counselling'], r: true }, coordinator)).data.referralOutcomes;
    expect(byReason.map((c: any) => [c.reason, c.count])).toEqual([['NO_CAPACITY', 5], ['NOT_RESPONSIBLE', null]]);
    // open referrals are not counted
    await sent(coach, { needs: ['debt_counselling'] });
    expect((await t.gql(OUTCOMES, { n: ['debt_counselling'] }, coordinator)).data.referralOutcomes[0].count).toBe(6);
    // only coordinators and admins
    for (const token of [coach, partner]) expect((await t.gql(OUTCOMES, {}, token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(`{ unmetReferralDemand(districtAgs: ["Meißen"]) { needCode } }`, {}, coordinator)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtAgs' });
  });

  it('e-mails the partner’s contact on a new referral and the coach on a status change — news and a link, no code, no health data', async () => {
    const notifier = t.app.get(ReferralNotifier);
    await notifier.idle();
    const start = smtp.mails.length;
    const coachEmail = (await t.gql(`{ me { email } }`, {}, otherCoach)).data.me.email;
    const r = await sent(otherCoach, { note: 'Kommt mit Begleitung.', needs: ['addiction', 'psychosocial_counselling'] });
    await notifier.idle();
    const accepted = (await move(r, { to: 'ACCEPTED' })).data.moveReferral.referral;
    await notifier.idle();
    await t.gql(WITHDRAW, { id: r.id, v: accepted.version }, otherCoach);
    await notifier.idle();
    // a draft is news to nobody
    await t.gql(CREATE, { input: input() }, otherCoach);
    await notifier.idle();
    const mails = smtp.mails.slice(start);
    expect(mails.map((m) => m.to)).toEqual([['kontakt@suchtberatung.example'], [coachEmail], ['kontakt@suchtberatung.example']]);
    const [toPartner, toCoach, withdrawn] = mails.map(bodyOf);
    expect(toPartner).toContain('neue Vermittlung');
    expect(toPartner).toContain('https://lotse.example/eingang');
    expect(toCoach).toContain('https://lotse.example/vermittlungen');
    expect(withdrawn).toContain('zurückgezogen');
    for (const mail of mails) {
      expect(mail.raw).toMatch(/^Subject: Neuigkeiten in Lotse/m);
      for (const secret of [r.code, r.code.replace(/-/g, ''), 'Begleitung', 'addiction', 'psychosocial', 'Sucht', 'Beratung (fiktiv)', 'Angenommen', 'Dringend']) {
        expect({ secret, found: mail.raw.includes(secret) }).toEqual({ secret, found: false });
      }
    }
  });

  it('exports a referral as FHIR R4 ServiceRequest + Task, valid against the official R4 schema', async () => {
    const r = await sent(coach, { note: 'Bitte vormittags.' });
    const declined = (await move(r, { to: 'DECLINED', reason: 'OTHER', reasonText: 'Kurs ruht' })).data.moveReferral.referral;
    expect(declined.status).toBe('DECLINED');
    const validator = new JSONSchemaValidator();
    for (const token of [coach, partner]) {
      const res = await t.gql(`query($id: ID!) { referral(id: $id) { fhirBundle } }`, { id: r.id }, token);
      expect(res.errors).toBeUndefined();
      const bundle = res.data.referral.fhirBundle;
      expect(validator.validate(bundle)).toEqual([]);
      const [sr, task] = bundle.entry.map((e: any) => e.resource);
      expect(sr).toMatchObject({ resourceType: 'ServiceRequest', status: 'revoked', priority: 'urgent', subject: { identifier: { value: r.code } }, performer: [{ display: 'Suchtberatung Vermittlung (fiktiv)' }] });
      expect(task).toMatchObject({ resourceType: 'Task', status: 'rejected', statusReason: { coding: [{ code: 'other' }], text: 'Kurs ruht' }, focus: { reference: `ServiceRequest/${r.id}` } });
    }
  });

  it('after a whole life and its deletion, no table and no log line holds the referral’s code or note; the counts survive', async () => {
    const db = t.app.get(DataSource);
    const NOTE = 'Zitronenfalter Sommerwiese';
    const r = await sent(coach, { note: NOTE, needs: ['self_help'] });
    let current = r;
    for (const m of [{ to: 'SEEN' }, { to: 'ACCEPTED' }, { to: 'IN_PROGRESS' }, { to: 'COMPLETED', reason: 'REFERRED_ON' }]) {
      current = (await move(current, m)).data.moveReferral.referral;
    }
    await t.gql(`query($c: String!) { referralByCode(code: $c) { id } }`, { c: r.code }, partner);
    await t.gql(`query($id: ID!) { referral(id: $id) { fhirBundle } }`, { id: r.id }, coach);
    await t.app.get(ReferralNotifier).idle();
    const outcomes = `{ referralOutcomes(needs: ["self_help"], withReasons: true) { status reason count suppressed } }`;
    const countsBefore = await db.query(`SELECT * FROM referral_outcome_count WHERE need_code = 'self_help'`);
    expect(countsBefore).toEqual([expect.objectContaining({ status: 'completed', reason: 'referred_on', count: 1 })]);
    const answerBefore = (await t.gql(outcomes, {}, coordinator)).data.referralOutcomes;

    now += 400 * DAY; // beyond twelve months whatever the calendar (366 days are exactly 12 months across a 29 February)
    const { deleted } = await t.app.get(ReferralService).purgeExpired();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect((await t.gql(GET, { id: r.id }, coach)).errors?.[0].extensions.code).toBe('NOT_FOUND');

    const tables: string[] = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((row: any) => row.tablename);
    expect(tables).toEqual(expect.arrayContaining(['referral', 'referral_event', 'referral_outcome_count']));
    for (const table of tables) {
      for (const needle of [r.code, r.code.replace(/-/g, ''), 'Zitronenfalter']) {
        const [hit] = await db.query(`SELECT count(*)::int AS n FROM "${table}" x WHERE x::text ILIKE $1`, [`%${needle}%`]);
        expect({ table, needle, hits: hit.n }).toEqual({ table, needle, hits: 0 });
      }
    }
    const logs = t.logLines.join('\n');
    expect(logs).toContain('referral e-mail sent');
    for (const needle of [r.code, r.code.replace(/-/g, ''), 'Zitronenfalter']) expect({ needle, logged: logs.includes(needle) }).toEqual({ needle, logged: false });
    // the coordinators' counts outlive the referral
    expect(await db.query(`SELECT * FROM referral_outcome_count WHERE need_code = 'self_help'`)).toEqual(countsBefore);
    expect((await t.gql(outcomes, {}, coordinator)).data.referralOutcomes).toEqual(answerBefore);
  });

  it('deletes exactly what is due: closed before the retention period, drafts untouched as long — nothing open, nothing closed later', async () => {
    const db = t.app.get(DataSource);
    const old = await move(await sent(), { to: 'DECLINED', reason: 'NOT_RESPONSIBLE' });
    const oldDraft = (await t.gql(CREATE, { input: input() }, coach)).data.createReferral;
    now += 60 * DAY;
    const recent = await move(await sent(), { to: 'DECLINED', reason: 'NOT_RESPONSIBLE' });
    const open = await sent();
    const freshDraft = (await t.gql(CREATE, { input: input() }, coach)).data.createReferral;
    // twelve months (the default) after the first closing, plus a day
    const at = new Date(now - 60 * DAY);
    at.setUTCMonth(at.getUTCMonth() + 12);
    now = at.getTime() + DAY;
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - 12);
    const ids = async () => (await db.query(`SELECT id FROM referral ORDER BY id`)).map((row: any) => row.id as string) as string[];
    const due: string[] = (await db.query(`SELECT id FROM referral WHERE closed_at < $1 OR (status = 'draft' AND updated_at < $1) ORDER BY id`, [cutoff])).map((row: any) => row.id);
    expect(due).toEqual(expect.arrayContaining([old.data.moveReferral.referral.id, oldDraft.id]));
    const before: string[] = await ids();
    const counts = await db.query(`SELECT * FROM referral_outcome_count ORDER BY 1, 2, 3, 4`);
    expect((await t.app.get(ReferralService).purgeExpired()).deleted).toBe(due.length);
    expect(await ids()).toEqual(before.filter((id) => !due.includes(id)));
    for (const kept of [recent.data.moveReferral.referral.id, open.id, freshDraft.id]) expect(await ids()).toContain(kept);
    expect((await db.query(`SELECT count(*)::int AS n FROM referral_event WHERE referral_id = ANY($1::uuid[])`, [due]))[0].n).toBe(0);
    expect(await db.query(`SELECT * FROM referral_outcome_count ORDER BY 1, 2, 3, 4`)).toEqual(counts);
    // a second run finds nothing more
    expect((await t.app.get(ReferralService).purgeExpired()).deleted).toBe(0);
  });

  describe('bad input is refused with the field named, and nothing is written', () => {
    const BAD: { name: string; field: string; overrides: () => Record<string, unknown> }[] = [
      { name: 'a code that names no language', field: 'input.languages', overrides: () => ({ languages: ['xx'] }) },
      { name: 'an unknown need', field: 'input.needs', overrides: () => ({ needs: ['magic'] }) },
      { name: 'no need', field: 'input.needs', overrides: () => ({ needs: [] }) },
      { name: 'a phone number in the note', field: 'input.note', overrides: () => ({ note: 'Bitte anrufen: 0351 4567890' }) },
      { name: 'an e-mail address in the note', field: 'input.note', overrides: () => ({ note: 'Kontakt max@example.org' }) },
      { name: 'a birth date in the note', field: 'input.note', overrides: () => ({ note: 'geb. 12.03.1980' }) },
      { name: 'a note too long', field: 'input.note', overrides: () => ({ note: 'x'.repeat(501) }) },
      { name: 'a location the service is not offered at', field: 'input.locationId', overrides: () => ({ locationId: '00000000-0000-4000-8000-000000000001' }) },
      { name: 'a service that does not exist', field: 'input.serviceId', overrides: () => ({ serviceId: '00000000-0000-4000-8000-000000000002' }) },
    ];
    it.each(BAD)('$name → BAD_USER_INPUT on $field', async ({ field, overrides }) => {
      const db = t.app.get(DataSource);
      const [{ n: before }] = await db.query(`SELECT count(*)::int AS n FROM referral`);
      const res = await t.gql(CREATE, { input: input(overrides()) }, coach);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const [{ n: after }] = await db.query(`SELECT count(*)::int AS n FROM referral`);
      expect(after).toBe(before);
    });
  });
});
