import type { Id, SyncedTable } from '../../domain/model'
import type { StandpointDB } from '../database'
import { journalHead, loadAndFollowJournal, type JournalChanges } from '../journal'
import { saveRecordIds } from '../projection/snapshots'
import { readFactsSeed, readRecordIdsSeed } from '../projection/startSeed'
import { forEachInSlices, whenIdleAndQuiet } from '../../domain/timeSlices'

// Live record counts (the status bar's articles, actors and issues), kept in step without
// counting a table again after a write: Chromium counts a store by walking it, so at 100,000
// articles every claim saved cost a walk of every table. The tables' primary keys are read
// once with the journal's head; after that a journal entry says it all without reading a
// record: a put names a record that now exists, a deletion one that no longer does. Only
// entries the journal no longer holds make it read the keys again.
// Claims and articles start from the stored positions snapshot when there is a usable one
// (projection/startSeed.ts): their ids are in it, so a reload does not walk those stores.
// Without one (a library and no claims), from the ids this follower stored the last time it
// walked a large table, or followed many writes since it stored them.

/** A walk that found this many ids in some table stores them for the next start. */
export const RECORD_IDS_STORED_FROM = 2_000
/** Entries followed after the stored ids before they are stored again (the journal keeps 10,000). */
const RECORD_IDS_REFRESH_AFTER = 2_000

export interface RecordCountsOptions {
  /** Tests: the table size from which walked ids are stored (RECORD_IDS_STORED_FROM). */
  storeIdsFrom?: number
}

export type RecordCounts = Readonly<Record<SyncedTable, number>>

/**
 * Follows how many records each of `tables` holds. `onCounts` is called with the first counts
 * and after every write that changes one. Tables not asked for count 0. Returns the function
 * that stops following.
 */
export function followRecordCounts(
  db: StandpointDB,
  tables: readonly SyncedTable[],
  onCounts: (counts: RecordCounts) => void,
  onError: (error: unknown) => void,
  options: RecordCountsOptions = {},
): () => void {
  // Ids read from the stored ones stay a list until a write touches their table: a set of
  // 100,000 ids costs 66 ms to build, on the main thread, while the app starts.
  const ids = new Map<SyncedTable, Set<Id> | readonly Id[]>()
  const sizeOf = (held: Set<Id> | readonly Id[]): number => (held instanceof Set ? held.size : held.length)
  const setOf = (table: SyncedTable): Set<Id> | undefined => {
    const held = ids.get(table)
    if (held === undefined || held instanceof Set) return held
    const set = new Set(held)
    ids.set(table, set)
    return set
  }
  const storeFrom = options.storeIdsFrom ?? RECORD_IDS_STORED_FROM
  /** The journal seq the ids are in step with, and the entries followed since they were last stored. */
  let seq = 0
  let unstored = 0
  let storing: ReturnType<typeof setTimeout> | null = null

  /** Stores the ids once the page is idle (they change with every write until then: the latest is taken). */
  const storeSoon = (): void => {
    if (storing !== null) return
    storing = setTimeout(() => {
      const run = (): void => {
        storing = null
        if (follower.isStopped()) return
        const at = seq
        const lists: Partial<Record<SyncedTable, Id[]>> = {}
        for (const [table, held] of ids) lists[table] = Array.from(held)
        unstored = 0
        // A cache: failing to store it costs a walk at the next start, nothing else.
        saveRecordIds(db, at, tables, lists).catch(() => undefined)
      }
      whenIdleAndQuiet(run)
    }, 1_000)
  }
  const large = (): boolean => Array.from(ids.values()).some((held) => sizeOf(held) >= storeFrom)

  const counts = (): RecordCounts => {
    const result: Record<SyncedTable, number> = { articles: 0, actors: 0, issues: 0, claims: 0, mentions: 0, coders: 0, assignments: 0 }
    for (const [table, held] of ids) result[table] = sizeOf(held)
    return result
  }

  /** Reads every table's keys; returns the journal seq they are in step with. */
  const readAll = async (): Promise<number> => {
    const stores = tables.map((table) => db.table(table))
    const [keys, head] = await db.transaction('r', [...stores, db.journal, db.settings], () =>
      Promise.all([Promise.all(stores.map((store) => store.toCollection().primaryKeys())), journalHead(db)]),
    )
    tables.forEach((table, index) => ids.set(table, new Set(keys[index] as Id[])))
    seq = head
    if (large()) storeSoon()
    return head
  }

  /** Claims and articles from the positions snapshot when it is usable; the rest from their keys. */
  const load = async (): Promise<number> => {
    const seed = tables.includes('claims') || tables.includes('articles') ? await readFactsSeed(db) : null
    if (!seed) {
      const stored = await readRecordIdsSeed(db, tables)
      if (!stored) return readAll()
      for (const [table, list] of stored.ids) ids.set(table, list)
      seq = stored.seq
      return stored.seq
    }
    const rest = tables.filter((table) => table !== 'claims' && table !== 'articles')
    const stores = rest.map((table) => db.table(table))
    const keys = stores.length === 0 ? [] : await db.transaction('r', stores, () => Promise.all(stores.map((store) => store.toCollection().primaryKeys())))
    // Read after the snapshot's seq, these keys may already hold writes the journal will bring
    // again: a put of a record already counted, or a deletion of one already gone, changes nothing.
    rest.forEach((table, index) => ids.set(table, new Set(keys[index] as Id[])))
    if (tables.includes('claims')) {
      const claims = new Set<Id>()
      const { claimIds } = seed.columns
      if (!(await forEachInSlices(claimIds.length, (at) => claims.add(claimIds[at]!), follower.isStopped))) return seed.seq
      ids.set('claims', claims)
    }
    if (tables.includes('articles')) ids.set('articles', new Set(seed.columns.articleIds))
    return seed.seq
  }

  const apply = async (changes: JournalChanges): Promise<void> => {
    if (follower.isStopped()) return
    if (!changes.complete) {
      await readAll()
    } else {
      seq = changes.head
      unstored += changes.entries.length
      if (unstored >= RECORD_IDS_REFRESH_AFTER && large()) storeSoon()
      let changed = false
      for (const entry of changes.entries) {
        const set = setOf(entry.table as SyncedTable)
        if (!set) continue
        const before = set.size
        if (entry.op === 'put') set.add(entry.id)
        else set.delete(entry.id)
        changed ||= set.size !== before
      }
      if (!changed) return
    }
    if (!follower.isStopped()) onCounts(counts())
  }

  const follower = loadAndFollowJournal(db, load, () => onCounts(counts()), apply, onError)
  return () => {
    follower.stop()
    if (storing !== null) clearTimeout(storing)
  }
}
