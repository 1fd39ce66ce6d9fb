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
    // PouchDB's replication reads the source's info for its progress counters without catching
    // a failure (pouchdb-replication 9.0.0, `src.info().then(...)` after each batch): when a
    // test stops the server mid-request, that read rejects unhandled while the replication
    // itself reports the failure and retries. The app's sync worker logs such a stray; the
    // tests let exactly it pass, and every other unhandled error still fails the run.
    onUnhandledError(error) {
      const { message, stack } = error as { message?: unknown; stack?: unknown }
      return !(message === 'fetch failed' && typeof stack === 'string' && /pouchdb-adapter-http[\\/]lib[\\/]index\.js/.test(stack) && /api\._info/.test(stack))
    },
  },
})
