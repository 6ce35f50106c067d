import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * Every environment variable Lotse reads, validated once at boot so a typo fails the start with a
 * message naming the variable instead of surfacing as a runtime error hours later.
 */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** A PostgreSQL+PostGIS server; when unset, the embedded PGlite database is used. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded database keeps its files (created if missing). */
  @IsString()
  LOTSE_DATA_DIR = './data/pglite';

  /** Seed fictitious demo partners when the catalogue is empty at start-up. */
  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO_DATA = true;

  /** Serve the GraphiQL IDE and allow introspection (switch off in production). */
  @Transform(toBoolean)
  @IsBoolean()
  GRAPHQL_IDE = true;

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';


  /** JSON object of match-factor weights over the defaults, e.g. {"travel_time": 0.4} (see README) */
  @IsOptional()
  @IsString()
  MATCH_WEIGHTS?: string;

  /** Name reported with every match result when MATCH_WEIGHTS is set */
  @IsOptional()
  @Matches(/^[\w.-]{1,64}$/, { message: 'MATCH_WEIGHT_SET must be 1–64 letters, digits, dots, dashes or underscores' })
  MATCH_WEIGHT_SET?: string;

  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }
}

export class EnvironmentValidationError extends Error {}

/** Validates `source` (defaults to process.env); throws one error listing every bad variable. */
export function loadEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const known = Object.keys(new Environment());
  const relevant = Object.fromEntries(Object.entries(source).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''));
  const env = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new EnvironmentValidationError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return env;
}
