import { useSyncExternalStore } from 'react'
import { nextTask, runSliced, timeSlicer, whenIdleAndQuiet } from '../../domain/timeSlices'
import { db } from '../../db/instance'
import { savePositionsFirstRows, savePositionsResult, savePositionsSnapshot } from '../../db/projection/snapshots'
import { rebuildProjection } from '../../db/projection/rebuild'
import { followPositions, loadPositions, readOpening, readRecordCounts, readStoredFirstRows, SNAPSHOT_REFRESH_AFTER, type OpeningRead, type PositionsChanges, type SnapshotRead, type StoredPositions } from '../../db/queries/positions'
import type { Actor, Id } from '../../domain/model'
import { CATCH_UP_LIMITS, catchUpSteps, type ChangedSince } from '../../domain/positions/catchUp'
import { DEFAULT_OPTIONS, PositionsEngine, sameOptions, type PositionsOptions, type PositionsResult, type PositionsWorld } from '../../domain/positions/engine'
import type { ArticleFact } from '../../domain/positions/facts'
import { packFirstRows, unpackFirstRows, type FirstRows } from '../../domain/positions/firstRows'
import { createPositionsViewBuilder, type PositionRow, type PositionsView, type ViewOptions } from '../../domain/positions/rows'
import { packResult, unpackResultSteps } from '../../domain/positions/resultPack'
import { compareText } from '../../domain/text/compare'

// The positions screen's data, kept outside the component: the engine holding every claim fact
// and the positions for the options chosen, fed by the change journal. Opening reads the packed
// snapshot and the journal after it; afterwards each write is applied as a change (the claims
// it touched move between rows), never by reading the tables again. Import chunks arrive as
// one batch of changes each.
//
// Leaving the screen keeps the engine following the journal for a few minutes (one small read
// per write), so coming back from a drill-down or the reader is instant and current. After
// that the engine is dropped (memory), and the snapshot is brought up to date so the next open
// is quick again.
//
// A cold open does not wait for the engine: the positions last computed are stored with the
// journal seq they reflect (db/projection, resultPack.ts), and when nothing was written since,
// the table is drawn from them at once. The engine is meanwhile built in slices that give the
// thread back every few milliseconds, and replaces them (same numbers, now with the claims
// behind each cell and live to every write) when it is ready. When claims were saved since
// (tagging after a reload), the stored positions are first brought up to date from the
// snapshot and the journal as read (domain/positions/catchUp.ts), when that can be done exactly.
//
// Before even those: the first screen of the table as the analyst last saw it (the first rows
// in their sorted order, domain/positions/firstRows.ts) is stored for the setup shown, and a
// cold open whose setup and journal seq match draws it from that record of a few kilobytes.
// The stored positions (twenty thousand rows to label and sort) follow a moment later.
//
// Rows for twenty thousand series take longer than a frame to make. When the stored positions
// or a newly built engine arrive, their rows are made here in slices, for the view the screen
// last asked for, before the screen is handed them: its render then finds them made.

/** How long the data stays in memory, following the journal, after the screen closes. */
const KEEP_MS = 5 * 60_000

export type PositionsPhase = { phase: 'loading'; progress: number | null } | { phase: 'ready' } | { phase: 'error'; error: unknown }

/** The table's first screen, read from its record on a cold open. */
export interface ShownFirstRows extends FirstRows {
  /** The screen's setup it was drawn for (firstRowsSetup). */
  setup: string
  busiestIssueId: Id | null
  /** Actor attribute names: the actors themselves are not read yet. */
  attributes: string[]
}

export interface PositionsData {
  /** null while the table is drawn from the stored positions and the engine is being built. */
  engine: PositionsEngine | null
  /** The stored positions (for their options) shown until the engine is ready. */
  stored: PositionsResult | null
  /** The first screen, shown until the stored positions or the engine are there (else null). */
  first: ShownFirstRows | null
  world: PositionsWorld
  /** Every article source (outlet) in the workspace, for the Source filter. */
  sources: string[]
  /** How many claims the workspace holds, whatever the filters. */
  claimCount: number
  /** Increases with every change applied. */
  version: number
}

interface StoreState {
  status: PositionsPhase
  data: PositionsData | null
}

let state: StoreState = { status: { phase: 'loading', progress: null }, data: null }
let engine: PositionsEngine | null = null
/** Where the stored positions were last written (or read) from: no need to write them again. */
let storedAt: { seq: number; options: PositionsOptions } | null = null
let storeTimer: ReturnType<typeof setTimeout> | undefined
/** The options the screen last asked for. */
let pendingOptions: PositionsOptions | null = null
/** The rows' view (mode, name filter...) the screen last asked for. */
let pendingView: ViewOptions | null = null
// Reopening the screen on the same data and setup finds the rows made; after a change only the
// rows it touched are made again (domain/positions/rows).
const viewCached = createPositionsViewBuilder()
let seq = 0
let changesSinceSnapshot = 0
/**
 * The facts snapshot the engine's data is counted from (its journal seq; null when none is known
 * yet), and every claim and article changed after it, with the seq of its last change: stored
 * positions keep the facts of those (catchUp.ts ChangedSince) for the next open a few saves behind.
 */
let snapshotSeq: number | null = null
const changedSinceSnapshot = { claims: new Map<Id, number>(), articles: new Map<Id, number>() }

function noteChanged(table: string, id: Id, at: number): void {
  if (table === 'claims') changedSinceSnapshot.claims.set(id, at)
  else if (table === 'articles') changedSinceSnapshot.articles.set(id, at)
}

/** A snapshot of the facts at `at` was stored: what changed up to it is in it. */
function noteSnapshotSaved(at: number): void {
  if (snapshotSeq !== null && snapshotSeq >= at) return
  snapshotSeq = at
  for (const changed of [changedSinceSnapshot.claims, changedSinceSnapshot.articles]) for (const [id, last] of changed) if (last <= at) changed.delete(id)
}

/** The facts, as the engine holds them now, of what changed after the snapshot; undefined when unknown or too many. */
function changedFacts(target: PositionsEngine): ChangedSince | undefined {
  const { claims, articles } = changedSinceSnapshot
  if (snapshotSeq === null || claims.size + articles.size > CATCH_UP_LIMITS.changes) return undefined
  return {
    since: snapshotSeq,
    claims: [...claims.keys()].map((id) => [id, target.fact(id) ?? null]),
    articles: [...articles.keys()].map((id) => [id, target.article(id) ?? null]),
  }
}
let loading: Promise<void> | null = null
let stopFollowing: (() => void) | null = null
let releaseTimer: ReturnType<typeof setTimeout> | undefined
let version = 0
const listeners = new Set<() => void>()

/** When the last change reached the screen's data (performance.now()), for the benchmark. */
export const positionsTiming = { lastApplied: 0, lastLoad: { via: '', tail: 0, ms: 0 } }

function emit(next: Partial<StoreState>): void {
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

let sources: string[] = []

function sourcesOf(articles: Iterable<ArticleFact>): string[] {
  const found = new Set<string>()
  for (const article of articles) if (article.source.trim() !== '') found.add(article.source)
  return [...found].sort(compareText)
}

function publish(): void {
  if (!engine) return
  version++
  emit({ status: { phase: 'ready' }, data: { engine, stored: null, first: null, world: engine.getWorld(), sources, claimCount: engine.size, version } })
  storeResultSoon()
}

/** The positions for the engine's options, written as the stored positions when idle (a cache: failing costs a slower open). */
function storeResult(): void {
  const target = engine
  if (!target) return
  const options = target.getOptions()
  if (storedAt && storedAt.seq === seq && sameOptions(storedAt.options, options)) return
  const at = seq
  const result = target.result()
  const world = target.getWorld()
  // In the order of the rows last shown, so the next cold open's sort of them only confirms it.
  const shown = pendingView ? viewCached(result, world.actors, world.issues, viewShown(result, pendingView)).rows.map((row) => row.id) : []
  const changed = changedFacts(target)
  savePositionsResult(db, { seq: at, viewerId: world.viewerId, claimCount: target.size, sources, packed: packResult(result, shown), ...(changed ? { changed } : {}) })
    .then((saved) => {
      if (saved) storedAt = { seq: at, options }
    })
    .catch(() => undefined)
}

/** Runs `run` once nothing has called again for a moment and the page is idle; returns the timer to clear. */
function whenStill(previous: ReturnType<typeof setTimeout> | undefined, run: () => void): ReturnType<typeof setTimeout> {
  clearTimeout(previous)
  return setTimeout(() => whenIdleAndQuiet(run), 1_500)
}

/** After the data and options have been still a moment, stores the positions shown. */
function storeResultSoon(): void {
  storeTimer = whenStill(storeTimer, storeResult)
}

/** Writes the facts as a snapshot when the browser is idle, so the next open reads one record. */
function saveSnapshotSoon(): void {
  const target = engine
  const run = (): void => {
    if (engine !== target || !target) return
    // The facts and the seq they are at, taken together: changes applied since this was asked
    // for are in the facts, so the snapshot is labelled with the seq they reach. Changes
    // applied while it is packed (in slices) are not in it, and stay counted.
    const at = seq
    const counted = changesSinceSnapshot
    const { claims, articles } = target.allFacts()
    savePositionsSnapshot(db, claims, articles, at)
      .then((saved) => {
        if (engine !== target) return
        changesSinceSnapshot = Math.max(0, changesSinceSnapshot - counted)
        if (saved) noteSnapshotSaved(at)
      })
      // A cache: failing to store it costs a slower open next time, nothing else.
      .catch(() => undefined)
  }
  whenIdleAndQuiet(run)
}

/**
 * After an open from the snapshot, when the page is idle: do the records number what the engine
 * holds? Not when records were written around Dexie, which leaves no facts and no journal
 * entry: the projection is then rebuilt from the records and the screen reads it again.
 */
function checkAgainstRecordsSoon(): void {
  const target = engine
  const run = (): void => {
    if (engine !== target || !target) return
    readRecordCounts(db)
      .then(async (counts) => {
        // Written since: the engine is at another seq, and the question is asked of the next open.
        if (engine !== target || counts.seq !== seq) return
        if (counts.claims === target.size && counts.articles === target.articleCount) return
        await rebuildProjection(db)
        if (engine === target) reload()
      })
      .catch((error: unknown) => emit({ status: { phase: 'error', error } }))
  }
  whenIdleAndQuiet(run)
}

function onChanges(changes: PositionsChanges): void {
  if (!engine) return
  if (!changes.complete) {
    // The journal was pruned past what this engine saw: read everything again.
    reload()
    return
  }
  const world = engine.getWorld()
  const viewerChanged = changes.viewerId !== world.viewerId
  if (changes.entries === 0 && !viewerChanged) return
  engine.apply({
    claims: changes.claims,
    articles: changes.articles,
    actors: changes.actors,
    ...(changes.issues ? { issues: changes.issues } : {}),
    ...(changes.coders ? { coders: changes.coders } : {}),
    ...(changes.assignments ? { assignments: changes.assignments } : {}),
    ...(viewerChanged ? { viewerId: changes.viewerId } : {}),
  })
  if (changes.articles.length > 0) sources = sourcesOf(engine.articleFacts())
  for (const { id } of changes.claims) noteChanged('claims', id, changes.head)
  for (const { id } of changes.articles) noteChanged('articles', id, changes.head)
  seq = changes.head
  changesSinceSnapshot += changes.entries
  positionsTiming.lastApplied = performance.now()
  publish()
  if (changesSinceSnapshot > SNAPSHOT_REFRESH_AFTER && listeners.size === 0) saveSnapshotSoon()
}

function follow(): void {
  stopFollowing?.()
  stopFollowing = followPositions(db, seq, onChanges, (error) => emit({ status: { phase: 'error', error } }))
}

function worldOf(read: Omit<PositionsWorld, 'actors'> & { actors: readonly Actor[] }): PositionsWorld {
  return { actors: new Map(read.actors.map((actor) => [actor.id, actor])), issues: read.issues, coders: read.coders, assignments: read.assignments, viewerId: read.viewerId }
}

/**
 * The view the rows are made for: the name filter counts the claims of the rows it keeps, so
 * the stored positions (no claims behind their cells) are shown unfiltered until the engine is ready.
 */
function viewShown(result: PositionsResult, view: ViewOptions): ViewOptions {
  return result.claimsBehind || view.text === '' ? view : { ...view, text: '' }
}

/**
 * The rows the screen shows for these positions, made (or updated) for its view; null until
 * there are positions. Remembers the view, for the rows made ahead of the next hand-over.
 */
export function viewFor(result: PositionsResult | null, world: PositionsWorld | undefined, view: ViewOptions): PositionsView | null {
  pendingView = view
  return result && world ? viewCached(result, world.actors, world.issues, viewShown(result, view)) : null
}

/** Makes the rows for the view the screen last asked for, in slices, ahead of handing it these positions. */
async function prepareRows(result: PositionsResult, world: PositionsWorld): Promise<void> {
  // Nothing asked yet (the screen draws only once it has data): its first render makes them.
  if (!pendingView || !sameOptions(result.options, pendingOptions ?? result.options)) return
  await runSliced(viewCached.steps(result, world.actors, world.issues, viewShown(result, pendingView)), timeSlicer())
  // The screen's render, which follows the hand-over, starts a task of its own.
  await nextTask()
}

/** Draws the table from the stored positions, when they are current; returns whether it did. */
async function showStored(stored: StoredPositions): Promise<boolean> {
  if (!stored.current || engine) return false
  // Reading the record took a task of its own (IndexedDB copies it in on the page's thread):
  // the unpacking and the rows made from it are given tasks of their own too.
  await nextTask()
  const result = await runSliced(unpackResultSteps(stored.record.packed), timeSlicer())
  if (!result || engine) return false
  storedAt = { seq: stored.record.seq, options: result.options }
  return show(result, worldOf(stored), stored.record.sources, stored.record.claimCount)
}

/**
 * Draws the table from stored positions some writes behind, brought up to date with the
 * snapshot and the journal just read (domain/positions/catchUp.ts), when that can be done
 * exactly; returns whether it did.
 */
async function showCaughtUp(stored: StoredPositions, read: SnapshotRead, unpacking: Promise<PositionsResult | null>): Promise<boolean> {
  if (stored.current || stored.record.viewerId !== read.viewerId || engine) return false
  const unpacked = await unpacking
  if (!unpacked || engine) return false
  await nextTask()
  const world = worldOf(read)
  const caughtUp = await runSliced(catchUpSteps({
    stored: unpacked,
    storedSeq: stored.record.seq,
    world,
    snapshot: { seq: read.seq, facts: read.facts },
    entries: read.entries,
    tail: read.tail,
    changedBefore: stored.record.changed,
  }), timeSlicer())
  if (!caughtUp || engine) return false
  // The rows are made in tasks of their own.
  await nextTask()
  return show(caughtUp.result, world, sourcesNow(stored, read), stored.record.claimCount + caughtUp.addedClaims)
}

/** The outlets now: those stored with the positions, unless an article was written since. */
function sourcesNow(stored: StoredPositions, read: SnapshotRead): string[] {
  if (!read.entries.some((entry) => entry.seq > stored.record.seq && entry.table === 'articles')) return stored.record.sources
  const articles = new Map(read.facts.articles())
  for (const [id, fact] of read.tail.articles) {
    if (fact) articles.set(id, fact)
    else articles.delete(id)
  }
  return sourcesOf(articles.values())
}

/** Hands the screen positions from before the engine (no claims behind their cells), their rows made first. */
async function show(result: PositionsResult, world: PositionsWorld, shownSources: string[], claimCount: number): Promise<boolean> {
  await prepareRows(result, world)
  if (engine) return false
  version++
  sources = shownSources
  emit({ status: { phase: 'ready' }, data: { engine: null, stored: result, first: null, world, sources, claimCount, version } })
  return true
}

/** Draws the table's first screen from its record, when it is current. */
async function showFirstRows(): Promise<void> {
  const record = await readStoredFirstRows(db)
  if (!record || engine || state.data) return
  const first = unpackFirstRows(record.firstRows)
  // A cache record that does not hold what the screen needs is ignored, never half-used.
  const lists = [record.issues, record.coders, record.sources, record.attributes]
  if (!first || typeof record.setup !== 'string' || !lists.every((list) => Array.isArray(list))) return
  version++
  const world: PositionsWorld = { actors: new Map(), issues: record.issues, coders: record.coders, assignments: [], viewerId: record.viewerId }
  const shown: ShownFirstRows = { ...first, setup: record.setup, busiestIssueId: record.busiestIssueId, attributes: record.attributes }
  emit({ status: { phase: 'ready' }, data: { engine: null, stored: null, first: shown, world, sources: record.sources, claimCount: record.claimCount, version } })
}

/** The key a first screen is stored under: everything that decides which rows come first. */
export function firstRowsSetup(options: PositionsOptions, view: { mode: string; text: string; showAll: boolean; onlyWithClaims: boolean | null; sorting: unknown }): string {
  return JSON.stringify([options, view.mode, view.text, view.showAll, view.onlyWithClaims, view.sorting])
}

export interface FirstRowsToKeep {
  setup: string
  result: PositionsResult
  view: PositionsView
  /** The rows in the order shown. */
  rows: readonly PositionRow[]
  busiestIssueId: Id | null
  attributes: string[]
}

let firstRowsTimer: ReturnType<typeof setTimeout> | undefined
let firstRowsStored: { seq: number; setup: string } | null = null

/**
 * The screen shows these rows from the engine's positions: once they have been still a moment,
 * their first screen is stored for the next cold open (a cache: failing costs a slower open).
 */
export function keepFirstRows(shown: FirstRowsToKeep): void {
  const target = engine
  if (!target || !shown.result.claimsBehind) return
  const at = seq
  clearTimeout(firstRowsTimer)
  if (firstRowsStored && firstRowsStored.seq === at && firstRowsStored.setup === shown.setup) return
  const run = (): void => {
    // A write since: the screen shows (and hands over) newer rows.
    if (engine !== target || seq !== at) return
    const world = target.getWorld()
    savePositionsFirstRows(db, {
      seq: at,
      viewerId: world.viewerId,
      setup: shown.setup,
      claimCount: target.size,
      sources,
      issues: [...world.issues],
      coders: [...world.coders],
      attributes: shown.attributes,
      busiestIssueId: shown.busiestIssueId,
      firstRows: packFirstRows(shown.result, shown.view, shown.rows),
    })
      .then((saved) => {
        if (saved) firstRowsStored = { seq: at, setup: shown.setup }
      })
      .catch(() => undefined)
  }
  firstRowsTimer = whenStill(firstRowsTimer, run)
}

function load(options: PositionsOptions | null): Promise<void> {
  loading ??= (async () => {
    const started = performance.now()
    emit({ status: { phase: 'loading', progress: null } })
    try {
      await showFirstRows().catch(() => undefined)
      // The stored positions are handed over as soon as they are read, and current ones drawn
      // while the snapshot is still being read; a read that fails leaves none to draw.
      let handOver!: (stored: StoredPositions | null) => void
      const storedRead = new Promise<StoredPositions | null>((resolve) => (handOver = resolve))
      let reading: Promise<OpeningRead | null> | null = readOpening(db, handOver).catch(() => null)
      void reading.then((opening) => handOver(opening?.stored ?? null))
      const stored = await storedRead
      const shown = stored ? await showStored(stored).catch(() => false) : false
      // Stored positions a few saves behind (some tagging since they were stored): brought up
      // to date from the snapshot and the journal as read, they are drawn while the engine is built.
      let caughtUpAt: number | null = null
      const catchUp = (behind: StoredPositions) => {
        // Unpacked while the snapshot is still being read (the stored positions are handed over
        // first), in a task of its own: that read leaves the window's thread idle.
        const unpacking = nextTask()
          .then(() => runSliced(unpackResultSteps(behind.record.packed), timeSlicer()))
          .catch(() => null)
        return async (read: SnapshotRead) => {
          if (await showCaughtUp(behind, read, unpacking).catch(() => false)) {
            caughtUpAt = read.head
            // The screen drew the rows in this task: the unpacking that follows starts one of its own.
            await nextTask()
          }
        }
      }
      const loaded = await loadPositions(
        db,
        shown ? undefined : (progress) => emit({ status: { phase: 'loading', progress } }),
        stored && !shown && !stored.current ? catchUp(stored) : undefined,
        stored ? { seq: stored.head, actors: stored.actors, issues: stored.issues, coders: stored.coders, assignments: stored.assignments } : undefined,
        await reading.then((opening) => opening?.read),
      )
      // Not held while the engine is built: after a fallback to the fact tables, the snapshot read is of no further use.
      reading = null
      // Read at the same journal seq, the tables the shown rows were labelled from are the same:
      // the same world lets the view go from the stored rows to the engine's by changing only
      // their series, rather than labelling and sorting twenty thousand rows again.
      const sameSeq = (shown && storedAt?.seq === loaded.seq) || caughtUpAt === loaded.seq
      const shownWorld = sameSeq ? state.data?.world : undefined
      const world = shownWorld && shownWorld.viewerId === loaded.viewerId ? shownWorld : worldOf(loaded)
      const chosen = pendingOptions ?? options ?? state.data?.stored?.options
      const built = await PositionsEngine.create(loaded.claims, loaded.articles, world, chosen ?? DEFAULT_OPTIONS, timeSlicer())
      // The screen may have asked for other options meanwhile: setOptions recomputes only then.
      if (pendingOptions) built.setOptions(pendingOptions)
      await prepareRows(built.result(), world)
      // ...and while the rows were made.
      if (pendingOptions) built.setOptions(pendingOptions)
      engine = built
      seq = loaded.seq
      sources = sourcesOf(engine.articleFacts())
      changesSinceSnapshot = loaded.snapshotStale ? SNAPSHOT_REFRESH_AFTER + 1 : loaded.tail
      snapshotSeq = loaded.since?.seq ?? null
      changedSinceSnapshot.claims.clear()
      changedSinceSnapshot.articles.clear()
      for (const entry of loaded.since?.entries ?? []) noteChanged(entry.table, entry.id, entry.seq)
      positionsTiming.lastLoad = { via: loaded.via, tail: loaded.tail, ms: performance.now() - started }
      follow()
      publish()
      if (loaded.snapshotStale) saveSnapshotSoon()
      if (loaded.via === 'snapshot') checkAgainstRecordsSoon()
    } catch (error) {
      emit({ status: { phase: 'error', error } })
    } finally {
      loading = null
    }
  })()
  return loading
}

function reload(): void {
  stopFollowing?.()
  stopFollowing = null
  void load(engine?.getOptions() ?? null)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  clearTimeout(releaseTimer)
  if (!engine && !loading) void load(pendingOptions)
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0) return
    releaseTimer = setTimeout(release, KEEP_MS)
  }
}

function release(): void {
  if (listeners.size > 0) return
  stopFollowing?.()
  stopFollowing = null
  if (engine && changesSinceSnapshot > 0) {
    const { claims, articles } = engine.allFacts()
    savePositionsSnapshot(db, claims, articles, seq).catch(() => undefined)
  }
  clearTimeout(storeTimer)
  storeResult()
  engine = null
  emit({ status: { phase: 'loading', progress: null }, data: null })
}

/** The store's state; the screen re-renders whenever a change is applied. */
export function usePositionsData(): StoreState {
  return useSyncExternalStore(subscribe, () => state)
}

/**
 * The positions for these options. Changing options recomputes from memory (no read); the
 * same options return the engine's current result. Before the engine is ready: the stored
 * positions when they were computed for these options, else null (still reading).
 */
export function positionsFor(data: PositionsData, options: PositionsOptions): PositionsResult | null {
  pendingOptions = options
  if (!data.engine) return data.stored && sameOptions(data.stored.options, options) ? data.stored : null
  data.engine.setOptions(options)
  const result = data.engine.result()
  storeResultSoon()
  return result
}
