// One jest run, two kinds of test (STYLE.md rule 10):
// - unit: *.spec.ts, pure and fast, no engine;
// - web: the console's components (*.spec.tsx) rendered in jsdom, no engine;
// - integration: *.int.spec.ts and the black-box specs in test/, against real PostgreSQL,
//   Temporal and Kafka started once per run by the project's globalSetup on free ports.
// Jest runs a project's globalSetup only when that project has tests selected, so
// `nx test domain` never starts an engine.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const swcTsx = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities,tools}/**/*.spec.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.int\\.spec\\.ts$'],
    },
    {
      ...common,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.tsx'],
      transform: { '^.+\\.tsx?$': swcTsx },
      moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
      moduleNameMapper: { '\\.css$': '<rootDir>/apps/web/test-support/style-stub.js' },
      setupFiles: ['<rootDir>/apps/web/test-support/jsdom-setup.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{apps,libs,workflows,activities}/**/*.int.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      setupFiles: ['<rootDir>/libs/testing/src/quiet-temporal.ts'],
      slowTestThreshold: 30,
    },
  ],
};
