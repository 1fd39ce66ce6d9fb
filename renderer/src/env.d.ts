/// <reference types="vite/client" />

/** package.json's version, injected at build time. */
declare const __APP_VERSION__: string

/** pdf.js's worker-side handler, loaded into the import worker itself ("fake worker"); untyped upstream. */
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
