import type { Assignment, Coder, Id } from '../model'

// Blind coding: while an assignment is blind, each of its coders sees only their own claims and
// mentions on its articles, so nobody's coding leans on another's. A lead sees everything, and
// so does a workspace nobody has coded in yet. Every list of claims or mentions (reader, panel,
// claims table, positions, exports, agreement) applies this first, then the chosen claim set.

/** What visibility looks at: where a claim or mention is, and who coded it. */
export interface CodedRecord {
  articleId: Id
  coderId: Id
}

const SEES_ALL = (): boolean => true

/**
 * What blind coding hides from `viewer`, written as one string: equal strings hide the same
 * claims, so a follower of counts restarts only when what is hidden changes.
 */
export function visibilityKey(viewer: Coder | null, assignments: readonly Assignment[]): string {
  if (viewer === null || viewer.role === 'lead') return ''
  const blindArticles = new Set<Id>()
  for (const assignment of assignments) {
    if (assignment.blind && assignment.coderIds.includes(viewer.id)) for (const articleId of assignment.articleIds) blindArticles.add(articleId)
  }
  return blindArticles.size === 0 ? '' : JSON.stringify([viewer.id, [...blindArticles].sort()])
}

/**
 * Whether `viewer` may see a claim or mention. Hidden: another coder's (or an unknown coder's)
 * work on an article of a blind assignment that includes the viewer.
 */
export function claimVisibility(viewer: Coder | null, assignments: readonly Assignment[]): (record: CodedRecord) => boolean {
  if (viewer === null || viewer.role === 'lead') return SEES_ALL
  const blindArticles = new Set<Id>()
  for (const assignment of assignments) {
    if (assignment.blind && assignment.coderIds.includes(viewer.id)) for (const articleId of assignment.articleIds) blindArticles.add(articleId)
  }
  if (blindArticles.size === 0) return SEES_ALL
  return (record) => record.coderId === viewer.id || !blindArticles.has(record.articleId)
}
