/**
 * One Jest run, three layers: unit tests (`*.spec.ts`, no I/O), integration tests (`*.int-spec.ts`, the real
 * Postgres, NATS and Temporal) and end-to-end tests (`test/**\/*.e2e-spec.ts`, the four services as processes).
 * Sources are compiled by SWC; type checking is `tsc -b` and `tsc -p tsconfig.spec.json`, run by `npm test`.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  transform: { '^.+\\.ts$': swc },
  // Every library by its package name, from its sources (the apps are never imported by name).
  moduleNameMapper: {
    '^@yardmaster/((?!api$|cli$|collector$|projection$|scheduler$|e2e$)[a-z-]+)$': '<rootDir>/libs/$1/src',
    // The contracts' workflow entry point (libs/contracts/workflow/package.json), from its source too.
    '^@yardmaster/contracts/workflow$': '<rootDir>/libs/contracts/src/workflow-contracts',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.int-spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // One stack for the files that call `YardmasterStack.shared()`, started once per run (README, "Test speed").
      globalSetup: '<rootDir>/test/support/shared-stack-setup.ts',
      globalTeardown: '<rootDir>/test/support/shared-stack-teardown.ts',
    },
  ],
};
