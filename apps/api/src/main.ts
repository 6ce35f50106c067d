import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EnvironmentValidationError, loadEnvironment } from '@lotse/config';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnvironment();
  } catch (e) {
    if (e instanceof EnvironmentValidationError) {
      process.stderr.write(`${e.message}\nSee README.md, section Configuration.\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await createApp({ env });
  await app.listen(env.PORT);
  const url = `http://localhost:${env.PORT}/graphql`;
  new Logger('Bootstrap').log(`Lotse API ready: ${url} (${env.usesEmbeddedDatabase ? `embedded database in ${env.LOTSE_DATA_DIR}` : 'PostgreSQL server'})`);
  process.stderr.write(`\n  Lotse is running. Open ${url} in a browser for the GraphQL IDE.\n  Health: http://localhost:${env.PORT}/health\n\n`);
}

main().catch((e) => {
  process.stderr.write(`Lotse failed to start: ${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
