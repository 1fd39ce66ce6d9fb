import Dexie, { type ObservabilitySet } from 'dexie'
import type { StandpointDB } from '../database'
import { CHECKPOINT_PREFIX, DEFAULT_JOURNAL_TUNING, PRUNED_THROUGH_KEY, rowEntries, type JournalEntry } from './entries'
import { pruneBound } from './pruning'

// Reading the journal. A consumer (the sync outbox, a live projection, a screen) remembers the
// last seq it processed and asks for what came after. A new consumer first reads the tables it
// needs and journalHead() in one read transaction, then follows from that head.

export interface JournalChanges {
  /** Entries after the asked seq, oldest first: one per record (the records of one write share a seq). */
  entries: JournalEntry[]
  /** The latest seq the journal has reached: where to ask from next time when entries is everything. */
  head: number
  /**
   * False when entries after the asked seq were already pruned: the consumer must rescan the
   * tables rather than trust entries to hold every change.
   */
  complete: boolean
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

async function prunedThrough(db: StandpointDB): Promise<number> {
  return numberOr((await db.settings.get(PRUNED_THROUGH_KEY))?.value, 0)
}

async function lastSeq(db: StandpointDB): Promise<number> {
  const [last] = await db.journal.orderBy(':id').reverse().limit(1).primaryKeys()
  return last ?? 0
}

/** The latest seq written (0 for an empty journal). */
export function journalHead(db: StandpointDB): Promise<number> {
  // Both asked for at once: a read queued behind these in the same transaction waits for neither.
  return db.transaction('r', [db.journal, db.settings], async () => Math.max(...(await Promise.all([lastSeq(db), prunedThrough(db)]))))
}

/**
 * Changes after `since`, read in one transaction: the writes of at most `limit` write calls
 * (a write is never split), every record of them.
 */
export function changesSince(db: StandpointDB, since: number, limit = Infinity): Promise<JournalChanges> {
  return db.transaction('r', [db.journal, db.settings], async () => {
    const pruned = await prunedThrough(db)
    const query = db.journal.where(':id').above(since)
    const rows = await (Number.isFinite(limit) ? query.limit(limit) : query).toArray()
    const head = Number.isFinite(limit) && rows.length > 0 ? rows[rows.length - 1]!.seq : Math.max(await lastSeq(db), pruned)
    return { entries: rows.flatMap(rowEntries), head: Math.max(head, since), complete: since >= pruned }
  })
}

/** The last seq a registered consumer processed, or null when it has no checkpoint. */
export async function readCheckpoint(db: StandpointDB, consumer: string): Promise<number | null> {
  const row = await db.settings.get(`${CHECKPOINT_PREFIX}${consumer}`)
  return typeof row?.value === 'number' ? row.value : null
}

/**
 * Records that a consumer processed every entry up to `seq`. While it has a checkpoint, no
 * entry after it is pruned: persistent consumers (the sync outbox) register one.
 */
export async function saveCheckpoint(db: StandpointDB, consumer: string, seq: number): Promise<void> {
  if (!Number.isInteger(seq) || seq < 0) throw new Error(`A journal checkpoint must be a whole number of at least 0, not ${String(seq)}.`)
  await db.settings.put({ key: `${CHECKPOINT_PREFIX}${consumer}`, value: seq })
}

/** Unregisters a consumer (a disconnected sync): the journal no longer keeps entries for it. */
export async function removeCheckpoint(db: StandpointDB, consumer: string): Promise<void> {
  await db.settings.delete(`${CHECKPOINT_PREFIX}${consumer}`)
}

/**
 * Prunes now, as the journal does by itself every so often: keeps the last `tail` records'
 * entries and everything after the lowest checkpoint. Returns the seq pruned through.
 */
export function pruneJournal(db: StandpointDB, tail = DEFAULT_JOURNAL_TUNING.tail): Promise<number> {
  return db.transaction('rw', [db.journal, db.settings], async () => {
    const checkpoints = await db.settings.where('key').startsWith(CHECKPOINT_PREFIX).toArray()
    const already = await prunedThrough(db)
    const last = await db.journal.orderBy(':id').last()
    const [tailSeq] = last ? await db.journal.where('total').belowOrEqual(last.total - tail).reverse().limit(1).primaryKeys() : []
    const bound = pruneBound(
      tailSeq ?? 0,
      checkpoints.map((row) => row.value),
      already,
    )
    if (bound === null) return already
    await db.journal.where(':id').belowOrEqual(bound).delete()
    await db.settings.put({ key: PRUNED_THROUGH_KEY, value: bound })
    return bound
  })
}

/**
 * Calls `onChanges` with the journal's new entries after every committed write, from this
 * window, a worker or another window, starting after `since` (entries already written after it
 * are delivered at once). One small read per write: how a
 * live screen follows the workspace without re-reading its tables. Returns the unsubscribe.
 */
export function followJournal(db: StandpointDB, since: number, onChanges: (changes: JournalChanges) => void, onError: (error: unknown) => void = () => {}): () => void {
  const part = `idb://${db.name}/journal/`
  let seen = since
  let reading = false
  let again = false
  let stopped = false
  const read = async (): Promise<void> => {
    if (reading) {
      again = true
      return
    }
    reading = true
    try {
      do {
        again = false
        const changes = await changesSince(db, seen)
        if (stopped) return
        seen = changes.head
        if (changes.entries.length > 0 || !changes.complete) onChanges(changes)
      } while (again && !stopped)
    } catch (error) {
      if (!stopped) onError(error)
    } finally {
      reading = false
    }
  }
  const listener = (parts: ObservabilitySet): void => {
    if (Object.keys(parts).some((key) => key.startsWith(part))) void read()
  }
  Dexie.on('storagemutated', listener)
  // A write committed between the caller's read at `since` and this subscription raised its
  // notice before anyone listened, and a caller may start from an older point on purpose (a
  // stored snapshot): read once now for whatever came after `since`.
  void read()
  return () => {
    stopped = true
    Dexie.on('storagemutated').unsubscribe(listener)
  }
}

/** A state loaded once and then kept in step by the journal; `isStopped` tells its callbacks to drop late work. */
export interface JournalFollower {
  stop: () => void
  isStopped: () => boolean
}

/**
 * Loads a state with `load` (which answers the journal seq it is in step with), calls
 * `onLoaded`, then applies every later batch of changes with `apply`, one batch at a time in
 * commit order. Errors of any step go to `onError` unless following has stopped.
 */
export function loadAndFollowJournal(
  db: StandpointDB,
  load: () => Promise<number>,
  onLoaded: () => void,
  apply: (changes: JournalChanges) => Promise<void>,
  onError: (error: unknown) => void,
): JournalFollower {
  let stopped = false
  let unfollow: (() => void) | null = null
  let queue: Promise<void> = Promise.resolve()
  const fail = (error: unknown): void => {
    if (!stopped) onError(error)
  }
  const start = async (): Promise<void> => {
    try {
      const head = await load()
      if (stopped) return
      onLoaded()
      unfollow = followJournal(
        db,
        head,
        (changes) => {
          queue = queue.then(() => apply(changes)).catch(fail)
        },
        fail,
      )
    } catch (error) {
      fail(error)
    }
  }
  void start()
  return {
    stop: () => {
      stopped = true
      unfollow?.()
    },
    isStopped: () => stopped,
  }
}
