// @ts-check
/**
 * ESLint 9 flat config. Lint with `npx eslint --max-warnings 0 .` (= `npm run lint`) from the repository root.
 *
 * Three rule groups are the point of this file:
 *  1. Dependency direction between projects (`@nx/enforce-module-boundaries`, driven by the `nx.tags` of
 *     every workspace package.json: a scope and a type each), and declared dependencies equal to the imports
 *     (`@nx/dependency-checks` on each project's package.json).
 *  2. Workflow code (`libs/workflows/src`) stays deterministic: no Node built-ins, no Temporal
 *     activity/worker/client, no `@yardmaster/*` other than contracts except as `import type`, no Node globals;
 *     values of the contracts only from `@yardmaster/contracts/workflow` (no schema in the workflow bundle).
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
// Every project has two tags (its package.json `nx.tags`): a scope (the service it belongs to, or `shared`) and a
// type (its layer). An import must pass the constraint of the source's scope AND that of its type. README.md,
// "Architecture", has the table.

/** Who may run Temporal code: the scheduler and the collector. Everyone else talks to it through them. */
const NO_TEMPORAL = ['@temporalio/*'];

/**
 * @param {{ testFile: boolean }} options `testFile`: the linted file is a `*.spec.ts` / `*.int-spec.ts`, which may
 *   also use the test helpers (`scope:testing`, `type:testing`). Production code never may.
 */
function depConstraints({ testFile }) {
  /** @param {string[]} tags */
  const plusTesting = (tags) => (testFile ? [...tags, 'scope:testing', 'type:testing'] : tags);
  return [
    // Scope: which service's code this is. A service reaches another only over NATS or Temporal, never by import.
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: plusTesting(['scope:shared']) },
    { sourceTag: 'scope:temporal', onlyDependOnLibsWithTags: plusTesting(['scope:shared']) },
    { sourceTag: 'scope:read-side', onlyDependOnLibsWithTags: plusTesting(['scope:shared']) },
    // The API never talks to Temporal (it asks the scheduler over NATS) and reads the read models.
    { sourceTag: 'scope:api', onlyDependOnLibsWithTags: plusTesting(['scope:api', 'scope:read-side', 'scope:shared']), bannedExternalImports: NO_TEMPORAL },
    // The projection builds read models from events: no workflows, no Temporal.
    { sourceTag: 'scope:projection', onlyDependOnLibsWithTags: plusTesting(['scope:projection', 'scope:read-side', 'scope:shared']), bannedExternalImports: NO_TEMPORAL },
    // The scheduler and the collector run Temporal; neither reads the read models (the scheduler asks the projection).
    { sourceTag: 'scope:scheduler', onlyDependOnLibsWithTags: plusTesting(['scope:scheduler', 'scope:temporal', 'scope:shared']) },
    { sourceTag: 'scope:collector', onlyDependOnLibsWithTags: plusTesting(['scope:collector', 'scope:temporal', 'scope:shared']) },
    // The CLI speaks REST only: the contracts' types, no server-side library.
    {
      sourceTag: 'scope:cli',
      onlyDependOnLibsWithTags: ['type:util'],
      bannedExternalImports: [...NO_TEMPORAL, '@nestjs/*', '@nats-io/*', 'typeorm', 'pg'],
    },
    { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:read-side', 'scope:api', 'scope:testing'] },
    { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:testing'] },

    // Type: layers, each depending only on the ones below. Apps are never imported (no `type:app` in any list).
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: plusTesting(['type:util']) },
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: plusTesting(['type:util']) },
    { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: plusTesting(['type:util', 'type:domain']) },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: plusTesting(['type:util', 'type:domain', 'type:data-access']) },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:data-access', 'type:testing'] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:data-access', 'type:testing'] },
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
    // The collector's worker passes `require.resolve('@yardmaster/workflows')` to Temporal, which bundles the
    // workflows on its own: not a lazy load of the library, which the collector also imports statically.
    checkDynamicDependenciesExceptions: ['@yardmaster/workflows'],
    depConstraints: depConstraints(options),
    // No exemptions: a library's tests use @yardmaster/testing-core, which depends on no library that uses it.
    ignoredCircularDependencies: [],
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
      {
        name: '@yardmaster/contracts',
        allowTypeImports: true,
        message: 'Workflow code takes values from @yardmaster/contracts/workflow (no zod in the workflow bundle); `import type` from the index.',
      },
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

/**
 * A project without a scope or a type tag would pass the constraints of the dimension it lacks unchecked (a
 * constraint applies only to projects carrying its source tag): refuse to lint until each project has one of each
 * that a constraint knows.
 * @param {import('@nx/devkit').ProjectGraph} graph
 */
function checkTagDimensions(graph) {
  const known = new Set(depConstraints({ testFile: false }).map((constraint) => constraint.sourceTag));
  const problems = Object.values(graph.nodes).flatMap(({ name, data }) =>
    ['scope:', 'type:'].flatMap((dimension) => {
      const tags = (data.tags ?? []).filter((tag) => tag.startsWith(dimension));
      return tags.length === 1 && known.has(tags[0]) ? [] : [`${name}: needs one of the ${dimension}* tags in eslint.config.js, has ${tags.join(', ') || 'none'}`];
    }),
  );
  if (problems.length > 0) throw new Error(`Project tags (package.json nx.tags):\n${problems.join('\n')}`);
}

async function buildConfig() {
  // `@nx/enforce-module-boundaries` reads the *cached* project graph and silently skips itself when there is none
  // (or misses projects/files newer than the cache). Computing it here keeps a bare `eslint .` honest.
  const graph = await createProjectGraphAsync({ exitOnError: false });
  checkTagDimensions(graph);

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

    // Each project's package.json declares what its production code imports (specs excluded: the `production`
    // input of its build target), no more and no less, at the versions installed. Nx's graph, and so
    // `nx affected`, and the image's `npm install --omit=dev` rely on it. Test-only workspace libraries go in the
    // project's devDependencies, test tooling in the root's.
    {
      name: 'yardmaster/declared-dependencies',
      files: ['{apps,libs}/*/package.json'],
      languageOptions: { parser: require('jsonc-eslint-parser') },
      plugins: { '@nx': nxPlugin },
      rules: {
        '@nx/dependency-checks': [
          'error',
          {
            buildTargets: ['build'],
            checkMissingDependencies: true,
            checkObsoleteDependencies: true,
            checkVersionMismatches: true,
            // Imported for types only, which come from @types/express; express itself comes with @nestjs/platform-express.
            ignoredDependencies: ['express'],
          },
        ],
      },
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
