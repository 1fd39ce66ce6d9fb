import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// Builds the bench page: renderer modules plus bench entry points, no UI.
export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  logLevel: 'warn',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, '../../out/bench'),
    emptyOutDir: true,
    target: 'es2023',
  },
})
