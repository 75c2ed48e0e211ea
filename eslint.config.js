// @ts-check
/**
 * ESLint 9 flat config. Lint with `npx eslint --max-warnings 0 .` (= `npm run lint`) from the repository root.
 *
 * Three rule groups are the point of this file:
 *  1. Dependency direction between projects (`@nx/enforce-module-boundaries`, driven by the `nx.tags` of
 *     every workspace package.json).
 *  2. Workflow code (`libs/workflows/src`) stays deterministic: no Node built-ins, no Temporal
 *     activity/worker/client, no `@yardmaster/*` other than contracts except as `import type`, no Node globals.
 *  3. No floating or misused promises anywhere (typed linting).
 */
const { builtinModules } = require('node:module');
const { defineConfig, globalIgnores } = require('eslint/config');
const tseslint = require('typescript-eslint');
const nxPlugin = require('@nx/eslint-plugin');
const { createProjectGraphAsync } = require('@nx/devkit');

const TS_FILES = ['**/*.ts'];
// `test-support/` folders hold what only tests use (test doubles): test code, left out of every build.
const TEST_SUPPORT_FOLDER = '**/test-support/**';
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', `${TEST_SUPPORT_FOLDER}/*.ts`];
// The replay suite's helpers and the history recorder: test tooling beside the workflows, outside their build.
const WORKFLOW_TEST_TOOLING = ['libs/workflows/src/replay-histories/**/*.ts'];
const SPEC_PROGRAM_FILES = [...TEST_FILES, ...WORKFLOW_TEST_TOOLING, 'test/**/*.ts'];

// ---------------------------------------------------------------------------------------------------------------
// 1. Dependency direction
// ---------------------------------------------------------------------------------------------------------------
const APP_DEPENDENCIES = ['type:contracts', 'type:variable-types', 'type:config', 'type:sdk', 'type:workflows', 'type:messaging', 'type:read-models', 'type:identity', 'type:inventory'];

const TESTING_DEPENDENCIES = ['type:contracts', 'type:config', 'type:messaging', 'type:read-models', 'type:identity', 'type:inventory'];

/**
 * @param {{ testFile: boolean }} options `testFile`: the linted file is a `*.spec.ts` / `*.int-spec.ts`, which may
 *   also use `@yardmaster/testing` (the real-infrastructure helpers). Production code never may.
 */
function depConstraints({ testFile }) {
  /** @param {string[]} tags */
  const plusTesting = (tags) => (testFile ? [...tags, 'type:testing'] : tags);
  return [
    // `[]` = may not depend on any project (`['type:testing']` in its tests).
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: plusTesting([]) },
    { sourceTag: 'type:config', onlyDependOnLibsWithTags: plusTesting(['type:contracts']) },
    // Variable types use Ajv, so they live outside contracts: workflow code (contracts only) never bundles it.
    { sourceTag: 'type:variable-types', onlyDependOnLibsWithTags: plusTesting(['type:contracts']) },
    { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: plusTesting(['type:contracts', 'type:variable-types']) },
    { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: plusTesting(['type:contracts']) },
    { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: plusTesting(['type:contracts']) },
    { sourceTag: 'type:read-models', onlyDependOnLibsWithTags: plusTesting(['type:contracts']) },
    { sourceTag: 'type:identity', onlyDependOnLibsWithTags: plusTesting(['type:contracts']) },
    { sourceTag: 'type:inventory', onlyDependOnLibsWithTags: plusTesting(['type:contracts', 'type:sdk']) },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: TESTING_DEPENDENCIES },
    // Apps never import one another: `type:app` is not in the list.
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: plusTesting(APP_DEPENDENCIES) },
    // The CLI reads `--data` values by each variable type's own coercion, and imports nothing server-side.
    { sourceTag: 'type:cli', onlyDependOnLibsWithTags: ['type:contracts', 'type:variable-types'] },
    { sourceTag: 'type:e2e', notDependOnLibsWithTags: ['type:app'] },
  ];
}

/** @param {{ testFile: boolean }} options */
const moduleBoundaries = (options) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allowCircularSelfDependency: false,
    banTransitiveDependencies: false,
    allow: [],
    depConstraints: depConstraints(options),
    // `@yardmaster/testing` depends on these libraries (its package.json); their tests may still use it. The
    // exemption is only in effect for test files, so production code importing `@yardmaster/testing` still fails.
    ignoredCircularDependencies: options.testFile
      ? ['contracts', 'config', 'messaging', 'read-models', 'identity', 'inventory'].map((lib) => [`@yardmaster/${lib}`, '@yardmaster/testing'])
      : [],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// 2. Workflow sandbox
// ---------------------------------------------------------------------------------------------------------------
// Bare specifiers (`fs`, `fs/promises`, `worker_threads`, ...); every `node:*` specifier is caught by a pattern below.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('node:'));

const WORKFLOW_MESSAGE =
  'Workflow code runs in the Temporal sandbox and must stay deterministic: no Node built-ins, no activity/worker/client code.';

const workflowRestrictedImports = [
  'error',
  {
    paths: [
      ...nodeBuiltins.map((name) => ({ name, message: WORKFLOW_MESSAGE })),
      ...['@temporalio/activity', '@temporalio/worker', '@temporalio/client'].map((name) => ({
        name,
        message: WORKFLOW_MESSAGE,
      })),
    ],
    patterns: [
      { group: ['node:*'], message: WORKFLOW_MESSAGE },
      {
        group: ['@temporalio/activity/*', '@temporalio/worker/*', '@temporalio/client/*'],
        message: WORKFLOW_MESSAGE,
      },
      { group: [TEST_SUPPORT_FOLDER, '**/test-support'], message: 'Production code may not use test support (test doubles).' },
      {
        group: ['@yardmaster/*', '!@yardmaster/contracts', '!@yardmaster/contracts/*'],
        allowTypeImports: true,
        message: 'Workflow code may import values only from @yardmaster/contracts; use `import type` for anything else.',
      },
    ],
  },
];

const NODE_GLOBAL_MESSAGE = 'Node globals are not available in the Temporal workflow sandbox.';
const workflowRestrictedGlobals = [
  'error',
  ...[
    'process',
    'Buffer',
    'setImmediate',
    'clearImmediate',
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'global',
  ].map((name) => ({ name, message: NODE_GLOBAL_MESSAGE })),
];

// ---------------------------------------------------------------------------------------------------------------

async function buildConfig() {
  // `@nx/enforce-module-boundaries` reads the *cached* project graph and silently skips itself when there is none
  // (or misses projects/files newer than the cache). Computing it here keeps a bare `eslint .` honest.
  await createProjectGraphAsync({ exitOnError: false });

  return defineConfig(
    globalIgnores(
      ['**/dist/**', '**/node_modules/**', '.yard/**', '.nx/**', 'coverage/**', '**/*.d.ts'],
      'yardmaster/ignores',
    ),

    {
      name: 'yardmaster/linter-options',
      linterOptions: { reportUnusedDisableDirectives: 'error' },
    },

    // Plain JS: the root config files (CommonJS) and the tool scripts (ESM), no type information.
    {
      name: 'yardmaster/javascript',
      files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
      extends: [tseslint.configs.recommended],
      languageOptions: {
        ecmaVersion: 2023,
        globals: {
          process: 'readonly',
          console: 'readonly',
          Buffer: 'readonly',
          URL: 'readonly',
          setTimeout: 'readonly',
          clearTimeout: 'readonly',
          setInterval: 'readonly',
          clearInterval: 'readonly',
        },
      },
    },
    {
      name: 'yardmaster/commonjs',
      files: ['**/*.js', '**/*.cjs'],
      languageOptions: {
        sourceType: 'commonjs',
        globals: { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly' },
      },
      rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    { name: 'yardmaster/esm', files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },

    // TypeScript: recommended + the two promise rules, with type information.
    {
      name: 'yardmaster/typescript',
      files: TS_FILES,
      extends: [tseslint.configs.recommended],
      languageOptions: {
        parserOptions: {
          // Each file is type-checked by the nearest tsconfig.json (libs/*, apps/*); project references are
          // followed to sources, so this does not depend on `dist/` being built.
          projectService: true,
          tsconfigRootDir: __dirname,
        },
      },
      plugins: { '@nx': nxPlugin },
      rules: {
        // `LogWritten` (a job's log call) never rejects unobserved and the step waits for it anyway: jobs may
        // leave it unawaited.
        '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafePromises: ['LogWritten'] }],
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/no-unused-vars': [
          'error',
          {
            args: 'after-used',
            argsIgnorePattern: '^_',
            varsIgnorePattern: '^_',
            caughtErrorsIgnorePattern: '^_',
            destructuredArrayIgnorePattern: '^_',
            ignoreRestSiblings: true,
          },
        ],
        '@nx/enforce-module-boundaries': moduleBoundaries({ testFile: false }),
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { patterns: [{ group: [TEST_SUPPORT_FOLDER, '**/test-support'], message: 'Production code may not use test support (test doubles).' }] },
        ],
      },
    },

    // Tests are excluded from the per-project tsconfig.json files: they are type-checked by tsconfig.spec.json.
    {
      name: 'yardmaster/typescript-tests',
      files: SPEC_PROGRAM_FILES,
      languageOptions: {
        parserOptions: {
          projectService: false,
          project: ['./tsconfig.spec.json'],
          tsconfigRootDir: __dirname,
        },
      },
      // Tests read the API's JSON answers, whose shape is what they assert on.
      rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-restricted-imports': 'off' },
    },

    // Apps and libraries may use @yardmaster/testing from their tests, never from production code.
    {
      name: 'yardmaster/test-boundaries',
      files: [...TEST_FILES.map((glob) => `{apps,libs}/${glob}`), ...WORKFLOW_TEST_TOOLING],
      rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ testFile: true }) },
    },

    // Workflow code: Temporal's deterministic sandbox.
    {
      name: 'yardmaster/workflow-sandbox',
      files: ['libs/workflows/src/**/*.ts'],
      ignores: [...TEST_FILES, ...WORKFLOW_TEST_TOOLING],
      rules: {
        'no-restricted-imports': 'off',
        '@typescript-eslint/no-restricted-imports': workflowRestrictedImports,
        'no-restricted-globals': workflowRestrictedGlobals,
        'no-restricted-syntax': [
          'error',
          { selector: 'ImportExpression', message: 'Workflow code may not load modules dynamically.' },
        ],
      },
    },
  );
}

module.exports = buildConfig();
