import type { Table } from 'dexie'
import {
  findConflicts,
  type ChangeSet,
  type RecordChange,
  type RecordEdit,
  type StoredRecord,
  type WorkspaceTable,
} from '../../domain/changeHistory'
import type { Claim, Id, Mention } from '../../domain/model'
import type { StandpointDB } from '../database'

// Writing change sets: every tagging action, and its undo and redo, goes through here, so each
// is one transaction that either lands whole or not at all, and none leaves a claim or a
// mention pointing at an actor, issue or article that is not there.

/** Thrown when an undo or redo finds records that were edited elsewhere since. */
export class ChangeConflictError extends Error {
  override name = 'ChangeConflictError'
  constructor(readonly conflicts: RecordChange[]) {
    super(`${conflicts.length} record(s) changed since this action`)
  }
}

/** Thrown when a write would leave a claim or mention pointing at a missing record. */
export class MissingReferenceError extends Error {
  override name = 'MissingReferenceError'
}

function tableOf(db: StandpointDB, name: WorkspaceTable): Table<StoredRecord, Id> {
  return db.table<StoredRecord, Id>(name)
}

/**
 * The tables writeEdits reads and writes, and currentCoder with them: a transaction that calls
 * either must open all of them.
 */
export function editTables(db: StandpointDB) {
  return [db.actors, db.issues, db.claims, db.mentions, db.articles, db.coders, db.settings] as const
}

/** Checks, inside the transaction, that what the edits leave behind refers only to existing records. */
async function checkReferences(db: StandpointDB, edits: readonly RecordEdit[]): Promise<void> {
  const final = new Map<string, StoredRecord | null>()
  for (const edit of edits) final.set(`${edit.table}:${edit.id}`, edit.after)
  const exists = async (table: WorkspaceTable | 'articles', id: Id): Promise<boolean> => {
    const key = `${table}:${id}`
    if (final.has(key)) return final.get(key) !== null
    return (await db.table(table).get(id)) !== undefined
  }
  for (const edit of edits) {
    if (edit.after === null) continue
    if (edit.table === 'claims') {
      const claim = edit.after as Claim
      if (!(await exists('articles', claim.articleId))) throw new MissingReferenceError('The article of this claim is no longer in the workspace.')
      if (!(await exists('actors', claim.actorId))) throw new MissingReferenceError('The claimant of this claim is no longer in the workspace.')
      if (claim.issueIds.length === 0) throw new MissingReferenceError('A claim needs at least one issue.')
      for (const issueId of claim.issueIds) {
        if (!(await exists('issues', issueId))) throw new MissingReferenceError('The issue of this claim is no longer in the codebook.')
      }
      if (claim.addresseeId !== null && !(await exists('actors', claim.addresseeId))) {
        throw new MissingReferenceError('The addressee of this claim is no longer in the workspace.')
      }
    } else if (edit.table === 'mentions') {
      const mention = edit.after as Mention
      if (!(await exists('articles', mention.articleId))) throw new MissingReferenceError('The article of this mention is no longer in the workspace.')
      if (!(await exists('actors', mention.actorId))) throw new MissingReferenceError('The actor of this mention is no longer in the workspace.')
    }
  }
}

async function applyEdits(db: StandpointDB, edits: readonly RecordEdit[]): Promise<void> {
  for (const edit of edits) {
    const table = tableOf(db, edit.table)
    if (edit.after === null) await table.delete(edit.id)
    else await table.put(edit.after)
  }
}

/** Writes the edits in one transaction and returns what changed, for the undo history. */
export async function writeEdits(db: StandpointDB, label: string, edits: readonly RecordEdit[]): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    const changes: RecordChange[] = []
    // Several edits of one record collapse into one change from its first state to its last.
    const firstState = new Map<string, StoredRecord | null>()
    for (const edit of edits) {
      const key = `${edit.table}:${edit.id}`
      if (!firstState.has(key)) firstState.set(key, (await tableOf(db, edit.table).get(edit.id)) ?? null)
    }
    await checkReferences(db, edits)
    await applyEdits(db, edits)
    const last = new Map<string, RecordEdit>()
    for (const edit of edits) last.set(`${edit.table}:${edit.id}`, edit)
    for (const [key, edit] of last) {
      const before = firstState.get(key) ?? null
      if (before === null && edit.after === null) continue
      changes.push({ table: edit.table, id: edit.id, before, after: edit.after })
    }
    return { label, changes }
  })
}

/**
 * Writes a change set from the history (an undo or a redo), after checking in the same
 * transaction that every record is still as the set expects to find it.
 */
export async function applyChangeSet(db: StandpointDB, set: ChangeSet): Promise<void> {
  await db.transaction('rw', editTables(db), async () => {
    const current = await Promise.all(set.changes.map((change) => tableOf(db, change.table).get(change.id)))
    const conflicts = findConflicts(set, current)
    if (conflicts.length > 0) throw new ChangeConflictError(conflicts)
    await checkReferences(db, set.changes)
    await applyEdits(db, set.changes)
  })
}
