import initSqlJs, { type SqlJsStatic } from 'sql.js'
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url'

// SQLite compiled to WebAssembly (sql.js), for reading Discourse Network Analyzer projects.
// The .wasm file is bundled as an asset of the build and fetched from the app's own origin
// (app://standpoint in Electron, the preview server in the browser): never downloaded.
// Compiling it needs 'wasm-unsafe-eval' in the content security policy. Works in a worker too.

let loading: Promise<SqlJsStatic> | null = null

export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({ locateFile: () => wasmUrl }).catch((error: unknown) => {
    // A failed load (a missing asset, a policy that forbids WebAssembly) may be retried.
    loading = null
    throw error
  })
  return loading
}
