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
  const base = `http://localhost:${env.PORT}`;
  new Logger('Bootstrap').log(`Lotse ready: ${base}/ (${env.usesEmbeddedDatabase ? `embedded database in ${env.LOTSE_DATA_DIR}` : 'PostgreSQL server'})`);
  process.stderr.write(
    [
      '',
      `  Lotse läuft. Web-App:      ${base}/`,
      ...(env.SEED_DEMO_DATA && env.NODE_ENV !== 'production' ? [`  Demo-Zugänge (Passwort lotse-demo-2026): coach@lotse.example, partner@lotse.example, koordination@lotse.example`] : []),
      `  GraphQL (API und IDE):     ${base}/graphql`,
      `  HSDS 3.0 / FHIR R4:        ${base}/hsds/  ·  ${base}/fhir/metadata`,
      `  Health:                    ${base}/health`,
      '',
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`Lotse failed to start: ${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
