import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuthService } from '@lotse/auth';
import { Role } from '@lotse/common';

import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const ME = `{ me { id role } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { role } } }`;
const PASSWORD = 'correct-horse-battery-9';

describe.each(databaseTargets())('accounts, tokens and directory access on the $name database', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target, { PUBLIC_READ_ACCESS: 'false', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
    await t.app.get(AuthService).createUser({ email: 'coach@test.example', password: PASSWORD, displayName: 'Coach', role: Role.COACH });
  });
  afterAll(() => t?.close());

  const login = (e = 'coach@test.example', p = PASSWORD) => t.gql(LOGIN, { e, p });

  it('logs in with a strong hash and reads `me` with the access token', async () => {
    const res = await login();
    expect(res.errors).toBeUndefined();
    const me = await t.gql(ME, {}, res.data.login.accessToken);
    expect(me.data.me.role).toBe('COACH');
    const [row] = await t.app.get(DataSource).query(`SELECT password_hash FROM app_user WHERE email = 'coach@test.example'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rejects tampered, expired and revoked tokens', async () => {
    const { data } = await login();
    const token: string = data.login.accessToken;
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString('base64url');
    for (const bad of [`${header}.${forged}.${signature}`, `${header}.${payload}.${signature.slice(0, -2)}xx`, 'not-a-jwt']) {
      const res = await t.gql(ME, {}, bad);
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const expired = t.app.get(JwtService).sign({ sub: claims.sub, sid: claims.sid, role: claims.role }, { expiresIn: -10 });
    const expiredRes = await t.gql(ME, {}, expired);
    expect(expiredRes.errors?.[0]).toMatchObject({ message: 'Access token expired', extensions: { code: 'UNAUTHENTICATED' } });

    expect((await t.gql(`mutation { logout }`, {}, token)).data.logout).toBe(true);
    const revoked = await t.gql(ME, {}, token);
    expect(revoked.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const refreshAfterLogout = await t.gql(`mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }`, { r: data.login.refreshToken });
    expect(refreshAfterLogout.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens: each works once', async () => {
    const { data } = await login();
    const REFRESH = `mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken refreshToken } }`;
    const first = await t.gql(REFRESH, { r: data.login.refreshToken });
    expect(first.errors).toBeUndefined();
    expect((await t.gql(ME, {}, first.data.refreshToken.accessToken)).data.me.role).toBe('COACH');
    const replay = await t.gql(REFRESH, { r: data.login.refreshToken });
    expect(replay.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('backs off after repeated failed logins, even for the right password', async () => {
    await t.app.get(AuthService).createUser({ email: 'victim@test.example', password: PASSWORD, displayName: 'V', role: Role.COACH });
    for (let i = 0; i < 5; i++) {
      const res = await login('victim@test.example', 'wrong-password-1');
      expect(res.errors?.[0]).toMatchObject({ message: 'E-mail or password is wrong', extensions: { code: 'UNAUTHENTICATED' } });
    }
    const locked = await login('victim@test.example', PASSWORD);
    expect(locked.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', retryAfterSeconds: expect.any(Number) });
    expect((locked.errors?.[0].extensions as any).retryAfterSeconds).toBeGreaterThan(0);
    await t.app.get(DataSource).query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE email = 'victim@test.example'`);
    expect((await login('victim@test.example', PASSWORD)).errors).toBeUndefined();
    const [row] = await t.app.get(DataSource).query(`SELECT failed_logins FROM app_user WHERE email = 'victim@test.example'`);
    expect(row.failed_logins).toBe(0);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const res = await login('nobody@test.example', 'whatever-1234');
    expect(res.errors?.[0]).toMatchObject({ message: 'E-mail or password is wrong', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('lets coaches, coordinators and admins read the directory and match — nobody else', async () => {
    const query = `{ services(first: 1) { totalCount } }`;
    expect((await t.gql(query)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(query, {}, await t.loginAs(Role.PARTNER))).errors?.[0].extensions.code).toBe('FORBIDDEN');
    for (const role of [Role.COACH, Role.COORDINATOR, Role.ADMIN]) {
      expect((await t.gql(query, {}, await t.loginAs(role))).errors).toBeUndefined();
    }
    // the needs taxonomy is reference data, readable without login
    expect((await t.gql(`{ needs { code } needsTaxonomy { version } }`)).errors).toBeUndefined();
    const match = `{ matchReferralTargets(request: { needs: ["addiction"], origin: { latitude: 51.05, longitude: 13.74 } }) { consideredCandidates } }`;
    expect((await t.gql(match)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(match, {}, await t.loginAs(Role.COACH))).errors).toBeUndefined();
  });

  it('rejects an invitation with a weak password and accepts a strong one once', async () => {
    const { token } = await t.app.get(AuthService).invite({ email: 'new-coach@test.example', role: Role.COACH, organizationId: null }, null);
    const ACCEPT = `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p, displayName: "Neu") }`;
    expect((await t.gql(ACCEPT, { t: token, p: 'short' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await t.gql(ACCEPT, { t: token, p: PASSWORD })).data.acceptInvitation).toBe(true);
    expect((await t.gql(ACCEPT, { t: token, p: PASSWORD })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect((await login('new-coach@test.example')).errors).toBeUndefined();
  });

  it('sends security headers and no CORS grant to foreign origins by default', async () => {
    const res = await t.http().post('/graphql').set('origin', 'https://evil.example').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses queries that are too deep or too expensive before running them', async () => {
    const token = await t.loginAs(Role.COACH);
    let deep = '{ id }';
    for (let i = 0; i < 7; i++) deep = `{ organization { services ${deep} } }`.replace(/^\{ organization/, '{ organization');
    const tooDeep = await t.gql(`{ services(first: 1) { edges { node ${deep} } } }`, {}, token);
    expect(tooDeep.errors?.[0]).toMatchObject({ message: expect.stringMatching(/nested \d+ levels deep/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: services(first: 100) { edges { node { id name organization { name } locations { town } needs { code } } } }`).join(' ');
    const tooComplex = await t.gql(`{ ${aliases} }`, {}, token);
    expect(tooComplex.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    // The estimate is remembered per document and page size: the same document with a larger
    // page size through a variable is judged again, and a small one is let through.
    const paged = `query($n: Int) { ${Array.from({ length: 30 }, (_, i) => `a${i}: services(first: $n) { edges { node { id name organization { name } locations { town } needs { code } } } }`).join(' ')} }`;
    for (const [n, refused] of [[1, false], [100, true], [1, false], [100, true]] as const) {
      const res = await t.gql(paged, { n }, token);
      expect({ n, refused: res.errors?.[0].extensions?.code === 'QUERY_TOO_COMPLEX' }).toEqual({ n, refused });
    }
  });

  it('keeps a pending organization out of search, radius search and matching until a coordinator activates it', async () => {
    const coach = await t.loginAs(Role.COACH);
    const coordinator = await t.loginAs(Role.COORDINATOR);
    const registered = await t.gql(`mutation { registerOrganization(input: { name: "Neue Suchtberatung (fiktiv)", kind: COUNSELLING_SERVICE, contactEmail: "leitung@neu.example" }) { organizationId status } }`);
    expect(registered.errors).toBeUndefined();
    const organizationId = registered.data.registerOrganization.organizationId;
    const partner = await t.loginAs(Role.PARTNER, [organizationId]);
    const location = await t.gql(`mutation($o: ID!) { createLocation(organizationId: $o, input: { street: "Markt 1", postcode: "01662", town: "Meißen", latitude: 51.1636, longitude: 13.4775 }) { id districtAgs } }`, { o: organizationId }, partner);
    expect(location.data.createLocation.districtAgs).toBe('14627');
    const created = await t.gql(
      `mutation($o: ID!, $l: ID!) { createService(organizationId: $o, input: { name: "Pending-Beratung", description: "fiktiv", category: ADDICTION_COUNSELLING, needs: ["addiction"], insuranceRequirement: NONE, languages: ["de"], accessibility: [], deliveryModes: [IN_PERSON], costType: FREE, locationIds: [$l] }) { id } }`,
      { o: organizationId, l: location.data.createLocation.id }, partner,
    );
    expect(created.errors).toBeUndefined();
    const serviceId = created.data.createService.id;

    const visible = async () => {
      const list = await t.gql(`{ services(first: 100, filter: { needs: ["addiction"] }) { edges { node { id } } } }`, {}, coach);
      const near = await t.gql(`{ servicesNear(first: 100, near: { latitude: 51.1636, longitude: 13.4775, radiusMeters: 500 }) { edges { node { service { id } } } } }`, {}, coach);
      const match = await t.gql(`{ matchReferralTargets(request: { needs: ["addiction"], origin: { latitude: 51.1636, longitude: 13.4775 } }) { targets(first: 100) { edges { node { service { id } } } } } }`, {}, coach);
      const byId = await t.gql(`query($id: ID!) { service(id: $id) { id } }`, { id: serviceId }, coach);
      return {
        list: list.data.services.edges.some((e: any) => e.node.id === serviceId),
        near: near.data.servicesNear.edges.some((e: any) => e.node.service.id === serviceId),
        match: match.data.matchReferralTargets.targets.edges.some((e: any) => e.node.service.id === serviceId),
        byId: !byId.errors,
      };
    };
    expect(await visible()).toEqual({ list: false, near: false, match: false, byId: false });
    expect((await t.gql(`query($id: ID!) { service(id: $id) { id } }`, { id: serviceId }, partner)).data.service.id).toBe(serviceId);
    const activated = await t.gql(`mutation($id: ID!) { activateOrganization(id: $id) { status } }`, { id: organizationId }, coordinator);
    expect(activated.data.activateOrganization.status).toBe('ACTIVE');
    expect(await visible()).toEqual({ list: true, near: true, match: true, byId: true });
  });

});
