import type { Claim, Id, Stance } from '../model'
import { bucketRange, createBucketer, normaliseCalendarDate, type Bucket, type BucketSize } from './buckets'

// Positions are derived from claims, never stored: for each (actor, issue, time bucket) the
// count, mean stance, latest stance and the claims behind it, plus a per-(actor, issue) summary
// and the buckets where the stance changed sign. A claim on several issues counts once under
// each of them.

/**
 * A claim reduced to what positions need, its date resolved (claim date, else article date),
 * under one of its issues: a claim on several issues becomes one of these per issue, adjacent.
 */
export interface PositionClaim {
  id: Id
  actorId: Id
  /** The issue this entry counts the claim under. */
  issueId: Id
  articleId: Id
  stance: Stance
  /** 'YYYY-MM-DD'. */
  date: string
  /** Orders claims made on the same day: the one recorded later counts as later. */
  createdAt: string
}

export interface PreparedClaims {
  claims: PositionClaim[]
  /** Claims with neither a claim date nor an article date: they have no place in time. */
  undated: Id[]
}

/** What positions read of a claim: no quote, anchor or note. */
export type PositionInput = Pick<Claim, 'id' | 'actorId' | 'issueIds' | 'articleId' | 'stance' | 'date' | 'createdAt'>

/** A claim cut down to what positions read, so a hundred thousand of them stay small in memory. */
export function positionInput(claim: Claim): PositionInput {
  return { id: claim.id, actorId: claim.actorId, issueIds: claim.issueIds, articleId: claim.articleId, stance: claim.stance, date: claim.date, createdAt: claim.createdAt }
}

/**
 * Resolves each claim's date: its own date, else its article's publication date. Claims with
 * neither are set aside (counted, so the screen can say so) rather than guessed.
 */
export function preparePositionClaims(claims: readonly PositionInput[], articleDates: ReadonlyMap<Id, string> = new Map()): PreparedClaims {
  const prepared: PositionClaim[] = []
  const undated: Id[] = []
  const normalised = new Map<string, string>()
  const normalise = (value: string): string => {
    let date = normalised.get(value)
    if (date === undefined) {
      date = normaliseCalendarDate(value)
      normalised.set(value, date)
    }
    return date
  }
  for (const claim of claims) {
    let date = claim.date ? normalise(claim.date) : ''
    if (date === '') date = normalise(articleDates.get(claim.articleId) ?? '')
    if (date === '') {
      undated.push(claim.id)
      continue
    }
    const issueIds = claim.issueIds.length > 1 ? new Set(claim.issueIds) : claim.issueIds
    for (const issueId of issueIds) {
      prepared.push({
        id: claim.id,
        actorId: claim.actorId,
        issueId,
        articleId: claim.articleId,
        stance: claim.stance,
        date,
        createdAt: claim.createdAt ?? '',
      })
    }
  }
  return { claims: prepared, undated }
}

/** Claims per stance, index 0 for −2 up to index 4 for +2. */
export type StanceCounts = [number, number, number, number, number]

export interface PositionCell {
  /** Index into Aggregation.buckets. */
  bucket: number
  count: number
  /** Sum of stances; its sign is the sign of the mean, exactly. */
  sum: number
  mean: number
  counts: StanceCounts
  /** The stance of the latest claim in the bucket. */
  latest: Stance
  latestDate: string
  /** The claims behind the cell, oldest first. */
  claims: PositionClaim[]
  /** The mean has the opposite sign of the previous non-empty bucket's mean. */
  shift: boolean
  /** The previous non-empty bucket of this actor and issue, when there is one. */
  previous: { bucket: number; mean: number } | null
}

/** All an actor said on an issue, over time. */
export interface PositionSeries {
  actorId: Id
  issueId: Id
  /** Non-empty cells only, in time order. */
  cells: PositionCell[]
  byBucket: Map<number, PositionCell>
  /** How many claims. */
  count: number
  firstStance: Stance
  lastStance: Stance
  /** lastStance − firstStance. */
  shift: number
  firstSeen: string
  lastSeen: string
  /** How many times the stance changed sign between consecutive non-empty buckets. */
  reversals: number
  /** Every claim, oldest first. */
  claimList: PositionClaim[]
}

export interface AggregateOptions {
  bucketSize: BucketSize
  /** Inclusive 'YYYY-MM-DD' bounds; '' leaves that side open. */
  from?: string
  to?: string
  /** Only claims from these articles (the source filter); null or undefined keeps all. */
  articleIds?: ReadonlySet<Id> | null
  /**
   * At most this many buckets; a longer span keeps its latest buckets and leaves out the
   * claims before them (reported in hiddenBefore), so a stray date in 1900 cannot make a
   * table of 45,000 day columns.
   */
  maxBuckets?: number
}

export interface Aggregation {
  bucketSize: BucketSize
  buckets: Bucket[]
  series: PositionSeries[]
  /** Claims that made it into a cell (a claim on several issues once). */
  counted: number
  /** Claims dropped because the span was longer than maxBuckets (each once). */
  hiddenBefore: number
  /** The span was longer than maxBuckets. */
  truncated: boolean
  /** The bounds of the buckets, as given ('' when open). */
  from: string
  to: string
}

export const DEFAULT_MAX_BUCKETS = 4000

/** True when claim a comes after claim b: later date, then recorded later, then by id. */
function isLater(aDate: string, aCreated: string, aId: string, bDate: string, bCreated: string, bId: string): boolean {
  if (aDate !== bDate) return aDate > bDate
  if (aCreated !== bCreated) return aCreated > bCreated
  return aId > bId
}

/** Oldest first: by date, then by when the claim was recorded, then by id (for a stable order). */
export function compareClaimsByTime(a: PositionClaim, b: PositionClaim): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

interface SeriesBuilder extends PositionSeries {
  firstCreatedAt: string
  firstId: string
  lastCreatedAt: string
  lastId: string
}

interface CellBuilder extends PositionCell {
  latestCreatedAt: string
  latestId: string
}

/** Aggregates claims into (actor, issue, bucket) cells; claims outside the options are left out. */
export function aggregatePositions(claims: readonly PositionClaim[], options: AggregateOptions): Aggregation {
  const from = options.from ? normaliseCalendarDate(options.from) : ''
  const to = options.to ? normaliseCalendarDate(options.to) : ''
  const articleIds = options.articleIds ?? null
  const maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS

  // Pass 1: which claims count, and the span of their dates.
  const kept: PositionClaim[] = []
  let minDate = ''
  let maxDate = ''
  for (const claim of claims) {
    if (from !== '' && claim.date < from) continue
    if (to !== '' && claim.date > to) continue
    if (articleIds !== null && !articleIds.has(claim.articleId)) continue
    kept.push(claim)
    if (minDate === '' || claim.date < minDate) minDate = claim.date
    if (maxDate === '' || claim.date > maxDate) maxDate = claim.date
  }
  const spanStart = from || minDate
  const spanEnd = to || maxDate
  const buckets = spanStart && spanEnd ? bucketRange(spanStart, spanEnd, options.bucketSize, maxBuckets + 1) : []
  const truncated = buckets.length > maxBuckets
  if (truncated) buckets.splice(0, buckets.length - maxBuckets)
  const firstDay = buckets[0]?.start ?? ''

  // Pass 2: each claim into its cell. Dates map to bucket indexes through a cache, since a
  // workspace has far fewer distinct dates than claims.
  const bucketer = createBucketer(options.bucketSize)
  const indexByKey = new Map<string, number>()
  buckets.forEach((bucket, index) => indexByKey.set(bucket.key, index))
  const indexByDate = new Map<string, number>()
  const bySeries = new Map<Id, Map<Id, SeriesBuilder>>()
  const series: SeriesBuilder[] = []
  let counted = 0
  let hiddenBefore = 0
  // A claim's entries (one per issue) are adjacent and share date and article, so they are
  // kept or dropped together: a claim is counted at its first entry.
  let previousId: Id | null = null

  for (const claim of kept) {
    const firstOfClaim = claim.id !== previousId
    previousId = claim.id
    if (claim.date < firstDay) {
      if (firstOfClaim) hiddenBefore++
      continue
    }
    let bucket = indexByDate.get(claim.date)
    if (bucket === undefined) {
      const key = bucketer(claim.date)
      bucket = key === null ? -1 : (indexByKey.get(key) ?? -1)
      indexByDate.set(claim.date, bucket)
    }
    if (bucket < 0) continue
    if (firstOfClaim) counted++

    let byIssue = bySeries.get(claim.actorId)
    if (byIssue === undefined) {
      byIssue = new Map()
      bySeries.set(claim.actorId, byIssue)
    }
    let entry = byIssue.get(claim.issueId)
    if (entry === undefined) {
      entry = {
        actorId: claim.actorId,
        issueId: claim.issueId,
        cells: [],
        byBucket: new Map(),
        count: 0,
        firstStance: claim.stance,
        lastStance: claim.stance,
        shift: 0,
        firstSeen: claim.date,
        lastSeen: claim.date,
        reversals: 0,
        claimList: [],
        firstCreatedAt: claim.createdAt,
        firstId: claim.id,
        lastCreatedAt: claim.createdAt,
        lastId: claim.id,
      }
      byIssue.set(claim.issueId, entry)
      series.push(entry)
    } else {
      if (isLater(entry.firstSeen, entry.firstCreatedAt, entry.firstId, claim.date, claim.createdAt, claim.id)) {
        entry.firstStance = claim.stance
        entry.firstSeen = claim.date
        entry.firstCreatedAt = claim.createdAt
        entry.firstId = claim.id
      }
      if (isLater(claim.date, claim.createdAt, claim.id, entry.lastSeen, entry.lastCreatedAt, entry.lastId)) {
        entry.lastStance = claim.stance
        entry.lastSeen = claim.date
        entry.lastCreatedAt = claim.createdAt
        entry.lastId = claim.id
      }
    }
    entry.count++

    let cell = entry.byBucket.get(bucket) as CellBuilder | undefined
    if (cell === undefined) {
      cell = {
        bucket,
        count: 0,
        sum: 0,
        mean: 0,
        counts: [0, 0, 0, 0, 0],
        latest: claim.stance,
        latestDate: claim.date,
        latestCreatedAt: claim.createdAt,
        latestId: claim.id,
        claims: [],
        shift: false,
        previous: null,
      }
      entry.byBucket.set(bucket, cell)
      entry.cells.push(cell)
    } else if (isLater(claim.date, claim.createdAt, claim.id, cell.latestDate, cell.latestCreatedAt, cell.latestId)) {
      cell.latest = claim.stance
      cell.latestDate = claim.date
      cell.latestCreatedAt = claim.createdAt
      cell.latestId = claim.id
    }
    cell.count++
    cell.sum += claim.stance
    cell.counts[(claim.stance + 2) as 0 | 1 | 2 | 3 | 4]++
    cell.claims.push(claim)
  }

  // Claims arrive in storage order, not time order: put cells and claim lists in time order
  // once, then mark the sign changes.
  for (const entry of series) {
    entry.shift = entry.lastStance - entry.firstStance
    if (entry.cells.length > 1) entry.cells.sort((a, b) => a.bucket - b.bucket)
    let previous: PositionCell | null = null
    for (const cell of entry.cells) {
      cell.mean = cell.sum / cell.count
      if (cell.claims.length > 1) cell.claims.sort(compareClaimsByTime)
      if (previous !== null) {
        cell.previous = { bucket: previous.bucket, mean: previous.mean }
        if (Math.sign(previous.sum) * Math.sign(cell.sum) < 0) {
          cell.shift = true
          entry.reversals++
        }
      }
      previous = cell
    }
    entry.claimList = entry.cells.length === 1 ? entry.cells[0]!.claims : entry.cells.flatMap((cell) => cell.claims)
  }

  return { bucketSize: options.bucketSize, buckets, series, counted, hiddenBefore, truncated, from, to }
}
