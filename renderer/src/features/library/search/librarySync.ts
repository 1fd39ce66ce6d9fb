import { liveQuery } from 'dexie'
import type { StandpointDB } from '../../../db/database'
import type { Article } from '../../../domain/model'
import { LibraryIndex } from './libraryIndex'
import type { IndexStatus, RowsEvent, SearchHits } from './libraryTypes'

// Keeps the library's rows and its search index in step with the workspace. It watches the
// articles' (id, updatedAt) keys, a cheap query Dexie re-runs after every write from any
// window or worker, and reads only the articles that changed. Runs in the library worker
// (and, if a worker cannot start, in the window itself).

/** Articles read and indexed per step; small enough that a search never waits long. */
const STEP = 250

export interface LibrarySync {
  search(query: string): SearchHits
  snapshot(): Omit<RowsEvent, 'type' | 'removed'>
  stop(): void
}

async function readVersions(db: StandpointDB): Promise<Map<string, string>> {
  return db.transaction('r', db.articles, async () => {
    const ids = (await db.articles.toCollection().primaryKeys()).map(String)
    const versions = new Map<string, string>(ids.map((id) => [id, '']))
    await db.articles.orderBy('updatedAt').eachKey((updatedAt, cursor) => {
      versions.set(String(cursor.primaryKey), updatedAt as string)
    })
    return versions
  })
}

export function startLibrarySync(db: StandpointDB, onRows: (event: RowsEvent) => void, onError: (message: string) => void): LibrarySync {
  const index = new LibraryIndex()
  let version = 0
  let ready = false
  let total = 0
  let latest: Map<string, string> | null = null
  let syncing = false
  let stopped = false

  const status = (): IndexStatus => ({ indexed: index.size, total, ready, version })
  const post = (upserts: RowsEvent['upserts'], removed: string[]): void => {
    version++
    onRows({ type: 'rows', upserts, removed, status: status() })
  }

  // Applies the newest key snapshot; snapshots that arrive meanwhile merge into one pass.
  const sync = async (): Promise<void> => {
    if (syncing) return
    syncing = true
    try {
      while (latest && !stopped) {
        const current = latest
        latest = null
        total = current.size
        const { changed, removed } = index.diff(current)
        if (removed.length > 0) index.remove(removed)
        if (changed.length === 0) {
          ready = true
          post([], removed)
          continue
        }
        // Each await on IndexedDB lets queued search requests run between steps.
        if (changed.length === current.size) {
          // Everything is new (the first pass): read in primary-key pages, IndexedDB's fast path.
          let after: string | null = null
          let first = true
          while (!stopped) {
            const page: Article[] = await (after === null ? db.articles.orderBy(':id') : db.articles.where(':id').above(after)).limit(STEP).toArray()
            if (page.length === 0) break
            after = page[page.length - 1]!.id
            const upserts = index.upsert(page)
            if (page.length < STEP) ready = true
            post(upserts, first ? removed : [])
            first = false
          }
          ready = true
          post([], [])
        } else {
          for (let start = 0; start < changed.length && !stopped; start += STEP) {
            const articles = (await db.articles.bulkGet(changed.slice(start, start + STEP))).filter((article) => article !== undefined)
            const upserts = index.upsert(articles)
            if (start + STEP >= changed.length) ready = true
            post(upserts, start === 0 ? removed : [])
          }
        }
      }
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error))
    } finally {
      syncing = false
    }
  }

  const subscription = liveQuery(() => readVersions(db)).subscribe({
    next: (versions) => {
      latest = versions
      void sync()
    },
    error: (error: unknown) => onError(error instanceof Error ? error.message : String(error)),
  })

  return {
    search: (query) => index.search(query),
    snapshot: () => ({ upserts: Array.from(index.rows.values()), status: status() }),
    stop: () => {
      stopped = true
      subscription.unsubscribe()
    },
  }
}
