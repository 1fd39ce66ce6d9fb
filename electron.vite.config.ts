import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import packageJson from './package.json'

const here = (path: string): string => resolve(__dirname, path)

// Our processes live in top-level main/, preload/ and renderer/ rather than electron-vite's
// default src/*, so every entry point is spelled out.
export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      lib: { entry: here('main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      // A sandboxed preload may only require('electron'): it must be one CommonJS file.
      lib: { entry: here('preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: here('renderer'),
    base: './',
    plugins: [react()],
    define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
    worker: { format: 'es' },
    build: {
      outDir: here('out/renderer'),
      minify: true,
      emptyOutDir: true,
      rolldownOptions: { input: here('renderer/index.html') },
    },
  },
})
