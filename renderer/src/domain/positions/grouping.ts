import { actorKindKey } from '../actorKinds'
import { topLevelOf, type CodebookTree } from '../codebook/tree'
import type { Actor, Id } from '../model'
import { compareText } from '../text/compare'

// Which rows a claim counts in. A row is a group of actors (one actor, a kind, or every actor
// sharing an attribute value such as a party) and an issue (as coded, or its top-level issue).
// A claim counts once in each row it belongs to: once per issue it carries (its top-level
// issue once however many of its children it carries) and once per group its actor belongs to
// (an actor in two coalitions counts in both).

export type GroupBy = { kind: 'actor' } | { kind: 'kind' } | { kind: 'attribute'; name: string }

export const GROUP_BY_ACTOR: GroupBy = { kind: 'actor' }

export const ISSUE_LEVELS = ['coded', 'top'] as const
export type IssueLevel = (typeof ISSUE_LEVELS)[number]

export const ISSUE_LEVEL_LABELS: Readonly<Record<IssueLevel, string>> = {
  coded: 'As coded',
  top: 'Top level',
}

/** The group of actors with no value for the attribute (or no kind): they still count, in a row of their own. */
export const NO_VALUE = '\u0000none'

/** Attribute names and values compare trimmed and without regard to case: "Party" and "party " are one. */
export function attributeKey(value: string): string {
  return value.trim().toLowerCase()
}

/** An actor's values for an attribute (name matched without regard to case), blank ones left out. */
export function attributeValues(actor: Pick<Actor, 'attributes'>, name: string): string[] {
  const wanted = attributeKey(name)
  const values: string[] = []
  const attributes = actor.attributes ?? {}
  for (const key of Object.keys(attributes)) {
    if (attributeKey(key) !== wanted) continue
    const list = attributes[key]
    if (!Array.isArray(list)) continue
    for (const value of list) if (typeof value === 'string' && value.trim() !== '') values.push(value.trim())
  }
  return values
}

/**
 * The groups an actor's claims count in, as keys: its id, its kind, or each distinct value of
 * the attribute. An actor no longer in the workspace is its own group by actor, and has no kind
 * or attribute.
 */
export function groupKeysOf(actor: Actor | undefined, actorId: Id, groupBy: GroupBy): string[] {
  switch (groupBy.kind) {
    case 'actor':
      return [actorId]
    case 'kind': {
      const key = actor ? actorKindKey(actor.kind) : ''
      return [key === '' ? NO_VALUE : key]
    }
    case 'attribute': {
      if (!actor) return [NO_VALUE]
      const values = attributeValues(actor, groupBy.name)
      if (values.length === 0) return [NO_VALUE]
      if (values.length === 1) return [attributeKey(values[0]!)]
      return [...new Set(values.map(attributeKey))]
    }
  }
}

/** The attribute names in use across the actors, each once (as most often spelt), A→Z. */
export function attributeNames(actors: Iterable<Actor>): string[] {
  const spellings = new Map<string, Map<string, number>>()
  for (const actor of actors) {
    for (const name of Object.keys(actor.attributes ?? {})) {
      const key = attributeKey(name)
      if (key === '') continue
      let counts = spellings.get(key)
      if (!counts) spellings.set(key, (counts = new Map<string, number>()))
      counts.set(name.trim(), (counts.get(name.trim()) ?? 0) + 1)
    }
  }
  return [...spellings.values()].map(mostCommon).sort(compareText)
}

function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = -1
  for (const [spelling, count] of counts) {
    if (count > bestCount || (count === bestCount && compareText(spelling, best) < 0)) {
      best = spelling
      bestCount = count
    }
  }
  return best
}

/**
 * Labels for the group keys of a grouping: an actor's name (by actor), a kind as first spelt
 * among the actors, an attribute value as most often spelt. NO_VALUE reads "(no kind)",
 * "(no party)". Keys of actors grouped by actor are not listed (the row uses the actor's name).
 */
export function groupLabels(actors: Iterable<Actor>, groupBy: GroupBy): Map<string, string> {
  const labels = new Map<string, string>()
  if (groupBy.kind === 'actor') return labels
  const spellings = new Map<string, Map<string, number>>()
  const count = (value: string): void => {
    const key = attributeKey(value)
    let counts = spellings.get(key)
    if (!counts) spellings.set(key, (counts = new Map<string, number>()))
    counts.set(value.trim(), (counts.get(value.trim()) ?? 0) + 1)
  }
  for (const actor of actors) {
    if (groupBy.kind === 'kind') {
      if (actor.kind.trim() !== '') count(actor.kind)
    } else for (const value of attributeValues(actor, groupBy.name)) count(value)
  }
  for (const [key, counts] of spellings) labels.set(key, mostCommon(counts))
  labels.set(NO_VALUE, groupBy.kind === 'kind' ? '(no kind)' : `(no ${groupBy.name.trim() || 'value'})`)
  return labels
}

export interface IssueKeying {
  level: IssueLevel
  /** Only these issues count (an issue filter with its subtree); null: all. */
  only: ReadonlySet<Id> | null
  /** Every counted issue of a claim is this one (one row per group for the chosen issue). */
  collapseTo: Id | null
  tree: CodebookTree
}

/**
 * The issues a claim counts under: its issues (those the filter keeps), at the chosen level,
 * each once. With collapseTo, the claim counts once under that issue if it carries any.
 */
export function issueKeysOf(issueIds: readonly Id[], keying: IssueKeying): Id[] {
  let ids = issueIds
  if (keying.only !== null) {
    const only = keying.only
    ids = ids.filter((id) => only.has(id))
  }
  if (ids.length === 0) return []
  if (keying.collapseTo !== null) return [keying.collapseTo]
  if (keying.level === 'top') {
    if (ids.length === 1) return [topLevelOf(keying.tree, ids[0]!)]
    return [...new Set(ids.map((id) => topLevelOf(keying.tree, id)))]
  }
  return ids.length === 1 ? [ids[0]!] : [...new Set(ids)]
}
