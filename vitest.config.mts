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
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Suites that read other projects' published files (REFI-QDA schemas, DNA's sample
      // projects), which this repository may not commit: `npm run test:interop-samples`.
      { extends: true, test: { name: 'interop-samples', include: ['test/interop-samples/**/*.test.ts'] } },
    ],
  },
})
