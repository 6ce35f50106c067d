import { loadEnvironment, EnvironmentValidationError, shownValue } from './environment';

describe('loadEnvironment', () => {
  it('applies documented defaults for an empty environment', () => {
    const env = loadEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.usesEmbeddedDatabase).toBe(true);
    expect(env.LOTSE_DATA_DIR).toBe('./data/pglite');
    expect(env.SEED_DEMO_DATA).toBe(true);
  });

  it('parses numbers and booleans from strings', () => {
    const env = loadEnvironment({ PORT: '8080', SEED_DEMO_DATA: 'false', DATABASE_URL: 'postgres://u@localhost/db' });
    expect(env.PORT).toBe(8080);
    expect(env.SEED_DEMO_DATA).toBe(false);
    expect(env.usesEmbeddedDatabase).toBe(false);
  });

  it('names every invalid variable in one message', () => {
    expect(() => loadEnvironment({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(EnvironmentValidationError);
    try {
      loadEnvironment({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  const messageOf = (source: Record<string, string>): string => {
    try {
      loadEnvironment(source);
    } catch (e) {
      expect(e).toBeInstanceOf(EnvironmentValidationError);
      return (e as Error).message;
    }
    throw new Error('expected the environment to be rejected');
  };

  it('never echoes a rejected secret', () => {
    const message = messageOf({ JWT_SECRET: 'hunter2-but-too-short', MEILISEARCH_API_KEY: 'x', MEILISEARCH_URL: 'not a url' });
    expect(message).toContain('JWT_SECRET=(hidden): JWT_SECRET must have at least 32 characters');
    expect(message).not.toContain('hunter2');
    expect(message).toContain('MEILISEARCH_URL');
  });

  it('shows a rejected URL without its password', () => {
    const message = messageOf({ DATABASE_URL: 'mysql://lotse:s3cr3t-pw@db.example/lotse' });
    expect(message).toContain('DATABASE_URL="mysql://lotse:***@db.example/lotse"');
    expect(message).not.toContain('s3cr3t-pw');
    expect(shownValue('MEILISEARCH_URL', 'https://user:pw@search.example')).toBe('"https://user:***@search.example"');
    expect(shownValue('PORT', 'abc')).toBe('"abc"');
    expect(shownValue('SMTP_PASSWORD', 'pw')).toBe('(hidden)');
    expect(shownValue('ACCESS_TOKEN_TTL_SECONDS', '5')).toBe('"5"');
  });

  it('validates MATCH_WEIGHTS with the rest of the environment', () => {
    expect(loadEnvironment({ MATCH_WEIGHTS: '{"travel_time": 0.4, "outreach": 0}' }).MATCH_WEIGHTS).toBe('{"travel_time": 0.4, "outreach": 0}');
    const message = messageOf({ MATCH_WEIGHTS: '{"speed": 1}', PORT: 'abc' });
    expect(message).toContain('MATCH_WEIGHTS: unknown factor "speed"');
    expect(message).toContain('PORT');
    for (const [json, problem] of [
      ['{"travel_time": -1}', 'weight of "travel_time" must be a number ≥ 0'],
      ['{"travel_time": "0.4"}', 'weight of "travel_time" must be a number ≥ 0'],
      ['[1]', 'must be a JSON object'],
      ['not json', 'must be a JSON object'],
    ]) {
      expect(messageOf({ MATCH_WEIGHTS: json })).toContain(problem);
    }
  });

  it('bounds a match by default and validates the limits at boot', () => {
    const env = loadEnvironment({});
    expect(env.MATCH_WORK_LIMIT).toBe(200_000);
    expect(env.MATCH_TIME_LIMIT_MS).toBe(10_000);
    expect(env.MATCH_SLICE_MS).toBe(10);
    expect(loadEnvironment({ MATCH_WORK_LIMIT: '5000', MATCH_TIME_LIMIT_MS: '2000' })).toMatchObject({ MATCH_WORK_LIMIT: 5000, MATCH_TIME_LIMIT_MS: 2000 });
    for (const [source, name] of [
      [{ MATCH_WORK_LIMIT: '0' }, 'MATCH_WORK_LIMIT'],
      [{ MATCH_WORK_LIMIT: 'many' }, 'MATCH_WORK_LIMIT'],
      [{ MATCH_TIME_LIMIT_MS: '1.5' }, 'MATCH_TIME_LIMIT_MS'],
      [{ MATCH_TIME_LIMIT_MS: '3600000' }, 'MATCH_TIME_LIMIT_MS'],
      [{ MATCH_SLICE_MS: '0' }, 'MATCH_SLICE_MS'],
    ] as const) {
      expect(messageOf(source)).toContain(name);
    }
  });
});

describe('geocoder configuration', () => {
  it('has no geocoder URL by default (offline geocoding) and one request per second', () => {
    const env = loadEnvironment({});
    expect(env.GEOCODER_URL).toBeUndefined();
    expect(env.GEOCODER_MIN_INTERVAL_MS).toBe(1000);
  });

  it('refuses a GEOCODER_URL that is no http(s) URL', () => {
    expect(() => loadEnvironment({ GEOCODER_URL: 'nominatim.local' })).toThrow(/GEOCODER_URL/);
  });

  it('holds the public Nominatim server to its usage policy: an identifying User-Agent, at most one request per second', () => {
    expect(() => loadEnvironment({ GEOCODER_URL: 'https://nominatim.openstreetmap.org' })).toThrow(/GEOCODER_USER_AGENT/);
    expect(() => loadEnvironment({ GEOCODER_URL: 'https://nominatim.openstreetmap.org', GEOCODER_USER_AGENT: 'Lotse (Netz Meißen; it@example.org)', GEOCODER_MIN_INTERVAL_MS: '200' })).toThrow(/GEOCODER_MIN_INTERVAL_MS/);
    const env = loadEnvironment({ GEOCODER_URL: 'https://nominatim.openstreetmap.org', GEOCODER_USER_AGENT: 'Lotse (Netz Meißen; it@example.org)' });
    expect(env.GEOCODER_URL).toBe('https://nominatim.openstreetmap.org');
  });

  it('lets an own server be asked faster', () => {
    expect(loadEnvironment({ GEOCODER_URL: 'http://127.0.0.1:8080', GEOCODER_MIN_INTERVAL_MS: '0' }).GEOCODER_MIN_INTERVAL_MS).toBe(0);
  });
});

describe('referral and mail settings', () => {
  it('default to logging e-mails and twelve months of retention', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({ MAIL_TRANSPORT: 'log', REFERRAL_RETENTION_MONTHS: 12, REFERRAL_STALE_DAYS: 14, SMTP_PORT: 587 });
  });

  it('need an SMTP host for MAIL_TRANSPORT=smtp and refuse bad numbers, naming them', () => {
    expect(() => loadEnvironment({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_HOST/);
    expect(() => loadEnvironment({ REFERRAL_STALE_DAYS: '0' })).toThrow(/REFERRAL_STALE_DAYS/);
    expect(() => loadEnvironment({ REFERRAL_RETENTION_MONTHS: 'zwölf' })).toThrow(/REFERRAL_RETENTION_MONTHS/);
    expect(() => loadEnvironment({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
    expect(loadEnvironment({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525', MAIL_FROM: 'Lotse Meißen <lotse@meissen.example>' })).toMatchObject({ SMTP_HOST: '127.0.0.1', SMTP_PORT: 2525 });
  });
});

describe('import upload limit', () => {
  it('defaults to 50 MB and is validated at boot', () => {
    expect(loadEnvironment({}).IMPORT_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(loadEnvironment({ IMPORT_MAX_BYTES: '2097152' }).IMPORT_MAX_BYTES).toBe(2097152);
    expect(() => loadEnvironment({ IMPORT_MAX_BYTES: '50MB' })).toThrow(/IMPORT_MAX_BYTES/);
    expect(() => loadEnvironment({ IMPORT_MAX_BYTES: '10' })).toThrow(/IMPORT_MAX_BYTES/);
  });
});
