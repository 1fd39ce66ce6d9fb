import type { ArticleFact, ClaimFact } from '../../domain/positions/facts'
import { packFacts, type PackedFacts } from '../../domain/positions/snapshot'
import type { StandpointDB } from '../database'

// The positions snapshot: every claim and article fact packed into one record, with the seq of
// the change journal it reflects. Opening Positions reads it and the journal after it. It is a
// cache of the fact tables: losing it costs one slow open, never a wrong number.

export const POSITIONS_SNAPSHOT_KEY = 'positions'

export interface PositionsSnapshotRecord {
  key: string
  /** Every journal entry up to this seq is in the facts. */
  seq: number
  savedAt: string
  packed: PackedFacts
}

export function readPositionsSnapshot(db: StandpointDB): Promise<PositionsSnapshotRecord | undefined> {
  return db.positionsSnapshots.get(POSITIONS_SNAPSHOT_KEY)
}

/**
 * Stores the facts as they stand at `seq`. Another window may have stored a later one
 * meanwhile: that one is kept.
 */
export async function savePositionsSnapshot(db: StandpointDB, claims: readonly ClaimFact[], articles: readonly ArticleFact[], seq: number): Promise<boolean> {
  const packed = packFacts(claims, articles)
  return db.transaction('rw', db.positionsSnapshots, async () => {
    const existing = await db.positionsSnapshots.get(POSITIONS_SNAPSHOT_KEY)
    if (existing && existing.seq > seq) return false
    await db.positionsSnapshots.put({ key: POSITIONS_SNAPSHOT_KEY, seq, savedAt: new Date().toISOString(), packed })
    return true
  })
}

export async function deletePositionsSnapshot(db: StandpointDB): Promise<void> {
  await db.positionsSnapshots.delete(POSITIONS_SNAPSHOT_KEY)
}
