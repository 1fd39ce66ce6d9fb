import { SCHEMA_VERSIONS } from '../schema'

/** The tables (name → primary key path) a schema version declares, after every earlier version. */
export function tablesAtVersion(version: number): Map<string, string> {
  const tables = new Map<string, string>()
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version > version) break
    for (const [name, spec] of Object.entries(entry.stores)) {
      if (spec === null) tables.delete(name)
      else tables.set(name, spec.split(',')[0]!.trim().replace(/^(\+\+|&)/, ''))
    }
  }
  return tables
}

export function isKnownSchemaVersion(version: number): boolean {
  return SCHEMA_VERSIONS.some((entry) => entry.version === version)
}
