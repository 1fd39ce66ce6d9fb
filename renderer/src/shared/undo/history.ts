import { useSyncExternalStore } from 'react'
import { useCommand } from '../commands'
import { notify } from '../notices'
import { isTypingTarget } from '../shortcuts'
import { db } from '../../db/instance'
import { applyChangeSet, ChangeConflictError, MissingReferenceError } from '../../db/repositories/recordChanges'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import {
  afterRedo,
  afterUndo,
  clearHistory,
  dropRedo,
  dropUndo,
  emptyHistory,
  invertChangeSet,
  nextRedo,
  nextUndo,
  recordAction,
  type ChangeSet,
  type History,
} from '../../domain/changeHistory'
import { nowIso } from '../../domain/model'

// The session's undo history for tagging actions (reader, Actors and Codebook screens). It
// lives for the session only: after a restart the records are what they are.

let history: History = emptyHistory()
let busy = false
const listeners = new Set<() => void>()

function setHistory(next: History): void {
  history = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useTaggingHistory(): History {
  return useSyncExternalStore(subscribe, () => history)
}

/** Records a finished action so it can be undone. */
function recordTaggingAction(set: ChangeSet): void {
  setHistory(recordAction(history, set))
}

/** After a workspace restore: nothing before this point can be undone. */
export function resetTaggingHistory(): void {
  setHistory(clearHistory(history))
}

async function step(direction: 'undo' | 'redo'): Promise<void> {
  if (busy) return
  const set = direction === 'undo' ? nextUndo(history) : nextRedo(history)
  if (!set) {
    notify('info', direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.')
    return
  }
  busy = true
  try {
    const applied = invertChangeSet(set, nowIso())
    await applyChangeSet(db, applied)
    setHistory(direction === 'undo' ? afterUndo(history, applied) : afterRedo(history, applied))
    notify('info', `${direction === 'undo' ? 'Undid' : 'Redid'}: ${set.label}.`)
  } catch (error) {
    if (error instanceof ChangeConflictError || error instanceof MissingReferenceError) {
      setHistory(direction === 'undo' ? dropUndo(history) : dropRedo(history))
      const why = error instanceof ChangeConflictError ? 'its records were changed since' : error.message.replace(/\.$/, '')
      notify('warning', `Could not ${direction} “${set.label}”: ${why}. Nothing was changed; that step was removed from the history.`)
    } else {
      notify('error', describeStorageError(error, direction))
    }
  } finally {
    busy = false
  }
}

export const undoTagging = (): Promise<void> => step('undo')
export const redoTagging = (): Promise<void> => step('redo')

/**
 * Hooks the app's undo and redo commands (menu, Ctrl+Z, Ctrl+Y) while a tagging screen is
 * open. In a text field they stay the field's own undo: the shell handles that.
 */
export function useTaggingUndoCommands(): void {
  useCommand('undo', () => {
    if (isTypingTarget(document.activeElement)) return
    void undoTagging()
    return true
  })
  useCommand('redo', () => {
    if (isTypingTarget(document.activeElement)) return
    void redoTagging()
    return true
  })
}

/**
 * Runs a write, records it for undo and reports failures in words: what went wrong and that
 * nothing was written. Returns the result, or undefined when it failed.
 */
export async function performTagging<T extends { set: ChangeSet } | ChangeSet>(what: string, write: () => Promise<T>): Promise<T | undefined> {
  try {
    const result = await write()
    recordTaggingAction('set' in result ? result.set : result)
    return result
  } catch (error) {
    if (isStorageError(error) || !(error instanceof Error)) notify('error', describeStorageError(error, what))
    else notify('error', `Could not ${what}: ${error.message.replace(/\.?$/, '.')} Nothing was changed.`)
    return undefined
  }
}
