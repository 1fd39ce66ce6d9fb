import type { Id } from '../../domain/model'
import { CURRENT_CODER } from '../../domain/settings'
import type { StandpointDB } from '../database'
import { journalHead } from '../journal'
import { onTableChanged } from '../live'
import { readPositionsFirstRows, type PositionsFirstRowsRecord } from '../projection/snapshots'

// The stored first screen of Positions (projection/snapshots.ts), read when it is current.
//
// It can be read as the app starts, before the first screen's own reads: Chromium's IndexedDB
// serves an origin's requests in turn, and a click on Positions just after a reload waited
// 60 ms behind the start screen's reads for a record that takes 2 ms to read. The early read
// is used by the first open unless something was written in between: after a journaled write
// the stored first screen is behind (none is stored before the first open); after a setting
// (a change of coder) it is read again.

export function viewerOf(value: unknown): Id | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function readCurrent(db: StandpointDB): Promise<PositionsFirstRowsRecord | null> {
  return db.transaction('r', [db.positionsSnapshots, db.journal, db.settings], async () => {
    const [record, head, viewer] = await Promise.all([readPositionsFirstRows(db), journalHead(db), db.settings.get(CURRENT_CODER.key)])
    if (!record || record.seq !== head || record.viewerId !== viewerOf(viewer?.value)) return null
    return record
  })
}

interface EarlyRead {
  db: StandpointDB
  record: Promise<PositionsFirstRowsRecord | null>
  /** The journal moved: a record made before is behind it, and none is made before the first open. */
  journalMoved: boolean
  /** The coder looking may have changed: read the record again. */
  settingsWritten: boolean
  stop: () => void
}

let early: EarlyRead | null = null

/** Reads the stored first screen now, for the first readStoredFirstRows of this window to take. */
export function readStoredFirstRowsEarly(db: StandpointDB): void {
  if (early) return
  const read: EarlyRead = { db, record: readCurrent(db).catch(() => null), journalMoved: false, settingsWritten: false, stop: () => undefined }
  const stops = [
    onTableChanged(db, 'journal', () => (read.journalMoved = true)),
    // Only the coder looking decides whether the record is current: saved views and sync
    // checkpoints, written as the app starts, need no second read.
    onTableChanged(db, 'settings', (keys) => {
      if (keys === null || keys.includes(CURRENT_CODER.key)) read.settingsWritten = true
    }),
  ]
  read.stop = () => {
    for (const stop of stops) stop()
  }
  early = read
}

/**
 * The stored first screen when it is current (made at the journal's head, for the coder now
 * looking), else null. Only the record, the head and the viewer are read: a few kilobytes.
 */
export async function readStoredFirstRows(db: StandpointDB): Promise<PositionsFirstRowsRecord | null> {
  const read = early
  if (read && read.db === db) {
    early = null
    const record = await read.record
    read.stop()
    // In this window only Positions stores a first screen, once its engine is ready: after
    // this, the first open. So after a save elsewhere (Claims, the reader) the stored one is
    // behind, and a read of it would only delay the open's other reads, which IndexedDB serves
    // after it. (Another window that stored one since costs this open its shortcut, no more.)
    if (read.journalMoved) return null
    if (!read.settingsWritten) return record
  }
  return readCurrent(db)
}
