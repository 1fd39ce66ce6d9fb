import type { Id } from '../../domain/model'
import type { StandpointDB } from '../database'
import type { ActorUsage } from '../repositories/actors'
import { followKeyCounts } from './keyCounts'

// The Actors screen's usage column (claims and mentions per actor), live: both counts follow
// the change journal (keyCounts.ts), so saving a claim moves one count instead of reading the
// claims' and mentions' actor index again.

/** Claims and mentions per actor, in one map (actors with neither are absent). */
export function combineUsage(claims: ReadonlyMap<Id, number>, mentions: ReadonlyMap<Id, number>): Map<Id, ActorUsage> {
  const usage = new Map<Id, ActorUsage>()
  for (const [id, count] of claims) usage.set(id, { claims: count, mentions: 0 })
  for (const [id, count] of mentions) {
    const entry = usage.get(id)
    if (entry) entry.mentions = count
    else usage.set(id, { claims: 0, mentions: count })
  }
  return usage
}

/**
 * Calls `onUsage` with every actor's usage once both counts are read, and after every write
 * that moves one. Returns the function that stops following.
 */
export function followActorUsage(db: StandpointDB, onUsage: (usage: Map<Id, ActorUsage>) => void, onError: (error: unknown) => void): () => void {
  let claims: ReadonlyMap<Id, number> | null = null
  let mentions: ReadonlyMap<Id, number> | null = null
  const publish = (): void => {
    if (claims && mentions) onUsage(combineUsage(claims, mentions))
  }
  const stopClaims = followKeyCounts(
    db,
    'claims',
    'actorId',
    (counts) => {
      claims = counts
      publish()
    },
    onError,
  )
  const stopMentions = followKeyCounts(
    db,
    'mentions',
    'actorId',
    (counts) => {
      mentions = counts
      publish()
    },
    onError,
  )
  return () => {
    stopClaims()
    stopMentions()
  }
}
