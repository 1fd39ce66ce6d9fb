import { claimVisibility } from '../../domain/coding/visibility'
import type { QdaExportInput } from '../../domain/interop/mapping/toQda'
import type { Coder } from '../../domain/model'
import { CURRENT_CODER } from '../../domain/settings'
import type { StandpointDB } from '../database'
import { readSetting } from '../repositories/settings'

/**
 * The workspace as a REFI-QDA export takes it, read consistently: claims and mentions the
 * current coder may see (blind assignments hide the others' work on their articles).
 */
export async function readWorkspaceForQda(db: StandpointDB): Promise<Omit<QdaExportInput, 'projectName' | 'origin' | 'now'>> {
  return db.transaction('r', [db.articles, db.actors, db.issues, db.claims, db.mentions, db.coders, db.assignments, db.settings], async () => {
    const [articles, actors, issues, claims, mentions, coders, assignments, currentId] = await Promise.all([
      db.articles.toArray(),
      db.actors.toArray(),
      db.issues.toArray(),
      db.claims.toArray(),
      db.mentions.toArray(),
      db.coders.toArray(),
      db.assignments.toArray(),
      readSetting(db, CURRENT_CODER),
    ])
    const viewer: Coder | null = coders.find((coder) => coder.id === currentId) ?? null
    const visible = claimVisibility(viewer, assignments)
    return { articles, actors, issues, claims: claims.filter(visible), mentions: mentions.filter(visible), coders, currentCoderId: viewer?.id ?? null }
  })
}

/** The codebook alone: issues and actors, for a .qdc. */
export async function readCodebookForQda(db: StandpointDB): Promise<Pick<QdaExportInput, 'issues' | 'actors'>> {
  return db.transaction('r', [db.issues, db.actors], async () => {
    const [issues, actors] = await Promise.all([db.issues.toArray(), db.actors.toArray()])
    return { issues, actors }
  })
}
