import { STANCES, type Id, type Stance } from '../model'
import type { ArticleFact, ClaimFact } from './facts'

// The positions projection packed into one record: a snapshot of every claim and article fact
// at a point of the change journal. Opening Positions reads this one record and the journal
// after it, instead of a hundred thousand fact records (IndexedDB spends most of its time per
// record, not per byte). Repeated strings (actor, article, coder and issue ids, dates, sources)
// are stored once and referred to by number; numbers live in typed arrays, which IndexedDB
// stores and reads as plain bytes.

export const SNAPSHOT_FORMAT = 1

export interface PackedFacts {
  format: typeof SNAPSHOT_FORMAT
  claimCount: number
  articleCount: number
  /** Claim ids and recording times, one per claim, in the order packed. */
  ids: string[]
  createdAt: string[]
  /** Every other string once: actor, article, coder and issue ids, dates, sources. */
  strings: string[]
  actor: Uint32Array
  article: Uint32Array
  coder: Uint32Array
  date: Uint32Array
  stance: Int8Array
  adjudicated: Uint8Array
  /** How many issues each claim has; their string indexes follow one another in `issues`. */
  issueCount: Uint8Array
  issues: Uint32Array
  articleIds: string[]
  articlePublished: Uint32Array
  articleSource: Uint32Array
}

class Strings {
  readonly list: string[] = []
  private readonly index = new Map<string, number>()
  of(value: string): number {
    let found = this.index.get(value)
    if (found === undefined) {
      found = this.list.length
      this.list.push(value)
      this.index.set(value, found)
    }
    return found
  }
}

/** Packs facts, keeping their order (claims in time order open without sorting). */
export function packFacts(claims: readonly ClaimFact[], articles: readonly ArticleFact[]): PackedFacts {
  const strings = new Strings()
  const count = claims.length
  const actor = new Uint32Array(count)
  const article = new Uint32Array(count)
  const coder = new Uint32Array(count)
  const date = new Uint32Array(count)
  const stance = new Int8Array(count)
  const adjudicated = new Uint8Array(count)
  const issueCount = new Uint8Array(count)
  const issues: number[] = []
  const ids: string[] = new Array<string>(count)
  const createdAt: string[] = new Array<string>(count)
  for (let index = 0; index < count; index++) {
    const fact = claims[index]!
    ids[index] = fact.id
    createdAt[index] = fact.createdAt
    actor[index] = strings.of(fact.actorId)
    article[index] = strings.of(fact.articleId)
    coder[index] = strings.of(fact.coderId)
    date[index] = strings.of(fact.date)
    stance[index] = fact.stance
    adjudicated[index] = fact.adjudicated ? 1 : 0
    // More than 255 issues on one claim is not coding; the rest would be lost, so keep 255.
    const list = fact.issueIds.length > 255 ? fact.issueIds.slice(0, 255) : fact.issueIds
    issueCount[index] = list.length
    for (const issueId of list) issues.push(strings.of(issueId))
  }
  const articleIds: string[] = new Array<string>(articles.length)
  const articlePublished = new Uint32Array(articles.length)
  const articleSource = new Uint32Array(articles.length)
  articles.forEach((fact, index) => {
    articleIds[index] = fact.id
    articlePublished[index] = strings.of(fact.publishedAt)
    articleSource[index] = strings.of(fact.source)
  })
  return {
    format: SNAPSHOT_FORMAT,
    claimCount: count,
    articleCount: articles.length,
    ids,
    createdAt,
    strings: strings.list,
    actor,
    article,
    coder,
    date,
    stance,
    adjudicated,
    issueCount,
    issues: Uint32Array.from(issues),
    articleIds,
    articlePublished,
    articleSource,
  }
}

const isStance = (value: number): value is Stance => (STANCES as readonly number[]).includes(value)

/**
 * Unpacks a snapshot, or returns null when it is not one this release wrote whole (another
 * format, a damaged record): the caller then reads the fact tables instead.
 */
export function unpackFacts(packed: unknown): { claims: ClaimFact[]; articles: ArticleFact[] } | null {
  if (!isPacked(packed)) return null
  const { strings, claimCount } = packed
  const claims: ClaimFact[] = new Array<ClaimFact>(claimCount)
  // Most claims are on one issue: they share one list per issue (facts are never mutated).
  const single = new Map<number, Id[]>()
  let cursor = 0
  for (let index = 0; index < claimCount; index++) {
    const stance = packed.stance[index]!
    const count = packed.issueCount[index]!
    let issueIds: Id[]
    if (count === 1) {
      const ref = packed.issues[cursor]!
      let list = single.get(ref)
      if (list === undefined) single.set(ref, (list = [strings[ref]!]))
      issueIds = list
    } else {
      issueIds = []
      for (let offset = 0; offset < count; offset++) issueIds.push(strings[packed.issues[cursor + offset]!]!)
    }
    cursor += count
    const fact: ClaimFact = {
      id: packed.ids[index]!,
      actorId: strings[packed.actor[index]!]!,
      issueIds,
      date: strings[packed.date[index]!]!,
      articleId: strings[packed.article[index]!]!,
      stance: isStance(stance) ? stance : 0,
      coderId: strings[packed.coder[index]!]!,
      adjudicated: packed.adjudicated[index] === 1,
      createdAt: packed.createdAt[index]!,
    }
    claims[index] = fact
  }
  const articles: ArticleFact[] = new Array<ArticleFact>(packed.articleCount)
  for (let index = 0; index < packed.articleCount; index++) {
    articles[index] = { id: packed.articleIds[index]!, publishedAt: strings[packed.articlePublished[index]!]!, source: strings[packed.articleSource[index]!]! }
  }
  return { claims, articles }
}

function isPacked(value: unknown): value is PackedFacts {
  if (typeof value !== 'object' || value === null) return false
  const packed = value as Partial<PackedFacts>
  if (packed.format !== SNAPSHOT_FORMAT) return false
  const count = packed.claimCount
  const articles = packed.articleCount
  if (typeof count !== 'number' || typeof articles !== 'number' || !Array.isArray(packed.strings)) return false
  const lengths: [unknown, number][] = [
    [packed.ids, count],
    [packed.createdAt, count],
    [packed.actor, count],
    [packed.article, count],
    [packed.coder, count],
    [packed.date, count],
    [packed.stance, count],
    [packed.adjudicated, count],
    [packed.issueCount, count],
    [packed.articleIds, articles],
    [packed.articlePublished, articles],
    [packed.articleSource, articles],
  ]
  if (!lengths.every(([list, length]) => (Array.isArray(list) || ArrayBuffer.isView(list)) && (list as { length: number }).length === length)) return false
  if (!(packed.issues instanceof Uint32Array)) return false
  let total = 0
  for (const value of packed.issueCount!) total += value
  if (total !== packed.issues.length) return false
  const size = packed.strings.length
  for (const list of [packed.actor, packed.article, packed.coder, packed.date, packed.issues, packed.articlePublished, packed.articleSource]) {
    for (const ref of list!) if (ref >= size) return false
  }
  return true
}
