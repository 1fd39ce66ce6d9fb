import { actorKindKey } from './actorKinds'
import { addAttributeValues, removeAttributeValues, sameAttributes, setAttribute } from './attributes'
import type { Actor, ActorKind, Attributes } from './model'

// Editing many actors at once (the Actors screen's "Edit selected…"), and the changes an edit
// of the list of kinds makes to the actors of a kind. Pure: each returns the actors that
// actually change, which db/ writes as one change set (one undo).

export const ATTRIBUTE_EDIT_MODES = ['add', 'set', 'remove', 'clear'] as const
export type AttributeEditMode = (typeof ATTRIBUTE_EDIT_MODES)[number]

export const ATTRIBUTE_EDIT_LABELS: Record<AttributeEditMode, string> = {
  add: 'Add these values',
  set: 'Replace the values with these',
  remove: 'Remove these values',
  clear: 'Remove the attribute',
}

export interface AttributeEdit {
  key: string
  mode: AttributeEditMode
  values: readonly string[]
}

export interface ActorBulkEdit {
  /** The kind every selected actor gets; undefined leaves kinds alone. */
  kind?: ActorKind
  attributes?: readonly AttributeEdit[]
}

export function editAttributes(attributes: Attributes, edit: AttributeEdit): Attributes {
  switch (edit.mode) {
    case 'add':
      return addAttributeValues(attributes, edit.key, edit.values)
    case 'set':
      return setAttribute(attributes, edit.key, edit.values)
    case 'remove':
      return removeAttributeValues(attributes, edit.key, edit.values)
    case 'clear':
      return setAttribute(attributes, edit.key, [])
  }
}

/** The edited actors that differ from what they were (stamped with `now` and `by`). */
export function planActorBulkEdit(actors: readonly Actor[], edit: ActorBulkEdit, now: string, by: string): Actor[] {
  const changed: Actor[] = []
  const kind = edit.kind?.trim().replace(/\s+/g, ' ')
  for (const actor of actors) {
    let attributes = actor.attributes ?? {}
    for (const change of edit.attributes ?? []) if (change.key.trim() !== '') attributes = editAttributes(attributes, change)
    const nextKind = kind ? kind : actor.kind
    if (nextKind === actor.kind && sameAttributes(attributes, actor.attributes ?? {}) && Object.keys(attributes).length === Object.keys(actor.attributes ?? {}).length) continue
    changed.push({ ...actor, kind: nextKind, attributes, updatedAt: now, updatedBy: by })
  }
  return changed
}

/** Actors of kind `from` (any case) moved to kind `to`. */
export function planKindChange(actors: readonly Actor[], from: ActorKind, to: ActorKind, now: string, by: string): Actor[] {
  const key = actorKindKey(from)
  const target = to.trim().replace(/\s+/g, ' ')
  return actors.filter((actor) => actorKindKey(actor.kind) === key && actor.kind !== target).map((actor) => ({ ...actor, kind: target, updatedAt: now, updatedBy: by }))
}

/** The list of kinds with one renamed in place (or removed, when `to` is null), other entries kept. */
export function renameInKindList(list: readonly ActorKind[], from: ActorKind, to: ActorKind | null): ActorKind[] {
  const key = actorKindKey(from)
  const result: ActorKind[] = []
  for (const kind of list) {
    if (actorKindKey(kind) !== key) {
      if (to === null || actorKindKey(kind) !== actorKindKey(to)) result.push(kind)
      continue
    }
    if (to !== null) result.push(to.trim().replace(/\s+/g, ' '))
  }
  if (to !== null && !result.some((kind) => actorKindKey(kind) === actorKindKey(to))) result.push(to.trim().replace(/\s+/g, ' '))
  return result
}
