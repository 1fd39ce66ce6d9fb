import { liveQuery } from 'dexie'

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
