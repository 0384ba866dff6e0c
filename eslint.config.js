import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Imports that would tie the engine to Electron; see docs/architecture.md. */
const ELECTRON_FENCE = {
  paths: [
    {
      name: 'electron',
      message: 'core and cli run in plain Node: have the shell pass what you need in through a port.',
    },
    { name: 'electron-store', message: 'core persists through `conf` behind a port, never electron-store.' },
  ],
  patterns: [
    {
      group: [
        '**/ipc',
        '**/ipc/**',
        '**/adapters',
        '**/adapters/**',
        '**/window',
        '**/window/**',
        '**/desktop',
        '**/desktop/**',
        'electron/*',
      ],
      message: 'core and cli may not depend on the Electron shell (ipc/, adapters/, window/, desktop/).',
    },
  ],
}

/** The renderer is a sandboxed web page: no Node built-ins, no main-process code. */
const RENDERER_FENCE = {
  paths: [{ name: 'electron', message: 'The renderer reaches main only through src/ipc/bridge.ts.' }],
  patterns: [
    {
      group: ['node:*', ...builtinModules],
      message: 'The renderer runs in a browser sandbox: no Node built-ins.',
    },
    { group: ['**/src-main', '**/src-main/**'], message: 'The renderer may not import main-process code.' },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.test-servers/**',
      'test-results/**',
      'playwright-report/**',
      '.reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src-main/core/**', 'src-main/cli/**'],
    rules: { 'no-restricted-imports': ['error', ELECTRON_FENCE] },
  },
  {
    files: ['src-main/web/**', 'src-main/common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ELECTRON_FENCE.paths,
          patterns: [
            {
              group: [
                '**/adapters',
                '**/adapters/**',
                '**/window',
                '**/window/**',
                '**/desktop',
                '**/desktop/**',
                '**/ipc/electron-ipc',
              ],
              message: 'Browser mode runs in plain Node: no Electron shell code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', RENDERER_FENCE],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-empty-pattern': 'off' },
  },
)
