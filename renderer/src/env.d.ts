/// <reference types="vite/client" />

/** package.json's version, injected at build time. */
declare const __APP_VERSION__: string
