import { loadEnvironment, EnvironmentValidationError } from './environment';

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
});
