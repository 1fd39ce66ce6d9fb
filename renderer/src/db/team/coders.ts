import { coderColor, newCoderRecord } from '../../domain/coding/coders'
import { nowIso, type Assignment, type Coder, type CoderRole, type Id } from '../../domain/model'
import { CURRENT_CODER } from '../../domain/settings'
import { CODER_CONFIRMED } from '../../domain/team/settings'
import { foldText } from '../../domain/text/folding'
import type { StandpointDB } from '../database'
import { readSetting, writeSetting } from '../repositories/settings'

// Who codes in the workspace, and who is coding at this machine.

export interface CoderState {
  coders: Coder[]
  /** The coder chosen on this machine; null before anyone is. */
  current: Coder | null
  /** The person here answered "who is coding?" (or chose a coder since). */
  confirmed: boolean
}

export async function readCoderState(db: StandpointDB): Promise<CoderState> {
  return db.transaction('r', [db.coders, db.settings], async () => {
    const coders = await db.coders.orderBy('name').toArray()
    const id = await readSetting(db, CURRENT_CODER)
    return { coders, current: coders.find((coder) => coder.id === id) ?? null, confirmed: await readSetting(db, CODER_CONFIRMED) }
  })
}

/** What blind coding needs to decide what the person here may see: who they are, and the assignments. */
export interface ViewerContext {
  viewer: Coder | null
  assignments: Assignment[]
}

export async function readViewerContext(db: StandpointDB): Promise<ViewerContext> {
  return db.transaction('r', [db.coders, db.assignments, db.settings], async () => {
    const id = await readSetting(db, CURRENT_CODER)
    const viewer = id === null ? null : ((await db.coders.get(id)) ?? null)
    return { viewer, assignments: await db.assignments.toArray() }
  })
}

export class CoderNameError extends Error {
  override name = 'CoderNameError'
}

export interface CoderFields {
  name: string
  color: string
  role: CoderRole
}

async function checkName(db: StandpointDB, name: string, ownId: Id | null): Promise<string> {
  const clean = name.trim().replace(/\s+/g, ' ')
  if (clean === '') throw new CoderNameError('A coder needs a name.')
  const folded = foldText(clean)
  const clash = (await db.coders.toArray()).find((coder) => coder.id !== ownId && foldText(coder.name) === folded)
  if (clash) throw new CoderNameError(`There is already a coder called “${clash.name}”.`)
  return clean
}

function checkColor(color: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new CoderNameError('A coder’s colour must be written #rrggbb.')
  return color.toLowerCase()
}

/**
 * Roles decide who sees through blind coding, so only a lead gives them (or anyone, while nobody
 * here has said who they are: the first person sets the workspace up). Without a server this is
 * a guard against slips, not against someone set on reading others' coding.
 */
async function checkMayGiveRoles(db: StandpointDB): Promise<void> {
  const id = await readSetting(db, CURRENT_CODER)
  const here = id === null ? undefined : await db.coders.get(id)
  if (here && here.role !== 'lead') throw new CoderNameError(`Only a lead gives roles; ${here.name} is a coder.`)
}

/** A new coder; the colour defaults to the next one of the palette. */
export async function addCoder(db: StandpointDB, fields: Partial<CoderFields> & { name: string }): Promise<Coder> {
  return db.transaction('rw', [db.coders, db.settings], async () => {
    const name = await checkName(db, fields.name, null)
    const count = await db.coders.count()
    if (fields.role === 'lead' && count > 0) await checkMayGiveRoles(db)
    const coder = newCoderRecord({ name, role: fields.role ?? (count === 0 ? 'lead' : 'coder'), color: checkColor(fields.color ?? coderColor(count)) }, nowIso())
    await db.coders.add(coder)
    return coder
  })
}

export async function updateCoder(db: StandpointDB, id: Id, fields: Partial<CoderFields>): Promise<Coder> {
  return db.transaction('rw', [db.coders, db.settings], async () => {
    const coder = await db.coders.get(id)
    if (!coder) throw new Error('This coder is no longer in the workspace.')
    if (fields.role !== undefined && fields.role !== coder.role) await checkMayGiveRoles(db)
    const next: Coder = {
      ...coder,
      name: fields.name === undefined ? coder.name : await checkName(db, fields.name, id),
      color: fields.color === undefined ? coder.color : checkColor(fields.color),
      role: fields.role ?? coder.role,
      updatedAt: nowIso(),
    }
    if (next.role !== 'lead' && coder.role === 'lead' && !(await db.coders.toArray()).some((other) => other.id !== id && other.role === 'lead')) {
      throw new CoderNameError('The workspace needs at least one lead: make someone else lead first.')
    }
    await db.coders.put(next)
    return next
  })
}

/** The person at this machine is `id` from now on. */
export async function chooseCurrentCoder(db: StandpointDB, id: Id): Promise<void> {
  await db.transaction('rw', [db.coders, db.settings], async () => {
    if (!(await db.coders.get(id))) throw new Error('This coder is no longer in the workspace.')
    await writeSetting(db, CURRENT_CODER, id)
    await writeSetting(db, CODER_CONFIRMED, true)
  })
}

/** How many claims and mentions each coder coded (adjudicated claims count as their adjudicator's). */
export async function codingCounts(db: StandpointDB): Promise<Map<Id, { claims: number; mentions: number }>> {
  return db.transaction('r', [db.coders, db.claims, db.mentions], async () => {
    const counts = new Map<Id, { claims: number; mentions: number }>()
    for (const coder of await db.coders.toArray()) {
      const [claims, mentions] = await Promise.all([db.claims.where('coderId').equals(coder.id).count(), db.mentions.where('coderId').equals(coder.id).count()])
      counts.set(coder.id, { claims, mentions })
    }
    return counts
  })
}
