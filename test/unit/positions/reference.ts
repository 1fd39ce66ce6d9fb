import type { Actor, Article, Assignment, Claim, Coder, Id, Issue } from '../../../renderer/src/domain/model'
import { bucketKey, type BucketSize } from '../../../renderer/src/domain/positions/buckets'
import type { PositionsOptions, PositionsResult } from '../../../renderer/src/domain/positions/engine'
import { bucketAtOrdinal } from '../../../renderer/src/domain/positions/buckets'

// A brute-force recount of positions from the raw records, written apart from the engine and
// as plainly as possible: for every claim, decide by the rules in the issue text whether it
// counts, in which rows and in which bucket; then sum per cell. The engine (and its
// incremental path) must agree with it exactly. It shares no code with the engine but the
// bucket key of a date (tested on its own against ISO calendars in buckets.test.ts).

export interface RefData {
  claims: readonly Claim[]
  articles: readonly Article[]
  actors: readonly Actor[]
  issues: readonly Issue[]
  coders: readonly Coder[]
  assignments: readonly Assignment[]
  viewerId: Id | null
}

export interface RefCell {
  count: number
  sum: number
  stances: number[]
  ids: string[]
  latest: number
}

export interface RefSeries {
  count: number
  sum: number
  first: number
  last: number
  firstSeen: string
  lastSeen: string
  reversals: number
  ids: string[]
  actors: number
  cells: Map<string, RefCell>
}

export interface RefResult {
  series: Map<string, RefSeries>
  counted: number
  undated: number
}

function isoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!match) return ''
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return ''
  return `${match[1]}-${match[2]}-${match[3]}`
}

function keyOf(date: string, size: BucketSize): string {
  switch (size) {
    case 'day':
      return date
    case 'month':
      return date.slice(0, 7)
    case 'quarter':
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
    case 'year':
      return date.slice(0, 4)
    case 'week':
      return bucketKey(date, 'week')!
  }
}

function ancestorsAndSelf(issues: readonly Issue[], id: Id): Id[] {
  const byId = new Map(issues.map((issue) => [issue.id, issue]))
  const chain = [id]
  const seen = new Set([id])
  let current = byId.get(id)?.parentId ?? null
  while (current !== null && byId.has(current) && !seen.has(current)) {
    chain.push(current)
    seen.add(current)
    current = byId.get(current)!.parentId
  }
  return chain
}

const fold = (value: string): string => value.trim().toLowerCase()

export function recount(data: RefData, options: PositionsOptions): RefResult {
  const articles = new Map(data.articles.map((article) => [article.id, article]))
  const actors = new Map(data.actors.map((actor) => [actor.id, actor]))
  const viewer = data.coders.find((coder) => coder.id === data.viewerId) ?? null
  const series = new Map<string, { claims: Claim[]; dates: Map<string, string> }>()
  let counted = 0
  let undated = 0
  for (const claim of data.claims) {
    // Blind coding: a coder (not a lead) does not see other coders' claims on articles of a
    // blind assignment that includes them.
    if (viewer && viewer.role !== 'lead') {
      const blind = data.assignments.some((assignment) => assignment.blind && assignment.coderIds.includes(viewer.id) && assignment.articleIds.includes(claim.articleId))
      if (blind && claim.coderId !== viewer.id) continue
    }
    const adjudicated = claim.adjudicatedFrom.length > 0
    if (options.claimSet.kind === 'adjudicated' && !adjudicated) continue
    if (options.claimSet.kind === 'coder' && (adjudicated || claim.coderId !== options.claimSet.coderId)) continue
    const article = articles.get(claim.articleId)
    if (options.source !== null && (article?.source ?? '') !== options.source) continue
    const actor = actors.get(claim.actorId)
    if (options.actorKind !== null && (!actor || fold(actor.kind) !== fold(options.actorKind))) continue
    // Issues: those in the filter's subtree; at the top level each one's root; each once.
    let issueIds = [...claim.issueIds]
    if (options.issueId !== null) issueIds = issueIds.filter((id) => ancestorsAndSelf(data.issues, id).includes(options.issueId!))
    if (issueIds.length === 0) continue
    let keys: string[]
    if (options.oneIssue && options.issueId !== null) keys = [options.issueId]
    else if (options.level === 'top') keys = issueIds.map((id) => ancestorsAndSelf(data.issues, id).at(-1)!)
    else keys = issueIds
    keys = [...new Set(keys)]
    const date = isoDate(claim.date) || isoDate(article?.publishedAt ?? '')
    if (date === '') {
      undated++
      continue
    }
    if (options.from !== '' && date < options.from) continue
    if (options.to !== '' && date > options.to) continue
    let groups: string[]
    if (options.groupBy.kind === 'actor') groups = [claim.actorId]
    else if (options.groupBy.kind === 'kind') groups = [actor && fold(actor.kind) !== '' ? fold(actor.kind) : '\u0000none']
    else {
      const name = fold(options.groupBy.name)
      const values = actor ? Object.entries(actor.attributes).filter(([key]) => fold(key) === name).flatMap(([, list]) => list).map(fold).filter((value) => value !== '') : []
      groups = values.length > 0 ? [...new Set(values)] : ['\u0000none']
    }
    counted++
    for (const group of groups) {
      for (const issue of keys) {
        const key = `${group}|${issue}`
        let entry = series.get(key)
        if (!entry) series.set(key, (entry = { claims: [], dates: new Map() }))
        entry.claims.push(claim)
        entry.dates.set(claim.id, date)
      }
    }
  }
  const result = new Map<string, RefSeries>()
  for (const [key, { claims, dates }] of series) {
    const sorted = [...claims].sort((a, b) => {
      const da = dates.get(a.id)!
      const db = dates.get(b.id)!
      return da < db ? -1 : da > db ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1
    })
    const cells = new Map<string, RefCell>()
    for (const claim of sorted) {
      const bucket = keyOf(dates.get(claim.id)!, options.bucketSize)
      let cell = cells.get(bucket)
      if (!cell) cells.set(bucket, (cell = { count: 0, sum: 0, stances: [], ids: [], latest: 0 }))
      cell.count++
      cell.sum += claim.stance
      cell.stances.push(claim.stance)
      cell.ids.push(claim.id)
      cell.latest = claim.stance
    }
    const inOrder = [...cells.keys()].sort()
    let reversals = 0
    for (let index = 1; index < inOrder.length; index++) {
      const before = Math.sign(cells.get(inOrder[index - 1]!)!.sum)
      const now = Math.sign(cells.get(inOrder[index]!)!.sum)
      if (before * now < 0) reversals++
    }
    result.set(key, {
      count: sorted.length,
      sum: sorted.reduce((total, claim) => total + claim.stance, 0),
      first: sorted[0]!.stance,
      last: sorted.at(-1)!.stance,
      firstSeen: dates.get(sorted[0]!.id)!,
      lastSeen: dates.get(sorted.at(-1)!.id)!,
      reversals,
      ids: sorted.map((claim) => claim.id),
      actors: new Set(sorted.map((claim) => claim.actorId)).size,
      cells,
    })
  }
  return { series: result, counted, undated }
}

/** The engine's result in the reference's shape, to compare with toEqual. */
export function asReference(result: PositionsResult): RefResult {
  const series = new Map<string, RefSeries>()
  for (const entry of result.series) {
    const cells = new Map<string, RefCell>()
    for (const cell of entry.cells) {
      cells.set(bucketAtOrdinal(cell.ordinal, result.options.bucketSize).key, {
        count: cell.count,
        sum: cell.sum,
        stances: cell.claims.map((claim) => claim.stance),
        ids: cell.claims.map((claim) => claim.id),
        latest: cell.latest,
      })
      if (cell.mean !== cell.sum / cell.count) throw new Error(`mean of ${entry.key} is not sum / count`)
    }
    series.set(entry.key, {
      count: entry.count,
      sum: entry.sum,
      first: entry.firstStance,
      last: entry.lastStance,
      firstSeen: entry.firstSeen,
      lastSeen: entry.lastSeen,
      reversals: entry.reversals,
      ids: entry.claimList.map((claim) => claim.id),
      actors: entry.actorCount,
      cells,
    })
  }
  return { series, counted: result.counted, undated: result.undated }
}
