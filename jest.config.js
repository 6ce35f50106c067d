// Run through `npm test`: node --experimental-vm-modules is needed because PGlite's CommonJS build
// does a dynamic `import('fs/promises')`.
const moduleNameMapper = {
  '^@lotse/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@lotse/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };

module.exports = {
  // Jest's default is one worker per core but one, which on CI's two cores runs every suite one
  // after the other. Most of an e2e suite's time is a single-threaded PGlite or a wait on the
  // server, so two suites at once use both cores (each suite has its own database; apps listen on
  // port 0).
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  // starting an app on a fresh database (PostGIS, migrations, boundaries) takes 10–30 s
  testTimeout: 180000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper,
      transform,
    },
  ],
};
