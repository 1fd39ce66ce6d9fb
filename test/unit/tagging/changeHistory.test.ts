import { describe, expect, it } from 'vitest'
import {
  afterRedo,
  afterUndo,
  canRedo,
  canUndo,
  dropUndo,
  emptyHistory,
  findConflicts,
  invertChangeSet,
  nextRedo,
  nextUndo,
  recordAction,
  type ChangeSet,
} from '../../../renderer/src/domain/changeHistory'
import { actor, claim } from './fixtures'

const created: ChangeSet = { label: 'Tag claim', changes: [{ table: 'claims', id: 'c1', before: null, after: claim('c1', 'a', 'i') }] }
const renamed: ChangeSet = {
  label: 'Edit actor',
  changes: [{ table: 'actors', id: 'a', before: actor('a', 'Old'), after: actor('a', 'New', [], { updatedAt: '2025-01-02T00:00:00.000Z' }) }],
}

describe('change sets', () => {
  it('invert: a creation undoes as a deletion, a deletion as a restore with a fresh updatedAt', () => {
    const undo = invertChangeSet(created, 'NOW')
    expect(undo.changes[0]).toMatchObject({ before: created.changes[0]!.after, after: null })
    const redo = invertChangeSet(undo, 'LATER')
    expect(redo.changes[0]!.after).toMatchObject({ id: 'c1', updatedAt: 'LATER' })
    expect(redo.changes[0]!.before).toBeNull()
  })

  it('inverts multi-record sets in reverse order', () => {
    const set: ChangeSet = {
      label: 'Tag claim with new actor',
      changes: [
        { table: 'actors', id: 'a', before: null, after: actor('a', 'A') },
        { table: 'claims', id: 'c1', before: null, after: claim('c1', 'a', 'i') },
      ],
    }
    expect(invertChangeSet(set, 'NOW').changes.map((change) => change.table)).toEqual(['claims', 'actors'])
  })

  it('finds conflicts when a record changed since, or appeared or vanished', () => {
    const undo = invertChangeSet(renamed, 'NOW')
    expect(findConflicts(undo, [renamed.changes[0]!.after])).toEqual([])
    expect(findConflicts(undo, [actor('a', 'Edited elsewhere', [], { updatedAt: '2025-03-03T00:00:00.000Z' })])).toHaveLength(1)
    expect(findConflicts(undo, [actor('a', 'New', ['added alias'], { updatedAt: '2025-01-02T00:00:00.000Z' })])).toHaveLength(1)
    expect(findConflicts(undo, [undefined])).toHaveLength(1)
    expect(findConflicts(created, [claim('c1', 'a', 'i')])).toHaveLength(1)
  })
})

describe('history', () => {
  it('undoes a chain of actions on one record although each undo re-stamps it', () => {
    const v1 = claim('c1', 'a', 'i', { stance: 1, updatedAt: 'T1' })
    const v2 = claim('c1', 'a', 'i', { stance: -2, updatedAt: 'T2' })
    const edit: ChangeSet = { label: 'Edit claim', changes: [{ table: 'claims', id: 'c1', before: v1, after: v2 }] }
    const remove: ChangeSet = { label: 'Delete claim', changes: [{ table: 'claims', id: 'c1', before: v2, after: null }] }
    // Undo the deletion: the claim comes back as v2 with a new stamp.
    const restore = invertChangeSet(remove, 'T3')
    const restored = restore.changes[0]!.after
    expect(restored).toMatchObject({ stance: -2, updatedAt: 'T3' })
    // Undoing the edit next finds "its" v2, re-stamped: no conflict.
    expect(findConflicts(invertChangeSet(edit, 'T4'), [restored])).toEqual([])
  })

  it('undo then redo walks the stacks; a new action clears redo', () => {
    let history = recordAction(recordAction(emptyHistory(), created), renamed)
    expect(canUndo(history)).toBe(true)
    expect(nextUndo(history)).toBe(renamed)

    const undoRenamed = invertChangeSet(nextUndo(history)!, 'T1')
    history = afterUndo(history, undoRenamed)
    expect(nextUndo(history)).toBe(created)
    expect(nextRedo(history)).toBe(undoRenamed)

    const redoRenamed = invertChangeSet(nextRedo(history)!, 'T2')
    history = afterRedo(history, redoRenamed)
    expect(canRedo(history)).toBe(false)
    expect(nextUndo(history)!.changes[0]!.after).toMatchObject({ name: 'New', updatedAt: 'T2' })

    history = afterUndo(history, invertChangeSet(nextUndo(history)!, 'T3'))
    expect(canRedo(history)).toBe(true)
    history = recordAction(history, created)
    expect(canRedo(history)).toBe(false)
  })

  it('keeps at most `limit` actions and ignores empty ones', () => {
    let history = emptyHistory(3)
    for (let index = 0; index < 5; index++) history = recordAction(history, { label: `#${index}`, changes: created.changes })
    expect(history.done.map((set) => set.label)).toEqual(['#2', '#3', '#4'])
    expect(recordAction(history, { label: 'nothing', changes: [] })).toBe(history)
  })

  it('drops an action that can no longer be undone', () => {
    const history = dropUndo(recordAction(emptyHistory(), created))
    expect(canUndo(history)).toBe(false)
  })
})
