import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // pdf.js's modern build wants a browser (DOMMatrix at load); Node runs its legacy build,
    // the same code with polyfills. The app's worker gets the modern one.
    alias: [
      { find: /^pdfjs-dist$/, replacement: 'pdfjs-dist/legacy/build/pdf.mjs' },
      { find: /^pdfjs-dist\/build\/pdf\.worker\.mjs$/, replacement: 'pdfjs-dist/legacy/build/pdf.worker.mjs' },
    ],
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default'],
  },
})
