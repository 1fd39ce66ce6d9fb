import { newId, nowIso, type Assignment, type Id } from '../../domain/model'
import type { StandpointDB } from '../database'
import { currentCoder } from '../repositories/coders'

// Assignments: articles that several coders code independently, blind or not. Only a lead
// makes and changes them (the person at this machine, as chosen in the status bar).

export async function listAssignments(db: StandpointDB): Promise<Assignment[]> {
  return (await db.assignments.toArray()).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
}

export interface AssignmentFields {
  name: string
  articleIds: readonly Id[]
  coderIds: readonly Id[]
  blind: boolean
}

export class AssignmentError extends Error {
  override name = 'AssignmentError'
}

/** Creates (no id) or changes an assignment, as the current coder, who must be a lead. */
export async function saveAssignment(db: StandpointDB, fields: AssignmentFields, id?: Id): Promise<Assignment> {
  return db.transaction('rw', [db.assignments, db.coders, db.settings, db.articles], async () => {
    const lead = await currentCoder(db)
    if (lead.role !== 'lead') throw new AssignmentError(`Only a lead makes assignments; ${lead.name} is a coder. A lead can change roles under Coders…`)
    const name = fields.name.trim().replace(/\s+/g, ' ')
    if (name === '') throw new AssignmentError('An assignment needs a name.')
    const articleIds = [...new Set(fields.articleIds)]
    if (articleIds.length === 0) throw new AssignmentError('Choose at least one article.')
    const coderIds = [...new Set(fields.coderIds)]
    if (coderIds.length === 0) throw new AssignmentError('Choose at least one coder.')
    const coders = await db.coders.bulkGet(coderIds)
    if (coders.some((coder) => !coder)) throw new AssignmentError('One of the chosen coders is no longer in the workspace.')
    const articles = await db.articles.bulkGet(articleIds)
    if (articles.some((article) => !article)) throw new AssignmentError('One of the chosen articles is no longer in the workspace.')
    const now = nowIso()
    const existing = id ? await db.assignments.get(id) : undefined
    if (id && !existing) throw new AssignmentError('This assignment is no longer in the workspace.')
    const assignment: Assignment = {
      id: existing?.id ?? newId(),
      name,
      articleIds,
      coderIds,
      blind: fields.blind,
      createdBy: existing?.createdBy ?? lead.id,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      updatedBy: lead.id,
    }
    await db.assignments.put(assignment)
    return assignment
  })
}

export async function deleteAssignment(db: StandpointDB, id: Id): Promise<void> {
  await db.transaction('rw', [db.assignments, db.coders, db.settings], async () => {
    const lead = await currentCoder(db)
    if (lead.role !== 'lead') throw new AssignmentError('Only a lead deletes assignments.')
    await db.assignments.delete(id)
  })
}
