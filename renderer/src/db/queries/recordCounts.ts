import type { Id, SyncedTable } from '../../domain/model'
import type { StandpointDB } from '../database'
import { journalHead, loadAndFollowJournal, type JournalChanges } from '../journal'
import { readFactsSeed } from '../projection/startSeed'

// Live record counts (the status bar's articles, actors and issues), kept in step without
// counting a table again after a write: Chromium counts a store by walking it, so at 100,000
// articles every claim saved cost a walk of every table. The tables' primary keys are read
// once with the journal's head; after that a journal entry says it all without reading a
// record: a put names a record that now exists, a deletion one that no longer does. Only
// entries the journal no longer holds make it read the keys again.
// Claims and articles start from the stored positions snapshot when there is a usable one
// (projection/startSeed.ts): their ids are in it, so a reload does not walk those stores.

export type RecordCounts = Readonly<Record<SyncedTable, number>>

/**
 * Follows how many records each of `tables` holds. `onCounts` is called with the first counts
 * and after every write that changes one. Tables not asked for count 0. Returns the function
 * that stops following.
 */
export function followRecordCounts(db: StandpointDB, tables: readonly SyncedTable[], onCounts: (counts: RecordCounts) => void, onError: (error: unknown) => void): () => void {
  const ids = new Map<SyncedTable, Set<Id>>()

  const counts = (): RecordCounts => {
    const result: Record<SyncedTable, number> = { articles: 0, actors: 0, issues: 0, claims: 0, mentions: 0, coders: 0, assignments: 0 }
    for (const [table, set] of ids) result[table] = set.size
    return result
  }

  /** Reads every table's keys; returns the journal seq they are in step with. */
  const readAll = async (): Promise<number> => {
    const stores = tables.map((table) => db.table(table))
    const [keys, head] = await db.transaction('r', [...stores, db.journal, db.settings], () =>
      Promise.all([Promise.all(stores.map((store) => store.toCollection().primaryKeys())), journalHead(db)]),
    )
    tables.forEach((table, index) => ids.set(table, new Set(keys[index] as Id[])))
    return head
  }

  /** Claims and articles from the positions snapshot when it is usable; the rest from their keys. */
  const load = async (): Promise<number> => {
    const seed = tables.includes('claims') || tables.includes('articles') ? await readFactsSeed(db) : null
    if (!seed) return readAll()
    const rest = tables.filter((table) => table !== 'claims' && table !== 'articles')
    const stores = rest.map((table) => db.table(table))
    const keys = stores.length === 0 ? [] : await db.transaction('r', stores, () => Promise.all(stores.map((store) => store.toCollection().primaryKeys())))
    // Read after the snapshot's seq, these keys may already hold writes the journal will bring
    // again: a put of a record already counted, or a deletion of one already gone, changes nothing.
    rest.forEach((table, index) => ids.set(table, new Set(keys[index] as Id[])))
    if (tables.includes('claims')) ids.set('claims', new Set(seed.claims.map((claim) => claim.id)))
    if (tables.includes('articles')) ids.set('articles', new Set(seed.articleIds))
    return seed.seq
  }

  const apply = async (changes: JournalChanges): Promise<void> => {
    if (follower.isStopped()) return
    if (!changes.complete) {
      await readAll()
    } else {
      let changed = false
      for (const entry of changes.entries) {
        const set = ids.get(entry.table as SyncedTable)
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
  return follower.stop
}
