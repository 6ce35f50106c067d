import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { JsonLogger } from '@lotse/common';
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
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
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
  const vars: Record<string, string> = { SEED_DEMO_DATA: 'false', LOG_LEVEL: 'info', ...overrides };
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
    async gql(query, variables) {
      const res = await request(server).post('/graphql').set('content-type', 'application/json').send({ query, variables });
      return res.body;
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
