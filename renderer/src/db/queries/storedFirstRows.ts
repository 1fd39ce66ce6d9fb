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
// is used by the first open unless something was written in between (any journaled write
// touches the journal; a change of coder, the settings), and then read again.

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
  written: boolean
  stop: () => void
}

let early: EarlyRead | null = null

/** Reads the stored first screen now, for the first readStoredFirstRows of this window to take. */
export function readStoredFirstRowsEarly(db: StandpointDB): void {
  if (early) return
  const read: EarlyRead = { db, record: readCurrent(db).catch(() => null), written: false, stop: () => undefined }
  const stops = ['journal', 'settings'].map((table) => onTableChanged(db, table, () => (read.written = true)))
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
    if (!read.written) return record
  }
  return readCurrent(db)
}
