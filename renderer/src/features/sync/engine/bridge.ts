import type { RevisionStore, StoredDoc } from '../../../db/sync/revisionStore'
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

export const BATCH = 500

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

  /** Writes states into the store after their base revisions; returns how many changed anything. */
  private async writeStates(states: readonly RecordState[]): Promise<number> {
    if (states.length === 0) return 0
    const ids = states.map(keyOf)
    const [bases, winners] = await Promise.all([this.book.baseRevs(ids), this.store.winners(ids)])
    const items: { body: ReturnType<typeof toDocument>; base: string | null }[] = []
    const revs = new Map<string, string>()
    for (const state of states) {
      const id = keyOf(state)
      const winner = winners.get(id)
      if (winner && sameState(state, storedState(winner.doc, id, this.schema))) {
        revs.set(id, winner.rev)
        continue
      }
      // No base: a record the store has not seen from this workspace; it follows the winner.
      items.push({ body: toDocument(state, this.schema), base: bases.get(id) ?? winner?.rev ?? null })
    }
    for (const [id, rev] of await this.store.write(items)) revs.set(id, rev)
    const written = new Set(items.map((item) => item.body._id))
    await this.book.record({ revs, unsent: [...revs.keys()].filter((id) => written.has(id)) })
    return items.length
  }

  /** Local changes since the outbox checkpoint → the store. Returns how many documents were written. */
  async pushLocal(): Promise<number> {
    let written = 0
    for (;;) {
      const outboxSeq = await this.book.get('outboxSeq', 0)
      const { lastSeq, states } = await this.workspace.localChanges(outboxSeq, BATCH)
      if (lastSeq <= outboxSeq) return written
      written += await this.writeStates(states)
      await this.book.set('outboxSeq', lastSeq)
      await this.workspace.saveOutboxCheckpoint(lastSeq)
    }
  }

  /**
   * The store's changes since the last applied → the workspace. Each document's winning
   * revision is validated; a refused one never reaches the workspace.
   */
  async pullLocal(onBatch?: (progress: PullProgress) => void): Promise<PullProgress> {
    const total: PullProgress = { applied: 0, refused: 0 }
    for (;;) {
      const since = await this.book.get<number | string>('pouchSeq', 0)
      const { results, last_seq } = await this.store.changes(since, BATCH)
      if (results.length === 0) return total
      const outboxSeq = await this.book.get('outboxSeq', 0)
      const now = new Date().toISOString()
      const incoming: RecordState[] = []
      const revs = new Map<string, string>()
      const conflicts: ConflictEntry[] = []
      const resolved: string[] = []
      const refused: RefusedEntry[] = []
      const accepted: string[] = []
      // A revision the workspace already came from (above all, one the bridge just wrote
      // itself) needs no second look, unless it carries conflicts.
      const bases = await this.book.baseRevs(results.map((change) => change.id))
      for (const change of results) {
        const rev = change.changes[0]?.rev ?? change.doc?._rev ?? ''
        if (change.id.startsWith('_design/')) continue
        const known = change.doc && !change.deleted && bases.get(change.id) === change.doc._rev && !(change.doc as StoredDoc)._conflicts?.length
        if (known) {
          resolved.push(change.id)
          continue
        }
        const parsed = parseDocumentId(change.id)
        if (!parsed) {
          const checked = validateDocument(change.doc ?? { _id: change.id }, this.schema)
          refused.push({ docId: change.id, rev, reason: checked.ok ? 'belongs to no workspace table' : checked.reason, at: now })
          continue
        }
        const doc = change.deleted ? null : (change.doc as StoredDoc | undefined)
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
        revs.set(change.id, doc?._rev ?? rev)
        const losers = doc?._conflicts ?? []
        if (losers.length > 0) conflicts.push({ docId: change.id, table: parsed.table, id: parsed.id, winnerRev: doc!._rev, loserRevs: losers, label: describeRecord(state), at: now })
        else resolved.push(change.id)
      }
      const current = await this.workspace.states(incoming)
      const differing = incoming.filter((state) => !sameState(state, current.get(keyOf(state)) ?? null) && !(state.kind === 'deleted' && !current.has(keyOf(state))))
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
    const winners = await this.store.winners(ids)
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
    await this.writeStates(toWrite)
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
