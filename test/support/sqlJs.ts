import initSqlJs, { type SqlJsStatic } from 'sql.js'

// sql.js for Node: its CommonJS build finds sql-wasm.wasm beside itself in node_modules. The app
// loads the same WebAssembly as a bundled asset (renderer/src/platform/sqlJs.ts).

let loading: Promise<SqlJsStatic> | null = null

export function loadSqlJsForTests(): Promise<SqlJsStatic> {
  loading ??= initSqlJs()
  return loading
}
