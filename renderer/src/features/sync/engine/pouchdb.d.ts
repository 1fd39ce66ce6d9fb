// PouchDB's packages ship no types; Standpoint types the calls it makes (db/sync/revisionStore.ts,
// engine.ts) and sees the modules only as plugins to assemble.
declare module 'pouchdb-core' {
  interface PouchPluginHost {
    plugin(plugin: object): PouchPluginHost
  }
  const PouchDB: PouchPluginHost
  export default PouchDB
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: object
  export default plugin
}
declare module 'pouchdb-adapter-http' {
  const plugin: object
  export default plugin
}
declare module 'pouchdb-replication' {
  const plugin: object
  export default plugin
}
declare module 'pouchdb-adapter-memory' {
  const plugin: object
  export default plugin
}
