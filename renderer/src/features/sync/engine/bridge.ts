import type { RevisionStore, StoredDoc, Winner } from '../../../db/sync/revisionStore'
import type { ConflictEntry, RefusedEntry, ScanCursor, SyncBook } from '../../../db/sync/syncBook'
import type { WorkspaceSide } from '../../../db/sync/workspaceSide'
import { documentId, parseDocumentId, sameState, toDocument, type RecordState } from '../../../domain/sync/documents'
import { decideFirstMerge, describeRecord, reportEntry, type MergeReportEntry } from '../../../domain/sync/firstMerge'
import { validateDocument } from '../../../domain/sync/validateDocument'

// The bridge between the workspace (Dexie, which the app reads) and the local revision store
// (PouchDB, which replicates with CouchDB). Replication itself is PouchDB's; this only mirrors:
// - pushLocal: the change journal's local entries → new revisions in the store, each after the
//   revision the workspace's copy came from (see RevisionStore.write);
// - pullLocal: the store's changes → the workspace, validated, applied as remote; conflicts and
//   refused documents are recorded for the member to see;
// - scanStep: a first connection's merge, record by record (decideFirstMerge).
// One bridge runs one step at a time (the engine serialises them).

export const BATCH = 1000
/** Write calls the outbox reads at a time (each may list many records). */
const WRITES_PER_STEP = 200

export interface PullProgress {
  applied: number
  refused: number
}

const keyOf = (state: RecordState): string => documentId(state.table, state.id)

function storedState(doc: StoredDoc | null, docId: string, latestSchema: number): RecordState | null {
  if (!doc) {
    const parsed = parseDocumentId(docId)
    return parsed ? { kind: 'deleted', table: parsed.table, id: parsed.id, tombstone: { id: parsed.id, table: parsed.table, deletedAt: new Date().toISOString(), deletedBy: '' } } : null
  }
  const checked = validateDocument(doc, latestSchema)
  return checked.ok ? checked.state : null
}

export class Bridge {
  constructor(
    private readonly workspace: WorkspaceSide,
    private readonly store: RevisionStore,
    private readonly book: SyncBook,
    /** The workspace schema version this app writes and reads. */
    private readonly schema: number,
  ) {}

  /**
   * Writes states into the store after their base revisions; returns how many were written.
   * `known` are the store's winners when the caller already read them; without them, a state
   * equal to the winner is found only when its write conflicts (the store then keeps it as is).
   */
  private async writeStates(states: readonly RecordState[], known?: ReadonlyMap<string, Winner>): Promise<number> {
    if (states.length === 0) return 0
    const ids = states.map(keyOf)
    const bases = await this.book.baseRevs(ids)
    const items: { body: ReturnType<typeof toDocument>; base: string | null }[] = []
    const same = new Map<string, string>()
    for (const state of states) {
      const id = keyOf(state)
      const winner = known?.get(id)
      if (winner && sameState(state, storedState(winner.doc, id, this.schema))) {
        if (bases.get(id) !== winner.rev) same.set(id, winner.rev)
        continue
      }
      // No base: a record the store has not seen from this workspace; it follows the winner.
      items.push({ body: toDocument(state, this.schema), base: bases.get(id) ?? winner?.rev ?? null })
    }
    const written = await this.store.write(items, (body, winner) => {
      const state = storedState(winner.doc, body._id, this.schema)
      const mine = states.find((candidate) => keyOf(candidate) === body._id)
      return !!mine && sameState(mine, state)
    })
    await this.book.record({ revs: same, unsentRevs: written })
    return items.length
  }

  /** Local changes since the outbox checkpoint → the store. Returns how many documents were written. */
  async pushLocal(): Promise<number> {
    let written = 0
    for (;;) {
      const outboxSeq = await this.book.get('outboxSeq', 0)
      const { lastSeq, states, complete } = await this.workspace.localChanges(outboxSeq, WRITES_PER_STEP)
      if (!complete) return written + (await this.rescan(lastSeq))
      if (lastSeq <= outboxSeq) return written
      // One write call can touch 100,000 records (an import): they go to the store a batch at a time.
      for (let start = 0; start < states.length; start += BATCH) written += await this.writeStates(states.slice(start, start + BATCH))
      await this.book.set('outboxSeq', lastSeq)
      await this.workspace.saveOutboxCheckpoint(lastSeq)
    }
  }

  /**
   * The journal lost entries the outbox had not sent (its checkpoint went missing): every record
   * is compared with the store instead, as a first connection does, and the outbox goes on
   * from `head`.
   */
  private async rescan(head: number): Promise<number> {
    await this.book.set('uploadOnly', false)
    await this.book.set('scanCursor', { tableIndex: 0, afterId: '' })
    let written = 0
    for (;;) {
      const step = await this.scanStep(BATCH)
      if (!step) break
      written += step.done
    }
    await this.book.set('outboxSeq', head)
    await this.workspace.saveOutboxCheckpoint(head)
    return written
  }

  /**
   * The store's changes since the last applied → the workspace. Each document's winning
   * revision is validated; a refused one never reaches the workspace.
   */
  async pullLocal(onBatch?: (progress: PullProgress) => void): Promise<PullProgress> {
    const total: PullProgress = { applied: 0, refused: 0 }
    for (;;) {
      // Local edits go out first: applyRemote then only has the newest journal entries to check.
      await this.pushLocal()
      const since = await this.book.get<number | string>('pouchSeq', 0)
      const { results, last_seq } = await this.store.changes(since, BATCH)
      if (results.length === 0) return total
      const outboxSeq = await this.book.get('outboxSeq', 0)
      const now = new Date().toISOString()
      // A revision the workspace already came from (above all, one the bridge just wrote
      // itself) needs no second look unless the document has other leaves (a conflict).
      const bases = await this.book.baseRevs(results.map((change) => change.id))
      const unknown = results.filter((change) => !change.id.startsWith('_design/') && !(change.changes.length === 1 && bases.get(change.id) === change.changes[0]!.rev))
      const docs = await this.store.documents(unknown.map((change) => change.id))
      const incoming: RecordState[] = []
      const revs = new Map<string, string>()
      const conflicts: ConflictEntry[] = []
      const resolved: string[] = []
      const refused: RefusedEntry[] = []
      const accepted: string[] = []
      for (const change of unknown) {
        const found = docs.get(change.id)
        if (!found) continue
        const parsed = parseDocumentId(change.id)
        if (!parsed) {
          const checked = found.doc ? validateDocument(found.doc, this.schema) : null
          refused.push({ docId: change.id, rev: found.rev, reason: checked && !checked.ok ? checked.reason : 'belongs to no workspace table', at: now })
          continue
        }
        const doc = found.doc
        let state: RecordState
        if (!doc) {
          state = { kind: 'deleted', table: parsed.table, id: parsed.id, tombstone: { id: parsed.id, table: parsed.table, deletedAt: now, deletedBy: '' } }
        } else {
          const checked = validateDocument(doc, this.schema)
          if (!checked.ok) {
            refused.push({ docId: change.id, rev: doc._rev, reason: checked.reason, at: now })
            // The workspace keeps its copy; a local edit will follow the refused revision.
            revs.set(change.id, doc._rev)
            continue
          }
          state = checked.state
          accepted.push(change.id)
        }
        incoming.push(state)
        revs.set(change.id, found.rev)
        const losers = doc?._conflicts ?? []
        if (losers.length > 0) conflicts.push({ docId: change.id, table: parsed.table, id: parsed.id, winnerRev: found.rev, loserRevs: losers, label: describeRecord(state), at: now })
        else resolved.push(change.id)
      }
      const current = await this.workspace.states(incoming)
      // A deletion of a record this workspace never had still brings its tombstone: every copy keeps the same tombstones.
      const differing = incoming.filter((state) => !sameState(state, current.get(keyOf(state)) ?? null))
      const skipped = differing.length > 0 ? await this.workspace.applyRemote(differing, outboxSeq) : new Set<string>()
      // A record left out keeps its old base: its local edit goes out as a sibling of this change.
      for (const id of skipped) revs.delete(id)
      await this.book.record({ revs, conflicts, resolved, refused, accepted, checkpoint: { key: 'pouchSeq', value: last_seq } })
      total.applied += differing.length - skipped.size
      total.refused += refused.length
      onBatch?.({ ...total })
    }
  }

  /**
   * One step of a first connection's merge: the next `limit` records of the workspace against
   * the store (which already holds the server's documents). Returns null when the scan is done.
   */
  async scanStep(limit = BATCH): Promise<{ done: number } | null> {
    const cursor = await this.book.get<ScanCursor | null>('scanCursor', { tableIndex: 0, afterId: '' })
    if (!cursor) return null
    const { states, next } = await this.workspace.scan(cursor, limit)
    const ids = states.map(keyOf)
    // Uploading into a database that was empty: every record is new to the store (one written
    // before an interruption is recognised when its write conflicts).
    const winners = (await this.book.get('uploadOnly', false)) ? new Map<string, Winner>() : await this.store.winners(ids)
    const toWrite: RecordState[] = []
    const report: MergeReportEntry[] = []
    const revs = new Map<string, string>()
    for (const local of states) {
      const id = keyOf(local)
      const winner = winners.get(id)
      const remote = winner ? storedState(winner.doc, id, this.schema) : null
      const decision = decideFirstMerge(local, remote)
      if (decision.keep === 'local') toWrite.push(local)
      else if (decision.keep === 'same' && winner) revs.set(id, winner.rev)
      // 'remote': pullLocal brings the server's version in once the scan is done.
      const entry = remote ? reportEntry(local, remote, decision) : null
      if (entry) report.push(entry)
    }
    await this.book.record({ revs })
    await this.writeStates(toWrite, winners.size > 0 ? winners : undefined)
    if (report.length > 0) await this.book.set('mergeReport', [...(await this.book.mergeReport()), ...report])
    await this.book.set('scanCursor', next)
    await this.book.set('scanDone', (await this.book.get('scanDone', 0)) + states.length)
    return next ? { done: states.length } : null
  }

  /** Writes a member's resolution of a conflict: the kept version after the winner, the losers closed. */
  async resolve(docId: string, kept: RecordState): Promise<void> {
    const { winner, losers } = await this.store.versions(docId)
    await this.store.resolve(
      docId,
      toDocument(kept, this.schema),
      winner._rev,
      losers.map((loser) => loser._rev),
    )
  }
}
