import { deleteCache, loadCache, saveCache } from '../../../db/cache/workspaceCache'
import type { StandpointDB } from '../../../db/database'
import { articleIds, articlesAfter, articlesByIds, articlesJournalHead, articlesUpdatedAfter, articlesWrittenSince, articleVersions, onArticlesChanged, type ArticleChange } from '../../../db/queries/library'
import type { Article } from '../../../domain/model'
import type { TextIndexSnapshot } from '../../../domain/search/textIndex'
import { libraryOrder, NEWEST_FIRST } from '../sortRows'
import { LibraryIndex, type LibrarySnapshot } from './libraryIndex'
import { checkPacked, columnsOf, LIBRARY_CACHE, LIBRARY_CACHE_FORMAT, orderFromPart, packColumns, PREVIEW_PART, rowsFromColumns, rowsFromPacked, type IndexStatus, type LibraryColumns, type LibraryRow, type PackedColumns, type RowsEvent, type SearchHits } from './libraryTypes'
import { errorText } from '../../../domain/errorText'

// Keeps the library's rows and its search index in step with the workspace. Runs in the
// library worker (and, if a worker cannot start, in the window itself).
//
// At start the index saved last time is loaded (a few hundred milliseconds for 100,000
// articles, where indexing them again takes minutes), its rows shown at once, and then
// checked against the workspace. The save notes the change journal's seq it was in step
// with, so the check reads only the journal entries written since: the articles they name are
// read again (or dropped), and any article with an updatedAt past the newest saved. Every
// write the app makes goes through the journal; one made around Dexie (straight into
// IndexedDB) is seen only by that updatedAt, as a running library would not see it either.
// Only when the journal cannot tell (pruned past that seq, or started afresh) is every
// article's updatedAt compared, a cursor over the index that costs seconds to tens of seconds
// at 100,000 articles. A saved copy that is missing, from an older format or
// damaged is thrown away and the index is built from the articles.
//
// What changed is found cheaply, because it is asked after every write. A small write names
// the articles it wrote: those are read again, or dropped when gone. A large one (an import
// chunk, a restore) does not: then the articles' primary keys (one getAllKeys) give what was
// added and removed, and articles whose updatedAt is past the newest one seen give what was
// edited. Only when such a write changed neither (a restore writing records with older
// timestamps) does it fall back to comparing every article's updatedAt, a cursor over the index.

/** Articles read and indexed per step; small enough that a search never waits long. */
const STEP = 250
/** Articles changed since the last save before the index is saved again... */
const SAVE_AFTER_CHANGES = 500
/** ...once writes have paused this long. */
const SAVE_QUIET_MS = 2_000

export interface LibrarySync {
  /** Resolves once a saved index has been loaded (or found missing): searches wait for it. */
  searchable(): Promise<void>
  search(query: string): SearchHits
  snapshot(): Omit<RowsEvent, 'type' | 'removed'>
  /** Resolves once the index is in step with the workspace as it was when called (tests, bench). */
  settled(): Promise<void>
  /** Saves the index now if anything changed since it was last saved (tests, bench). */
  save(): Promise<void>
  stop(): void
}

export interface LibrarySyncOptions {
  /** Load and save the index in the workspace's cache (default true). */
  persist?: boolean
  /** Where timings of the start go (bench). */
  onTiming?: (what: 'loaded' | 'checked' | 'verified' | 'built' | 'saved', ms: number, detail?: string) => void
}

/** Rows kept for the first screen (newest first), read by the window before the worker starts. */
const PREVIEW_ROWS = 200

function toParts(snapshot: LibrarySnapshot, journalSeq: number): Record<string, unknown> {
  const { index, rows, versions } = snapshot
  // The rows are kept as the window receives them at the next start, so the worker hands them
  // on as read: packed (100,000 rows read and sent in a third of the time) and in the library's
  // default order, newest first (sorting 100,000 dates took the window 180 ms; sorted input
  // takes a few). `order` gives each row's place in the index's document order.
  const all = rowsFromColumns(rows)
  const order = Uint32Array.from(libraryOrder(all, NEWEST_FIRST, new Map()))
  const newest = Array.from(order.subarray(0, PREVIEW_ROWS), (position) => all[position]!)
  return {
    format: LIBRARY_CACHE_FORMAT,
    [PREVIEW_PART]: { format: LIBRARY_CACHE_FORMAT, columns: columnsOf(newest), total: index.ids.length },
    // Rows and index are read separately (rows first, for the first screen): the stamp tells
    // that both came from the same save.
    stamp: crypto.randomUUID(),
    // Every journal entry up to this seq is in the saved index.
    journalSeq,
    packed: packColumns(rows, order),
    order,
    versions,
    // Every part of the index but its ids, which are the rows' ids in document order: read
    // once with the rows, not again with the index (100,000 strings, 4 MB).
    ...Object.fromEntries(Object.entries(index).flatMap(([key, value]) => (key === 'ids' ? [] : [[`index.${key}`, value]]))),
  }
}

// `rows`: the unpacked rows in document order of an earlier save.
const HEAD_PARTS = new Set(['format', 'stamp', 'packed', 'order', 'rows', 'versions', 'journalSeq'])
const isHead = (key: string): boolean => HEAD_PARTS.has(key)

/** The saved rows as the window takes them, and in the index's document order; throws a TypeError when damaged. */
function savedRows(head: Record<string, unknown>): { packed: PackedColumns; inDocumentOrder: () => LibraryRow[] } {
  if (head.packed === undefined) {
    // Saved before rows were packed and ordered.
    const rows = rowsFromColumns(head.rows)
    return { packed: packColumns(head.rows as LibraryColumns, null), inDocumentOrder: () => rows }
  }
  const packed = checkPacked(head.packed)
  const order = orderFromPart(head.order, packed.length)
  if (!order) throw new TypeError('The saved order of the library rows is damaged.')
  return {
    packed,
    inDocumentOrder: () => {
      const sent = rowsFromPacked(packed)
      const rows = new Array<LibraryRow>(sent.length)
      for (let k = 0; k < sent.length; k++) rows[order[k]!] = sent[k]!
      return rows
    },
  }
}
const isBody = (key: string): boolean => key === 'stamp' || key.startsWith('index.')

export function startLibrarySync(
  db: StandpointDB,
  onRows: (event: RowsEvent) => void,
  onError: (message: string) => void,
  options: LibrarySyncOptions = {},
): LibrarySync {
  const persist = options.persist ?? true
  const timing = options.onTiming ?? (() => undefined)
  let index = new LibraryIndex()
  let version = 0
  let ready = false
  let total = 0
  /** The newest updatedAt indexed so far: later ones are edits to pick up. */
  let watermark = ''
  let pending = false
  /** Articles named by writes since the last pass; null once a write did not name them. */
  let pendingIds: Set<string> | null = new Set()
  let syncing: Promise<void> | null = null
  let stopped = false
  /** Articles indexed or removed since the index was last saved (or loaded). */
  let unsaved = 0
  let saveTimer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> | null = null
  /** The journal seq every change up to which the index holds (read before each pass's reads). */
  let inStep = 0
  /** The seq the loaded copy was saved at (null: an older save without one). */
  let savedSeq: number | null = null

  const status = (): IndexStatus => ({ indexed: index.size, total, ready, loadingSaved: false, version })
  const post = (upserts: RowsEvent['upserts'], removed: string[]): void => {
    version++
    onRows({ type: 'rows', upserts, removed, status: status() })
  }
  const upsert = (articles: Article[]): RowsEvent['upserts'] => {
    for (const article of articles) if ((article.updatedAt ?? '') > watermark) watermark = article.updatedAt
    unsaved += articles.length
    return index.upsert(articles)
  }
  const remove = (ids: string[]): void => {
    unsaved += ids.length
    index.remove(ids)
  }

  const save = async (): Promise<void> => {
    if (!persist || stopped || unsaved === 0) return
    const started = performance.now()
    unsaved = 0
    const snapshot = index.snapshot()
    try {
      await saveCache(db, LIBRARY_CACHE, toParts(snapshot, inStep))
      timing('saved', performance.now() - started)
    } catch (error) {
      // The index still works; the next start rebuilds it.
      console.warn(`[library] could not save the search index: ${errorText(error)}`)
    }
  }
  const saveSoon = (): void => {
    if (!persist || unsaved < SAVE_AFTER_CHANGES) return
    if (saveTimer !== null) clearTimeout(saveTimer)
    saveTimer = setTimeout(() => {
      saveTimer = null
      if (syncing || pending) return saveSoon()
      saving = save().finally(() => (saving = null))
    }, SAVE_QUIET_MS)
  }

  /** The saved index, if there is one that loads; its rows are shown as soon as they are read. */
  const load = async (): Promise<boolean> => {
    if (!persist) return false
    const started = performance.now()
    let shown: LibraryRow[] = []
    try {
      const head = await loadCache(db, LIBRARY_CACHE, isHead)
      const headRead = performance.now()
      if (head === null) return false
      // Asked for once the rows are read (asked with them, it delayed them: IndexedDB served
      // both reads at once): it is read while the rows are handed on.
      const bodyRead = loadCache(db, LIBRARY_CACHE, isBody)
      bodyRead.catch(() => undefined)
      if (head.format !== LIBRARY_CACHE_FORMAT) throw new TypeError(`saved index format ${String(head.format)}`)
      savedSeq = typeof head.journalSeq === 'number' && Number.isInteger(head.journalSeq) && head.journalSeq >= 0 ? head.journalSeq : null
      const saved = savedRows(head)
      total = saved.packed.length
      version++
      onRows({ type: 'rows', upserts: [], columns: saved.packed, removed: [], status: { indexed: 0, total, ready: false, loadingSaved: true, version } })
      shown = saved.inDocumentOrder()
      const rowsShown = performance.now()
      const body = await bodyRead
      const bodyReady = performance.now()
      const phases = `rows read ${Math.round(headRead - started)} ms, shown ${Math.round(rowsShown - headRead)} ms, index read ${Math.round(bodyReady - rowsShown)} ms more`
      if (body === null || body.stamp !== head.stamp) throw new TypeError('the saved index changed while it was read')
      const snapshot = Object.fromEntries(Object.entries(body).flatMap(([key, value]) => (key.startsWith('index.') ? [[key.slice('index.'.length), value]] : [])))
      // Saved without them (they are the rows'), unless the save is from before.
      if (snapshot.ids === undefined) snapshot.ids = shown.map((row) => row.id)
      // Each posting is checked once the index is searchable (checkPostingsSoon), not before.
      index = LibraryIndex.fromSnapshot(snapshot as unknown as TextIndexSnapshot, shown, head.versions, { postings: false })
      // A save from before rows were packed is saved again in the current form, once.
      if (head.packed === undefined) unsaved = Math.max(unsaved, SAVE_AFTER_CHANGES)
      timing('loaded', performance.now() - started, `${index.size} articles: ${phases}, checked and built ${Math.round(performance.now() - bodyReady)} ms`)
    } catch (error) {
      console.warn(`[library] the saved search index is unusable, rebuilding it: ${errorText(error)}`)
      index = new LibraryIndex()
      total = 0
      if (shown.length > 0) post([], shown.map((row) => row.id))
      await deleteCache(db, LIBRARY_CACHE).catch(() => undefined)
      return false
    }
    ready = true
    post([], [])
    return true
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
    const started = performance.now()
    let after: string | null = null
    while (!stopped) {
      const page = await articlesAfter(db, after, STEP)
      if (page.length === 0) break
      after = page[page.length - 1]!.id
      post(upsert(page), [])
    }
    timing('built', performance.now() - started, `${index.size} articles`)
  }

  /** After loading a saved index: whatever the workspace changed since it was saved. */
  const checkLoaded = async (): Promise<void> => {
    const started = performance.now()
    const head = await articlesJournalHead(db)
    const written = savedSeq === null ? null : await articlesWrittenSince(db, savedSeq)
    if (written !== null) {
      for (const version of index.indexedVersions()) if (version > watermark) watermark = version
      const newestSaved = watermark
      await applyNamed(written)
      // An article written with a newer updatedAt that the journal does not name (a write
      // that bypassed Dexie) is picked up too: one empty index range in the usual case. Any
      // check wider than that (a count, every key) walks all 100,000 entries in Chromium.
      const edited = newestSaved === '' ? [] : await articlesUpdatedAfter(db, newestSaved)
      if (edited.length > 0) post(upsert(edited), [])
      total = index.size
      timing('checked', performance.now() - started, `journal since ${savedSeq}: ${written.length} written, ${edited.length} edited outside it`)
      inStep = head
      return
    }
    const versions = await articleVersions(db)
    for (const version of versions.values()) if (version > watermark) watermark = version
    const { changed, removed } = index.diff(versions)
    total = versions.size
    if (removed.length > 0) remove(removed)
    await indexIds(changed, removed)
    if (changed.length === 0 && removed.length > 0) post([], removed)
    timing('checked', performance.now() - started, `${changed.length} changed, ${removed.length} removed`)
    inStep = head
  }

  const pass = async (keys: string[]): Promise<void> => {
    total = keys.length
    const present = new Set(keys)
    const removed = Array.from(index.rows.keys()).filter((id) => !present.has(id))
    if (removed.length > 0) remove(removed)
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

  /** Re-reads the articles writes named: each is indexed again, or removed when gone. */
  const applyNamed = async (ids: string[]): Promise<void> => {
    for (let start = 0; start < ids.length && !stopped; start += STEP) {
      const slice = ids.slice(start, start + STEP)
      const found = await articlesByIds(db, slice)
      const present = new Set(found.map((article) => article.id))
      const gone = slice.filter((id) => !present.has(id) && index.rows.has(id))
      total += found.filter((article) => !index.rows.has(article.id)).length - gone.length
      if (gone.length > 0) remove(gone)
      post(upsert(found), gone)
    }
  }

  /** The loaded copy's postings, checked in a task of their own once it answers searches. */
  const checkPostingsSoon = (): void => {
    setTimeout(() => {
      if (stopped) return
      const started = performance.now()
      try {
        index.checkPostings()
        timing('verified', performance.now() - started)
      } catch (error) {
        console.warn(`[library] the saved search index is damaged, rebuilding it: ${errorText(error)}`)
        const shown = Array.from(index.rows.keys())
        index = new LibraryIndex()
        watermark = ''
        ready = false
        post([], shown)
        void deleteCache(db, LIBRARY_CACHE).catch(() => undefined)
        schedule()
      }
    }, 0)
  }

  let loaded: Promise<boolean> | null = null
  // One pass per burst of writes: writes that land during a pass are folded into the next.
  const sync = async (): Promise<void> => {
    try {
      if (!loaded) {
        // The check after loading covers every write until then.
        pending = false
        pendingIds = new Set()
        loaded = load()
        if (await loaded) {
          await checkLoaded()
          checkPostingsSoon()
        } else pending = true
      }
      while (pending && !stopped) {
        pending = false
        const named = pendingIds
        pendingIds = new Set()
        // Read before the articles: every write up to it is in what this pass reads.
        const head = await articlesJournalHead(db)
        if (named !== null && ready) await applyNamed([...named])
        else await pass(await articleIds(db))
        inStep = head
      }
      saveSoon()
    } catch (error) {
      onError(errorText(error))
    }
  }
  const schedule = (change: ArticleChange = null): void => {
    pending = true
    if (change === null) pendingIds = null
    else for (const id of change) pendingIds?.add(id)
    if (syncing) return
    syncing = sync().finally(() => {
      syncing = null
      if (pending && !stopped) schedule()
    })
  }

  const unsubscribe = onArticlesChanged(db, schedule)
  schedule()

  return {
    searchable: async () => {
      await loaded
    },
    search: (query) => index.search(query),
    snapshot: () => ({ upserts: Array.from(index.rows.values()), status: status() }),
    settled: async () => {
      // Writes just committed are announced in a task of their own.
      await new Promise((resolve) => setTimeout(resolve, 0))
      while (syncing) await syncing
    },
    save: async () => {
      while (syncing) await syncing
      if (saving) await saving
      if (saveTimer !== null) clearTimeout(saveTimer)
      saveTimer = null
      await save()
    },
    stop: () => {
      stopped = true
      if (saveTimer !== null) clearTimeout(saveTimer)
      unsubscribe()
    },
  }
}
