import type { StandpointDB } from '../../../db/database'
import { articleIds, articlesAfter, articlesByIds, articlesUpdatedAfter, articleVersions, onArticlesChanged } from '../../../db/queries/library'
import type { Article } from '../../../domain/model'
import { LibraryIndex } from './libraryIndex'
import type { IndexStatus, RowsEvent, SearchHits } from './libraryTypes'

// Keeps the library's rows and its search index in step with the workspace. Runs in the
// library worker (and, if a worker cannot start, in the window itself).
//
// What changed is found cheaply, because it is asked after every write (during an import,
// after every chunk): the articles' primary keys (one getAllKeys) give what was added and
// removed; articles whose updatedAt is past the newest one seen give what was edited. Only
// when a write changed neither (a restore writing records with older timestamps) does it fall
// back to comparing every article's updatedAt, a cursor over the index.

/** Articles read and indexed per step; small enough that a search never waits long. */
const STEP = 250

export interface LibrarySync {
  search(query: string): SearchHits
  snapshot(): Omit<RowsEvent, 'type' | 'removed'>
  stop(): void
}

export function startLibrarySync(db: StandpointDB, onRows: (event: RowsEvent) => void, onError: (message: string) => void): LibrarySync {
  const index = new LibraryIndex()
  let version = 0
  let ready = false
  let total = 0
  /** The newest updatedAt indexed so far: later ones are edits to pick up. */
  let watermark = ''
  let pending = false
  let syncing = false
  let stopped = false

  const status = (): IndexStatus => ({ indexed: index.size, total, ready, version })
  const post = (upserts: RowsEvent['upserts'], removed: string[]): void => {
    version++
    onRows({ type: 'rows', upserts, removed, status: status() })
  }
  const upsert = (articles: Article[]): RowsEvent['upserts'] => {
    for (const article of articles) if ((article.updatedAt ?? '') > watermark) watermark = article.updatedAt
    return index.upsert(articles)
  }

  /** Reads and indexes the given articles in steps; each await lets queued searches run. */
  const indexIds = async (ids: string[], removed: string[]): Promise<void> => {
    for (let start = 0; start < ids.length && !stopped; start += STEP) {
      const articles = await articlesByIds(db, ids.slice(start, start + STEP))
      post(upsert(articles), start === 0 ? removed : [])
    }
  }

  /** The first pass: everything, in primary-key pages (IndexedDB's getAll fast path). */
  const indexEverything = async (): Promise<void> => {
    let after: string | null = null
    while (!stopped) {
      const page = await articlesAfter(db, after, STEP)
      if (page.length === 0) break
      after = page[page.length - 1]!.id
      post(upsert(page), [])
    }
  }

  const pass = async (keys: string[]): Promise<void> => {
    total = keys.length
    const present = new Set(keys)
    const removed = Array.from(index.rows.keys()).filter((id) => !present.has(id))
    if (removed.length > 0) index.remove(removed)
    const added = keys.filter((id) => !index.rows.has(id))
    if (index.size === 0 && added.length > 0) {
      await indexEverything()
      ready = true
      post([], removed)
      return
    }
    const edited = watermark === '' ? [] : (await articlesUpdatedAfter(db, watermark)).filter((article) => index.rows.has(article.id))
    if (edited.length > 0) post(upsert(edited), [])
    if (added.length > 0) await indexIds(added, removed)
    if (added.length === 0 && edited.length === 0 && removed.length === 0 && ready) {
      // Something was written that neither added nor visibly edited an article: compare all.
      const { changed } = index.diff(await articleVersions(db))
      await indexIds(changed, [])
    }
    ready = true
    post([], added.length > 0 ? [] : removed)
  }

  // One pass per burst of writes: writes that land during a pass are folded into the next.
  const sync = async (): Promise<void> => {
    if (syncing) return
    syncing = true
    try {
      while (pending && !stopped) {
        pending = false
        await pass(await articleIds(db))
      }
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error))
    } finally {
      syncing = false
    }
  }
  const schedule = (): void => {
    pending = true
    void sync()
  }

  const unsubscribe = onArticlesChanged(db, schedule)
  schedule()

  return {
    search: (query) => index.search(query),
    snapshot: () => ({ upserts: Array.from(index.rows.values()), status: status() }),
    stop: () => {
      stopped = true
      unsubscribe()
    },
  }
}
