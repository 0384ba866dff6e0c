import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const root = import.meta.dirname

/**
 * Three builds: main (ESM: the Electron app, the browser-mode server, the CLI and its demo; only the first
 * imports electron), the preload (one CommonJS file with everything bundled, as a sandboxed preload
 * can require nothing but electron), and the renderer.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          web: resolve(root, 'src-main/web/index.ts'),
          cli: resolve(root, 'src-main/cli/index.ts'),
          demo: resolve(root, 'src-main/cli/demo.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    build: {
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
    plugins: [react()],
  },
})
