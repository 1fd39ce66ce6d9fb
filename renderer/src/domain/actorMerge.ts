import { uniqueNames } from './actorMatching'
import { deleteEdit, putEdit, type RecordEdit } from './changeHistory'
import type { Actor, Attributes, Claim, Id, Mention } from './model'

// Merging duplicate actors: the survivor keeps its name and kind, takes every other name and
// alias as an alias, and becomes the claimant, addressee or mentioned actor wherever one of the
// absorbed actors was. Pure: it returns the edits; db/ writes them in one transaction.

export interface MergeInput {
  survivor: Actor
  absorbed: readonly Actor[]
  /** Every claim whose claimant or addressee is one of the absorbed actors. */
  claims: readonly Claim[]
  /** Every mention of an absorbed actor, and the survivor's own mentions (to spot doubles). */
  mentions: readonly Mention[]
  now: string
  /** The coder making the merge, recorded as the editor of what changes. */
  by?: Id
}

export interface MergePlan {
  survivor: Actor
  edits: RecordEdit[]
  movedClaims: number
  movedMentions: number
  /** Mentions that would have become exact doubles of a survivor's mention, dropped. */
  droppedMentions: number
}

export function mergedAliases(survivor: Actor, absorbed: readonly Actor[]): string[] {
  return uniqueNames(
    [...survivor.aliases, ...absorbed.flatMap((actor) => [actor.name, ...actor.aliases])],
    [survivor.name],
  )
}

function mergedNotes(survivor: Actor, absorbed: readonly Actor[]): string {
  const parts = [survivor.notes.trim()]
  for (const actor of absorbed) {
    if (actor.notes.trim() !== '') parts.push(`From “${actor.name}”: ${actor.notes.trim()}`)
  }
  return parts.filter((part) => part !== '').join('\n\n')
}

/**
 * The survivor's attributes with every absorbed actor's values added: keys match without regard
 * to case (the survivor's spelling, else the first met), values without repeats.
 */
export function mergedAttributes(survivor: Actor, absorbed: readonly Actor[]): Attributes {
  // A Map, then fromEntries: an attribute named "__proto__" stays an attribute.
  const byKey = new Map<string, [string, string[]]>()
  for (const actor of [survivor, ...absorbed]) {
    for (const [key, values] of Object.entries(actor.attributes ?? {})) {
      const folded = key.trim().toLowerCase()
      let entry = byKey.get(folded)
      if (entry === undefined) byKey.set(folded, (entry = [key, []]))
      for (const value of values) if (!entry[1].includes(value)) entry[1].push(value)
    }
  }
  return Object.fromEntries(byKey.values())
}

export function planActorMerge({ survivor, absorbed, claims, mentions, now, by: updatedBy = '' }: MergeInput): MergePlan {
  const others = absorbed.filter((actor) => actor.id !== survivor.id)
  if (others.length === 0) throw new Error('Choose at least one other actor to merge into the survivor.')
  const absorbedIds = new Set<Id>(others.map((actor) => actor.id))
  const merged: Actor = {
    ...survivor,
    aliases: mergedAliases(survivor, others),
    notes: mergedNotes(survivor, others),
    attributes: mergedAttributes(survivor, others),
    updatedAt: now,
    updatedBy,
  }
  const edits: RecordEdit[] = [putEdit('actors', merged)]

  let movedClaims = 0
  for (const claim of claims) {
    const actorMoves = absorbedIds.has(claim.actorId)
    const addresseeMoves = claim.addresseeId !== null && absorbedIds.has(claim.addresseeId)
    if (!actorMoves && !addresseeMoves) continue
    movedClaims++
    edits.push(
      putEdit('claims', {
        ...claim,
        actorId: actorMoves ? survivor.id : claim.actorId,
        addresseeId: addresseeMoves ? survivor.id : claim.addresseeId,
        updatedAt: now,
        updatedBy,
      }),
    )
  }

  // Two mentions of the same words by what is now one actor say the same thing once.
  const spanKey = (mention: Mention): string => `${mention.articleId}:${mention.anchor.start}:${mention.anchor.end}`
  const survivorSpans = new Set(mentions.filter((mention) => mention.actorId === survivor.id).map(spanKey))
  let movedMentions = 0
  let droppedMentions = 0
  for (const mention of mentions) {
    if (!absorbedIds.has(mention.actorId)) continue
    const key = spanKey(mention)
    if (survivorSpans.has(key)) {
      droppedMentions++
      edits.push(deleteEdit('mentions', mention.id))
      continue
    }
    survivorSpans.add(key)
    movedMentions++
    edits.push(putEdit('mentions', { ...mention, actorId: survivor.id, updatedAt: now, updatedBy }))
  }

  for (const actor of others) edits.push(deleteEdit('actors', actor.id))
  return { survivor: merged, edits, movedClaims, movedMentions, droppedMentions }
}
