import { buildCodebookTree, issueWithDescendants, type CodebookTree } from '../codebook/tree'
import { ALL_CLAIMS, type ClaimSet } from '../coding/claimSet'
import { claimVisibility } from '../coding/visibility'
import { actorKindKey } from '../actorKinds'
import type { Actor, Assignment, Coder, Id, Issue, Stance } from '../model'
import { bucketOrdinalOfDay, dayNumber, normaliseCalendarDate, type BucketSize } from './buckets'
import type { ArticleFact, ClaimFact } from './facts'
import { GROUP_BY_ACTOR, groupKeysOf, issueKeysOf, type GroupBy, type IssueKeying, type IssueLevel } from './grouping'
import { drainSteps, runSliced } from '../timeSlices'
import { sortInSteps } from '../sortInSteps'

// Positions from the claim facts, kept up to date claim by claim. The engine holds every claim
// fact in time order and, for the options chosen (bucket size, issue level, grouping, filters,
// claim set), the series of each row: its claims in time order and the cells they make. A
// change (a claim saved, an article's date edited, an actor moved to another party) takes the
// claims it touches out of their series with the world as it was and puts them back with the
// world as it is; only the series they touch are recomputed. A change of options, or of the
// codebook's shape or of who may see what, recomputes everything from memory.
//
// computePositions (a fresh engine) is the full recompute the incremental path is tested against.

/** A claim as positions count it: its fact with the date resolved (claim date, else article date). */
export interface PositionClaim {
  id: Id
  actorId: Id
  issueIds: readonly Id[]
  articleId: Id
  coderId: Id
  adjudicated: boolean
  stance: Stance
  /** 'YYYY-MM-DD', or '' when neither the claim nor its article has a date. */
  date: string
  /** The claim's own date as stored ('' when it takes its article's): its fact's date. */
  ownDate: string
  /** Days since 1970-01-01 of date; NaN when undated. */
  day: number
  /** The article's outlet ('' when unknown). */
  source: string
  createdAt: string
}

/** Claims per stance, index 0 for −2 up to index 4 for +2. */
export type StanceCounts = [number, number, number, number, number]

export interface PositionCell {
  /** The bucket's ordinal (buckets.ts bucketOrdinal). */
  ordinal: number
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
  /** The previous non-empty bucket of this row, when there is one (it may be that cell itself: write out its ordinal and mean only). */
  previous: { ordinal: number; mean: number } | null
}

/** Everything a row (a group of actors on an issue) said over time. */
export interface PositionSeries {
  /** `${groupKey}|${issueId}`: stable across recomputations. */
  key: string
  groupKey: string
  issueId: Id
  /** Non-empty cells only, in time order. */
  cells: PositionCell[]
  byOrdinal: ReadonlyMap<number, PositionCell>
  count: number
  sum: number
  /** Mean stance over every claim of the row in the period. */
  mean: number
  firstStance: Stance
  lastStance: Stance
  /** lastStance − firstStance. */
  shift: number
  firstSeen: string
  lastSeen: string
  /** How many times the stance changed sign between consecutive non-empty buckets. */
  reversals: number
  /** Every claim, oldest first. */
  claimList: readonly PositionClaim[]
  /** How many distinct actors the claims come from. */
  actorCount: number
}

export interface PositionsWorld {
  actors: ReadonlyMap<Id, Actor>
  issues: readonly Issue[]
  coders: readonly Coder[]
  assignments: readonly Assignment[]
  /** The coder looking (settings currentCoderId); null: nobody yet, who sees everything. */
  viewerId: Id | null
}

export interface PositionsOptions {
  bucketSize: BucketSize
  /** Inclusive 'YYYY-MM-DD' bounds; '' leaves that side open. */
  from: string
  to: string
  /** An outlet, or null for all. */
  source: string | null
  level: IssueLevel
  groupBy: GroupBy
  claimSet: ClaimSet
  /** Only claims on this issue or any issue below it; null for all. */
  issueId: Id | null
  /** One row per group for issueId (its subtree counted as one issue). Needs issueId. */
  oneIssue: boolean
  /** Only claims by actors of this kind. */
  actorKind: string | null
  /**
   * At most this many buckets; a longer span keeps its latest buckets and leaves out the
   * claims before them (reported in hiddenBefore), so a stray date in 1900 cannot make a
   * table of 45,000 day columns.
   */
  maxBuckets: number
}

export const DEFAULT_MAX_BUCKETS = 4000

export const DEFAULT_OPTIONS: PositionsOptions = {
  bucketSize: 'month',
  from: '',
  to: '',
  source: null,
  level: 'coded',
  groupBy: GROUP_BY_ACTOR,
  claimSet: ALL_CLAIMS,
  issueId: null,
  oneIssue: false,
  actorKind: null,
  maxBuckets: DEFAULT_MAX_BUCKETS,
}

/** Who coded the claims counted: each coder's count, and the adjudicated ones apart. */
export interface CoderMix {
  byCoder: ReadonlyMap<Id, number>
  adjudicated: number
}

export interface PositionsResult {
  options: PositionsOptions
  series: readonly PositionSeries[]
  /** Claims counted in at least one row (each once). */
  counted: number
  /** Claims that pass every filter but the dates and have no date: they have no place in time. */
  undated: number
  /** Claims left out because the span was longer than maxBuckets (each once). */
  hiddenBefore: number
  truncated: boolean
  /** The first ordinal shown when truncated. */
  cutoff: number | null
  mix: CoderMix
  /** Increases with every change of the result. */
  version: number
  /**
   * Whether cells and series carry the claims behind them. A result unpacked from a stored
   * record (resultPack.ts) has every number but not the claims, until the engine replaces it.
   */
  claimsBehind: boolean
}

/** A date as a claim is placed by: normalised ('' when none), and its day number (NaN when none). */
interface DatedAs {
  date: string
  day: number
}

const UNDATED: DatedAs = { date: '', day: Number.NaN }

/**
 * Each date string seen, normalised and as a day number, for every engine: a workspace has far
 * fewer dates than claims, and an open a few saves behind builds three small engines over the
 * same dates (each parsing them again took a tenth of its time).
 */
const NORMALISED = new Map<string, DatedAs>()
const MAX_NORMALISED = 200_000

/** Oldest first: by date, then by when the claim was recorded, then by id. */
export function compareClaimsByTime(a: PositionClaim, b: PositionClaim): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Where `claim` is, or would go, in a list in time order. */
function searchByTime(list: readonly PositionClaim[], claim: PositionClaim): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compareClaimsByTime(list[mid]!, claim) < 0) low = mid + 1
    else high = mid
  }
  return low
}

function removeByTime(list: PositionClaim[], claim: PositionClaim): boolean {
  const index = searchByTime(list, claim)
  if (list[index]?.id !== claim.id) return false
  list.splice(index, 1)
  return true
}

function insertByTime(list: PositionClaim[], claim: PositionClaim): void {
  const index = searchByTime(list, claim)
  if (index === list.length) list.push(claim)
  else list.splice(index, 0, claim)
}

/** Below this many claims in and out, a search and a splice each; above, one pass over the list. */
const SPLICE_LIMIT = 32

/**
 * The list in time order with `gone` taken out and `added` put in. An import chunk brings a
 * thousand claims at once, and a splice each into the workspace's 100,000 would move the whole
 * list a thousand times; one filter and one merge move it once.
 */
function updateByTime(list: PositionClaim[], gone: readonly PositionClaim[], added: PositionClaim[]): PositionClaim[] {
  if (gone.length + added.length <= SPLICE_LIMIT) {
    for (const claim of gone) removeByTime(list, claim)
    for (const claim of added) insertByTime(list, claim)
    return list
  }
  const goneSet = new Set(gone)
  const kept = goneSet.size === 0 ? list : list.filter((claim) => !goneSet.has(claim))
  if (added.length === 0) return kept
  added.sort(compareClaimsByTime)
  const merged = new Array<PositionClaim>(kept.length + added.length)
  let from = 0
  let next = 0
  for (let index = 0; index < merged.length; index++) {
    merged[index] = next < added.length && (from >= kept.length || compareClaimsByTime(added[next]!, kept[from]!) < 0) ? added[next++]! : kept[from++]!
  }
  return merged
}

interface SeriesState {
  groupKey: string
  issueId: Id
  /** In time order. Shared with result.claimList until the next change copies it. */
  members: PositionClaim[]
  result: PositionSeries | null
  /** In the engine's dirty set: a claim placed or taken out since the last flush. */
  queued: boolean
}

const ADJUDICATED = '\u0000adjudicated'

/** What the options and the world make of one claim: whether it counts, and in which rows. */
interface Compiled {
  tree: CodebookTree
  keying: IssueKeying
  visible: (claim: PositionClaim) => boolean
  inSet: (claim: PositionClaim) => boolean
  from: string
  to: string
  kind: string | null
  /** A dated claim's bucket ordinal, from its day number. */
  ordinalOf: (day: number) => number
  /** Rows are actors: a claim's only group is its actor. */
  byActor: boolean
  /** Issues count as coded, all of them, not collapsed: a claim with one issue counts under it. */
  plainIssues: boolean
}

export interface PositionsChange {
  claims?: readonly { id: Id; fact: ClaimFact | null }[]
  articles?: readonly { id: Id; fact: ArticleFact | null }[]
  actors?: readonly { id: Id; actor: Actor | null }[]
  issues?: readonly Issue[]
  coders?: readonly Coder[]
  assignments?: readonly Assignment[]
  viewerId?: Id | null
}

export class PositionsEngine {
  private readonly articles = new Map<Id, ArticleFact>()
  /** Dated claims in time order. */
  private ordered: PositionClaim[] = []
  /** Claims with no date: no place in time, counted apart. */
  private readonly undatedClaims = new Set<PositionClaim>()
  /**
   * Every claim by id, made when first needed (a change to apply, a claim asked for): a
   * hundred thousand ids put in a map took 20-35 ms (node), and an open draws its rows
   * without it. Kept up to date from then on.
   */
  private byId: Map<Id, PositionClaim> | null = null
  private world: PositionsWorld
  private options: PositionsOptions
  private compiled!: Compiled
  private readonly series = new Map<string, Map<Id, SeriesState>>()
  private dirty = new Set<SeriesState>()
  private cutoff: number | null = null
  private counted = 0
  private undated = 0
  private hiddenBefore = 0
  private readonly mix = new Map<Id, number>()
  private version = 0
  private cached: PositionsResult | null = null
  /** Nothing computed for the current options yet: the first result() computes (options often change before anyone looks). */
  private stale = true

  constructor(claims: Iterable<ClaimFact>, articles: Iterable<ArticleFact>, world: PositionsWorld, options: PositionsOptions = DEFAULT_OPTIONS) {
    this.world = world
    this.options = options
    drainSteps(this.load(claims, articles))
  }

  /**
   * The same engine as the constructor makes, with its first result computed, built in slices:
   * every few thousand claims it lets `pause` decide whether to give the thread back (a screen
   * stays responsive while a hundred thousand claims are placed). The steps are the
   * constructor's and result()'s own, so the answer is the same.
   */
  static create(claims: Iterable<ClaimFact>, articles: Iterable<ArticleFact>, world: PositionsWorld, options: PositionsOptions, pause: () => Promise<void> | null): Promise<PositionsEngine> {
    return runSliced(PositionsEngine.built(claims, articles, world, options), pause)
  }

  /** create's steps, for a caller that runs them among steps of its own. */
  static *built(claims: Iterable<ClaimFact>, articles: Iterable<ArticleFact>, world: PositionsWorld, options: PositionsOptions): Generator<void, PositionsEngine, void> {
    const engine = new PositionsEngine([], [], world, options)
    yield* engine.load(claims, articles)
    yield* engine.recomputeSteps()
    engine.result()
    return engine
  }

  /**
   * Claim facts in the engine's time order (undated last), as allFacts gives them, placed in
   * steps and nothing computed: a snapshot stored in this order opens without a sort.
   */
  static *inTimeOrder(claims: Iterable<ClaimFact>, articles: Iterable<ArticleFact>): Generator<void, ClaimFact[], void> {
    const engine = new PositionsEngine([], [], { actors: new Map(), issues: [], coders: [], assignments: [], viewerId: null })
    // Facts in another order (a table's key order) took 190-210 ms to sort in one call (node).
    yield* engine.load(claims, articles, false)
    yield* sortInSteps(engine.ordered, compareClaimsByTime)
    return engine.allFacts().claims
  }

  private *load(claims: Iterable<ClaimFact>, articles: Iterable<ArticleFact>, sort = true): Generator<void, void, void> {
    for (const article of articles) this.articles.set(article.id, article)
    yield
    let count = 0
    for (const fact of claims) {
      const entry = this.entryOf(fact)
      if (Number.isNaN(entry.day)) this.undatedClaims.add(entry)
      else this.ordered.push(entry)
      if (++count % SLICE === 0) yield
    }
    // Facts read from a snapshot arrive in time order already: the sort then only checks it.
    if (sort) this.ordered.sort(compareClaimsByTime)
  }

  /** How many claims the engine holds (every claim, whatever the filters). */
  get size(): number {
    return this.ordered.length + this.undatedClaims.size
  }

  private entries(): Map<Id, PositionClaim> {
    if (this.byId === null) {
      const byId = new Map<Id, PositionClaim>()
      for (let index = 0; index < this.ordered.length; index++) byId.set(this.ordered[index]!.id, this.ordered[index]!)
      for (const entry of this.undatedClaims) byId.set(entry.id, entry)
      this.byId = byId
    }
    return this.byId
  }

  getOptions(): PositionsOptions {
    return this.options
  }

  getWorld(): PositionsWorld {
    return this.world
  }

  /** Every claim fact held, in time order (undated ones last): what a snapshot stores. */
  allFacts(): { claims: ClaimFact[]; articles: ArticleFact[] } {
    const claims: ClaimFact[] = this.ordered.map(factOf)
    for (const entry of this.undatedClaims) claims.push(factOf(entry))
    return { claims, articles: [...this.articles.values()] }
  }

  /** How many articles the engine holds. */
  get articleCount(): number {
    return this.articles.size
  }

  /** Every article fact held. */
  articleFacts(): Iterable<ArticleFact> {
    return this.articles.values()
  }

  /** A claim as positions count it, or undefined. */
  claim(id: Id): PositionClaim | undefined {
    return this.entries().get(id)
  }

  /** A claim's fact as held, or undefined. */
  fact(id: Id): ClaimFact | undefined {
    const entry = this.entries().get(id)
    return entry && factOf(entry)
  }

  /** An article's fact as held, or undefined. */
  article(id: Id): ArticleFact | undefined {
    return this.articles.get(id)
  }

  setOptions(options: PositionsOptions): void {
    if (sameOptions(options, this.options)) return
    this.options = options
    this.stale = true
    this.touch()
  }

  /** Applies a change to the data; returns whether the result changed. */
  apply(change: PositionsChange): boolean {
    const structural = this.stale || this.structuralChange(change)
    const affected = new Set<Id>()
    for (const { id } of change.claims ?? []) affected.add(id)
    const articleIds = new Set((change.articles ?? []).map((entry) => entry.id))
    const actorIds = new Set((change.actors ?? []).map((entry) => entry.id))
    if (articleIds.size > 0 || actorIds.size > 0) {
      // Far fewer writes than claims: one pass finds the claims an article or actor carries.
      const carried = (entry: PositionClaim): void => {
        if (articleIds.has(entry.articleId) || actorIds.has(entry.actorId)) affected.add(entry.id)
      }
      this.ordered.forEach(carried)
      this.undatedClaims.forEach(carried)
    }
    // Each affected claim's fact as it will be: a changed claim's new one, any other's as held
    // (its article or its actor changed). Taken before the entries they are read from go.
    const facts = new Map<Id, ClaimFact | null>()
    const entries = this.entries()
    for (const id of affected) {
      const held = entries.get(id)
      facts.set(id, held ? factOf(held) : null)
    }
    for (const { id, fact } of change.claims ?? []) facts.set(id, fact)
    // The claims leaving and joining the time order, moved in it together at the end.
    const gone: PositionClaim[] = []
    const added: PositionClaim[] = []
    if (!structural) for (const id of affected) this.removeEntry(id, gone)

    for (const { id, fact } of change.articles ?? []) {
      if (fact) this.articles.set(id, fact)
      else this.articles.delete(id)
    }
    if (change.actors && change.actors.length > 0) {
      const actors = new Map(this.world.actors)
      for (const { id, actor } of change.actors) {
        if (actor) actors.set(id, actor)
        else actors.delete(id)
      }
      this.world = { ...this.world, actors }
    }
    if (change.issues) this.world = { ...this.world, issues: change.issues }
    if (change.coders) this.world = { ...this.world, coders: change.coders }
    if (change.assignments) this.world = { ...this.world, assignments: change.assignments }
    if (change.viewerId !== undefined) this.world = { ...this.world, viewerId: change.viewerId }

    if (structural) {
      for (const id of affected) this.replaceEntry(id, facts.get(id) ?? null, gone, added)
      this.ordered = updateByTime(this.ordered, gone, added)
      this.stale = true
      this.touch()
      return true
    }
    if (change.issues) this.compiled = this.compile()
    for (const id of affected) this.addEntry(id, facts.get(id) ?? null, added)
    this.ordered = updateByTime(this.ordered, gone, added)
    if (this.truncation().cutoff !== this.cutoff) {
      this.recomputeAll()
      return true
    }
    // Labels (an actor renamed, an issue relabelled) change the rows even when no count does.
    const changed = this.dirty.size > 0 || affected.size > 0 || actorIds.size > 0 || articleIds.size > 0 || change.issues !== undefined
    this.flush()
    if (changed) this.touch()
    return changed
  }

  result(): PositionsResult {
    if (this.stale) this.recomputeAll()
    if (this.cached) return this.cached
    const series: PositionSeries[] = []
    for (const byIssue of this.series.values()) for (const state of byIssue.values()) if (state.result) series.push(state.result)
    const byCoder = new Map(this.mix)
    const adjudicated = byCoder.get(ADJUDICATED) ?? 0
    byCoder.delete(ADJUDICATED)
    this.cached = {
      options: this.options,
      series,
      counted: this.counted,
      undated: this.undated,
      hiddenBefore: this.hiddenBefore,
      truncated: this.cutoff !== null,
      cutoff: this.cutoff,
      mix: { byCoder, adjudicated },
      version: this.version,
      claimsBehind: true,
    }
    return this.cached
  }

  // --- building entries --------------------------------------------------------------------

  private normalise(value: string): DatedAs {
    let dated = NORMALISED.get(value)
    if (dated === undefined) {
      const date = normaliseCalendarDate(value)
      dated = { date, day: date === '' ? Number.NaN : dayNumber(date) }
      if (NORMALISED.size >= MAX_NORMALISED) NORMALISED.clear()
      NORMALISED.set(value, dated)
    }
    return dated
  }

  private entryOf(fact: ClaimFact): PositionClaim {
    const article = this.articles.get(fact.articleId)
    let dated = fact.date ? this.normalise(fact.date) : UNDATED
    if (dated.date === '' && article) dated = this.normalise(article.publishedAt)
    return {
      id: fact.id,
      actorId: fact.actorId,
      issueIds: fact.issueIds,
      articleId: fact.articleId,
      coderId: fact.coderId,
      adjudicated: fact.adjudicated,
      stance: fact.stance,
      date: dated.date,
      ownDate: fact.date,
      day: dated.day,
      source: article?.source ?? '',
      createdAt: fact.createdAt,
    }
  }

  /** Rebuilds a claim's entry from its fact (after its fact or article changed), outside any series; the time order's moves go in `gone` and `added`. */
  private replaceEntry(id: Id, fact: ClaimFact | null, gone: PositionClaim[], added: PositionClaim[]): void {
    const entries = this.entries()
    const old = entries.get(id)
    if (old) {
      if (Number.isNaN(old.day)) this.undatedClaims.delete(old)
      else gone.push(old)
    }
    entries.delete(id)
    if (!fact) return
    const entry = this.entryOf(fact)
    entries.set(id, entry)
    if (Number.isNaN(entry.day)) this.undatedClaims.add(entry)
    else added.push(entry)
  }

  // --- the options and the world, compiled -----------------------------------------------

  private compile(): Compiled {
    const { options, world } = this
    const tree = buildCodebookTree(world.issues)
    const keying = keyingOf(tree, options)
    const viewer = world.viewerId === null ? null : (world.coders.find((coder) => coder.id === world.viewerId) ?? null)
    const size = options.bucketSize
    return {
      tree,
      keying,
      visible: claimVisibility(viewer, world.assignments),
      inSet: inFactSet(options.claimSet),
      from: options.from ? normaliseCalendarDate(options.from) : '',
      to: options.to ? normaliseCalendarDate(options.to) : '',
      kind: options.actorKind === null ? null : actorKindKey(options.actorKind),
      ordinalOf: (day) => bucketOrdinalOfDay(day, size),
      byActor: options.groupBy.kind === 'actor',
      plainIssues: keying.only === null && keying.collapseTo === null && keying.level === 'coded',
    }
  }

  /** Every filter but the dates. */
  private passesBut(claim: PositionClaim): boolean {
    const compiled = this.compiled
    if (!compiled.visible(claim) || !compiled.inSet(claim)) return false
    const { source } = this.options
    if (source !== null && claim.source !== source) return false
    if (compiled.kind !== null) {
      const actor = this.world.actors.get(claim.actorId)
      if (!actor || actorKindKey(actor.kind) !== compiled.kind) return false
    }
    return true
  }

  private inRange(claim: PositionClaim): boolean {
    const { from, to } = this.compiled
    return (from === '' || claim.date >= from) && (to === '' || claim.date <= to)
  }

  /** The issues a claim counts under (none: it counts in no row). The common case, one issue as coded, makes no array. */
  private issuesOf(claim: PositionClaim): readonly Id[] {
    const ids = claim.issueIds
    return this.compiled.plainIssues && ids.length === 1 ? ids : issueKeysOf(ids, this.compiled.keying)
  }

  /** The groups a claim counts in (place() puts rows by actor straight under the actor, without this array). */
  private groupsOf(claim: PositionClaim): readonly string[] {
    return groupKeysOf(this.world.actors.get(claim.actorId), claim.actorId, this.options.groupBy)
  }

  /** Whether the world's change reshapes rows for many claims at once (codebook tree, visibility). */
  private structuralChange(change: PositionsChange): boolean {
    if (change.coders || change.assignments || change.viewerId !== undefined) return true
    if (!change.issues) return false
    const before = new Map(this.world.issues.map((issue) => [issue.id, issue.parentId]))
    const after = new Map(change.issues.map((issue) => [issue.id, issue.parentId]))
    for (const [id, parent] of before) if (!after.has(id) || after.get(id) !== parent) return true
    // A new issue under a parent moves claims that already named it (they arrived first).
    const added = [...after].filter(([id, parent]) => !before.has(id) && parent !== null).map(([id]) => id)
    if (added.length === 0) return false
    const addedSet = new Set(added)
    const named = (entry: PositionClaim): boolean => entry.issueIds.some((id) => addedSet.has(id))
    return this.ordered.some(named) || [...this.undatedClaims].some(named)
  }

  // --- the span, and truncation ------------------------------------------------------------

  private truncation(): { cutoff: number | null } {
    const maxBuckets = this.options.maxBuckets
    let first: PositionClaim | undefined
    let last: PositionClaim | undefined
    for (const entry of this.ordered) {
      if (this.counts(entry)) {
        first = entry
        break
      }
    }
    if (!first) return { cutoff: null }
    for (let index = this.ordered.length - 1; index >= 0; index--) {
      const entry = this.ordered[index]!
      if (this.counts(entry)) {
        last = entry
        break
      }
    }
    const firstOrdinal = this.compiled.ordinalOf(first.day)
    const lastOrdinal = this.compiled.ordinalOf(last!.day)
    if (lastOrdinal - firstOrdinal + 1 <= maxBuckets) return { cutoff: null }
    return { cutoff: lastOrdinal - maxBuckets + 1 }
  }

  /** Whether a dated claim counts in some row, the cutoff aside. */
  private counts(claim: PositionClaim): boolean {
    return this.inRange(claim) && this.passesBut(claim) && this.issuesOf(claim).length > 0
  }

  // --- full and incremental -----------------------------------------------------------------

  private recomputeAll(): void {
    drainSteps(this.recomputeSteps())
  }

  private *recomputeSteps(): Generator<void, void, void> {
    this.stale = false
    this.compiled = this.compile()
    this.series.clear()
    this.dirty.clear()
    this.mix.clear()
    this.counted = 0
    this.undated = 0
    this.hiddenBefore = 0
    this.cutoff = this.truncation().cutoff
    for (const entry of this.undatedClaims) if (this.passesBut(entry) && this.issuesOf(entry).length > 0) this.undated++
    // In time order, so every series' members come out in time order without sorting.
    const ordered = this.ordered
    for (let index = 0; index < ordered.length; index++) {
      this.place(ordered[index]!, false)
      if ((index + 1) % SLICE === 0) yield
    }
    yield* this.flushSteps()
    this.touch()
  }

  /** Puts a dated claim into its rows (insert: keep each row's time order by searching). */
  private place(entry: PositionClaim, insert: boolean): void {
    if (!this.inRange(entry) || !this.passesBut(entry)) return
    const issues = this.issuesOf(entry)
    if (issues.length === 0) return
    if (this.cutoff !== null && this.compiled.ordinalOf(entry.day) < this.cutoff) {
      this.hiddenBefore++
      return
    }
    this.counted++
    const coder = entry.adjudicated ? ADJUDICATED : entry.coderId
    this.mix.set(coder, (this.mix.get(coder) ?? 0) + 1)
    if (this.compiled.byActor) this.placeInGroup(entry.actorId, issues, entry, insert)
    else for (const group of this.groupsOf(entry)) this.placeInGroup(group, issues, entry, insert)
  }

  private placeInGroup(group: string, issues: readonly Id[], entry: PositionClaim, insert: boolean): void {
    let byIssue = this.series.get(group)
    if (!byIssue) this.series.set(group, (byIssue = new Map<Id, SeriesState>()))
    for (let index = 0; index < issues.length; index++) {
      const issueId = issues[index]!
      let state = byIssue.get(issueId)
      if (!state) byIssue.set(issueId, (state = { groupKey: group, issueId, members: [], result: null, queued: false }))
      if (insert) insertByTime(this.membersToChange(state), entry)
      else state.members.push(entry)
      this.queue(state)
    }
  }

  /** Takes a claim out of its rows, with the world and options it was placed with. */
  private unplace(entry: PositionClaim): void {
    if (!this.inRange(entry) || !this.passesBut(entry)) return
    const issues = this.issuesOf(entry)
    if (issues.length === 0) return
    if (this.cutoff !== null && this.compiled.ordinalOf(entry.day) < this.cutoff) {
      this.hiddenBefore--
      return
    }
    this.counted--
    const coder = entry.adjudicated ? ADJUDICATED : entry.coderId
    const left = (this.mix.get(coder) ?? 0) - 1
    if (left > 0) this.mix.set(coder, left)
    else this.mix.delete(coder)
    for (const group of this.groupsOf(entry)) {
      const byIssue = this.series.get(group)
      for (const issueId of issues) {
        const state = byIssue?.get(issueId)
        if (!state) continue
        removeByTime(this.membersToChange(state), entry)
        this.queue(state)
      }
    }
  }

  /** A series' members, ready to change: copied first when its result still shares them. */
  private membersToChange(state: SeriesState): PositionClaim[] {
    if (state.result !== null && state.result.claimList === state.members) state.members = state.members.slice()
    return state.members
  }

  private queue(state: SeriesState): void {
    if (state.queued) return
    state.queued = true
    this.dirty.add(state)
  }

  /** Takes a claim out of its rows; a dated one goes in `gone`, to leave the time order. */
  private removeEntry(id: Id, gone: PositionClaim[]): void {
    const entries = this.entries()
    const entry = entries.get(id)
    if (!entry) return
    if (Number.isNaN(entry.day)) {
      if (this.passesBut(entry) && this.issuesOf(entry).length > 0) this.undated--
      this.undatedClaims.delete(entry)
    } else {
      this.unplace(entry)
      gone.push(entry)
    }
    entries.delete(id)
  }

  /** Puts a claim into its rows; a dated one goes in `added`, to join the time order. */
  private addEntry(id: Id, fact: ClaimFact | null, added: PositionClaim[]): void {
    if (!fact) return
    const entry = this.entryOf(fact)
    this.entries().set(id, entry)
    if (Number.isNaN(entry.day)) {
      if (this.passesBut(entry) && this.issuesOf(entry).length > 0) this.undated++
      this.undatedClaims.add(entry)
      return
    }
    added.push(entry)
    this.place(entry, true)
  }

  /** Recomputes the cells of every series a change touched. */
  private flush(): void {
    drainSteps(this.flushSteps())
  }

  private *flushSteps(): Generator<void, void, void> {
    let done = 0
    for (const state of this.dirty) {
      state.queued = false
      if (state.members.length === 0) {
        const byIssue = this.series.get(state.groupKey)
        byIssue?.delete(state.issueId)
        if (byIssue && byIssue.size === 0) this.series.delete(state.groupKey)
        state.result = null
      } else state.result = this.seriesOf(state)
      done += state.members.length
      if (done >= SLICE) {
        done = 0
        yield
      }
    }
    this.dirty.clear()
  }

  private touch(): void {
    this.version++
    this.cached = null
  }

  private seriesOf(state: SeriesState): PositionSeries {
    const members = state.members
    const ordinalOf = this.compiled.ordinalOf
    const cells: PositionCell[] = []
    let sum = 0
    let cell: EngineCell | null = null
    let previous: EngineCell | null = null
    let reversals = 0
    // Most rows have claims from one actor: a set is made only when a second one appears.
    const firstActor = members[0]!.actorId
    let actors: Set<Id> | null = null
    // Claims of one day fall in one bucket: the ordinal is worked out once a day.
    let day = Number.NaN
    let ordinal = 0
    for (let index = 0; index < members.length; index++) {
      const claim = members[index]!
      if (claim.day !== day) {
        day = claim.day
        ordinal = ordinalOf(day)
      }
      if (cell === null || cell.ordinal !== ordinal) {
        if (cell !== null) {
          if (closeCell(cell, previous)) reversals++
          previous = cell
        }
        cell = new EngineCell(ordinal, members, index, claim)
        cells.push(cell)
      }
      cell.count++
      cell.sum += claim.stance
      cell.counts[(claim.stance + 2) as 0 | 1 | 2 | 3 | 4]++
      // Members are in time order: each claim is the latest so far.
      cell.latest = claim.stance
      cell.latestDate = claim.date
      sum += claim.stance
      if (actors !== null) actors.add(claim.actorId)
      else if (claim.actorId !== firstActor) actors = new Set([firstActor, claim.actorId])
    }
    if (cell !== null && closeCell(cell, previous)) reversals++
    // The result shares the members; the next change to them copies them first (membersToChange).
    return new EngineSeries(state.groupKey, state.issueId, cells, members, sum, reversals, actors === null ? 1 : actors.size)
  }
}

/** A cell as the engine makes it: its claims are a run of its series' members, taken when asked for (a cell opened). */
class EngineCell implements PositionCell {
  count = 0
  sum = 0
  mean = 0
  counts: StanceCounts = [0, 0, 0, 0, 0]
  latest: Stance
  latestDate: string
  shift = false
  previous: { ordinal: number; mean: number } | null = null
  // Private (#): a copy of the cell ({ ...cell }) holds its figures, not the members.
  readonly #members: readonly PositionClaim[]
  readonly #first: number

  constructor(
    readonly ordinal: number,
    members: readonly PositionClaim[],
    first: number,
    claim: PositionClaim,
  ) {
    this.#members = members
    this.#first = first
    this.latest = claim.stance
    this.latestDate = claim.date
  }

  get claims(): PositionClaim[] {
    return this.#members.slice(this.#first, this.#first + this.count)
  }
}

/** A series as the engine makes it; its cells by ordinal are indexed when first asked for (a table asks for the rows on screen). */
class EngineSeries implements PositionSeries {
  readonly key: string
  readonly count: number
  readonly mean: number
  readonly firstStance: Stance
  readonly lastStance: Stance
  readonly shift: number
  readonly firstSeen: string
  readonly lastSeen: string
  // Private (#): a copy of the series ({ ...series }) holds its figures, not the index.
  #byOrdinal: Map<number, PositionCell> | null = null

  constructor(
    readonly groupKey: string,
    readonly issueId: Id,
    readonly cells: PositionCell[],
    readonly claimList: readonly PositionClaim[],
    readonly sum: number,
    readonly reversals: number,
    readonly actorCount: number,
  ) {
    const first = claimList[0]!
    const last = claimList[claimList.length - 1]!
    this.key = `${groupKey}|${issueId}`
    this.count = claimList.length
    this.mean = sum / claimList.length
    this.firstStance = first.stance
    this.lastStance = last.stance
    this.shift = last.stance - first.stance
    this.firstSeen = first.date
    this.lastSeen = last.date
  }

  get byOrdinal(): ReadonlyMap<number, PositionCell> {
    if (this.#byOrdinal === null) {
      const byOrdinal = new Map<number, PositionCell>()
      for (const cell of this.cells) byOrdinal.set(cell.ordinal, cell)
      this.#byOrdinal = byOrdinal
    }
    return this.#byOrdinal
  }
}

/** A claim's fact, from its entry: what the engine was given for it. */
function factOf(entry: PositionClaim): ClaimFact {
  return {
    id: entry.id,
    actorId: entry.actorId,
    issueIds: entry.issueIds,
    date: entry.ownDate,
    articleId: entry.articleId,
    stance: entry.stance,
    coderId: entry.coderId,
    adjudicated: entry.adjudicated,
    createdAt: entry.createdAt,
  }
}

function keyingOf(tree: CodebookTree, options: PositionsOptions): IssueKeying {
  const only = options.issueId === null ? null : issueWithDescendants(tree, options.issueId)
  return { level: options.level, only, collapseTo: options.oneIssue && options.issueId !== null ? options.issueId : null, tree }
}

/** The issues a claim on these issues counts under, as the engine keys its rows for these options and this codebook. */
export function issueKeyer(issues: readonly Issue[], options: PositionsOptions): (issueIds: readonly Id[]) => readonly Id[] {
  const keying = keyingOf(buildCodebookTree(issues), options)
  return (issueIds) => issueKeysOf(issueIds, keying)
}

/** Claims handled between two chances to pause in a sliced build. */
const SLICE = 2_000

/** Finishes a cell: its mean, and whether its sign turned from the previous cell's (returned: a reversal). */
function closeCell(cell: PositionCell, previous: PositionCell | null): boolean {
  cell.mean = cell.sum / cell.count
  if (previous === null) return false
  // The previous cell itself: it has the ordinal and mean asked for (one object fewer per cell).
  cell.previous = previous
  if (Math.sign(previous.sum) * Math.sign(cell.sum) >= 0) return false
  cell.shift = true
  return true
}

/** domain/coding/claimSet's inClaimSet, on a fact's adjudicated flag. */
function inFactSet(set: ClaimSet): (claim: PositionClaim) => boolean {
  switch (set.kind) {
    case 'all':
      return () => true
    case 'adjudicated':
      return (claim) => claim.adjudicated
    case 'coder': {
      const { coderId } = set
      return (claim) => claim.coderId === coderId && !claim.adjudicated
    }
  }
}

function sameGroupBy(a: GroupBy, b: GroupBy): boolean {
  return a.kind === b.kind && (a.kind !== 'attribute' || (b.kind === 'attribute' && a.name === b.name))
}

function sameClaimSet(a: ClaimSet, b: ClaimSet): boolean {
  return a.kind === b.kind && (a.kind !== 'coder' || (b.kind === 'coder' && a.coderId === b.coderId))
}

export function sameOptions(a: PositionsOptions, b: PositionsOptions): boolean {
  return (
    a.bucketSize === b.bucketSize &&
    a.from === b.from &&
    a.to === b.to &&
    a.source === b.source &&
    a.level === b.level &&
    sameGroupBy(a.groupBy, b.groupBy) &&
    sameClaimSet(a.claimSet, b.claimSet) &&
    a.issueId === b.issueId &&
    a.oneIssue === b.oneIssue &&
    a.actorKind === b.actorKind &&
    a.maxBuckets === b.maxBuckets
  )
}

/** Positions computed whole, from scratch: the reference the incremental path must equal. */
export function computePositions(claims: Iterable<ClaimFact>, articles: Iterable<ArticleFact>, world: PositionsWorld, options: PositionsOptions): PositionsResult {
  return new PositionsEngine(claims, articles, world, options).result()
}
