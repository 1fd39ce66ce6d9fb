// Units of comparison for the Agreement screen: which claims of different coders are "the same
// claim". Pure data in, units out; the screen and the figures both read these.
//
// Pairing rule: two claims of different coders on the same article pair when their quotes
// overlap by at least half of the shorter quote (2·overlap ≥ shorter length, in whole characters,
// so exactly half pairs). A claim without a usable quote (empty, reversed or not a number) never
// pairs.
//
// Units: candidate pairs are taken largest overlap first and joined into clusters, at most one
// claim per coder per cluster, and only when every two claims of the joined cluster would pair on
// their own (complete linkage: no chains of quotes that drift along the text). With two coders
// this is exactly one-to-one pairing, largest overlap first. A cluster of two or more claims is a
// unit; a coder absent from it is a missing value for that unit. Every other claim is unpaired.
//
// Ties between equal overlaps, in this order: the pair whose quotes cover less text together
// (the closer match) first; then the pair that starts earlier in the article; then by the two
// claim ids (the smaller id of each pair, then the other, compared as strings). The result
// therefore depends on neither the order of the claims nor the order of the coders.

/** A claim as the agreement figures read it. Quote offsets are character positions in the article body. */
export interface CodedClaim {
  id: string
  coderId: string
  articleId: string
  actorId: string
  /** The claim's issues; compared as a set (order and repeats do not matter). */
  issueIds: readonly string[]
  /** −2..2; compared as an interval value. A non-finite stance is a missing value. */
  stance: number
  start: number
  end: number
}

export interface AgreementArticle {
  id: string
  /**
   * Length of the article body in the same units as quote offsets. Needed only for the unitizing
   * figure (u-alpha measures agreement on the whole text, including what nobody marked).
   */
  length?: number
}

export interface AgreementInput {
  /** The coders compared, in display order; repeats are dropped. */
  coderIds: readonly string[]
  claims: readonly CodedClaim[]
  /**
   * The articles of the assignment, in display order. When given, claims on other articles are
   * ignored. When omitted, the articles are those the claims are on, ordered by id.
   */
  articles?: readonly AgreementArticle[]
}

export interface AgreementUnit {
  /** Stable identity: the unit's claim ids, sorted, joined by '+'. */
  key: string
  articleId: string
  /** One entry per compared coder, in coder order; null where that coder has no claim in the unit. */
  claims: readonly (CodedClaim | null)[]
  /** The text the unit's quotes cover together. */
  start: number
  end: number
  /** Every claim in the unit has the same actor, the same set of issues and the same stance. */
  agreesFully: boolean
}

export type UnpairedReason = 'no-match' | 'no-quote'

export interface UnpairedClaim {
  claim: CodedClaim
  reason: UnpairedReason
}

export type IgnoredReason = 'other-coder' | 'other-article' | 'duplicate-id'

export interface IgnoredClaim {
  claimId: string
  reason: IgnoredReason
}

export interface AgreementUnits {
  coderIds: readonly string[]
  articleIds: readonly string[]
  units: readonly AgreementUnit[]
  /** Per coder, in coder order: their claims in no unit, in article then text order. */
  unpaired: readonly (readonly UnpairedClaim[])[]
  /** Claims left out of the comparison altogether, and why. */
  ignored: readonly IgnoredClaim[]
}

/** The quote, if the claim has a usable one. */
function quoteOf(claim: CodedClaim): { start: number; end: number } | null {
  const { start, end } = claim
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null
  return { start, end }
}

/** Characters two quotes share. */
export function quoteOverlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

/** The pairing rule on quotes alone: they overlap by at least half of the shorter one. */
export function quotesPair(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const shorter = Math.min(a.end - a.start, b.end - b.start)
  const overlap = quoteOverlap(a, b)
  return shorter > 0 && overlap > 0 && 2 * overlap >= shorter
}

/** The issue set as one comparable value: sorted distinct ids, JSON-encoded. */
export function issueSetKey(issueIds: readonly string[]): string {
  return JSON.stringify([...new Set(issueIds)].sort())
}

export function claimsAgreeFully(claims: readonly CodedClaim[]): boolean {
  const [first, ...rest] = claims
  if (!first) return true
  const issues = issueSetKey(first.issueIds)
  return rest.every((claim) => claim.actorId === first.actorId && issueSetKey(claim.issueIds) === issues && claim.stance === first.stance)
}

interface Node {
  claim: CodedClaim
  coder: number
  start: number
  end: number
}

interface Candidate {
  a: Node
  b: Node
  overlap: number
  union: number
  first: string
  second: string
}

function compareCandidates(x: Candidate, y: Candidate): number {
  return (
    y.overlap - x.overlap ||
    x.union - y.union ||
    Math.min(x.a.start, x.b.start) - Math.min(y.a.start, y.b.start) ||
    compareStrings(x.first, y.first) ||
    compareStrings(x.second, y.second)
  )
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Clusters of one article's quoted claims (see the rule at the top of this file). */
function clusterArticle(nodes: readonly Node[]): Node[][] {
  const candidates: Candidate[] = []
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!
      const b = nodes[j]!
      if (a.coder === b.coder || !quotesPair(a, b)) continue
      const [first, second] = a.claim.id < b.claim.id ? [a.claim.id, b.claim.id] : [b.claim.id, a.claim.id]
      candidates.push({ a, b, overlap: quoteOverlap(a, b), union: Math.max(a.end, b.end) - Math.min(a.start, b.start), first, second })
    }
  }
  candidates.sort(compareCandidates)
  const clusterOf = new Map<Node, Node[]>(nodes.map((node) => [node, [node]]))
  for (const { a, b } of candidates) {
    const left = clusterOf.get(a)!
    const right = clusterOf.get(b)!
    if (left === right) continue
    if (left.some((x) => right.some((y) => x.coder === y.coder || !quotesPair(x, y)))) continue
    const merged = [...left, ...right]
    for (const node of merged) clusterOf.set(node, merged)
  }
  return [...new Set(clusterOf.values())]
}

/** Pairs the claims of the compared coders into units, and lists what stayed unpaired or was ignored. */
export function buildUnits(input: AgreementInput): AgreementUnits {
  const coderIds = [...new Set(input.coderIds)]
  const coderIndex = new Map(coderIds.map((id, index) => [id, index]))
  const listed = input.articles ? [...new Set(input.articles.map((article) => article.id))] : null
  const listedSet = new Set(listed)
  const ignored: IgnoredClaim[] = []
  const seen = new Set<string>()
  const byArticle = new Map<string, CodedClaim[]>()
  for (const claim of input.claims) {
    if (seen.has(claim.id)) {
      ignored.push({ claimId: claim.id, reason: 'duplicate-id' })
      continue
    }
    seen.add(claim.id)
    if (!coderIndex.has(claim.coderId)) ignored.push({ claimId: claim.id, reason: 'other-coder' })
    else if (listed && !listedSet.has(claim.articleId)) ignored.push({ claimId: claim.id, reason: 'other-article' })
    else {
      const claims = byArticle.get(claim.articleId)
      if (claims) claims.push(claim)
      else byArticle.set(claim.articleId, [claim])
    }
  }
  const articleIds = listed ?? [...byArticle.keys()].sort(compareStrings)

  const units: AgreementUnit[] = []
  const unpaired: UnpairedClaim[][] = coderIds.map(() => [])
  for (const articleId of articleIds) {
    const nodes: Node[] = []
    const unquoted: CodedClaim[] = []
    for (const claim of byArticle.get(articleId) ?? []) {
      const quote = quoteOf(claim)
      if (quote) nodes.push({ claim, coder: coderIndex.get(claim.coderId)!, ...quote })
      else unquoted.push(claim)
    }
    const articleUnits: AgreementUnit[] = []
    const articleUnpaired: Node[] = []
    for (const cluster of clusterArticle(nodes)) {
      if (cluster.length === 1) {
        articleUnpaired.push(cluster[0]!)
        continue
      }
      const claims: (CodedClaim | null)[] = coderIds.map(() => null)
      for (const node of cluster) claims[node.coder] = node.claim
      const members = cluster.map((node) => node.claim)
      articleUnits.push({
        key: members.map((claim) => claim.id).sort(compareStrings).join('+'),
        articleId,
        claims,
        start: Math.min(...cluster.map((node) => node.start)),
        end: Math.max(...cluster.map((node) => node.end)),
        agreesFully: claimsAgreeFully(members),
      })
    }
    articleUnits.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.key, b.key))
    units.push(...articleUnits)
    articleUnpaired.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.claim.id, b.claim.id))
    unquoted.sort((a, b) => compareStrings(a.id, b.id))
    for (const { claim } of articleUnpaired) unpaired[coderIndex.get(claim.coderId)!]!.push({ claim, reason: 'no-match' })
    for (const claim of unquoted) unpaired[coderIndex.get(claim.coderId)!]!.push({ claim, reason: 'no-quote' })
  }
  return { coderIds, articleIds, units, unpaired, ignored }
}
