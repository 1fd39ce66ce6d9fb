import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { db } from '../../db/instance'
import { listActors } from '../../db/repositories/actors'
import { claimsOfArticle } from '../../db/repositories/claims'
import { listIssues } from '../../db/repositories/issues'
import { dismissedSuggestions, mentionsOfArticle } from '../../db/repositories/mentions'
import type { Actor, Claim, Id, Issue, Mention } from '../../domain/model'

export interface ArticleRecords {
  claims: readonly Claim[]
  mentions: readonly Mention[]
  /** Keys of the suggestions dismissed in this article; undefined until read. */
  dismissed: readonly string[] | undefined
  actors: readonly Actor[]
  issues: readonly Issue[]
  actorsById: ReadonlyMap<Id, Actor>
  issuesById: ReadonlyMap<Id, Issue>
  /** True once the article's tags, the actors and the codebook are all read. */
  ready: boolean
}

const NONE: readonly never[] = []

/** The article's claims and mentions, and the actors and issues they name, kept live. */
export function useArticleRecords(articleId: Id): ArticleRecords {
  const tags = useLiveQuery(
    async () => {
      const [claims, mentions, dismissed] = await Promise.all([claimsOfArticle(db, articleId), mentionsOfArticle(db, articleId), dismissedSuggestions(db, articleId)])
      return { claims, mentions, dismissed }
    },
    [articleId],
  )
  const actors = useLiveQuery(() => listActors(db), [])
  const issues = useLiveQuery(() => listIssues(db), [])
  const actorsById = useMemo(() => new Map((actors ?? []).map((actor) => [actor.id, actor])), [actors])
  const issuesById = useMemo(() => new Map((issues ?? []).map((issue) => [issue.id, issue])), [issues])
  return {
    claims: tags?.claims ?? NONE,
    mentions: tags?.mentions ?? NONE,
    dismissed: tags?.dismissed,
    actors: actors ?? NONE,
    issues: issues ?? NONE,
    actorsById,
    issuesById,
    ready: tags !== undefined && actors !== undefined && issues !== undefined,
  }
}
