import type { Actor, Claim, Id, Issue, Mention } from './model'

// Undo and redo as data. Every tagging action (tag a claim, merge two actors, delete an issue
// and its claims...) is written as a set of record changes, each holding the record before and
// after. Undoing applies the inverse set, redoing the inverse of that. The history itself is a
// pure value: two stacks and functions that return new stacks; db/ applies the changes.

export type WorkspaceTable = 'actors' | 'issues' | 'claims' | 'mentions'

export interface WorkspaceRecords {
  actors: Actor
  issues: Issue
  claims: Claim
  mentions: Mention
}

export type StoredRecord = WorkspaceRecords[WorkspaceTable]

/** A write to make: put `after`, or delete the record when `after` is null. */
export interface RecordEdit {
  table: WorkspaceTable
  id: Id
  after: StoredRecord | null
}

/** A write that was made: what the record was before it and what it became. */
export interface RecordChange extends RecordEdit {
  before: StoredRecord | null
}

export interface ChangeSet {
  /** What the user did, for "Undid: Tag claim". */
  label: string
  changes: RecordChange[]
}

export function putEdit<T extends WorkspaceTable>(table: T, record: WorkspaceRecords[T]): RecordEdit {
  return { table, id: record.id, after: record }
}

export function deleteEdit(table: WorkspaceTable, id: Id): RecordEdit {
  return { table, id, after: null }
}

/**
 * The change set that reverts `set`. Restored records get a fresh `updatedAt`: restoring is a
 * write like any other, and merging workspaces (newer wins) must see it as the latest word.
 */
export function invertChangeSet(set: ChangeSet, now: string): ChangeSet {
  return {
    label: set.label,
    changes: [...set.changes].reverse().map((change) => ({
      table: change.table,
      id: change.id,
      before: change.after,
      after: change.before === null ? null : { ...change.before, updatedAt: now },
    })),
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

/**
 * Is the stored record still the version an undo or redo expects? Compared by content, not by
 * `updatedAt`: every undo re-stamps what it restores, so the same content under a newer stamp
 * is still "ours", while any edit made elsewhere changes the content.
 */
export function sameVersion(current: StoredRecord | null | undefined, expected: StoredRecord | null): boolean {
  if (!current || !expected) return !current && !expected
  const { updatedAt: _currentStamp, ...currentContent } = current
  const { updatedAt: _expectedStamp, ...expectedContent } = expected
  return deepEqual(currentContent, expectedContent)
}

/**
 * The changes whose record is no longer what the set expects to find (edited elsewhere since).
 * `current` gives the stored record for each change, in the same order.
 */
export function findConflicts(set: ChangeSet, current: readonly (StoredRecord | null | undefined)[]): RecordChange[] {
  return set.changes.filter((change, index) => !sameVersion(current[index], change.before))
}

export interface History {
  /** Change sets that can be undone, oldest first. */
  done: ChangeSet[]
  /** Inverses that redo an undone set, oldest first. */
  undone: ChangeSet[]
  limit: number
}

export function emptyHistory(limit = 200): History {
  return { done: [], undone: [], limit }
}

/** A new action: it can be undone, and whatever was undone before can no longer be redone. */
export function recordAction(history: History, set: ChangeSet): History {
  if (set.changes.length === 0) return history
  const done = [...history.done, set]
  return { ...history, done: done.slice(Math.max(0, done.length - history.limit)), undone: [] }
}

export const canUndo = (history: History): boolean => history.done.length > 0
export const canRedo = (history: History): boolean => history.undone.length > 0

export function nextUndo(history: History): ChangeSet | undefined {
  return history.done[history.done.length - 1]
}

export function nextRedo(history: History): ChangeSet | undefined {
  return history.undone[history.undone.length - 1]
}

/** After the inverse of the last action was written: that action moves to the redo stack. */
export function afterUndo(history: History, applied: ChangeSet): History {
  return { ...history, done: history.done.slice(0, -1), undone: [...history.undone, applied] }
}

/** After the last undone action was written again. */
export function afterRedo(history: History, applied: ChangeSet): History {
  return { ...history, done: [...history.done, applied], undone: history.undone.slice(0, -1) }
}

/** An action that can no longer be undone (its records changed elsewhere) leaves the stack. */
export function dropUndo(history: History): History {
  return { ...history, done: history.done.slice(0, -1) }
}

export function dropRedo(history: History): History {
  return { ...history, undone: history.undone.slice(0, -1) }
}

/** Forgets everything, e.g. after a workspace restore replaced the records. */
export function clearHistory(history: History): History {
  return emptyHistory(history.limit)
}
