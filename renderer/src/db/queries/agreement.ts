import { isAdjudicated } from '../../domain/coding/claimSet'
import { claimVisibility } from '../../domain/coding/visibility'
import type { Actor, Article, Assignment, Claim, Coder, Id, Issue } from '../../domain/model'
import { REJECTED_UNITS } from '../../domain/team/settings'
import { CURRENT_CODER } from '../../domain/settings'
import type { StandpointDB } from '../database'
import { readSetting } from '../repositories/settings'

// What the Agreement screen reads: one assignment's articles and every claim on them, with the
// names it shows, in one read transaction.

export interface AgreementArticleInfo {
  id: Id
  title: string
  publishedAt: string
  /** Characters of the body: the continuum u-alpha measures. */
  length: number
}

export interface AgreementSource {
  assignments: Assignment[]
  coders: Coder[]
  viewer: Coder | null
  /** The chosen assignment; the latest one when none is chosen or the chosen one was deleted; null when there is none. */
  assignment: Assignment | null
  articles: AgreementArticleInfo[]
  /** Coded claims on the assignment's articles that the viewer may see (adjudicated ones apart). */
  claims: Claim[]
  /** Adjudicated claims on those articles. */
  adjudicated: Claim[]
  /** Every claim that blind coding hides from the viewer here: the screen says so. */
  hiddenClaims: number
  actors: Map<Id, Actor>
  issues: Map<Id, Issue>
  rejectedUnits: Set<string>
}

export async function readAgreementSource(db: StandpointDB, assignmentId: Id | null): Promise<AgreementSource> {
  return db.transaction('r', [db.assignments, db.coders, db.settings, db.articles, db.claims, db.actors, db.issues], async () => {
    const [assignments, coders, viewerId] = await Promise.all([db.assignments.toArray(), db.coders.orderBy('name').toArray(), readSetting(db, CURRENT_CODER)])
    assignments.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
    const viewer = coders.find((coder) => coder.id === viewerId) ?? null
    const assignment = assignments.find((entry) => entry.id === assignmentId) ?? assignments[assignments.length - 1] ?? null
    const empty = { assignments, coders, viewer, assignment, articles: [], claims: [], adjudicated: [], hiddenClaims: 0, actors: new Map(), issues: new Map(), rejectedUnits: new Set<string>() }
    if (!assignment) return empty
    const stored = (await db.articles.bulkGet(assignment.articleIds)).filter((article): article is Article => article !== undefined)
    const articles = stored.map((article) => ({ id: article.id, title: article.title, publishedAt: article.publishedAt, length: article.body.length }))
    const onArticles = await db.claims.where('articleId').anyOf(assignment.articleIds).toArray()
    const visible = claimVisibility(viewer, assignments)
    const shown = onArticles.filter(visible)
    const [actors, issues] = await Promise.all([db.actors.toArray(), db.issues.toArray()])
    return {
      ...empty,
      articles,
      claims: shown.filter((claim) => !isAdjudicated(claim)),
      adjudicated: shown.filter(isAdjudicated),
      hiddenClaims: onArticles.length - shown.length,
      actors: new Map(actors.map((actor) => [actor.id, actor])),
      issues: new Map(issues.map((issue) => [issue.id, issue])),
      rejectedUnits: new Set((await readSetting(db, REJECTED_UNITS)).map((entry) => entry.key)),
    }
  })
}
