import { DEFAULT_ACTOR_KINDS, type ActorKind } from './model'

// Actor kinds are free text. The workspace keeps an editable list of them (settings
// `actorKinds`; the defaults until the analyst edits it), and every kind an actor already has
// is offered too, so a kind that came with an import or a merge is never hidden.

/** Kinds compare trimmed and without regard to case: "Party" and "party " are one kind. */
export function actorKindKey(kind: string): string {
  return kind.trim().toLowerCase()
}

/**
 * The kinds to offer: the stored list (the defaults when there is none) in its order, then
 * every other kind in use, alphabetically. Blank kinds and case variants of one kind appear once,
 * as first spelt.
 */
export function listActorKinds(stored: readonly string[] | null, inUse: Iterable<ActorKind>): ActorKind[] {
  const seen = new Set<string>()
  const result: ActorKind[] = []
  const add = (kind: string): void => {
    const key = actorKindKey(kind)
    if (key === '' || seen.has(key)) return
    seen.add(key)
    result.push(kind.trim())
  }
  for (const kind of stored ?? DEFAULT_ACTOR_KINDS) add(kind)
  const extra = [...inUse].filter((kind) => !seen.has(actorKindKey(kind)))
  extra.sort((a, b) => a.localeCompare(b))
  for (const kind of extra) add(kind)
  return result
}
