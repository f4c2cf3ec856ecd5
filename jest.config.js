// Four tiers: unit specs beside the code (no I/O), *.int-spec.ts against the real
// broker and database, test/**/*.e2e-spec.ts across services, and the abuse tier
// (test/abuse/*.abuse-spec.ts: hostile input against every endpoint and the record path).
const { pathsToModuleNameMapper } = require('ts-jest');

// NestJS 12 is ESM-only; the CommonJS specs load it through jest's require(esm), which needs Node
// 24.9+ started with --experimental-vm-modules (the project's .npmrc adds it for npm and npx).
// Said once here rather than as one "Must use import to load ES Module" per suite.
if (typeof require('node:vm').SourceTextModule?.prototype?.hasAsyncGraph !== 'function') {
  throw new Error(
    `jest needs Node 24.9+ with --experimental-vm-modules (this is ${process.version}, NODE_OPTIONS=${process.env.NODE_OPTIONS ?? ''}): ` +
      'run it as `npx jest` or `npm run test:*` from the repository (its .npmrc sets the flag), or set NODE_OPTIONS=--experimental-vm-modules',
  );
}
const { compilerOptions } = require('./tsconfig.json');

const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.kafka-local/'],
};

const infra = {
  globalSetup: '<rootDir>/test/infra/global-setup.ts',
  globalTeardown: '<rootDir>/test/infra/global-teardown.ts',
  setupFiles: ['<rootDir>/test/infra/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/infra/setup-timeout.ts', '<rootDir>/test/infra/setup-topics.ts'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
    },
    {
      ...common,
      ...infra,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
    },
    {
      ...common,
      ...infra,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
    {
      ...common,
      ...infra,
      displayName: 'abuse',
      testMatch: ['<rootDir>/test/abuse/**/*.abuse-spec.ts'],
    },
  ],
};
