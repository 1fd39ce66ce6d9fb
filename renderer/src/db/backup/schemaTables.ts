import { LOCAL_TABLES, SCHEMA_VERSIONS } from '../schema'

/** The tables (name → primary key path) a backup at a schema version holds: every table it declares but the local ones. */
export function tablesAtVersion(version: number): Map<string, string> {
  const tables = new Map<string, string>()
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version > version) break
    for (const [name, spec] of Object.entries(entry.stores)) {
      if (spec === null || LOCAL_TABLES.has(name)) tables.delete(name)
      else tables.set(name, spec.split(',')[0]!.trim().replace(/^(\+\+|&)/, ''))
    }
  }
  return tables
}

export function isKnownSchemaVersion(version: number): boolean {
  return SCHEMA_VERSIONS.some((entry) => entry.version === version)
}
