import { plainToInstance, Transform } from 'class-transformer';
import { ValidationError, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, registerDecorator, ValidateIf, validateSync } from 'class-validator';

/**
 * The factors MATCH_WEIGHTS may name: the codes of matching's `MatchFactor` (a unit test there
 * keeps both equal), here so the environment is validated in one place, at boot.
 */
export const MATCH_FACTOR_CODES = ['need_fit', 'travel_time', 'capacity', 'freshness', 'district', 'accessibility', 'language', 'outreach'] as const;

/** Why a MATCH_WEIGHTS value is not usable, or null when it is: a JSON object of known factor → number ≥ 0. */
export function matchWeightsProblem(json: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return 'MATCH_WEIGHTS must be a JSON object such as {"travel_time": 0.4}';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'MATCH_WEIGHTS must be a JSON object such as {"travel_time": 0.4}';
  const known: readonly string[] = MATCH_FACTOR_CODES;
  for (const [factor, weight] of Object.entries(parsed)) {
    if (!known.includes(factor)) return `MATCH_WEIGHTS: unknown factor "${factor}" (known: ${known.join(', ')})`;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) return `MATCH_WEIGHTS: weight of "${factor}" must be a number ≥ 0`;
  }
  return null;
}

function IsMatchWeights() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isMatchWeights',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && matchWeightsProblem(value) === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? matchWeightsProblem(args.value) : null) ?? 'MATCH_WEIGHTS must be a JSON object',
      },
    });
}

/**
 * Variables whose values are never shown, not even in a configuration error: these, and any whose
 * name says it holds a secret (…_SECRET, …_PASSWORD, …_API_KEY, …_TOKEN), so a new one is covered.
 */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['JWT_SECRET', 'MEILISEARCH_API_KEY']);
const SECRET_NAME = /(^|_)(SECRET|PASSWORD|PASS|API_KEY|PRIVATE_KEY|TOKEN)$/;

/** How a rejected value is shown at boot: secrets not at all, a URL without its password. */
export function shownValue(property: string, value: unknown): string {
  if (SECRET_VARIABLES.has(property) || SECRET_NAME.test(property)) return '(hidden)';
  if (typeof value === 'string') return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):[^@/?#\s]*@/i, '$1:***@'));
  return JSON.stringify(value);
}

/** Sent when GEOCODER_USER_AGENT is unset: enough for an own server, not for the public one (see loadEnvironment). */
export const DEFAULT_GEOCODER_USER_AGENT = 'Lotse/0.1 (open-source referral directory)';

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
  @IsMatchWeights()
  MATCH_WEIGHTS?: string;

  /** Name reported with every match result when MATCH_WEIGHTS is set */
  @IsOptional()
  @Matches(/^[\w.-]{1,64}$/, { message: 'MATCH_WEIGHT_SET must be 1–64 letters, digits, dots, dashes or underscores' })
  MATCH_WEIGHT_SET?: string;

  /** Search engine behind searchServices: `postgres` (default, also embedded) or `meilisearch` */
  @IsIn(['postgres', 'meilisearch'])
  SEARCH_ENGINE: 'postgres' | 'meilisearch' = 'postgres';

  /** Meilisearch server, required when SEARCH_ENGINE=meilisearch */
  @ValidateIf((env: Environment) => env.SEARCH_ENGINE === 'meilisearch' || env.MEILISEARCH_URL !== undefined)
  @IsDefined({ message: 'MEILISEARCH_URL is required when SEARCH_ENGINE=meilisearch' })
  @Matches(/^https?:\/\/\S+$/, { message: 'MEILISEARCH_URL must be an http:// or https:// URL' })
  MEILISEARCH_URL?: string;

  /** Meilisearch API key (master or an admin key that may manage the index) */
  @IsOptional()
  @IsString()
  MEILISEARCH_API_KEY?: string;

  /** Meilisearch index uid */
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'MEILISEARCH_INDEX must be 1–100 letters, digits, dashes or underscores' })
  MEILISEARCH_INDEX = 'lotse_services';

  /** How often the search outbox is polled, in ms; 0 = this process delivers no index updates */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  SEARCH_OUTBOX_POLL_MS = 1000;

  /** First retry delay after a failed delivery to the search engine, in ms (doubles per attempt) */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(1)
  SEARCH_RETRY_BASE_MS = 1000;

  /** Upper bound of the retry delay, in ms */
  @Transform(({ value }) => (value === undefined || value === '' ? 300_000 : Number(value)))
  @IsInt()
  @Min(1)
  SEARCH_RETRY_MAX_MS = 300_000;

  /** HMAC secret of access tokens (≥ 32 characters). Required in production; a random one per process otherwise. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must have at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 900 : Number(value)))
  @IsInt()
  @Min(30)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Let anyone read the directory and match without logging in. */
  @Transform(toBoolean)
  @IsBoolean()
  PUBLIC_READ_ACCESS = false;

  /**
   * Web app map: a tile server drawn under the bundled boundaries, e.g.
   * `https://tiles.example.org/{z}/{x}/{y}.png` (https; its host is added to the CSP's img-src).
   * Unset: the map is offline, boundaries only.
   */
  @IsOptional()
  @Matches(/^https:\/\/[^\s"'<>]+\{z\}[^\s"'<>]*$/, { message: 'MAP_TILE_URL must be an https URL template with {z}, {x} and {y}' })
  MAP_TILE_URL?: string;

  /** Attribution shown on the map for MAP_TILE_URL's tiles, e.g. "© OpenStreetMap-Mitwirkende". */
  @IsOptional()
  @IsString()
  MAP_TILE_ATTRIBUTION?: string;

  /** Comma-separated origins allowed by CORS; empty = same origin only. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** Capacity older than this many days is stale in the coordinators' queue. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  CAPACITY_STALE_DAYS = 30;

  /** A verification older than this many days is due again. */
  @Transform(({ value }) => (value === undefined || value === '' ? 365 : Number(value)))
  @IsInt()
  @Min(1)
  VERIFICATION_STALE_DAYS = 365;

  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_PER_MINUTE = 10;

  @Transform(({ value }) => (value === undefined || value === '' ? 120 : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_MUTATIONS_PER_MINUTE = 120;

  /**
   * A Nominatim server (its search API) for turning addresses into points; when unset, the offline
   * geocoder answers with the point of the postcode or locality, marked approximate.
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'GEOCODER_URL must be an http:// or https:// URL' })
  GEOCODER_URL?: string;

  /** User-Agent sent to the geocoder: name your installation and a contact (Nominatim's usage policy) */
  @IsString()
  @MinLength(8, { message: 'GEOCODER_USER_AGENT must identify the installation (at least 8 characters)' })
  GEOCODER_USER_AGENT = DEFAULT_GEOCODER_USER_AGENT;

  /** Contact e-mail sent to the geocoder as `email` (optional) */
  @IsOptional()
  @IsString()
  GEOCODER_EMAIL?: string;

  /** Least time between two geocoder requests, in ms (the public Nominatim allows one per second) */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60_000)
  GEOCODER_MIN_INTERVAL_MS = 1000;

  /** The most a GraphQL request may cost (estimated before it runs; see README, Limits). */
  @Transform(({ value }) => (value === undefined || value === '' ? 20_000 : Number(value)))
  @IsInt()
  @Min(100)
  QUERY_COST_LIMIT = 20_000;

  /**
   * The most need × candidate pairs one match may score (each considered candidate against each
   * need), counted before scoring; over it the match is refused with MATCH_TOO_LARGE. The default
   * is above what a request can reach today (20 needs × 400 candidates each), a bound for when
   * the search widens — lower it to keep matches small on a small machine.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 200_000 : Number(value)))
  @IsInt()
  @Min(1)
  MATCH_WORK_LIMIT = 200_000;

  /** How long one match may compute, in ms; past it the match is stopped with MATCH_TOO_LARGE. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10_000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(600_000)
  MATCH_TIME_LIMIT_MS = 10_000;

  /** How long a match computes before other requests get a turn of the event loop, in ms (as the coverage analysis: 10). */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000)
  MATCH_SLICE_MS = 10;

  /**
   * The largest file a coordinator may upload to `POST /import` (spreadsheets, HSDS JSON or
   * datapackages are often several MB), in bytes. GraphQL requests keep their own 100 kB limit.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 50 * 1024 * 1024 : Number(value)))
  @IsInt({ message: 'IMPORT_MAX_BYTES must be a whole number of bytes, e.g. 52428800 for 50 MB' })
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  IMPORT_MAX_BYTES = 50 * 1024 * 1024;

  /** An open referral with no update for this many days is flagged to its coach. */
  @Transform(({ value }) => (value === undefined || value === '' ? 14 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(365)
  REFERRAL_STALE_DAYS = 14;

  /** Closed referrals are deleted this many months after closing (the coordinators' counters stay). */
  @Transform(({ value }) => (value === undefined || value === '' ? 12 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(120)
  REFERRAL_RETENTION_MONTHS = 12;

  /** Run the daily referral retention job in this process (the CLI `referrals-purge` does the same on demand). */
  @Transform(toBoolean)
  @IsBoolean()
  REFERRAL_RETENTION_JOB = true;

  /** Run the daily reminder in this process: the coach is e-mailed once per REFERRAL_STALE_DAYS about referrals without an update. */
  @Transform(toBoolean)
  @IsBoolean()
  REFERRAL_STALE_MAIL_JOB = true;

  /** Referral e-mails: `log` (default: only a log line saying one would have gone out), `smtp`, or `off` */
  @IsIn(['off', 'log', 'smtp'])
  MAIL_TRANSPORT: 'off' | 'log' | 'smtp' = 'log';

  /** SMTP server, required when MAIL_TRANSPORT=smtp */
  @ValidateIf((env: Environment) => env.MAIL_TRANSPORT === 'smtp' || env.SMTP_HOST !== undefined)
  @IsDefined({ message: 'SMTP_HOST is required when MAIL_TRANSPORT=smtp' })
  @Matches(/^[A-Za-z0-9.-]{1,253}$|^\[[0-9a-fA-F:.]+\]$/, { message: 'SMTP_HOST must be a host name or an IP address' })
  SMTP_HOST?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 587 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_SECURE = false;

  /** refuse to send unless the server upgrades to TLS (STARTTLS) */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_REQUIRE_TLS = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** Sender of referral e-mails */
  @Matches(/^[^<>@\s]*(<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$|^.+ <[^<>@\s]+@[^<>@\s]+>$/, { message: 'MAIL_FROM must be an e-mail address, optionally as "Name <address>"' })
  MAIL_FROM = 'Lotse <lotse@localhost>';

  /** The web address of this Lotse, for the link in e-mails */
  @Matches(/^https?:\/\/\S+$/, { message: 'LOTSE_PUBLIC_URL must be an http:// or https:// URL' })
  LOTSE_PUBLIC_URL = 'http://localhost:3000';

  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }
}

export class EnvironmentValidationError extends Error {}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Validates `source` (defaults to process.env); throws one error listing every bad variable. */
export function loadEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const known = Object.keys(new Environment());
  const relevant = Object.fromEntries(Object.entries(source).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''));
  const env = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true, forbidUnknownValues: false });
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    errors.push(Object.assign(new ValidationError(), { property: 'JWT_SECRET', value: undefined, constraints: { required: 'JWT_SECRET is required when NODE_ENV=production' } }));
  }
  const publicNominatim = !!env.GEOCODER_URL && /(^|\.)openstreetmap\.org$/.test(hostOf(env.GEOCODER_URL));
  if (publicNominatim && env.GEOCODER_USER_AGENT === DEFAULT_GEOCODER_USER_AGENT) {
    errors.push(Object.assign(new ValidationError(), {
      property: 'GEOCODER_USER_AGENT', value: undefined,
      constraints: { policy: 'the public Nominatim server needs a User-Agent naming your installation and a contact, e.g. "Lotse (Gesundheitsnetz Meißen; it@example.org)"' },
    }));
  }
  if (publicNominatim && env.GEOCODER_MIN_INTERVAL_MS < 1000) {
    errors.push(Object.assign(new ValidationError(), {
      property: 'GEOCODER_MIN_INTERVAL_MS', value: env.GEOCODER_MIN_INTERVAL_MS,
      constraints: { policy: 'the public Nominatim server allows at most one request per second (GEOCODER_MIN_INTERVAL_MS ≥ 1000)' },
    }));
  }
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${shownValue(e.property, e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new EnvironmentValidationError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return env;
}
