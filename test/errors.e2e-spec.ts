import { CatalogueService } from '@lotse/catalogue';
import { Role } from '@lotse/common';
import { organizationAt } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/*
 * Errors a client can act on (issue 12, point 4): unreadable bodies answer in the GraphQL error
 * shape with a code, the request log records the codes it answered with (never the query), and a
 * refusal names the rule that applies to the caller.
 */
describe.each(databaseTargets())('errors on the $name database', (target) => {
  let t: TestApp;
  let organizationId: string;

  beforeAll(async () => {
    t = await startTestApp(target, { SEARCH_OUTBOX_POLL_MS: '0', PUBLIC_READ_ACCESS: 'false' });
    [organizationId] = await t.app.get(CatalogueService).importOrganizations([organizationAt('Fehlerbild (fiktiv)', 51.16, 13.47)]);
  });
  afterAll(() => t?.close());

  const logsSince = (start: number) => t.logLines.slice(start).map((line) => JSON.parse(line));

  describe('bodies the API cannot read', () => {
    it('answers a 1 MB body with 413 and PAYLOAD_TOO_LARGE in the GraphQL error shape', async () => {
      const start = t.logLines.length;
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send(JSON.stringify({ query: `{ __typename }`, variables: { x: 'x'.repeat(1024 * 1024) } }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ errors: [{ message: expect.stringMatching(/too large: at most 100 kB/), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      expect(logsSince(start)).toContainEqual(expect.objectContaining({ msg: 'http request refused', status: 413, errorCodes: ['PAYLOAD_TOO_LARGE'] }));
    });

    it('answers malformed JSON with 400 and BAD_REQUEST in the same shape', async () => {
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send('{"query": "{ __typename }"');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    });

    it('still reads an ordinary body', async () => {
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('the request log', () => {
    it('records the codes it answered with, never the query text or variables', async () => {
      const coach = await t.loginAs(Role.COACH);
      const cases: [string, Record<string, unknown> | undefined, string | undefined, string][] = [
        ['{ services(first: 0) { totalCount } }', undefined, coach, 'BAD_USER_INPUT'],
        ['query($id: ID!) { service(id: $id) { name } }', { id: '00000000-0000-4000-8000-00000000beef' }, coach, 'NOT_FOUND'],
        ['{ me { email } }', undefined, undefined, 'UNAUTHENTICATED'],
        ['{ verificationQueue { totalCount } }', undefined, coach, 'FORBIDDEN'],
        [`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: services(first: 100) { edges { node { organization { services { name } } } } }`).join(' ')} }`, undefined, coach, 'QUERY_TOO_COMPLEX'],
        ['query($text: String) { searchServices(text: $text, first: 1) { totalCount } }', { text: 'Schlafstörungsgeheimnis' }, coach, 'NONE'],
      ];
      for (const [query, variables, token, code] of cases) {
        const start = t.logLines.length;
        const res = await t.gql(query, variables, token);
        const entry = logsSince(start).find((l) => l.msg === 'graphql request');
        expect({ code, answered: res.errors?.map((e) => e.extensions.code) ?? [], logged: entry?.errorCodes }).toEqual({
          code,
          answered: code === 'NONE' ? [] : [code],
          logged: code === 'NONE' ? [] : [code],
        });
        const text = t.logLines.slice(start).join('\n');
        for (const secret of ['Schlafstörungsgeheimnis', 'beef', 'totalCount', 'services(']) expect({ secret, logged: text.includes(secret) }).toEqual({ secret, logged: false });
      }
    });

    it('records the HTTP status of a refusal', async () => {
      const start = t.logLines.length;
      const coach = await t.loginAs(Role.COACH);
      await t.gql(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: services(first: 100) { edges { node { organization { services { name } } } } }`).join(' ')} }`, undefined, coach);
      expect(logsSince(start)).toContainEqual(expect.objectContaining({ msg: 'graphql request', status: 400, errorCodes: ['QUERY_TOO_COMPLEX'] }));
    });
  });

  describe('refusals name the rule that applies to the caller', () => {
    const AUDIT = 'query($org: ID) { auditTrail(organizationId: $org) { totalCount } }';

    it('tells a coach who may read the audit trail, not the partners’ rule', async () => {
      const coach = await t.loginAs(Role.COACH);
      const res = await t.gql(AUDIT, { org: organizationId }, coach);
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toBe('Only coordinators, admins and partners of their own organisation (give organizationId) may read the audit trail; coaches may not');
    });

    it('tells a partner the partners’ rule', async () => {
      const partner = await t.loginAs(Role.PARTNER, [organizationId]);
      const res = await t.gql(AUDIT, {}, partner);
      expect(res.errors?.[0].message).toBe('Partners may read the audit trail only of their own organisation (give organizationId)');
      expect((await t.gql(AUDIT, { org: organizationId }, partner)).errors).toBeUndefined();
    });

    it('names the roles a root field is for', async () => {
      const partner = await t.loginAs(Role.PARTNER, [organizationId]);
      const queue = await t.gql('{ verificationQueue { totalCount } }', {}, partner);
      expect(queue.errors?.[0]).toMatchObject({ message: 'Only coordinators and admins may use verificationQueue; partners may not', extensions: { code: 'FORBIDDEN' } });
      const directory = await t.gql('{ services { totalCount } }', {}, partner);
      expect(directory.errors?.[0].message).toBe('Only coaches, coordinators and admins may read the directory and match; partners may not (they read their own listings through myOrganizations)');
    });
  });
});
