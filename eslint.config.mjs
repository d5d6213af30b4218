// ESLint flat config: typescript-eslint with type information; workflow code gets the determinism rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'prisma/generated/', 'coverage/', '.data/', 'bench/results/', '.venv/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      // Fastify plugins and route handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Workflow code is replayed: no Node built-ins, no I/O, and activities only as types (proxyActivities).
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code must be deterministic: no Node built-ins.' })),
          patterns: [
            {
              group: ['**/activities', '**/activities/*', '../../activities*'],
              allowTypeImports: true,
              message: 'Import activities as types only and call them through proxyActivities.',
            },
            {
              group: ['**/runtime/*', '**/api/*', '@prisma/*', 'pg'],
              message: 'Workflow code cannot touch the database or the API.',
            },
          ],
        },
      ],
    },
  },
  {
    // Activities run in the worker: they share database operations with the API through runtime/ and domain/, never
    // by importing the API.
    files: ['activities/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api', '**/api/*'],
              message: 'Activities do not import the API: share the operation through runtime/ or domain/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read in one place, runtime/config.ts (typed, documented). Tool configs (prisma.config.ts,
    // web/vite.config.ts) and the test, reliability and bench harnesses read their own knobs.
    files: [
      'api/**/*.ts',
      'activities/**/*.ts',
      'workflows/**/*.ts',
      'runtime/**/*.ts',
      'scripts/**/*.ts',
      'domain/**/*.ts',
      'web/src/**/*.{ts,tsx}',
    ],
    ignores: ['runtime/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through runtime/config.ts (loadConfig or settings).' },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'web/vite.config.ts', 'web/antd-imports.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'reliability/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
