import { defaultCoder } from '../../domain/coding/coders'
import { nowIso, type Coder } from '../../domain/model'
import { CURRENT_CODER } from '../../domain/settings'
import type { StandpointDB } from '../database'
import { readSetting, writeSetting } from './settings'

export async function listCoders(db: StandpointDB): Promise<Coder[]> {
  return db.coders.orderBy('name').toArray()
}

/**
 * Who is coding on this machine, for stamping claims and mentions. When nobody is yet, the
 * workspace's earliest lead (else its earliest coder) becomes the current coder; a workspace
 * with no coder at all gets its first, "Coder 1", as lead. Runs in the caller's transaction
 * when there is one (it must include coders and settings), so the coder and the work it stamps
 * land together.
 */
export async function currentCoder(db: StandpointDB): Promise<Coder> {
  return db.transaction('rw', [db.coders, db.settings], async () => {
    const id = await readSetting(db, CURRENT_CODER)
    const stored = id === null ? undefined : await db.coders.get(id)
    if (stored) return stored
    const coders = await db.coders.toArray()
    const byAge = (a: Coder, b: Coder): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1)
    let coder = coders.filter((candidate) => candidate.role === 'lead').sort(byAge)[0] ?? coders.sort(byAge)[0]
    if (!coder) {
      coder = defaultCoder(nowIso())
      await db.coders.add(coder)
    }
    await writeSetting(db, CURRENT_CODER, coder.id)
    return coder
  })
}
