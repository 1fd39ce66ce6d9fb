import type { Table } from 'dexie'
import type { CodedRecord } from '../../domain/coding/visibility'
import type { Id } from '../../domain/model'
import type { StandpointDB } from '../database'
import { onTableChanged } from '../live'

// Live counts of records per value of an index (claims per article, per actor, per issue),
// kept in step with the workspace without re-reading the table after every write. Each
// record's index values are remembered; a write that names its records (tagging a claim,
// deleting one, an undo) reads just those records again and moves their counts. A write
// that does not (a bulk import, a restore) recounts from the index, which reads keys only.
// Under blind coding only the records the person here may see are counted, so a count never
// tells a coder how much someone else coded on a blind article.

type CountedTable = 'claims' | 'mentions'

export interface KeyCounts {
  /** Records per index value; a new Map after every change. */
  counts: ReadonlyMap<Id, number>
}

function valuesOf(record: Record<string, unknown> | undefined, field: string): Id[] {
  const value = record?.[field]
  if (Array.isArray(value)) return value.filter((item): item is Id => typeof item === 'string')
  return typeof value === 'string' ? [value] : []
}

function codedRecordOf(record: Record<string, unknown>): CodedRecord {
  return { articleId: String(record['articleId']), coderId: String(record['coderId']) }
}

/** Each record's article and coder, read from the indexes (keys only). */
async function codedRecordsById(store: Table): Promise<Map<Id, CodedRecord>> {
  const [articleIds, articleKeys, coderIds, coderKeys] = await Promise.all([
    store.orderBy('articleId').keys(),
    store.orderBy('articleId').primaryKeys(),
    store.orderBy('coderId').keys(),
    store.orderBy('coderId').primaryKeys(),
  ])
  const byId = new Map<Id, CodedRecord>()
  for (let position = 0; position < articleKeys.length; position++) byId.set(articleKeys[position] as Id, { articleId: articleIds[position] as Id, coderId: '' })
  for (let position = 0; position < coderKeys.length; position++) {
    const record = byId.get(coderKeys[position] as Id)
    if (record) record.coderId = coderIds[position] as Id
  }
  return byId
}

/**
 * Follows how many records of `table` hold each value of `index` (a multi-entry index counts
 * a record once per value), counting only the records `visible` keeps when it is given.
 * `onCounts` is called with the first counts and after every change, with the number of
 * records counted. Returns the function that stops following.
 */
export function followKeyCounts(
  db: StandpointDB,
  table: CountedTable,
  index: string,
  onCounts: (counts: ReadonlyMap<Id, number>, records: number) => void,
  onError: (error: unknown) => void,
  visible?: (record: CodedRecord) => boolean,
): () => void {
  const store = db.table(table)
  const field = index.replace(/^\*/, '')
  /** Each counted record's values of the index. */
  let valuesById = new Map<Id, Id[]>()
  let counts = new Map<Id, number>()
  let stopped = false
  let pending: Set<Id> | null = null
  let everything = true
  let running = false

  const recount = async (): Promise<void> => {
    const [values, ids, coded] = await db.transaction('r', store, () =>
      Promise.all([store.orderBy(field).keys(), store.orderBy(field).primaryKeys(), visible ? codedRecordsById(store) : null]),
    )
    const next = new Map<Id, Id[]>()
    const tally = new Map<Id, number>()
    for (let position = 0; position < ids.length; position++) {
      const id = ids[position] as Id
      if (visible && coded) {
        const record = coded.get(id)
        if (!record || !visible(record)) continue
      }
      const value = values[position] as Id
      const list = next.get(id)
      if (list) list.push(value)
      else next.set(id, [value])
      tally.set(value, (tally.get(value) ?? 0) + 1)
    }
    valuesById = next
    counts = tally
  }

  const apply = async (ids: Id[]): Promise<void> => {
    const records = (await store.bulkGet(ids)) as (Record<string, unknown> | undefined)[]
    const next = new Map(counts)
    ids.forEach((id, position) => {
      for (const value of valuesById.get(id) ?? []) {
        const count = (next.get(value) ?? 0) - 1
        if (count > 0) next.set(value, count)
        else next.delete(value)
      }
      const record = records[position]
      const counted = record !== undefined && (!visible || visible(codedRecordOf(record)))
      const now = counted ? valuesOf(record, field) : []
      if (counted) valuesById.set(id, now)
      else valuesById.delete(id)
      for (const value of now) next.set(value, (next.get(value) ?? 0) + 1)
    })
    counts = next
  }

  const run = async (): Promise<void> => {
    if (running) return
    running = true
    try {
      while (!stopped && (everything || (pending && pending.size > 0))) {
        const named = pending
        const all = everything
        pending = null
        everything = false
        if (all || named === null) await recount()
        else await apply([...named])
        if (!stopped) onCounts(counts, valuesById.size)
      }
    } catch (error) {
      if (!stopped) onError(error)
    } finally {
      running = false
    }
  }

  const unsubscribe = onTableChanged(db, table, (keys) => {
    if (keys === null) everything = true
    else {
      pending ??= new Set()
      for (const key of keys) pending.add(key)
    }
    void run()
  })
  void run()
  return () => {
    stopped = true
    unsubscribe()
  }
}
