import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { AuthService } from '@lotse/auth';
import { JsonLogger, Role } from '@lotse/common';
import { Environment, loadEnvironment } from '@lotse/config';
import { QueryCounter } from '@lotse/database';
import { createApp } from '../../apps/api/src/bootstrap';

export interface DatabaseTarget {
  name: 'embedded' | 'server';
  /** admin URL of the server; each test app gets its own throw-away database there */
  serverUrl?: string;
}

/** The embedded database always; the server too when DATABASE_URL is set (CI sets it). */
export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'embedded' }];
  if (process.env.DATABASE_URL) targets.push({ name: 'server', serverUrl: process.env.DATABASE_URL });
  return targets;
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; field?: string; fields?: { field: string; message: string }[] } }[];
}

export interface TestApp {
  app: INestApplication;
  target: DatabaseTarget;
  logLines: string[];
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** creates a user with this role (and memberships) and returns an access token */
  loginAs(role: Role, organizationIds?: string[]): Promise<string>;
  http(): ReturnType<typeof request>;
  queries(): number;
  close(): Promise<void>;
}

async function withAdminClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Starts the real API (migrations, boundaries, optional demo seed) on the target database and
 * captures its log lines. Server targets get a fresh database that is dropped on close.
 */
export async function startTestApp(target: DatabaseTarget, overrides: Record<string, string> = {}): Promise<TestApp> {
  let databaseName: string | undefined;
  // Reading is public in most suites; the auth suites switch it off to test the real default.
  const vars: Record<string, string> = { SEED_DEMO_DATA: 'false', LOG_LEVEL: 'info', PUBLIC_READ_ACCESS: 'true', NODE_ENV: 'test', ...overrides };
  if (target.serverUrl) {
    databaseName = `lotse_test_${randomBytes(6).toString('hex')}`;
    await withAdminClient(target.serverUrl, (c) => c.query(`CREATE DATABASE ${databaseName}`));
    const url = new URL(target.serverUrl);
    url.pathname = `/${databaseName}`;
    vars.DATABASE_URL = url.toString();
  }
  const env: Environment = loadEnvironment(vars);
  const logLines: string[] = [];
  const app = await createApp({ env, inMemoryDatabase: true, logger: new JsonLogger('info', (line) => logLines.push(line)) });
  await app.init();
  const server = app.getHttpServer();
  const counter = app.get(QueryCounter);
  return {
    app,
    target,
    logLines,
    http: () => request(server),
    async gql(query, variables, token) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return res.body;
    },
    async loginAs(role, organizationIds = []) {
      const email = `${role}-${randomBytes(4).toString('hex')}@test.example`;
      const password = 'correct-horse-battery-9';
      await app.get(AuthService).createUser({ email, password, displayName: `Test ${role}`, role, organizationIds });
      const res = await request(server).post('/graphql').set('content-type', 'application/json')
        .send({ query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, variables: { e: email, p: password } });
      if (!res.body.data) throw new Error(`login failed: ${JSON.stringify(res.body.errors)}`);
      return res.body.data.login.accessToken;
    },
    queries: () => counter.queries,
    async close() {
      await app.close();
      if (databaseName && target.serverUrl) {
        await withAdminClient(target.serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
      }
    },
  };
}
