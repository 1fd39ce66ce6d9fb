import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie'
import {
  CHECKPOINT_PREFIX,
  CURRENT_CODER_KEY,
  DEFAULT_JOURNAL_TUNING,
  JOURNALED_TABLES,
  PRUNED_THROUGH_KEY,
  SYNCED_TABLE_SET,
  type JournalOp,
  type JournalRow,
  type JournalTuning,
} from './entries'
import { journalModeOf, type JournalMode } from './modes'
import { pruneBound } from './pruning'

// The one funnel every write passes through, whichever code path makes it: a Dexie DBCore
// middleware, so tagging, imports (in the window or a worker), restore, merges, bulk edits,
// undo and sync cannot forget it. For each write to a synced table it appends a journal row
// (the ids it touched), and for a local deletion it writes the tombstones (a re-creation removes
// them), all in the writing transaction: they land together or not at all.
//
// Every way Dexie writes reaches DBCore's mutate as one of four requests: 'add' (add, bulkAdd,
// a modify that changes a primary key), 'put' (put, bulkPut, update, bulkUpdate, upsert,
// Collection.modify), 'delete' (delete, bulkDelete, Collection.delete with a filter, a modify
// that deletes) and 'deleteRange' (clear, Collection.delete over a plain key range).

const EQUAL = 1 as DBCoreKeyRange['type']
const RANGE = 2 as DBCoreKeyRange['type']
const ANY = 3 as DBCoreKeyRange['type']

const equalTo = (key: unknown): DBCoreKeyRange => ({ type: EQUAL, lower: key, upper: key })

/** The journal's own tables, added to every read-write transaction over a journaled table. */
const COMPANIONS = ['journal', 'tombstones', 'settings'] as const

/** The middleware's name in Dexie's stack (benchmarks remove it to measure what it costs). */
export const JOURNAL_MIDDLEWARE = 'StandpointJournal'

export function journalMiddleware(tuning: JournalTuning = DEFAULT_JOURNAL_TUNING): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: JOURNAL_MIDDLEWARE,
    create(down) {
      const declared = new Set(down.schema.tables.map((table) => table.name))
      // A database declared at an older schema (the migration tests, the restore's scratch
      // copy of an old backup) has no journal: its writes pass untouched.
      if (!COMPANIONS.every((name) => declared.has(name))) return {}
      const journal = new Journal(down, tuning)
      return {
        transaction(stores, mode, options) {
          if (mode === 'readwrite' && stores.some((store) => JOURNALED_TABLES.has(store))) {
            const missing = COMPANIONS.filter((name) => !stores.includes(name))
            if (missing.length > 0) stores = [...stores, ...missing]
          }
          return down.transaction(stores, mode, options)
        },
        table(name) {
          const table = down.table(name)
          if (!JOURNALED_TABLES.has(name)) return table
          return { ...table, mutate: (req: DBCoreMutateRequest) => journal.mutate(table, req) }
        },
      }
    },
  }
}

function failed(res: DBCoreMutateResponse, index: number): boolean {
  return res.numFailures > 0 && res.failures[index] != null
}

/** The primary keys an add or put wrote (failed ones left out). */
function writtenKeys(table: DBCoreTable, req: DBCoreMutateRequest & { type: 'add' | 'put' }, res: DBCoreMutateResponse): unknown[] {
  const extractKey = table.schema.primaryKey.extractKey!
  const keys: readonly unknown[] = res.results ?? req.keys ?? req.values.map((value): unknown => extractKey(value))
  const written: unknown[] = []
  for (let index = 0; index < keys.length; index++) if (keys[index] !== undefined && !failed(res, index)) written.push(keys[index])
  return written
}

class Journal {
  private sincePrune = 0
  /** Each transaction's journal writes, one after another (a row's total builds on the last row's). */
  private readonly queues = new WeakMap<object, Promise<unknown>>()

  constructor(
    private readonly down: DBCore,
    private readonly tuning: JournalTuning,
  ) {}

  async mutate(table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    const trans = req.trans
    // Schema upgrades rewrite records in place; they are not changes anyone needs to follow.
    if ((trans as { mode?: string }).mode === 'versionchange') return table.mutate(req)
    const mode = journalModeOf(trans)
    if (req.type === 'add' || req.type === 'put') {
      const res = await table.mutate(req)
      const keys = writtenKeys(table, req, res)
      if (keys.length > 0) await this.record(trans, table.name, keys, 'put', mode)
      return res
    }
    // A deletion is journaled for the records it removes, so those are found first: deleting
    // a key that is not there changes nothing and leaves no tombstone.
    let present: unknown[]
    if (req.type === 'delete') {
      const unique = [...new Set(req.keys)]
      const values = await table.getMany({ trans, keys: unique })
      present = unique.filter((_, index) => values[index] !== undefined)
    } else {
      present = (await table.query({ trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })).result
    }
    const res = await table.mutate(req)
    let deleted = present
    if (res.numFailures > 0) {
      if (req.type === 'deleteRange') deleted = []
      else {
        const failedKeys = new Set(req.keys.filter((_, index) => failed(res, index)))
        deleted = present.filter((key) => !failedKeys.has(key))
      }
    }
    if (deleted.length > 0) await this.record(trans, table.name, deleted, 'delete', mode)
    return res
  }

  /**
   * Journals one write. Writes that run side by side in one transaction (Promise.all over two
   * tables) are journaled one after the other, so each row counts on the one before it.
   */
  private record(trans: DBCoreTransaction, table: string, keys: unknown[], op: JournalOp, mode: JournalMode): Promise<void> {
    const previous = this.queues.get(trans) ?? Promise.resolve()
    const next = previous.then(() => this.append(trans, table, keys, op, mode))
    this.queues.set(
      trans,
      next.catch(() => undefined),
    )
    return next
  }

  private async append(trans: DBCoreTransaction, table: string, keys: unknown[], op: JournalOp, mode: JournalMode): Promise<void> {
    const at = new Date().toISOString()
    const journal = this.down.table('journal')
    const last = (await journal.query({ trans, values: true, limit: 1, direction: 'prev', query: { index: journal.schema.primaryKey, range: { type: ANY, lower: undefined, upper: undefined } } })).result[0] as
      | JournalRow
      | undefined
    const total = (last?.total ?? 0) + keys.length
    const row: Omit<JournalRow, 'seq'> = { table: table as JournalRow['table'], op, origin: mode.origin, at, ids: keys as string[], total }
    const res = await journal.mutate({ trans, type: 'add', values: [row] })
    if (res.numFailures > 0) throw Object.values(res.failures).find((error) => error != null) ?? new Error('The change journal could not be written.')
    if (mode.tombstones && SYNCED_TABLE_SET.has(table)) {
      if (op === 'delete') await this.writeTombstones(trans, table, keys, at)
      else await this.clearTombstones(trans, table, keys)
    }
    this.sincePrune += keys.length
    if (this.sincePrune >= this.tuning.pruneEvery) {
      this.sincePrune = 0
      await this.prune(trans, total)
    }
  }

  private async writeTombstones(trans: DBCoreTransaction, table: string, keys: unknown[], at: string): Promise<void> {
    const coder = (await this.down.table('settings').get({ trans, key: CURRENT_CODER_KEY })) as { value?: unknown } | undefined
    const deletedBy = typeof coder?.value === 'string' ? coder.value : ''
    const tombstones = keys.map((id) => ({ id, table, deletedAt: at, deletedBy }))
    await this.down.table('tombstones').mutate({ trans, type: 'put', values: tombstones })
  }

  /** A record written again under a deleted id (an undone deletion) is no longer deleted. */
  private async clearTombstones(trans: DBCoreTransaction, table: string, keys: unknown[]): Promise<void> {
    const tombstones = this.down.table('tombstones')
    const byTable = tombstones.schema.getIndexByKeyPath('table')!
    // Almost always there is none: one count answers without reading anything else.
    const count = await tombstones.count({ trans, query: { index: byTable, range: equalTo(table) } })
    if (count === 0) return
    let doomed: unknown[]
    if (count < keys.length) {
      const deletedIds = new Set((await tombstones.query({ trans, values: false, query: { index: byTable, range: equalTo(table) } })).result)
      doomed = keys.filter((key) => deletedIds.has(key))
    } else {
      const found = (await tombstones.getMany({ trans, keys })) as ({ table?: unknown } | undefined)[]
      doomed = keys.filter((_, index) => found[index]?.table === table)
    }
    if (doomed.length > 0) await tombstones.mutate({ trans, type: 'delete', keys: doomed })
  }

  private async prune(trans: DBCoreTransaction, total: number): Promise<void> {
    const journal = this.down.table('journal')
    // The last row wholly before the kept tail of `tail` records (getAllKeys of an index gives primary keys).
    const tail = await journal.query({
      trans,
      values: false,
      limit: 1,
      direction: 'prev',
      query: { index: journal.schema.getIndexByKeyPath('total')!, range: { type: RANGE, lower: undefined, upper: total - this.tuning.tail, upperOpen: false } },
    })
    const settings = this.down.table('settings')
    const checkpoints = await settings.query({
      trans,
      values: true,
      query: { index: settings.schema.primaryKey, range: { type: RANGE, lower: CHECKPOINT_PREFIX, upper: `${CHECKPOINT_PREFIX}\uffff` } },
    })
    const pruned = (await settings.get({ trans, key: PRUNED_THROUGH_KEY })) as { value?: unknown } | undefined
    const bound = pruneBound(
      (tail.result[0] as number | undefined) ?? 0,
      (checkpoints.result as { value?: unknown }[]).map((row) => row.value),
      pruned?.value,
    )
    if (bound === null) return
    await journal.mutate({ trans, type: 'deleteRange', range: { type: RANGE, lower: undefined, upper: bound, upperOpen: false } })
    await settings.mutate({ trans, type: 'put', values: [{ key: PRUNED_THROUGH_KEY, value: bound }] })
  }
}
