import { actorKindKey } from '../actorKinds'
import type { Actor, ActorKind, Id, Issue } from '../model'
import { compareText } from '../text/compare'
import { foldText } from '../text/folding'
import type { Aggregation, PositionSeries } from './aggregate'
import type { Bucket } from './buckets'

// From aggregated series to the rows of the table: one row per actor and issue, or one row per
// actor with one issue chosen; filtered by issue, actor kind and a text match on the actor.

export const ROW_MODES = ['actor-issue', 'actor'] as const
export type RowMode = (typeof ROW_MODES)[number]

export const ROW_MODE_LABELS: Readonly<Record<RowMode, string>> = {
  'actor-issue': 'Actor × issue',
  actor: 'Actor, one issue',
}

export interface RowFilters {
  mode: RowMode
  /** One issue, or null for every issue (in 'actor' mode an issue is required). */
  issueId: Id | null
  actorKind: ActorKind | null
  /** Matched against the actor's name and aliases as tagging matches names (see foldText). */
  actorText: string
}

export interface PositionRow {
  /** Stable across recomputations: `${actorId}|${issueId}`. */
  id: string
  actorId: Id
  actorName: string
  /** '' for an actor no longer in the workspace. */
  actorKind: ActorKind
  issueId: Id
  issueLabel: string
  /** null for an actor with no claim on the chosen issue ('actor' mode lists every actor). */
  series: PositionSeries | null
}

export interface PositionsView {
  /** The bucket columns shown, in time order. */
  buckets: Bucket[]
  /** Index of buckets[0] in the aggregation's buckets (cells are indexed by the latter). */
  bucketOffset: number
  rows: PositionRow[]
}

export const UNKNOWN_ACTOR = '(unknown actor)'
export const UNKNOWN_ISSUE = '(unknown issue)'

export function actorMatchesText(actor: Pick<Actor, 'name' | 'aliases'>, foldedQuery: string): boolean {
  if (foldedQuery === '') return true
  if (foldText(actor.name).includes(foldedQuery)) return true
  return actor.aliases.some((alias) => foldText(alias).includes(foldedQuery))
}

/**
 * The rows and bucket columns of the table. Bucket columns run from the first to the last
 * bucket any shown row has a claim in; a side the user bounded with a date keeps every bucket
 * up to that date, empty or not.
 */
export function buildPositionsView(
  aggregation: Aggregation,
  actors: readonly Actor[],
  issues: readonly Issue[],
  filters: RowFilters,
): PositionsView {
  const actorById = new Map(actors.map((actor) => [actor.id, actor]))
  const issueById = new Map(issues.map((issue) => [issue.id, issue]))
  const query = foldText(filters.actorText)
  const kind = filters.actorKind === null ? null : actorKindKey(filters.actorKind)
  const actorPasses = new Map<Id, boolean>()
  const passes = (actorId: Id): boolean => {
    let result = actorPasses.get(actorId)
    if (result === undefined) {
      const actor = actorById.get(actorId)
      if (actor === undefined) result = kind === null && (query === '' || foldText(UNKNOWN_ACTOR).includes(query))
      else result = (kind === null || actorKindKey(actor.kind) === kind) && actorMatchesText(actor, query)
      actorPasses.set(actorId, result)
    }
    return result
  }
  const makeRow = (actorId: Id, issueId: Id, series: PositionSeries | null): PositionRow => {
    const actor = actorById.get(actorId)
    return {
      id: `${actorId}|${issueId}`,
      actorId,
      actorName: actor?.name ?? UNKNOWN_ACTOR,
      actorKind: actor?.kind ?? '',
      issueId,
      issueLabel: issueById.get(issueId)?.label ?? UNKNOWN_ISSUE,
      series,
    }
  }

  const rows: PositionRow[] = []
  if (filters.mode === 'actor') {
    const issueId = filters.issueId
    if (issueId !== null) {
      const seriesByActor = new Map<Id, PositionSeries>()
      for (const series of aggregation.series) if (series.issueId === issueId) seriesByActor.set(series.actorId, series)
      for (const actor of actors) if (passes(actor.id)) rows.push(makeRow(actor.id, issueId, seriesByActor.get(actor.id) ?? null))
      // Claims by actors that were deleted still show, under "(unknown actor)".
      for (const [actorId, series] of seriesByActor) if (!actorById.has(actorId) && passes(actorId)) rows.push(makeRow(actorId, issueId, series))
    }
  } else {
    for (const series of aggregation.series) {
      if (filters.issueId !== null && series.issueId !== filters.issueId) continue
      if (!passes(series.actorId)) continue
      rows.push(makeRow(series.actorId, series.issueId, series))
    }
  }
  rows.sort((a, b) => compareText(a.actorName, b.actorName) || compareText(a.issueLabel, b.issueLabel) || (a.id < b.id ? -1 : 1))

  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  for (const row of rows) {
    const cells = row.series?.cells
    if (!cells || cells.length === 0) continue
    first = Math.min(first, cells[0]!.bucket)
    last = Math.max(last, cells[cells.length - 1]!.bucket)
  }
  const total = aggregation.buckets.length
  if (aggregation.from !== '') first = 0
  if (aggregation.to !== '') last = total - 1
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return { buckets: [], bucketOffset: 0, rows }
  return { buckets: aggregation.buckets.slice(first, last + 1), bucketOffset: first, rows }
}
