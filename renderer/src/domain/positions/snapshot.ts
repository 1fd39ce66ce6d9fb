import { STANCES, type Id, type Stance } from '../model'
import type { ArticleFact, ClaimFact } from './facts'
import { drainSteps } from '../timeSlices'
import { isTextList, joinTexts, splitTexts, StringTable, type TextList } from './stringTable'

// The positions projection packed into one record: a snapshot of every claim and article fact
// at a point of the change journal. Opening Positions reads this one record and the journal
// after it, instead of a hundred thousand fact records (IndexedDB spends most of its time per
// record, not per byte). Repeated strings (actor, article, coder and issue ids, dates, sources)
// are stored once and referred to by number; numbers live in typed arrays, which IndexedDB
// stores and reads as plain bytes. The strings too travel as one long string each, with their
// ends in a typed array: IndexedDB clones a hundred thousand small strings one by one, on the
// page's thread, but one long string in a single copy.

// Format 3 added the id hashes. Format 4 puts the article ids first in the string table (a
// claim's article reference is its article's index too), keeps where each claim's issues end
// rather than how many it has, and indexes the claims by actor. A snapshot of an earlier format
// is not read (the fact tables are, once).
export const SNAPSHOT_FORMAT = 4

export interface PackedFacts {
  format: typeof SNAPSHOT_FORMAT
  claimCount: number
  articleCount: number
  /** Claim ids and recording times, one per claim, in the order packed. */
  ids: TextList
  /** idHash of each claim id: a claim is found by id in one pass over numbers, without cutting or searching the ids. */
  idHashes: Int32Array
  createdAt: TextList
  /**
   * Every other string once: actor, article, coder and issue ids, dates, sources. The first
   * `articleCount` are the article ids, in the order of the article arrays below: a claim's
   * `article` below that count is its article's index (found without searching for its id).
   */
  strings: TextList
  actor: Uint32Array
  article: Uint32Array
  coder: Uint32Array
  date: Uint32Array
  stance: Int8Array
  adjudicated: Uint8Array
  /**
   * Where each claim's issues end in `issues` (their string indexes follow one another there):
   * a claim's start is the previous claim's end, found without counting from the first claim.
   */
  issueEnds: Uint32Array
  issues: Uint32Array
  /**
   * The claims by actor: `byActor` holds every claim index once, each actor's claims together in
   * claim order, one run per actor; run `r` is the claims of actor string `actorRuns[r]` and ends
   * at `actorRunEnds[r]`. The recount of a few actors' rows reads their claims, not every claim.
   */
  byActor: Uint32Array
  actorRuns: Uint32Array
  actorRunEnds: Uint32Array
  /** idHash of each article id (the first `articleCount` strings). */
  articleIdHashes: Int32Array
  articlePublished: Uint32Array
  articleSource: Uint32Array
}

/** Packs facts, keeping their order (claims in time order open without sorting). */
export function packFacts(claims: readonly ClaimFact[], articles: readonly ArticleFact[]): PackedFacts {
  return drainSteps(packFactsSteps(claims, articles))
}

/** Claims packed between two chances to give the thread back. */
const PACK_SLICE = 4_096

/**
 * packFacts in steps, for a caller that gives the thread back between them (runSliced): the
 * snapshot is stored while the app is idle, and packing 100,000 facts at once took 60-140 ms
 * in the bench, long enough to hold up a click.
 */
export function* packFactsSteps(claims: readonly ClaimFact[], articles: readonly ArticleFact[]): Generator<void, PackedFacts, void> {
  const strings = new StringTable()
  // The article ids first, each once, so that the first strings are the articles in order. Of a
  // repeated id the last is kept, as the engine keeps it.
  const packedArticles: ArticleFact[] = []
  for (const fact of articles) packedArticles[strings.of(fact.id)] = fact
  const count = claims.length
  const actor = new Uint32Array(count)
  const article = new Uint32Array(count)
  const coder = new Uint32Array(count)
  const date = new Uint32Array(count)
  const stance = new Int8Array(count)
  const adjudicated = new Uint8Array(count)
  const issueEnds = new Uint32Array(count)
  const issues: number[] = []
  const ids: string[] = new Array<string>(count)
  const idHashes = new Int32Array(count)
  const createdAt: string[] = new Array<string>(count)
  for (let index = 0; index < count; index++) {
    const fact = claims[index]!
    ids[index] = fact.id
    idHashes[index] = idHash(fact.id)
    createdAt[index] = fact.createdAt
    actor[index] = strings.of(fact.actorId)
    article[index] = strings.of(fact.articleId)
    coder[index] = strings.of(fact.coderId)
    date[index] = strings.of(fact.date)
    stance[index] = fact.stance
    adjudicated[index] = fact.adjudicated ? 1 : 0
    // More than 255 issues on one claim is not coding: 255 are kept, and the start-up counts are
    // told a list may be cut (SnapshotColumns.issuesCut).
    const list = fact.issueIds.length > 255 ? fact.issueIds.slice(0, 255) : fact.issueIds
    for (const issueId of list) issues.push(strings.of(issueId))
    issueEnds[index] = issues.length
    if ((index + 1) % PACK_SLICE === 0) yield
  }
  const { byActor, actorRuns, actorRunEnds } = indexByActor(actor, strings.list.length)
  yield
  const articleIdHashes = new Int32Array(packedArticles.length)
  const articlePublished = new Uint32Array(packedArticles.length)
  const articleSource = new Uint32Array(packedArticles.length)
  packedArticles.forEach((fact, index) => {
    articleIdHashes[index] = idHash(fact.id)
    articlePublished[index] = strings.of(fact.publishedAt)
    articleSource[index] = strings.of(fact.source)
  })
  yield
  // The joins are a pass over every claim each.
  const joinedIds = joinTexts(ids)
  yield
  const joinedCreatedAt = joinTexts(createdAt)
  yield
  return {
    format: SNAPSHOT_FORMAT,
    claimCount: count,
    articleCount: packedArticles.length,
    ids: joinedIds,
    idHashes,
    createdAt: joinedCreatedAt,
    strings: joinTexts(strings.list),
    actor,
    article,
    coder,
    date,
    stance,
    adjudicated,
    issueEnds,
    issues: Uint32Array.from(issues),
    byActor,
    actorRuns,
    actorRunEnds,
    articleIdHashes,
    articlePublished,
    articleSource,
  }
}

/** The claims grouped by actor (PackedFacts.byActor): one counting pass, actors in the order first met. */
function indexByActor(actor: Uint32Array, stringCount: number): Pick<PackedFacts, 'byActor' | 'actorRuns' | 'actorRunEnds'> {
  // Per actor string: its run, plus one (0: no claim of it yet).
  const runOf = new Uint32Array(stringCount)
  const runs: number[] = []
  const sizes: number[] = []
  for (let index = 0; index < actor.length; index++) {
    const ref = actor[index]!
    if (runOf[ref] === 0) {
      runs.push(ref)
      sizes.push(0)
      runOf[ref] = runs.length
    }
    sizes[runOf[ref]! - 1]!++
  }
  const actorRunEnds = new Uint32Array(runs.length)
  const next = new Uint32Array(runs.length)
  for (let run = 0, end = 0; run < runs.length; run++) {
    next[run] = end
    end += sizes[run]!
    actorRunEnds[run] = end
  }
  const byActor = new Uint32Array(actor.length)
  for (let index = 0; index < actor.length; index++) byActor[next[runOf[actor[index]!]! - 1]!++] = index
  return { byActor, actorRuns: Uint32Array.from(runs), actorRunEnds }
}

const isStance = (value: number): value is Stance => (STANCES as readonly number[]).includes(value)

/**
 * Unpacks a snapshot, or returns null when it is not one this release wrote whole (another
 * format, a damaged record): the caller then reads the fact tables instead.
 */
export function unpackFacts(packed: unknown, replaced?: ReplacedClaims): { claims: ClaimFact[]; articles: ArticleFact[] } | null {
  const walk = factsOfSnapshot(packed, replaced)
  return walk && { claims: [...walk.claims], articles: walk.articles }
}

/**
 * Claims changed since the snapshot (the journal after it): their facts now, or null for a
 * claim deleted. Unpacking leaves their snapshot facts out and puts these at the end, out of
 * time order (the engine's sort puts them in place): done apart, it was one more pass over
 * the hundred thousand and one more array of them, in one task.
 */
export type ReplacedClaims = ReadonlyMap<Id, ClaimFact | null>

/** Claim facts made one at a time as they are walked (factsOfSnapshot). */
export interface FactsWalk extends Iterable<ClaimFact> {
  /** How many facts a walk gives: the snapshot's less those replaced, plus the replacements that are not deletions. */
  readonly length: number
}

/**
 * A snapshot's facts as a walk rather than an array: each claim's fact is made when the walk
 * reaches it, so one who takes what they need of each (the engine's entries) leaves the fact to
 * die young. Unpacked whole first, a hundred thousand facts outlived several of the young
 * generation's collections, and each collection copied them (25-37 ms pauses, traced, while
 * the engine was built). Replaced claims are walked as unpackFacts orders them. Null when the
 * record is not a snapshot this release wrote whole.
 */
export function factsOfSnapshot(packed: unknown, replaced?: ReplacedClaims): { claims: FactsWalk; articles: ArticleFact[] } | null {
  if (!isPacked(packed)) return null
  const strings = splitTexts(packed.strings)
  const leaveOut = replaced !== undefined && replaced.size > 0 ? replaced : null
  let length = packed.claimCount
  if (leaveOut) {
    let found = 0
    findIds(packed.ids, packed.idHashes, new Set(leaveOut.keys()), () => found++)
    length += -found
    for (const claim of leaveOut.values()) if (claim) length++
  }
  const claims: FactsWalk = {
    length,
    *[Symbol.iterator]() {
      const make = claimMaker(packed, strings)
      for (let index = 0; index < packed.claimCount; index++) {
        const claim = make(index)
        if (leaveOut === null || !leaveOut.has(claim.id)) yield claim
      }
      if (leaveOut) for (const claim of leaveOut.values()) if (claim) yield claim
    },
  }
  return { claims, articles: articlesOf(packed, strings) }
}

/** A field of the claims that start-up counts read from a snapshot (db/projection/startSeed.ts). */
export type SnapshotClaimField = 'articleId' | 'actorId' | 'coderId' | 'issueIds'

/**
 * A snapshot's claims column by column, for those who need a field or two of every claim (the
 * counts made as the app starts) and no fact object. Made whole, a hundred thousand facts
 * stayed alive while three counts walked them in slices, and every young-generation collection
 * of those seconds copied them: a 43 ms pause, traced, landed on the click that opened a screen.
 */
export interface SnapshotColumns {
  readonly claimCount: number
  /** Claim ids, in the snapshot's order. */
  readonly claimIds: readonly Id[]
  readonly articleIds: readonly Id[]
  /** Some claim has as many issues as a snapshot keeps (255): its list may be cut short. */
  readonly issuesCut: boolean
  /**
   * The values of `field` of the claim at an index, as an index holds them: one list per
   * distinct single value, shared by every claim that has it (never change one in place).
   */
  column(field: SnapshotClaimField): (index: number) => readonly Id[]
}

const NO_VALUES: readonly Id[] = Object.freeze([])

/** The columns of a snapshot, or null when it is not one this release wrote whole. */
export function columnsOfSnapshot(packed: unknown): SnapshotColumns | null {
  if (!isPacked(packed)) return null
  const strings = splitTexts(packed.strings)
  let issuesCut = false
  for (let index = 0, start = 0; index < packed.claimCount; index++) {
    const end = packed.issueEnds[index]!
    if (end - start >= 255) issuesCut = true
    start = end
  }
  return {
    claimCount: packed.claimCount,
    claimIds: splitTexts(packed.ids),
    articleIds: strings.slice(0, packed.articleCount),
    issuesCut,
    column(field) {
      const single = singleLists(strings)
      if (field !== 'issueIds') {
        const refs = field === 'articleId' ? packed.article : field === 'actorId' ? packed.actor : packed.coder
        return (index) => single(refs[index]!)
      }
      return (index) => {
        const start = index === 0 ? 0 : packed.issueEnds[index - 1]!
        const count = packed.issueEnds[index]! - start
        if (count === 1) return single(packed.issues[start]!)
        if (count === 0) return NO_VALUES
        // As the index holds them: each issue once.
        const list: Id[] = []
        for (let offset = 0; offset < count; offset++) {
          const id = strings[packed.issues[start + offset]!]!
          if (!list.includes(id)) list.push(id)
        }
        return list
      }
    },
  }
}

/**
 * One list per string of the table, made when first asked for: most claims are on one issue
 * (and every claim has one actor, article and coder), so they share it. Never change one in place.
 */
function singleLists(strings: readonly string[]): (ref: number) => Id[] {
  const lists = new Map<number, Id[]>()
  return (ref) => {
    let list = lists.get(ref)
    if (list === undefined) lists.set(ref, (list = [strings[ref]!]))
    return list
  }
}

/** Makes the fact of the claim at `index`. */
type ClaimMaker = (index: number) => ClaimFact

function claimMaker(packed: PackedFacts, strings: readonly string[], single = singleLists(strings)): ClaimMaker {
  // Ids and creation times are one per claim: each is cut from its joined text as its claim is
  // made, so no slice starts with a hundred thousand of them.
  const { text: idText, ends: idEnds } = packed.ids
  const { text: createdText, ends: createdEnds } = packed.createdAt
  // Facts are never mutated: claims on one issue share its list.
  return (index) => {
    const stance = packed.stance[index]!
    const cursor = index === 0 ? 0 : packed.issueEnds[index - 1]!
    const count = packed.issueEnds[index]! - cursor
    let issueIds: Id[]
    if (count === 1) issueIds = single(packed.issues[cursor]!)
    else {
      issueIds = []
      for (let offset = 0; offset < count; offset++) issueIds.push(strings[packed.issues[cursor + offset]!]!)
    }
    return {
      id: idText.slice(index === 0 ? 0 : idEnds[index - 1]!, idEnds[index]),
      actorId: strings[packed.actor[index]!]!,
      issueIds,
      date: strings[packed.date[index]!]!,
      articleId: strings[packed.article[index]!]!,
      stance: isStance(stance) ? stance : 0,
      coderId: strings[packed.coder[index]!]!,
      adjudicated: packed.adjudicated[index] === 1,
      createdAt: createdText.slice(index === 0 ? 0 : createdEnds[index - 1]!, createdEnds[index]),
    }
  }
}

function articlesOf(packed: PackedFacts, strings: readonly string[]): ArticleFact[] {
  const articles: ArticleFact[] = new Array<ArticleFact>(packed.articleCount)
  for (let index = 0; index < packed.articleCount; index++) {
    articles[index] = { id: strings[index]!, publishedAt: strings[packed.articlePublished[index]!]!, source: strings[packed.articleSource[index]!]! }
  }
  return articles
}

/**
 * Some facts of a snapshot, read without unpacking the rest (stored positions a few writes
 * behind are brought up to date from the claims of the rows the changed claims touch: domain/positions/catchUp.ts).
 */
export interface SnapshotReader {
  /** The facts of the claims whose article id `keep` accepts; asked once per distinct id. */
  claimsOnArticles(keep: (id: Id) => boolean): ClaimFact[]
  /**
   * The facts of the claims in some rows, less those whose id is in `except`. `rowsOf` is asked
   * once per distinct actor: the test its claims' issue lists must pass, or null for none of
   * them. Decided on the packed numbers, so only the facts kept are made (a recount keeps about
   * half of its actors' claims, and a fact made to be dropped was most of its cost). With them,
   * the articles they are on that the snapshot holds, by id, found by reference (no search).
   */
  claimsInRows(rowsOf: (actorId: Id) => ((issueIds: readonly Id[]) => boolean) | null, except: ReadonlySet<Id>): { claims: ClaimFact[]; articles: Map<Id, ArticleFact> }
  /** The facts of these claims that the snapshot holds. */
  claimsById(ids: ReadonlySet<Id>): Map<Id, ClaimFact>
  /** These article facts that the snapshot holds (a few, for the claims brought up to date). */
  articlesById(ids: ReadonlySet<Id>): Map<Id, ArticleFact>
  /** Every article fact, by id. */
  articles(): Map<Id, ArticleFact>
}

/** A reader of the snapshot, or null when it is not one this release wrote whole. */
export function readSnapshot(packed: unknown): SnapshotReader | null {
  if (!isPacked(packed)) return null
  const strings = splitTexts(packed.strings)
  // The issue list of a claim on one issue, as its fact holds it (claims on one issue share theirs).
  const issueList = singleLists(strings)
  const make = claimMaker(packed, strings, issueList)
  let articles: Map<Id, ArticleFact> | null = null
  const articleAt = (index: number, id: Id): ArticleFact => ({ id, publishedAt: strings[packed.articlePublished[index]!]!, source: strings[packed.articleSource[index]!]! })
  return {
    claimsOnArticles(keep) {
      const column = packed.article
      // Per string: 0 not asked yet, 1 kept, 2 not.
      const verdict = new Uint8Array(strings.length)
      const found: ClaimFact[] = []
      for (let index = 0; index < packed.claimCount; index++) {
        const ref = column[index]!
        let kept = verdict[ref]!
        if (kept === 0) verdict[ref] = kept = keep(strings[ref]!) ? 1 : 2
        if (kept === 1) found.push(make(index))
      }
      return found
    },
    claimsInRows(rowsOf, except) {
      const exceptHashes = new Set<number>()
      for (const id of except) exceptHashes.add(idHash(id))
      const { text, ends } = packed.ids
      // Only the runs of the actors with rows to recount are read (PackedFacts.byActor).
      const kept: number[] = []
      for (let run = 0; run < packed.actorRuns.length; run++) {
        const test = rowsOf(strings[packed.actorRuns[run]!]!)
        if (test === null) continue
        // Per single issue (most claims have one): the test's verdict.
        const verdicts = new Map<number, boolean>()
        for (let at = run === 0 ? 0 : packed.actorRunEnds[run - 1]!, end = packed.actorRunEnds[run]!; at < end; at++) {
          const index = packed.byActor[at]!
          const start = index === 0 ? 0 : packed.issueEnds[index - 1]!
          const count = packed.issueEnds[index]! - start
          let inRows: boolean
          if (count === 1) {
            const issueRef = packed.issues[start]!
            let verdict = verdicts.get(issueRef)
            if (verdict === undefined) verdicts.set(issueRef, (verdict = test(issueList(issueRef))))
            inRows = verdict
          } else {
            const issueIds: Id[] = []
            for (let offset = 0; offset < count; offset++) issueIds.push(strings[packed.issues[start + offset]!]!)
            inRows = test(issueIds)
          }
          if (!inRows) continue
          if (exceptHashes.has(packed.idHashes[index]!) && except.has(text.slice(index === 0 ? 0 : ends[index - 1]!, ends[index]))) continue
          kept.push(index)
        }
      }
      // In claim order, as every other reading gives them.
      const order = Uint32Array.from(kept).sort()
      const found: ClaimFact[] = new Array<ClaimFact>(order.length)
      const articlesFound = new Map<Id, ArticleFact>()
      const articleTaken = new Uint8Array(packed.articleCount)
      for (let at = 0; at < order.length; at++) {
        const index = order[at]!
        found[at] = make(index)
        // Below the article count, a reference is the article's index too (format 4).
        const articleRef = packed.article[index]!
        if (articleRef < packed.articleCount && articleTaken[articleRef] === 0) {
          articleTaken[articleRef] = 1
          articlesFound.set(strings[articleRef]!, articleAt(articleRef, strings[articleRef]!))
        }
      }
      return { claims: found, articles: articlesFound }
    },
    claimsById(ids) {
      const found = new Map<Id, ClaimFact>()
      findIds(packed.ids, packed.idHashes, ids, (index, id) => found.set(id, make(index)))
      return found
    },
    articlesById(ids) {
      const found = new Map<Id, ArticleFact>()
      if (articles) {
        for (const id of ids) {
          const fact = articles.get(id)
          if (fact) found.set(id, fact)
        }
      } else findIds(packed.strings, packed.articleIdHashes, ids, (index, id) => found.set(id, articleAt(index, id)))
      return found
    },
    articles() {
      if (articles) return articles
      // One pass, no lists between: this runs once per open, on code not yet optimised.
      articles = new Map()
      for (let index = 0; index < packed.articleCount; index++) articles.set(strings[index]!, articleAt(index, strings[index]!))
      return articles
    },
  }
}

/**
 * A 30-bit FNV-1a hash of an id (a small integer, so a number compared without boxing). Ids
 * that share one are told apart by their text.
 */
export function idHash(id: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193)
  return hash & 0x3fffffff
}

/**
 * Hands `take` each entry of the joined ids whose id is in `ids`, with its index. One pass over
 * the hashes; only an entry whose hash is wanted is cut from the text. Searching the joined
 * ids took about 0.8 ms an id at 100,000 claims (node), and cutting every id 17-26 ms.
 */
function findIds(list: TextList, hashes: Int32Array, ids: ReadonlySet<Id>, take: (index: number, id: Id) => void): void {
  if (ids.size === 0) return
  const wanted = new Map<number, Id[]>()
  // A first look at 16 bits of the hash, in a typed array, before the map.
  const marks = new Uint8Array(1 << 16)
  for (const id of ids) {
    const hash = idHash(id)
    marks[hash & 0xffff] = 1
    const same = wanted.get(hash)
    if (same) same.push(id)
    else wanted.set(hash, [id])
  }
  const { text, ends } = list
  for (let index = 0; index < hashes.length; index++) {
    const hash = hashes[index]!
    if (marks[hash & 0xffff] === 0) continue
    const same = wanted.get(hash)
    if (same === undefined) continue
    const id = text.slice(index === 0 ? 0 : ends[index - 1]!, ends[index])
    if (same.includes(id)) take(index, id)
  }
}

/** Whether the first and last entries' hashes are their ids'. */
function endsHashed(list: TextList, hashes: Int32Array): boolean {
  const count = hashes.length
  if (count === 0) return true
  const { text, ends } = list
  return hashes[0] === idHash(text.slice(0, ends[0])) && hashes[count - 1] === idHash(text.slice(count === 1 ? 0 : ends[count - 2], ends[count - 1]))
}

function isPacked(value: unknown): value is PackedFacts {
  if (typeof value !== 'object' || value === null) return false
  const packed = value as Partial<PackedFacts>
  if (packed.format !== SNAPSHOT_FORMAT) return false
  const count = packed.claimCount
  const articles = packed.articleCount
  if (typeof count !== 'number' || typeof articles !== 'number' || !isTextList(packed.strings)) return false
  if (!isTextList(packed.ids, count) || !isTextList(packed.createdAt, count) || articles > packed.strings.ends.length) return false
  const lengths: [unknown, number][] = [
    [packed.idHashes, count],
    [packed.articleIdHashes, articles],
    [packed.actor, count],
    [packed.article, count],
    [packed.coder, count],
    [packed.date, count],
    [packed.stance, count],
    [packed.adjudicated, count],
    [packed.issueEnds, count],
    [packed.byActor, count],
    [packed.articlePublished, articles],
    [packed.articleSource, articles],
  ]
  if (!lengths.every(([list, length]) => ArrayBuffer.isView(list) && (list as unknown as { length: number }).length === length)) return false
  if (!(packed.issues instanceof Uint32Array) || !(packed.idHashes instanceof Int32Array) || !(packed.articleIdHashes instanceof Int32Array)) return false
  // A hash that is not its id's would hide that id from a search: the first and last are checked.
  if (!endsHashed(packed.ids, packed.idHashes) || !endsHashed(packed.strings, packed.articleIdHashes)) return false
  const size = packed.strings.ends.length
  if (!issuesEndWell(packed.issueEnds, packed.issues.length) || !indexedByActor(packed as PackedFacts, size)) return false
  for (const list of [packed.actor, packed.article, packed.coder, packed.date, packed.issues, packed.articlePublished, packed.articleSource]) {
    // References are whole numbers: another kind of array would give no string, not an error.
    if (!(list instanceof Uint32Array)) return false
    let largest = 0
    for (let index = 0; index < list.length; index++) if (list[index]! > largest) largest = list[index]!
    if (list.length > 0 && largest >= size) return false
  }
  return true
}

/** Each claim's issues end at or after the previous claim's, and the last ends with the list. */
function issuesEndWell(ends: unknown, total: number): boolean {
  if (!(ends instanceof Uint32Array)) return false
  let previous = 0
  for (let index = 0; index < ends.length; index++) {
    const end = ends[index]!
    if (end < previous) return false
    previous = end
  }
  return previous === total
}

/**
 * The index by actor holds every claim once, in its actor's run, in claim order: each run's
 * claims have its actor and ascend, the runs' actors differ, and there are as many entries as
 * claims (so none is left out or held twice).
 */
function indexedByActor(packed: PackedFacts, size: number): boolean {
  const { byActor, actorRuns, actorRunEnds, actor } = packed
  if (!(byActor instanceof Uint32Array) || !(actorRuns instanceof Uint32Array) || !(actorRunEnds instanceof Uint32Array)) return false
  if (actorRuns.length !== actorRunEnds.length) return false
  const seen = new Uint8Array(size)
  let start = 0
  for (let run = 0; run < actorRuns.length; run++) {
    const ref = actorRuns[run]!
    const end = actorRunEnds[run]!
    if (ref >= size || seen[ref] === 1 || end <= start || end > byActor.length) return false
    seen[ref] = 1
    for (let at = start, previous = -1; at < end; at++) {
      const index = byActor[at]!
      if (index <= previous || index >= packed.claimCount || actor[index] !== ref) return false
      previous = index
    }
    start = end
  }
  return start === packed.claimCount
}
