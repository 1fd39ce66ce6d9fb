import type { Table } from 'dexie'
import type { CodedRecord } from '../../domain/coding/visibility'
import type { Id } from '../../domain/model'
import type { SnapshotClaimField } from '../../domain/positions/snapshot'
import type { StandpointDB } from '../database'
import { journalHead, loadAndFollowJournal, type JournalChanges } from '../journal'
import { readFactsSeed } from '../projection/startSeed'
import { forEachInSlices } from '../../domain/timeSlices'

// Live counts of records per value of an index (claims per article, per actor, per issue),
// kept in step with the workspace without re-reading the table after every write. The index
// is read once (keys only) with the journal's head; each record's index values are
// remembered, and every write after that is applied from the change journal: the records it
// names are read again and their counts moved, whether one claim was tagged or an import
// chunk stored 1,000. Only a write larger than the counts themselves (a restore) or entries
// the journal no longer holds make it read the index again.
// The claims' article, actor and issue counts start from the stored positions snapshot when
// there is a usable one (projection/startSeed.ts): one record instead of a walk of the index.
// Under blind coding only the records the person here may see are counted, so a count never
// tells a coder how much someone else coded on a blind article.

type CountedTable = 'claims' | 'mentions'

/** Records a write may name before counting them all again from the index is considered. */
const RECOUNT_AT = 5_000

/** Claim fields the positions snapshot holds, by the claims index over them. */
const SEEDED_CLAIM_FIELDS: ReadonlySet<string> = new Set<SnapshotClaimField>(['articleId', 'actorId', 'issueIds'])
const isSeededField = (field: string): field is SnapshotClaimField => SEEDED_CLAIM_FIELDS.has(field)

export interface KeyCounts {
  /** Records per index value; a new Map after every change. */
  counts: ReadonlyMap<Id, number>
}

/** A record's values as a (multi-entry) index holds them: strings only, each once per record. */
function valuesOf(record: Record<string, unknown> | undefined, field: string): Id[] {
  const value = record?.[field]
  if (Array.isArray(value)) {
    const strings = value.filter((item): item is Id => typeof item === 'string')
    return strings.length > 1 ? [...new Set(strings)] : strings
  }
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
 * records counted and each counted record's values (kept up to date in place: read it during
 * the call). Returns the function that stops following.
 */
export function followKeyCounts(
  db: StandpointDB,
  table: CountedTable,
  index: string,
  onCounts: (counts: ReadonlyMap<Id, number>, records: number, valuesById: ReadonlyMap<Id, readonly Id[]>) => void,
  onError: (error: unknown) => void,
  visible?: (record: CodedRecord) => boolean,
): () => void {
  const store = db.table(table)
  const field = index.replace(/^\*/, '')
  /** Each counted record's values of the index (never changed in place: they may be shared). */
  let valuesById = new Map<Id, readonly Id[]>()
  let counts = new Map<Id, number>()

  /** Reads the index whole; returns the journal seq it is in step with. */
  const recount = async (): Promise<number> => {
    const [values, ids, coded, head] = await db.transaction('r', [store, db.journal, db.settings], () =>
      Promise.all([store.orderBy(field).keys(), store.orderBy(field).primaryKeys(), visible ? codedRecordsById(store) : null, journalHead(db)]),
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
    return head
  }

  /** Starts from the positions snapshot when it holds this index; else reads the index. */
  const load = async (): Promise<number> => {
    const seeded = table === 'claims' && isSeededField(field) ? field : null
    const seed = seeded ? await readFactsSeed(db) : null
    if (!seed || !seeded || (seeded === 'issueIds' && seed.columns.issuesCut)) return recount()
    const { claimIds, claimCount } = seed.columns
    const valuesAt = seed.columns.column(seeded)
    const articleAt = visible ? (seeded === 'articleId' ? valuesAt : seed.columns.column('articleId')) : null
    const coderAt = visible ? seed.columns.column('coderId') : null
    // One record handed to `visible` for every claim, its fields set each time.
    const coded = { articleId: '', coderId: '' }
    const next = new Map<Id, readonly Id[]>()
    const tally = new Map<Id, number>()
    const visit = (index: number): void => {
      if (visible) {
        coded.articleId = articleAt!(index)[0]!
        coded.coderId = coderAt!(index)[0]!
        if (!visible(coded)) return
      }
      const values = valuesAt(index)
      // A claim with no value is not in the index: not counted, as a recount would not.
      if (values.length === 0) return
      next.set(claimIds[index]!, values)
      for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1)
    }
    // In slices: at 100,000 claims this took 100 ms. A screen left before its count was done
    // (the Codebook, visited in passing) stops it.
    if (!(await forEachInSlices(claimCount, visit, follower.isStopped))) return seed.seq
    valuesById = next
    counts = tally
    // The journal after the snapshot is read at once by the follower, as any later write is.
    return seed.seq
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
      if (now.length > 0) valuesById.set(id, now)
      else valuesById.delete(id)
      for (const value of now) next.set(value, (next.get(value) ?? 0) + 1)
    })
    counts = next
  }

  const applyChanges = async (changes: JournalChanges): Promise<void> => {
    if (follower.isStopped()) return
    const touched = new Set<Id>()
    for (const entry of changes.entries) if (entry.table === table) touched.add(entry.id)
    // Entries we never saw were pruned away, or the write is bigger than what is counted: the
    // index (keys only) is then cheaper and as exact as reading every record it names.
    if (!changes.complete || touched.size > Math.max(RECOUNT_AT, valuesById.size)) await recount()
    else if (touched.size > 0) await apply([...touched])
    else return
    if (!follower.isStopped()) onCounts(counts, valuesById.size, valuesById)
  }

  const follower = loadAndFollowJournal(db, load, () => onCounts(counts, valuesById.size, valuesById), applyChanges, onError)
  return follower.stop
}
