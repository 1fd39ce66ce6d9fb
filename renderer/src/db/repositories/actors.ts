import { planActorBulkEdit, planKindChange, renameInKindList, type ActorBulkEdit } from '../../domain/actorBulkEdit'
import { actorKindKey, listActorKinds } from '../../domain/actorKinds'
import { uniqueNames } from '../../domain/actorMatching'
import { planActorMerge, type MergePlan } from '../../domain/actorMerge'
import { putEdit, type ChangeSet } from '../../domain/changeHistory'
import { nowIso, type Actor, type ActorKind, type Claim, type Id, type Mention } from '../../domain/model'
import { planActorDeletion, type ClaimDisposition, type DeletionPlan } from '../../domain/recordDeletion'
import { ACTOR_KINDS } from '../../domain/settings'
import { foldText } from '../../domain/text/folding'
import type { StandpointDB } from '../database'
import { currentCoder } from './coders'
import { editTables, writeEdits } from './recordChanges'
import { readSetting, writeSetting } from './settings'

export async function listActors(db: StandpointDB): Promise<Actor[]> {
  return db.actors.orderBy('name').toArray()
}

/** The actor kinds to offer: the workspace's list (or the defaults) and every kind in use. */
export async function actorKindList(db: StandpointDB): Promise<ActorKind[]> {
  return db.transaction('r', [db.actors, db.settings], async () => {
    return listActorKinds(await readSetting(db, ACTOR_KINDS), await kindsInUse(db))
  })
}

export interface ActorUsage {
  claims: number
  mentions: number
}

export interface ActorReferences {
  /** Claims the actor makes. */
  claims: Claim[]
  /** Claims addressed to the actor by someone else. */
  addressed: Claim[]
  mentions: Mention[]
}

/** Everything that points at these actors. */
export async function actorReferences(db: StandpointDB, ids: readonly Id[]): Promise<ActorReferences> {
  const wanted = new Set(ids)
  const [claims, addressed, mentions] = await Promise.all([
    db.claims.where('actorId').anyOf([...ids]).toArray(),
    db.claims
      .where('addresseeId')
      .anyOf([...ids])
      .filter((claim) => !wanted.has(claim.actorId))
      .toArray(),
    db.mentions.where('actorId').anyOf([...ids]).toArray(),
  ])
  return { claims, addressed, mentions }
}

/** Keeps an actor's fields tidy: trimmed name and kind, aliases without doubles or the name itself. */
export function normaliseActor(actor: Actor): Actor {
  const name = actor.name.trim().replace(/\s+/g, ' ')
  return { ...actor, name, kind: actor.kind.trim().replace(/\s+/g, ' '), aliases: uniqueNames(actor.aliases, [name]), notes: actor.notes.trim() }
}

export async function createActor(db: StandpointDB, actor: Actor): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    const record = normaliseActor({ ...actor, updatedBy: (await currentCoder(db)).id })
    if (record.name === '') throw new Error('An actor needs a name.')
    if (record.kind === '') throw new Error('An actor needs a kind.')
    return writeEdits(db, `Create actor “${record.name}”`, [putEdit('actors', record)])
  })
}

/** Saves a renamed or re-described actor; the old name stays findable as an alias if asked. */
export async function updateActor(db: StandpointDB, actor: Actor, options: { keepOldNameAsAlias?: boolean } = {}): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    const stored = await db.actors.get(actor.id)
    if (!stored) throw new Error('This actor is no longer in the workspace.')
    let next = { ...actor, updatedAt: nowIso(), updatedBy: (await currentCoder(db)).id }
    if (options.keepOldNameAsAlias && foldText(stored.name) !== foldText(actor.name)) {
      next = { ...next, aliases: [...next.aliases, stored.name] }
    }
    next = normaliseActor(next)
    if (next.name === '') throw new Error('An actor needs a name.')
    if (next.kind === '') throw new Error('An actor needs a kind.')
    return writeEdits(db, `Edit actor “${next.name}”`, [putEdit('actors', next)])
  })
}

/** Merges the absorbed actors into the survivor in one transaction. */
export async function mergeActors(db: StandpointDB, survivorId: Id, absorbedIds: readonly Id[]): Promise<{ set: ChangeSet; plan: MergePlan }> {
  return db.transaction('rw', editTables(db), async () => {
    const survivor = await db.actors.get(survivorId)
    if (!survivor) throw new Error('The actor to keep is no longer in the workspace.')
    const ids = absorbedIds.filter((id) => id !== survivorId)
    const absorbed = (await db.actors.bulkGet(ids)).filter((actor): actor is Actor => actor !== undefined)
    if (absorbed.length !== ids.length) throw new Error('One of the actors to merge is no longer in the workspace.')
    const references = await actorReferences(db, ids)
    const survivorMentions = await db.mentions.where('actorId').equals(survivorId).toArray()
    const plan = planActorMerge({
      survivor,
      absorbed,
      claims: [...references.claims, ...references.addressed],
      mentions: [...references.mentions, ...survivorMentions],
      now: nowIso(),
      by: (await currentCoder(db)).id,
    })
    const names = absorbed.map((actor) => `“${actor.name}”`).join(', ')
    const set = await writeEdits(db, `Merge ${names} into “${survivor.name}”`, plan.edits)
    return { set, plan }
  })
}

/** Deletes an actor; its claims and mentions are reassigned or deleted as the user chose. */
export async function deleteActor(db: StandpointDB, actorId: Id, disposition: ClaimDisposition): Promise<{ set: ChangeSet; plan: DeletionPlan }> {
  return db.transaction('rw', editTables(db), async () => {
    const actor = await db.actors.get(actorId)
    if (!actor) throw new Error('This actor is no longer in the workspace.')
    if (disposition.kind === 'reassign' && !(await db.actors.get(disposition.to))) {
      throw new Error('The actor chosen to take over the claims is no longer in the workspace.')
    }
    const references = await actorReferences(db, [actorId])
    const plan = planActorDeletion({
      actor,
      claims: [...references.claims, ...references.addressed],
      mentions: references.mentions,
      disposition,
      now: nowIso(),
      by: (await currentCoder(db)).id,
    })
    const set = await writeEdits(db, `Delete actor “${actor.name}”`, plan.edits)
    return { set, plan }
  })
}

/** Sets kinds and attributes of many actors at once: one change set, one undo. */
export async function bulkEditActors(db: StandpointDB, ids: readonly Id[], edit: ActorBulkEdit): Promise<{ set: ChangeSet; changed: number }> {
  return db.transaction('rw', editTables(db), async () => {
    const actors = (await db.actors.bulkGet([...ids])).filter((actor): actor is Actor => actor !== undefined)
    if (actors.length === 0) throw new Error('None of the selected actors is still in the workspace.')
    const changed = planActorBulkEdit(actors, edit, nowIso(), (await currentCoder(db)).id)
    const set = await writeEdits(db, `Edit ${changed.length === 1 ? `actor “${changed[0]!.name}”` : `${changed.length} actors`}`, changed.map((actor) => putEdit('actors', actor)))
    return { set, changed: changed.length }
  })
}

/** The workspace's own list of kinds (the defaults until edited), without the kinds merely in use. */
async function storedKinds(db: StandpointDB): Promise<ActorKind[]> {
  return listActorKinds(await readSetting(db, ACTOR_KINDS), await kindsInUse(db))
}

/**
 * Every kind some actor has. Read in one request rather than with a cursor: Chromium's cursor
 * costs a round trip per record (0.7 s for 2,000 actors beside an opening screen's reads).
 */
async function kindsInUse(db: StandpointDB): Promise<Set<string>> {
  const kinds = new Set<string>()
  for (const actor of await db.actors.toArray()) kinds.add(actor.kind)
  return kinds
}

/** Adds a kind to the workspace's list. */
export async function addActorKind(db: StandpointDB, kind: ActorKind): Promise<void> {
  const name = kind.trim().replace(/\s+/g, ' ')
  if (name === '') throw new Error('A kind needs a name.')
  await db.transaction('rw', [db.actors, db.settings], async () => {
    const list = await storedKinds(db)
    if (list.some((existing) => actorKindKey(existing) === actorKindKey(name))) throw new Error(`There is already a kind “${name}”.`)
    await writeSetting(db, ACTOR_KINDS, [...list, name])
  })
}

/**
 * Renames a kind (its actors move with it; renaming onto another kind merges the two), or
 * removes it, moving its actors to `to`. The actors' change is one undo; the list follows.
 */
export async function changeActorKind(db: StandpointDB, from: ActorKind, to: ActorKind, mode: 'rename' | 'remove'): Promise<{ set: ChangeSet; moved: number }> {
  const target = to.trim().replace(/\s+/g, ' ')
  if (target === '') throw new Error(mode === 'rename' ? 'A kind needs a name.' : 'Choose the kind its actors move to.')
  return db.transaction('rw', editTables(db), async () => {
    const list = await storedKinds(db)
    const actors = await db.actors.toArray()
    const changed = planKindChange(actors, from, target, nowIso(), (await currentCoder(db)).id)
    const label = mode === 'rename' ? `Rename kind “${from}” to “${target}”` : `Remove kind “${from}”`
    const set = await writeEdits(db, label, changed.map((actor) => putEdit('actors', actor)))
    const next = mode === 'rename' ? renameInKindList(list, from, target) : renameInKindList(list, from, null)
    await writeSetting(db, ACTOR_KINDS, mode === 'remove' && !next.some((kind) => actorKindKey(kind) === actorKindKey(target)) ? [...next, target] : next)
    return { set, moved: changed.length }
  })
}
