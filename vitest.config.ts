import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

/**
 * Test projects, from many to few:
 * - core: the engine and the CLI in plain Node. No electron mock and no ELECTRON_OVERRIDE_DIST_PATH,
 *   so an accidental `import 'electron'` (even through electron-store) fails loudly.
 * - shell: Electron glue (ipc/, window/, adapters/, preload, browser mode) with `electron` aliased to a mock.
 * - renderer: stores and components in happy-dom with a fake `window.api`.
 * - built: the built app (out/), checked without Electron; run after `npm run build`.
 * - security: the Electronegativity gate (scripts/security-scan.mjs) on this app and on an insecure fixture.
 * - integration: against the real loopback servers; run after `scripts/test-servers.sh start`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['src-main/core/**/*.test.ts', 'src-main/cli/**/*.test.ts'],
          setupFiles: [resolve(root, 'test/setup/no-electron.ts')],
        },
      },
      {
        resolve: { alias: { electron: resolve(root, 'test/mocks/electron.ts') } },
        test: {
          name: 'shell',
          environment: 'node',
          include: [
            'src-main/*.test.ts',
            'src-main/{ipc,window,adapters,web,common,desktop}/**/*.test.ts',
            'src-preload/**/*.test.ts',
          ],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src-renderer/**/*.test.{ts,tsx}'],
          setupFiles: [resolve(root, 'src-renderer/test/setup.ts')],
        },
      },
      {
        test: {
          name: 'built',
          environment: 'node',
          include: ['test/built/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'security',
          environment: 'node',
          include: ['test/security/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
