import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from '@lotse/common';
import { EnvironmentValidationError, loadEnvironment } from '@lotse/config';
import { DEMO_DATA_NOTICE, DemoSeedService } from '@lotse/demo-data';
import { GeoService } from '@lotse/geo';
import { CliModule } from './cli.module';
import { COVERAGE_COMMANDS, COVERAGE_USAGE } from './coverage-commands';
import { SEARCH_COMMANDS, SEARCH_USAGE } from './search-commands';
import { ProgressBar } from './progress';
import { ACCOUNT_COMMANDS, ACCOUNT_USAGE } from './account-commands';
import { TRAVEL_COMMANDS, TRAVEL_USAGE } from './travel-commands';
import { REFERRAL_COMMANDS, REFERRAL_USAGE } from './referral-commands';
import { EXCHANGE_COMMANDS, EXCHANGE_USAGE } from './exchange-commands';
import { IMPORT_COMMANDS, IMPORT_USAGE } from './import-commands';

const USAGE = `Lotse command line

Usage: npm run cli -- <command> [options]

Commands:
  seed [--reset]                       load the fictitious demo partners (--reset replaces them; real partners are never touched)
  import-postcodes <file.csv> [--source <name>]
                                       import postcode centroids (GeoNames or WZB style CSV: code, latitude, longitude[, place])
  boundaries [--force]                 load the bundled Saxony district and municipality boundaries (--force reloads)
${IMPORT_USAGE}
${COVERAGE_USAGE}
${TRAVEL_USAGE}
${SEARCH_USAGE}
${ACCOUNT_USAGE}
${REFERRAL_USAGE}
${EXCHANGE_USAGE}
  help                                 this text

The database is chosen as for the API: DATABASE_URL, or the embedded one in LOTSE_DATA_DIR
(stop the API first: the embedded database serves one process at a time).`;

type Command = (app: INestApplicationContext, args: string[]) => Promise<void>;

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const COMMANDS: Record<string, Command> = {
  async seed(app, args) {
    const result = await app.get(DemoSeedService).seed({ reset: args.includes('--reset') });
    if (result.skipped) {
      process.stdout.write('The catalogue already has services; nothing seeded. Use --reset to replace the demo partners.\n');
    } else {
      process.stdout.write(`Seeded ${result.organizations} organizations with ${result.services} services.\n${DEMO_DATA_NOTICE}\n`);
    }
  },

  async 'import-postcodes'(app, args) {
    const file = args.find((a) => !a.startsWith('--') && a !== option(args, '--source'));
    if (!file) throw new UsageError('import-postcodes needs a CSV file');
    const text = await readFile(file, 'utf8');
    const bar = new ProgressBar('postcodes');
    const { imported, skipped } = await app.get(GeoService).importPostcodeCsv(text, option(args, '--source') ?? basename(file), (d, t) => bar.update(d, t));
    process.stdout.write(`Imported ${imported} postcodes${skipped ? `, skipped ${skipped} unusable rows` : ''}.\n`);
  },

  async boundaries(app, args) {
    await app.get(GeoService).ensureBoundaries(args.includes('--force'));
    process.stdout.write('Boundaries loaded.\n');
  },
  ...COVERAGE_COMMANDS,
  ...SEARCH_COMMANDS,
  ...ACCOUNT_COMMANDS,
  ...TRAVEL_COMMANDS,
  ...REFERRAL_COMMANDS,
  ...EXCHANGE_COMMANDS,
  ...IMPORT_COMMANDS,
};

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 64;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}\n`);
    return 64;
  }
  let env;
  try {
    env = loadEnvironment();
  } catch (e) {
    if (e instanceof EnvironmentValidationError) {
      process.stderr.write(e.message + '\n');
      return 78;
    }
    throw e;
  }
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(env), { logger: new JsonLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL) });
  try {
    await command(app, args);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}\n`);
      return 64;
    }
    throw e;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
    process.exit(1);
  },
);
