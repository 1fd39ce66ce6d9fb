import { useSyncExternalStore } from 'react'
import { db } from '../../db/instance'
import { callback, connectWorker, type WorkerApi } from '../../platform/workers'
import { loadCache } from '../../db/cache/workspaceCache'
import { columnsOf, LIBRARY_CACHE, LIBRARY_CACHE_FORMAT, PREVIEW_PART, previewFromPart, rowsFromPacked, type IndexStatus, type LibraryPreview, type LibraryRow, type RowsEvent, type SearchHits } from './search/libraryTypes'
import { newestRows } from './sortRows'
import { isBusy, whenQuiet } from '../../domain/timeSlices'
import type { LibrarySync } from './search/librarySync'
import type { LibraryWorker } from './worker/libraryIndex.worker'
import { errorText } from '../../domain/errorText'

// The window's side of the library worker: the row list the table shows, the index status,
// and search. One worker for the app's lifetime, started the first time the library shows,
// so going back to the library is instant.

export interface LibraryState {
  rows: LibraryRow[]
  /**
   * Until the rows arrive: the newest rows and the count as the library was last saved, read
   * straight from the cache so the first screen does not wait for the worker.
   */
  preview: LibraryPreview | null
  status: IndexStatus
  /** Set when neither the worker nor the in-window fallback could read the workspace. */
  error: string | null
}

type Backend = { kind: 'worker'; api: WorkerApi<LibraryWorker> } | { kind: 'local'; sync: Promise<LibrarySync> }

let backend: Backend | null = null
const rows = new Map<string, LibraryRow>()
/**
 * The saved library as it arrived at start, until a change needs the rows by id: keying
 * 100,000 rows costs 90 ms that the first full screen need not wait for.
 */
let arrived: LibraryRow[] | null = null

/** The rows by id (keying the arrived ones first). */
function keyed(): Map<string, LibraryRow> {
  if (arrived) {
    for (const row of arrived) rows.set(row.id, row)
    arrived = null
  }
  return rows
}

function allRows(): LibraryRow[] {
  return arrived && rows.size === 0 ? arrived : Array.from(keyed().values())
}

// The first screen, kept in this window's localStorage as well as in the cache database: read
// synchronously as the app starts, it is on screen with the shell's first paint, before any
// database has opened (the worker's rows and the index follow). Written from the rows this
// window holds, a while after they last changed.
const PREVIEW_KEY = `standpoint.libraryPreview:${db.name}`
const PREVIEW_ROWS = 200
const PREVIEW_WRITE_MS = 3_000

function readLocalPreview(): LibraryPreview | null {
  try {
    const saved = localStorage.getItem(PREVIEW_KEY)
    const preview = saved === null ? null : previewFromPart(JSON.parse(saved))
    return preview && preview.rows.length > 0 ? preview : null
  } catch {
    return null
  }
}

let previewTimer: ReturnType<typeof setTimeout> | null = null
let previewDirty = false

function writeLocalPreview(): void {
  if (previewTimer !== null) clearTimeout(previewTimer)
  previewTimer = null
  if (!previewDirty) return
  previewDirty = false
  try {
    const all = allRows()
    localStorage.setItem(PREVIEW_KEY, JSON.stringify({ format: LIBRARY_CACHE_FORMAT, columns: columnsOf(newestRows(all, PREVIEW_ROWS)), total: all.length }))
  } catch {
    // A full or missing localStorage only costs the quick first screen.
  }
}

function writeLocalPreviewSoon(): void {
  previewDirty = true
  if (previewTimer !== null) clearTimeout(previewTimer)
  previewTimer = setTimeout(writeLocalPreview, PREVIEW_WRITE_MS)
}

// A window closed or reloaded within the wait would otherwise start next time without its
// first screen (and a reload right after an import is common).
addEventListener('pagehide', writeLocalPreview)
addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') writeLocalPreview()
})

let state: LibraryState = { rows: [], preview: readLocalPreview(), status: { indexed: 0, total: 0, ready: false, loadingSaved: false, version: 0 }, error: null }
if (state.preview) performance.mark('standpoint:library-preview', { detail: 'localStorage' })
let rowsArrived = false
const listeners = new Set<() => void>()
let scheduled = false

/** While the first pass indexes a large library, the table is redrawn at most this often. */
const INDEXING_REDRAW_MS = 400
let lastPublished = 0

function publish(): void {
  // Several row events can arrive in one frame during a big import; render once. While the
  // index is first being built, less often: each redraw sorts every row listed so far.
  if (scheduled) return
  scheduled = true
  const wait = state.status.ready ? 0 : Math.max(0, lastPublished + INDEXING_REDRAW_MS - performance.now())
  const draw = (): void => void requestAnimationFrame(render)
  if (wait > 0) setTimeout(draw, wait)
  else draw()
}

let marked = false
function render(): void {
  lastPublished = performance.now()
  scheduled = false
  state = { ...state, rows: allRows(), preview: rowsArrived ? null : state.preview }
  if (!marked && state.rows.length > 0) {
    marked = true
    performance.mark('standpoint:library-rows', { detail: state.rows.length })
  }
  if (state.status.ready) writeLocalPreviewSoon()
  for (const listener of listeners) listener()
}

// The rows that come whole (at start) take the window's thread for one long task to unpack:
// 40 ms at 20,000 articles in a trace of the positions bench, where the library, started two
// seconds in, delivered them under a scroll of Positions. While anything scrolls they wait
// for the scroll to stop, and the events after them queue behind them, in order.
let queuedEvents = 0
let eventQueue: Promise<void> = Promise.resolve()

function applyRows(event: RowsEvent): void {
  if (queuedEvents === 0 && !(event.columns && isBusy())) {
    applyRowsNow(event)
    return
  }
  queuedEvents++
  eventQueue = eventQueue
    .then(() => (event.columns ? whenQuiet() : undefined))
    .then(() => applyRowsNow(event))
    .catch((error: unknown) => fail(errorText(error)))
    .finally(() => queuedEvents--)
}

function applyRowsNow(event: RowsEvent): void {
  rowsArrived ||= event.columns !== undefined || event.upserts.length > 0 || event.status.ready
  if (event.removed.length > 0) {
    const byId = keyed()
    for (const id of event.removed) byId.delete(id)
  }
  if (event.columns) {
    let incoming: LibraryRow[]
    try {
      incoming = rowsFromPacked(event.columns)
    } catch (error) {
      fail(errorText(error))
      return
    }
    if (rows.size === 0 && arrived === null) arrived = incoming
    else {
      const byId = keyed()
      for (const row of incoming) byId.set(row.id, row)
    }
  }
  if (event.upserts.length > 0) {
    const byId = keyed()
    for (const row of event.upserts) byId.set(row.id, row)
  }
  state = { ...state, status: event.status, error: null }
  publish()
}

function fail(message: string): void {
  state = { ...state, error: message }
  for (const listener of listeners) listener()
}

function startLocal(reason: string): void {
  console.warn(`[library] running the index in the window: ${reason}`)
  // Loaded only here: the index code normally lives in the worker's bundle.
  backend = { kind: 'local', sync: import('./search/librarySync').then((module) => module.startLibrarySync(db, applyRows, fail)) }
}

/** Starts the library's worker now (at app start, so it reads the saved rows while the shell renders). */
export function startLibrary(): void {
  ensureStarted()
}

/** Shows the saved first screen, unless the rows came first. */
function loadPreview(): void {
  loadCache(db, LIBRARY_CACHE, (key) => key === PREVIEW_PART)
    .then((parts) => {
      const preview = previewFromPart(parts?.[PREVIEW_PART])
      if (rowsArrived || state.preview || !preview || preview.rows.length === 0) return
      performance.mark('standpoint:library-preview', { detail: 'cache' })
      state = { ...state, preview }
      for (const listener of listeners) listener()
    })
    .catch(() => undefined)
}

/** The worker, loaded but not yet asked for anything (see prepareLibrary). */
let prepared: { kind: 'worker'; api: WorkerApi<LibraryWorker> } | { kind: 'failed'; reason: string } | null = null
let started = false

function spawn(): NonNullable<typeof prepared> {
  if (prepared) return prepared
  let worker: Worker
  try {
    worker = new Worker(new URL('./worker/libraryIndex.worker.ts', import.meta.url), { type: 'module', name: 'standpoint-library' })
  } catch (error) {
    prepared = { kind: 'failed', reason: errorText(error) }
    return prepared
  }
  worker.addEventListener('error', (event) => event.preventDefault())
  const connection = connectWorker<LibraryWorker>(worker, {
    name: 'library',
    // A worker that cannot load (a host without module workers) leaves the library to the window:
    // at once when it was started, else when it is (the workspace may not be open yet).
    onCrash: (message) => {
      connection.terminate('The library worker stopped.')
      if (!started) {
        prepared = { kind: 'failed', reason: message }
        return
      }
      rows.clear()
      arrived = null
      startLocal(message)
    },
  })
  prepared = { kind: 'worker', api: connection.api }
  return prepared
}

/**
 * Loads the library worker's code now, before the workspace has opened, when the library is
 * the first screen: fetching and compiling it took 130 ms of the first full screen. The
 * worker reads nothing until the library is started.
 */
export function prepareLibrary(): void {
  spawn()
}

function ensureStarted(): void {
  if (started) return
  started = true
  if (!state.preview) loadPreview()
  const worker = spawn()
  if (worker.kind === 'failed') {
    startLocal(worker.reason)
    return
  }
  backend = worker
  worker.api.subscribe(callback(applyRows), callback(fail)).catch(() => undefined)
}

function subscribe(listener: () => void): () => void {
  ensureStarted()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useLibraryState(): LibraryState {
  return useSyncExternalStore(subscribe, () => state)
}

export async function searchLibrary(query: string): Promise<SearchHits> {
  ensureStarted()
  const current = backend!
  if (current.kind === 'worker') return current.api.search(query)
  const sync = await current.sync
  await sync.searchable()
  return sync.search(query)
}
