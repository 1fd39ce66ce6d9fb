import { isStance, type Id } from '../model'
import { issueKeyer, PositionsEngine, type PositionSeries, type PositionsResult, type PositionsWorld } from './engine'
import type { ArticleFact, ClaimFact } from './facts'
import { groupKeysOf } from './grouping'
import { firstOrdinalOf, lastOrdinalOf, storedSpan } from './resultPack'
import { drainSteps } from '../timeSlices'
import type { SnapshotReader } from './snapshot'

// Stored positions brought up to date with the claims saved since they were stored, without
// the engine: a cold open after some tagging (the stored positions are then a few writes
// behind) draws exact rows at once instead of waiting a second for a hundred thousand claims
// to be placed.
//
// Only the rows the changed claims were in, or are in now, can differ. Those rows are
// recomputed whole by an engine over their claims alone (the same code as the full engine, so
// the same numbers), and every other row is kept as stored. The totals (claims counted,
// undated, who coded them) move by what the changed claims count now less what they counted
// then, each measured by an engine over just those claims; the rows they were and are in are
// those two engines' rows.
//
// What a changed claim was when the positions were stored is its fact in the facts snapshot,
// or, when it changed between the snapshot and the stored positions too, its fact stored with
// them (ChangedSince). Whatever cannot be brought up to date exactly is refused (null), and the
// open waits for the engine as before: a change of actors, codebook or team after the positions
// were stored (it can move any row), a claim changed on both sides of them with no fact stored,
// a span cut to its latest buckets, or more changes than recounting the rows they touch would
// be quick for.

export interface CatchUpSource {
  /** The stored positions (unpacked), computed at the journal's `storedSeq`. */
  stored: PositionsResult
  storedSeq: number
  /** The world now; the caller saw no change to it after `storedSeq` (the entries are checked too). */
  world: PositionsWorld
  /** The packed facts snapshot, at the journal's `seq` (at or before `storedSeq`), read without unpacking it. */
  snapshot: { seq: number; facts: SnapshotReader }
  /** Every journal entry after the snapshot, up to now. */
  entries: readonly { seq: number; table: string; id: Id }[]
  /** The facts now of every claim and article those entries name (null: deleted). */
  tail: { claims: ReadonlyMap<Id, ClaimFact | null>; articles: ReadonlyMap<Id, ArticleFact | null> }
  /** Stored with the positions: the facts then of what changed between a snapshot and them. */
  changedBefore?: unknown
}

/**
 * Stored beside positions computed after the facts snapshot: the facts, as they were when the
 * positions were computed, of every claim and article changed after the snapshot at `since`
 * (null: deleted). A claim changed both before and after the positions were stored is then
 * known as it was when they were.
 */
export interface ChangedSince {
  since: number
  claims: [Id, ClaimFact | null][]
  articles: [Id, ArticleFact | null][]
}

const isText = (value: unknown): value is string => typeof value === 'string'

function isClaimFact(value: unknown): value is ClaimFact {
  if (typeof value !== 'object' || value === null) return false
  const fact = value as Partial<ClaimFact>
  return (
    [fact.id, fact.actorId, fact.date, fact.articleId, fact.coderId, fact.createdAt].every(isText) &&
    Array.isArray(fact.issueIds) &&
    fact.issueIds.every(isText) &&
    isStance(fact.stance) &&
    typeof fact.adjudicated === 'boolean'
  )
}

function isArticleFact(value: unknown): value is ArticleFact {
  if (typeof value !== 'object' || value === null) return false
  const fact = value as Partial<ArticleFact>
  return [fact.id, fact.publishedAt, fact.source].every(isText)
}

function pairsOf<T>(value: unknown, isFact: (fact: unknown) => fact is T): Map<Id, T | null> | null {
  if (!Array.isArray(value)) return null
  const found = new Map<Id, T | null>()
  for (const pair of value as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || !isText(pair[0])) return null
    const fact: unknown = pair[1]
    if (fact !== null && !isFact(fact)) return null
    found.set(pair[0], fact)
  }
  return found
}

/** The facts a ChangedSince holds, when it is whole and counted from this snapshot or an earlier one; else null (a cache: never half-used). */
function changedBefore(value: unknown, snapshotSeq: number): { claims: Map<Id, ClaimFact | null>; articles: Map<Id, ArticleFact | null> } | null {
  if (typeof value !== 'object' || value === null) return null
  const changed = value as Partial<ChangedSince>
  if (typeof changed.since !== 'number' || changed.since > snapshotSeq) return null
  const claims = pairsOf(changed.claims, isClaimFact)
  const articles = pairsOf(changed.articles, isArticleFact)
  return claims && articles ? { claims, articles } : null
}

export interface CatchUpLimits {
  /** At most this many claims changed after the stored positions (an import chunk is more). */
  changes: number
  /** At most this many claims in the rows to recount. */
  recount: number
}

export const CATCH_UP_LIMITS: CatchUpLimits = { changes: 2_000, recount: 25_000 }

/** Tables whose changes can move any row: the rows are then recomputed by the engine. */
const WORLD_TABLES: ReadonlySet<string> = new Set(['actors', 'issues', 'coders', 'assignments'])

export interface CaughtUp {
  result: PositionsResult
  /** Claims added since the stored positions, less those deleted. */
  addedClaims: number
}

/**
 * The stored positions as a full recompute would give them now, or null when that cannot be
 * done exactly and quickly (see above). The result is `stored` itself when nothing positions
 * count changed since.
 */
export function catchUpStored(source: CatchUpSource, limits: CatchUpLimits = CATCH_UP_LIMITS): CaughtUp | null {
  return drainSteps(catchUpSteps(source, limits))
}

/** catchUpStored in steps, for a caller that gives the thread back between them (runSliced). */
export function* catchUpSteps(source: CatchUpSource, limits: CatchUpLimits = CATCH_UP_LIMITS): Generator<void, CaughtUp | null, void> {
  const { stored, storedSeq, snapshot, world, tail } = source
  if (stored.truncated || storedSeq < snapshot.seq) return null
  const earlier = { claims: new Set<Id>(), articles: new Set<Id>() }
  const later = { claims: new Set<Id>(), articles: new Set<Id>() }
  for (const entry of source.entries) {
    if (entry.seq <= snapshot.seq) continue
    if (entry.seq > storedSeq && WORLD_TABLES.has(entry.table)) return null
    const into = entry.seq <= storedSeq ? earlier : later
    if (entry.table === 'claims') into.claims.add(entry.id)
    else if (entry.table === 'articles') into.articles.add(entry.id)
  }
  if (later.claims.size === 0 && later.articles.size === 0) return { result: stored, addedClaims: 0 }
  if (later.claims.size > limits.changes) return null
  // Changed on both sides of the stored positions: what it was when they were stored is known
  // only when stored with them.
  const known = changedBefore(source.changedBefore, snapshot.seq)
  for (const id of later.claims) if (earlier.claims.has(id) && !known?.claims.has(id)) return null
  for (const id of later.articles) if (earlier.articles.has(id) && !known?.articles.has(id)) return null

  // Facts now: the tail's for whatever changed after the snapshot, else the snapshot's. Only
  // the articles of the claims counted below are taken out of it, as they are needed.
  const snapshotArticles = new Map<Id, ArticleFact>()
  const articlesAsked = new Set<Id>()
  const takeArticlesOf = (facts: Iterable<ClaimFact>): void => {
    const wanted = new Set<Id>()
    for (const fact of facts) if (!articlesAsked.has(fact.articleId)) wanted.add(fact.articleId)
    for (const [id, fact] of snapshot.facts.articlesById(wanted)) snapshotArticles.set(id, fact)
    for (const id of wanted) articlesAsked.add(id)
  }
  const articleNow = (id: Id): ArticleFact | undefined => (tail.articles.has(id) ? (tail.articles.get(id) ?? undefined) : snapshotArticles.get(id))
  // Then (at the stored positions): for what changed after them, as stored with them, else the
  // snapshot's; for anything else, as now.
  const articleThen = (id: Id): ArticleFact | undefined => {
    if (!later.articles.has(id)) return articleNow(id)
    return known?.articles.has(id) ? (known.articles.get(id) ?? undefined) : snapshotArticles.get(id)
  }
  const fromSnapshot = new Set<Id>()
  for (const id of later.claims) if (!known?.claims.has(id)) fromSnapshot.add(id)
  const inSnapshot = snapshot.facts.claimsById(fromSnapshot)
  yield
  const claimThen = (id: Id): ClaimFact | undefined => (known?.claims.has(id) ? (known.claims.get(id) ?? undefined) : inSnapshot.get(id))
  let addedClaims = 0
  for (const id of later.claims) addedClaims += (tail.claims.get(id) ? 1 : 0) - (claimThen(id) ? 1 : 0)

  // The changed claims as they are now: saved since, or on an article edited since.
  const claimNow = new Map<Id, ClaimFact | null>()
  for (const id of later.claims) claimNow.set(id, tail.claims.get(id) ?? null)
  if (later.articles.size > 0) {
    const onArticle = (id: Id): boolean => later.articles.has(id)
    for (const fact of snapshot.facts.claimsOnArticles(onArticle)) if (!tail.claims.has(fact.id)) claimNow.set(fact.id, fact)
    for (const [id, fact] of tail.claims) if (fact && later.articles.has(fact.articleId)) claimNow.set(id, fact)
  }
  if (claimNow.size > limits.changes) return null
  const before: ClaimFact[] = []
  const after: ClaimFact[] = []
  for (const [id, now] of claimNow) {
    // Not saved since (only its article was edited): it was then what it is now.
    const then = later.claims.has(id) ? claimThen(id) : now
    if (then) before.push(then)
    if (now) after.push(now)
  }
  const counted = (facts: readonly ClaimFact[], articleOf: (id: Id) => ArticleFact | undefined): PositionsResult =>
    new PositionsEngine(facts, articlesOf(facts, articleOf), world, stored.options).result()
  yield
  takeArticlesOf(before)
  takeArticlesOf(after)
  const was = counted(before, articleThen)
  const is = counted(after, articleNow)
  if (was.truncated || is.truncated || !withinSpan(stored, is)) return null

  // The rows to recount, and the groups they are of. A claim of those groups counts in one of
  // those rows only if one of its issues does too: an actor's claims on other issues are left
  // out of the recount, and its other rows kept as stored.
  const rows = new Set<string>()
  // The issues of the rows, by group.
  const issuesOf = new Map<string, Set<Id>>()
  for (const entry of [...was.series, ...is.series]) {
    rows.add(entry.key)
    let issues = issuesOf.get(entry.groupKey)
    if (!issues) issuesOf.set(entry.groupKey, (issues = new Set()))
    issues.add(entry.issueId)
  }
  const { groupBy } = stored.options
  const keysOf = issueKeyer(world.issues, stored.options)
  // Per actor: the test a claim's issues must pass for it to count in a row to recount (one of
  // its issues keyed into one of its groups' recounted issues), or null when none of its groups
  // has a row to recount.
  const testsByActor = new Map<Id, ((issueIds: readonly Id[]) => boolean) | null>()
  const rowsOf = (actorId: Id): ((issueIds: readonly Id[]) => boolean) | null => {
    let test = testsByActor.get(actorId)
    if (test !== undefined) return test
    const recounted: Set<Id>[] = []
    for (const group of groupKeysOf(world.actors.get(actorId), actorId, groupBy)) {
      const issues = issuesOf.get(group)
      if (issues) recounted.push(issues)
    }
    test = recounted.length === 0 ? null : (issueIds) => keysOf(issueIds).some((issue) => recounted.some((issues) => issues.has(issue)))
    testsByActor.set(actorId, test)
    return test
  }
  yield
  // From the snapshot, less the claims saved since (their facts now are the tail's), with the
  // articles they are on as the snapshot holds them.
  const inRows = snapshot.facts.claimsInRows(rowsOf, new Set(tail.claims.keys()))
  const recount = inRows.claims
  const saved: ClaimFact[] = []
  for (const fact of tail.claims.values()) if (fact && rowsOf(fact.actorId)?.(fact.issueIds)) saved.push(fact)
  if (recount.length + saved.length > limits.recount) return null
  yield
  // The articles now: an article saved since is the tail's (left out when deleted).
  const recountArticles = new Map<Id, ArticleFact>()
  for (const [id, fact] of inRows.articles) {
    const now = tail.articles.has(id) ? tail.articles.get(id) : fact
    if (now) recountArticles.set(id, now)
  }
  // A claim on an article the snapshot lacks (one saved since) finds it in the tail.
  if (tail.articles.size > 0) {
    const onTailArticle = new Set<Id>()
    for (const fact of recount) if (tail.articles.has(fact.articleId) && !recountArticles.has(fact.articleId)) onTailArticle.add(fact.articleId)
    for (const id of onTailArticle) {
      const article = tail.articles.get(id)
      if (article) recountArticles.set(id, article)
    }
  }
  takeArticlesOf(saved)
  for (const fact of saved) {
    recount.push(fact)
    const article = articleNow(fact.articleId)
    if (article) recountArticles.set(article.id, article)
  }
  yield
  // A few actors can hold thousands of claims: their engine is built in steps too.
  const recounted = (yield* PositionsEngine.built(recount, [...recountArticles.values()], world, stored.options)).result()
  if (recounted.truncated) return null

  // Each recounted row where its stored one was: the stored order is the rows' last sorted
  // order, which the view's sort then only confirms. Rows not stored before go last.
  // Only the rows to recount are taken: any other row the recount made may lack its group's
  // claims on other issues.
  const fresh = new Map<string, PositionSeries>()
  for (const entry of recounted.series) if (rows.has(entry.key)) fresh.set(entry.key, entry)
  const series: PositionSeries[] = []
  for (const entry of stored.series) {
    // The group first: a stored row's key is made, not yet hashed; hashing twenty thousand of them took 9 ms (node).
    if (!issuesOf.has(entry.groupKey) || !rows.has(entry.key)) series.push(entry)
    else {
      const replaced = fresh.get(entry.key)
      if (replaced) series.push(replaced)
      fresh.delete(entry.key)
    }
  }
  for (const entry of fresh.values()) series.push(entry)
  const result: PositionsResult = {
    options: stored.options,
    series,
    counted: stored.counted + is.counted - was.counted,
    undated: stored.undated + is.undated - was.undated,
    hiddenBefore: stored.hiddenBefore + is.hiddenBefore - was.hiddenBefore,
    truncated: false,
    cutoff: null,
    mix: {
      byCoder: movedCounts(stored.mix.byCoder, was.mix.byCoder, is.mix.byCoder),
      adjudicated: stored.mix.adjudicated + is.mix.adjudicated - was.mix.adjudicated,
    },
    version: stored.version + 1,
    claimsBehind: false,
  }
  return { result, addedClaims }
}

/** The articles the facts are on, as `articleOf` gives them (each once). */
function articlesOf(facts: readonly ClaimFact[], articleOf: (id: Id) => ArticleFact | undefined): ArticleFact[] {
  const found = new Map<Id, ArticleFact>()
  for (const fact of facts) {
    if (found.has(fact.articleId)) continue
    const article = articleOf(fact.articleId)
    if (article) found.set(fact.articleId, article)
  }
  return [...found.values()]
}

/**
 * Whether the stored buckets and those of the changed claims together span no more than the
 * buckets kept: then the positions now are not cut either (a change can only widen the span by
 * its own claims' buckets).
 */
function withinSpan(stored: PositionsResult, changed: PositionsResult): boolean {
  let first = Infinity
  let last = -Infinity
  const see = (ordinal: number): void => {
    if (ordinal < first) first = ordinal
    if (ordinal > last) last = ordinal
  }
  const span = storedSpan(stored)
  if (span) {
    see(span.first)
    see(span.last)
  } else {
    for (const entry of stored.series) {
      const from = firstOrdinalOf(entry)
      const to = lastOrdinalOf(entry)
      if (from !== undefined) see(from)
      if (to !== undefined) see(to)
    }
  }
  for (const entry of changed.series) {
    if (entry.cells.length === 0) continue
    see(entry.cells[0]!.ordinal)
    see(entry.cells[entry.cells.length - 1]!.ordinal)
  }
  return first === Infinity || last - first + 1 <= stored.options.maxBuckets
}

/** Counts per key, less what was counted then, plus what is counted now; none left at zero. */
function movedCounts(base: ReadonlyMap<Id, number>, then: ReadonlyMap<Id, number>, now: ReadonlyMap<Id, number>): Map<Id, number> {
  const result = new Map(base)
  for (const [key, count] of then) result.set(key, (result.get(key) ?? 0) - count)
  for (const [key, count] of now) result.set(key, (result.get(key) ?? 0) + count)
  for (const [key, count] of result) if (count <= 0) result.delete(key)
  return result
}
