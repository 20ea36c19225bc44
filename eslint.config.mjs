// One lint setup for the whole repository. Three things it enforces beyond style:
// 1. the dependency rule between layers (Nx tags, STYLE.md "which way imports go");
// 2. workflow code stays deterministic: no Node built-ins or side-effecting packages;
// 3. promises are awaited and type-only imports say so.
// In the console, the Rules of Hooks and complete dependency lists (eslint-plugin-react-hooks).
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const allLayers = [
  'type:domain',
  'type:contracts',
  'type:config',
  'type:util',
  'type:infra',
  'type:workflows',
  'type:activities',
];
// Server-side packages that must never be bundled into the browser console.
const SERVER_PACKAGES = [
  '@nestjs/*',
  '@temporalio/*',
  'postgres',
  'kafkajs',
  'pino',
  'pino-*',
  'nestjs-pino',
  'express',
  'helmet',
  'jose',
];
const depConstraints = (testing) => [
  // The domain imports nothing of ours and no package at all (its tests may use test tools).
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    ...(testing.length ? {} : { bannedExternalImports: ['*'] }),
  },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
  {
    sourceTag: 'type:workflows',
    onlyDependOnLibsWithTags: ['type:workflows', 'type:domain', 'type:contracts', ...testing],
    ...(testing.length ? {} : { allowedExternalImports: ['@temporalio/workflow', '@temporalio/common'] }),
  },
  {
    sourceTag: 'type:activities',
    onlyDependOnLibsWithTags: [
      'type:activities',
      'type:infra',
      'type:domain',
      'type:contracts',
      'type:util',
      ...testing,
    ],
  },
  {
    sourceTag: 'type:infra',
    onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:util', ...testing],
  },
  { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:config'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:tooling',
    onlyDependOnLibsWithTags: ['type:tooling', 'type:config', 'type:util', ...testing],
  },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:tooling', ...allLayers] },
  // Each deployable gets its own allowed set (README "Layout", docs/adr/0022). The console is a
  // browser bundle: only its own code (the generated API types live in apps/web/src/api); the one
  // exception, the isomorphic bundle verifier `@selter/event-store/offline`, is allowed by path in
  // the apps/web block below. No server package reaches the bundle either.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web'], bannedExternalImports: SERVER_PACKAGES },
  // The API decides through Temporal's client and reads read models: never workflow or activity code.
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contracts',
      'type:config',
      'type:util',
      'type:infra',
      ...testing,
    ],
  },
  // The worker hosts the workflows and activities; test engines only for its own specs.
  { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: [...allLayers, ...testing] },
  // The backbone (outbox relay, projections) and the witness: infrastructure, no Temporal code.
  {
    sourceTag: 'scope:backbone',
    onlyDependOnLibsWithTags: ['type:domain', 'type:config', 'type:util', 'type:infra', ...testing],
  },
  {
    sourceTag: 'scope:witness',
    onlyDependOnLibsWithTags: ['type:config', 'type:util', 'type:infra', ...testing],
  },
  // The auditor and the ops tool run on their own (an embedded database from the engines).
  {
    sourceTag: 'scope:auditor',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:config',
      'type:util',
      'type:infra',
      'type:tooling',
      ...testing,
    ],
  },
  // Its integration spec runs a real worker, so its specs (only) may bundle the workflows.
  {
    sourceTag: 'scope:ops',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contracts',
      'type:config',
      'type:util',
      'type:infra',
      'type:activities',
      'type:tooling',
      ...testing,
      ...(testing.length ? ['type:workflows'] : []),
    ],
  },
  // The dev launcher starts engines and the other apps as processes: it imports none of their code.
  // Its demo (apps/dev/src/demo.ts) takes a round's decisions from the domain's pure fixtures and
  // sends them through the api over HTTP, as a client would: the domain, never infra or apps.
  {
    sourceTag: 'scope:dev',
    onlyDependOnLibsWithTags: ['type:config', 'type:util', 'type:tooling', 'type:domain', ...testing],
  },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:tooling', ...allLayers] },
  { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:testing', 'type:tooling', ...allLayers] },
];

// The only import from a server library the console may make: the isomorphic offline verifier.
const WEB_ALLOWED_IMPORTS = ['@selter/event-store/offline'];

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      '**/lint-fixtures/**',
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.nx/**',
      'bench/results/**',
      'tmp/**',
      'coverage/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    // TypeScript everywhere, and the browser console's TSX (apps/web/tsconfig.json adds JSX and the DOM).
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints([]) },
      ],
    },
  },
  {
    // Tests (and their helpers) may use the testing library and, for fault tests that start and
    // kill their own servers, the engine launchers, from any layer.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.test-helper.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints: depConstraints(['type:testing', 'type:tooling']) },
      ],
    },
  },
  {
    // The console (scope:web) may import the offline bundle verifier by its browser entry point,
    // nothing else of the server's libraries (docs/adr/0022).
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: WEB_ALLOWED_IMPORTS,
          depConstraints: depConstraints([]),
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.spec.ts', 'workflows/src/workflow-time.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'Read workflow time through workflow-time.ts (deterministic inside the sandbox, one documented place).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'Read workflow time through workflow-time.ts (deterministic inside the sandbox, one documented place).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .flatMap((m) => [m, `node:${m}`])
            .map((name) => ({
              name,
              message: 'Workflow code must be deterministic: do this in an activity.',
            })),
          patterns: [
            {
              group: [
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
                'postgres',
                'kafkajs',
                '@nestjs/*',
              ],
              message: 'Side effects belong in activities; import their types with `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    // The API reaches Temporal through one port (ADR 16): Temporal's errors become problems once, there.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      'apps/api/src/workflows/**',
      'apps/api/src/infrastructure/**',
      'apps/api/src/health/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@temporalio/*'],
              message: 'Reach Temporal through apps/api/src/workflows (RoundWorkflows, RotationWorkflows).',
            },
          ],
        },
      ],
    },
  },
  {
    // The console's hooks: the plugin's recommended rules, every one an error (warnings fail CI too).
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: Object.fromEntries(
      Object.keys(reactHooks.configs.flat.recommended.rules).map((rule) => [rule, 'error']),
    ),
  },
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time comes in the command metadata.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in the command metadata.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Ids come in the command.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
