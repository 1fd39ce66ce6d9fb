import Dexie, { liveQuery, type ObservabilitySet } from 'dexie'
import type { StandpointDB } from './database'

// Live queries for code that keeps its own store rather than a React hook (those use
// dexie-react-hooks' useLiveQuery around a db/ query function).

/**
 * Runs `query` now and again after every write that touches what it read, until the returned
 * function is called.
 */
export function watchQuery<T>(query: () => Promise<T>, observer: { next: (value: T) => void; error: (error: unknown) => void }): () => void {
  const subscription = liveQuery(query).subscribe(observer)
  return () => subscription.unsubscribe()
}

interface RangeNode {
  from?: unknown
  to?: unknown
  l?: RangeNode | null
  r?: RangeNode | null
}

/**
 * The keys of a Dexie range set (an interval tree, or its structured clone when it came from
 * another window), or null when it holds a range rather than single keys.
 */
function keysOfRangeSet(root: RangeNode | undefined): string[] | null {
  const keys: string[] = []
  const stack: RangeNode[] = root ? [root] : []
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.from !== undefined) {
      if (typeof node.from !== 'string' || node.from !== node.to) return null
      keys.push(node.from)
    }
    if (node.l) stack.push(node.l)
    if (node.r) stack.push(node.r)
  }
  return keys
}

/**
 * Calls `onChange` after every committed write to a table, from this context or any other
 * window or worker, with the primary keys written when Dexie names them (it does for writes of
 * fewer than 50 records and for deletions by key) and null otherwise: then anything may have
 * changed. Returns the unsubscribe function.
 */
export function onTableChanged(db: StandpointDB, table: string, onChange: (keys: string[] | null) => void): () => void {
  // A changed part is named idb://<database>/<table>/<index>; '' is the primary key.
  const prefix = `idb://${db.name}/${table}/`
  const listener = (parts: ObservabilitySet): void => {
    if (!Object.keys(parts).some((part) => part.startsWith(prefix))) return
    onChange(keysOfRangeSet(parts[prefix] as RangeNode | undefined))
  }
  Dexie.on('storagemutated', listener)
  return () => Dexie.on('storagemutated').unsubscribe(listener)
}
