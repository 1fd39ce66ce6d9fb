import { PositionsEngine } from '../../domain/positions/engine'
import { runSliced, timeSlicer, whenIdleAndQuiet } from '../../domain/timeSlices'
import { readRecordsInSlices } from '../claimSlices'
import type { StandpointDB } from '../database'
import { journalHead } from '../journal'
import { savePositionsSnapshot } from './snapshots'

// The start-up counts begin from the positions snapshot (startSeed.ts), and one is stored
// whenever Positions is computed. A workspace whose claims came in by import and were never
// looked at in Positions had none, so every start walked the claims' indexes instead: at
// 100,000 claims 2-3 s during which Chromium served no other read of the origin (in the
// bench's workspace, a cold open of the Claims table at once took 3.5-4.7 s without a snapshot,
// 1.3-1.6 s with one). So a start that finds no usable snapshot makes one from the fact tables
// once the page is idle, for the next start.

/** Claims from which a missing snapshot is made: below, the walks it saves are short. */
export const SNAPSHOT_FROM_TABLES_AT = 2_000

/**
 * Stores a snapshot of the fact tables at the journal's head, the claims in the engine's time
 * order (an engine built from it then only checks the order). Nothing is stored when there are
 * fewer than `minClaims` claims, or when the facts and the records disagree in number (records
 * written around Dexie: Positions rebuilds the facts when it opens). Returns whether it stored one.
 */
export async function storeSnapshotFromTables(db: StandpointDB, minClaims = SNAPSHOT_FROM_TABLES_AT): Promise<boolean> {
  const read = await db.transaction('r', [db.claimFacts, db.articleFacts, db.claims, db.articles, db.journal, db.settings], async () => {
    // Asked first, keys only: a library of many articles and few claims reads nothing more.
    if ((await db.claimFacts.limit(minClaims).primaryKeys()).length < minClaims) return null
    const [claims, articles, head] = await Promise.all([readRecordsInSlices(db.claimFacts), db.articleFacts.toArray(), journalHead(db)])
    const [claimCount, articleCount] = await Promise.all([db.claims.count(), db.articles.count()])
    if (claimCount !== claims.length || articleCount !== articles.length) return null
    return { claims, articles, head }
  })
  if (!read) return false
  const ordered = await runSliced(PositionsEngine.inTimeOrder(read.claims, read.articles), timeSlicer(8, 'background'))
  return savePositionsSnapshot(db, ordered, read.articles, read.head)
}

const scheduled = new WeakSet<StandpointDB>()

/** storeSnapshotFromTables once the page is idle, at most once per database per session. */
export function storeSnapshotFromTablesSoon(db: StandpointDB): void {
  if (scheduled.has(db)) return
  scheduled.add(db)
  // After the start screen's own reads; a cache, so a failure costs the next start its walks.
  setTimeout(() => whenIdleAndQuiet(() => void storeSnapshotFromTables(db).catch(() => undefined)), 2_000)
}
