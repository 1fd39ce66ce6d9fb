import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ArticleFact, ClaimFact } from '../../../renderer/src/domain/positions/facts'
import { columnsOfSnapshot, factsOfSnapshot, idHash, packFacts, packFactsSteps, readSnapshot, unpackFacts, type FactsWalk } from '../../../renderer/src/domain/positions/snapshot'

const claimFacts = fc.array(
  fc.record({
    id: fc.uuid(),
    actorId: fc.constantFrom('merkel', 'seehofer', 'afd', ''),
    issueIds: fc.array(fc.constantFrom('ceiling', 'borders', 'integration', 'general'), { minLength: 1, maxLength: 4 }),
    date: fc.constantFrom('', '2015-09-05', '2015-10-01', '2016-01-31'),
    articleId: fc.constantFrom('a1', 'a2', 'a3'),
    stance: fc.constantFrom(-2 as const, -1 as const, 0 as const, 1 as const, 2 as const),
    coderId: fc.constantFrom('', 'omar', 'lena'),
    adjudicated: fc.boolean(),
    createdAt: fc.constantFrom('2025-01-01T00:00:00.000Z', '2025-01-02T10:00:00.000Z'),
  }),
  { maxLength: 12_000 },
) as fc.Arbitrary<ClaimFact[]>
/** A walk's facts, with its length checked against what it gives; walked twice, the same. */
function walked(walk: FactsWalk): ClaimFact[] {
  const facts = [...walk]
  expect(walk.length).toBe(facts.length)
  expect([...walk]).toEqual(facts)
  return facts
}

const articleFacts: ArticleFact[] = [
  { id: 'a1', publishedAt: '2015-09-04', source: 'Die Zeit' },
  { id: 'a2', publishedAt: '', source: '' },
  { id: 'a3', publishedAt: '2015-10-01T08:00:00Z', source: 'taz' },
]

describe('the packed facts snapshot', () => {
  it('unpacks to the facts packed, at once or as a walk', () => {
    fc.assert(
      fc.property(claimFacts, (claims) => {
        const packed = packFacts(claims, articleFacts)
        const whole = unpackFacts(packed)
        expect(whole).toEqual({ claims, articles: articleFacts })
        const walk = factsOfSnapshot(packed)!
        expect({ claims: walked(walk.claims), articles: walk.articles }).toEqual(whole)
      }),
      { numRuns: 12 },
    )
  })

  it('leaves out the claims changed since it was packed and puts their facts now at the end, deleted ones gone', async () => {
    await fc.assert(
      fc.asyncProperty(claimFacts, fc.array(fc.nat(), { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), async (claims, picks, deleted) => {
        const packed = packFacts(claims, articleFacts)
        const replaced = new Map<string, ClaimFact | null>()
        picks.forEach((pick, index) => {
          const claim = claims.length === 0 ? undefined : claims[pick % claims.length]!
          if (claim) replaced.set(claim.id, deleted[index] ? null : { ...claim, stance: claim.stance === 2 ? -2 : 2 })
        })
        replaced.set('new-claim', { ...(claims[0] ?? { id: '', actorId: 'merkel', issueIds: ['general'], date: '', articleId: 'a1', stance: 0, coderId: '', adjudicated: false, createdAt: '' }), id: 'new-claim' })
        const expected = [...claims.filter((claim) => !replaced.has(claim.id)), ...[...replaced.values()].filter((claim) => claim !== null)]
        expect(unpackFacts(packed, replaced)).toEqual({ claims: expected, articles: articleFacts })
        expect(walked(factsOfSnapshot(packed, replaced)!.claims)).toEqual(expected)
      }),
      { numRuns: 12 },
    )
  })

  it('is refused whole when damaged, at once as walked', () => {
    const packed = packFacts([{ id: 'c1', actorId: 'merkel', issueIds: ['ceiling'], date: '2015-10-01', articleId: 'a1', stance: 1, coderId: '', adjudicated: false, createdAt: '' }], articleFacts)
    const damaged = { ...packed, stance: packed.stance.subarray(1) }
    expect(unpackFacts(damaged)).toBeNull()
    expect(factsOfSnapshot(null)).toBeNull()
    expect(factsOfSnapshot(damaged)).toBeNull()
    expect(factsOfSnapshot({ ...packed, idHashes: new Int32Array(packed.idHashes.length) })).toBeNull()
    // A reference past the strings, or ends that run backwards, are damage too.
    expect(unpackFacts({ ...packed, actor: Uint32Array.of(packed.strings.ends.length) })).toBeNull()
    expect(unpackFacts({ ...packed, date: Float64Array.of(0.5) })).toBeNull()
    expect(unpackFacts({ ...packed, ids: { ...packed.ids, ends: Uint32Array.of(packed.ids.text.length + 1) } })).toBeNull()
    expect(unpackFacts({ ...packed, issueEnds: Uint32Array.of(2) })).toBeNull()
    expect(unpackFacts({ ...packed, issueEnds: Uint8Array.of(1) })).toBeNull()
    // Id hashes missing, of the wrong length or not of 32-bit integers.
    expect(unpackFacts({ ...packed, idHashes: new Int32Array(0) })).toBeNull()
    expect(unpackFacts({ ...packed, articleIdHashes: undefined })).toBeNull()
    expect(unpackFacts({ ...packed, idHashes: Float64Array.from(packed.idHashes) })).toBeNull()
    expect(unpackFacts({ ...packed, idHashes: new Int32Array(packed.idHashes.length) })).toBeNull()
    expect(unpackFacts({ ...packed, articleIdHashes: packed.articleIdHashes.map((hash) => hash + 1) })).toBeNull()
    // A snapshot of the format before the id hashes, or before the index by actor.
    expect(unpackFacts({ ...packed, format: 2 })).toBeNull()
    expect(unpackFacts({ ...packed, format: 3 })).toBeNull()
  })

  it('is refused whole when its index by actor leaves a claim out, holds one twice or under another actor', () => {
    const fact = (id: string, actorId: string): ClaimFact => ({ id, actorId, issueIds: ['ceiling'], date: '2015-10-01', articleId: 'a1', stance: 1, coderId: '', adjudicated: false, createdAt: '' })
    const packed = packFacts([fact('c1', 'merkel'), fact('c2', 'seehofer'), fact('c3', 'merkel')], articleFacts)
    // Actors in the order first met, each one's claims in claim order.
    expect([...packed.byActor]).toEqual([0, 2, 1])
    expect([...packed.actorRunEnds]).toEqual([2, 3])
    expect(unpackFacts(structuredClone(packed))).not.toBeNull()
    for (const damage of [
      { byActor: Uint32Array.of(0, 0, 1) },
      { byActor: Uint32Array.of(2, 0, 1) },
      { byActor: Uint32Array.of(0, 1, 2) },
      { byActor: Uint32Array.of(0, 2, 3) },
      { actorRuns: Uint32Array.of(packed.actorRuns[0]!, packed.actorRuns[0]!) },
      { actorRunEnds: Uint32Array.of(2, 2) },
      { actorRunEnds: Uint32Array.of(1, 3) },
      { actorRuns: packed.actorRuns.subarray(1), actorRunEnds: packed.actorRunEnds.subarray(1) },
      { byActor: Array.from(packed.byActor) },
    ]) {
      expect(unpackFacts({ ...packed, ...damage })).toBeNull()
      expect(readSnapshot({ ...packed, ...damage })).toBeNull()
    }
  })

  it('packs in steps to the same record as at once', () => {
    const claims: ClaimFact[] = Array.from({ length: 10_000 }, (_, index) => ({ id: `c${index}`, actorId: `actor${index % 7}`, issueIds: [`issue${index % 3}`], date: '2015-10-01', articleId: `a${index % 11}`, stance: 1, coderId: '', adjudicated: false, createdAt: '' }))
    const steps = packFactsSteps(claims, articleFacts)
    let pauses = 0
    let step = steps.next()
    for (; !step.done; step = steps.next()) pauses++
    expect(pauses).toBeGreaterThan(2)
    expect(step.value).toEqual(packFacts(claims, articleFacts))
  })

  it('tells apart ids that share a hash by their text', () => {
    // Two ids with one hash, found by trying (a 30-bit hash repeats within some tens of thousands).
    const seen = new Map<number, string>()
    let pair: [string, string] | null = null
    for (let n = 0; pair === null; n++) {
      const id = `claim-${n}`
      const other = seen.get(idHash(id))
      if (other !== undefined) pair = [other, id]
      else seen.set(idHash(id), id)
    }
    const [first, second] = pair
    expect(idHash(first)).toBe(idHash(second))
    const fact = (id: string): ClaimFact => ({ id, actorId: 'merkel', issueIds: ['ceiling'], date: '2015-10-01', articleId: id, stance: 1, coderId: '', adjudicated: false, createdAt: '' })
    const reader = readSnapshot(structuredClone(packFacts([fact(first), fact(second)], [first, second].map((id) => ({ id, publishedAt: '', source: '' })))))!
    expect([...reader.claimsById(new Set([second])).keys()]).toEqual([second])
    expect([...reader.claimsById(new Set([first, second])).keys()].sort()).toEqual([first, second].sort())
    expect([...reader.articlesById(new Set([first])).keys()]).toEqual([first])
  })

  it('gives some facts without unpacking the rest: in rows, on articles, by id', () => {
    fc.assert(
      fc.property(claimFacts, fc.array(fc.nat(), { maxLength: 100 }), (claims, picks) => {
        const reader = readSnapshot(structuredClone(packFacts(claims, articleFacts)))!
        expect(reader.claimsOnArticles((id) => id === 'a2')).toEqual(claims.filter((fact) => fact.articleId === 'a2'))
        // Rows: some actors' claims on some issues, less some claims by id; each actor asked once.
        const except = new Set(picks.slice(0, 3).filter(() => claims.length > 0).map((pick) => claims[pick % claims.length]!.id))
        const onIssue = (issueIds: readonly string[]): boolean => issueIds.includes('ceiling') || issueIds.length > 1
        const actorsAsked: string[] = []
        const inRows = reader.claimsInRows((actorId) => (actorsAsked.push(actorId), actorId === 'merkel' ? onIssue : actorId === '' ? () => true : null), except)
        const expected = claims.filter((fact) => !except.has(fact.id) && (fact.actorId === '' || (fact.actorId === 'merkel' && onIssue(fact.issueIds))))
        expect(inRows.claims).toEqual(expected)
        // Their articles, found by reference: those the snapshot holds.
        const held = new Map(articleFacts.map((fact) => [fact.id, fact]))
        expect(inRows.articles).toEqual(new Map(expected.flatMap((fact) => (held.has(fact.articleId) ? [[fact.articleId, held.get(fact.articleId)!]] : []))))
        expect(actorsAsked.length).toBe(new Set(actorsAsked).size)
        // Ids that are in the snapshot, and some that are not (a prefix, a suffix, a claim made since).
        const wanted = new Set(picks.filter(() => claims.length > 0).map((pick) => claims[pick % claims.length]!.id))
        const absent = claims.length > 0 ? [claims[0]!.id.slice(1), claims[0]!.id.slice(0, -1), 'made-since'] : ['made-since']
        const asked = new Set([...wanted, ...absent])
        const found = reader.claimsById(asked)
        expect(new Set(found.keys())).toEqual(wanted)
        for (const [id, fact] of found) expect(fact).toEqual(claims.find((claim) => claim.id === id))
        expect(new Map([...reader.articles()].map(([id, fact]) => [id, fact]))).toEqual(new Map(articleFacts.map((fact) => [fact.id, fact])))
      }),
      { numRuns: 40 },
    )
    expect(readSnapshot({ format: 1 })).toBeNull()
  })

  it('finds a claim\'s article by its reference, when the id is another field\'s string too, repeated, or not held', () => {
    const articles: ArticleFact[] = [
      { id: 'x', publishedAt: '2015-09-04', source: 'Die Zeit' },
      { id: 'merkel', publishedAt: '2016-01-02', source: 'taz' },
      { id: 'x', publishedAt: '2020-01-01', source: 'a repeat' },
    ]
    const fact = (id: string, articleId: string): ClaimFact => ({ id, actorId: 'merkel', issueIds: ['x'], date: '2015-10-01', articleId, stance: 1, coderId: 'x', adjudicated: false, createdAt: '' })
    const claims = [fact('c1', 'merkel'), fact('c2', 'gone'), fact('c3', 'x')]
    const packed = structuredClone(packFacts(claims, articles))
    const reader = readSnapshot(packed)!
    // The last of a repeated id is kept, as the engine keeps it.
    expect(unpackFacts(packed)!.articles).toEqual([articles[2], articles[1]])
    const inRows = reader.claimsInRows(() => () => true, new Set())
    expect(inRows.claims).toEqual(claims)
    expect(inRows.articles).toEqual(new Map([['merkel', articles[1]], ['x', articles[2]]]))
    expect(reader.articlesById(new Set(['merkel', 'gone']))).toEqual(new Map([['merkel', articles[1]]]))
    expect(columnsOfSnapshot(packed)!.articleIds).toEqual(['x', 'merkel'])
  })

  it('gives its claims column by column as the claims indexes hold them, single values in shared lists', () => {
    fc.assert(
      fc.property(claimFacts, (claims) => {
        const columns = columnsOfSnapshot(structuredClone(packFacts(claims, articleFacts)))!
        expect(columns.claimCount).toBe(claims.length)
        expect(columns.claimIds).toEqual(claims.map((claim) => claim.id))
        expect(columns.articleIds).toEqual(articleFacts.map((article) => article.id))
        expect(columns.issuesCut).toBe(false)
        const asIndexed = (values: readonly string[]): string[] => [...new Set(values)]
        for (const field of ['articleId', 'actorId', 'coderId', 'issueIds'] as const) {
          const at = columns.column(field)
          const got = claims.map((_, index) => at(index))
          expect(got).toEqual(claims.map((claim) => asIndexed(field === 'issueIds' ? claim.issueIds : [claim[field]])))
          // One list per distinct single value, whoever holds it (a claim that names one issue twice has a list of its own).
          const lists = new Map<string, readonly string[]>()
          for (const [index, list] of got.entries()) {
            if (field === 'issueIds' && claims[index]!.issueIds.length !== 1) continue
            const seen = lists.get(list[0]!)
            if (seen) expect(seen).toBe(list)
            else lists.set(list[0]!, list)
          }
        }
      }),
      { numRuns: 30 },
    )
    const many: ClaimFact = { id: 'c', actorId: 'a', issueIds: Array.from({ length: 300 }, (_, index) => `i${index}`), date: '', articleId: 'a1', stance: 0, coderId: '', adjudicated: false, createdAt: '' }
    expect(columnsOfSnapshot(packFacts([many], articleFacts))!.issuesCut).toBe(true)
    expect(columnsOfSnapshot({ format: 1 })).toBeNull()
  })

  it('gives some articles by id, from the packed record or from the articles already made', () => {
    // Ids that run into one another where joined ('a1' in 'a12', '2a1'), and an empty one.
    const articleIds = fc.uniqueArray(fc.stringMatching(/^[a2]{0,6}1?$/), { maxLength: 200, size: 'max' })
    fc.assert(
      fc.property(articleIds, fc.array(fc.nat(), { maxLength: 250, size: 'max' }), fc.boolean(), (ids, picks, madeFirst) => {
        const articles: ArticleFact[] = ids.map((id, index) => ({ id, publishedAt: `2015-10-${String((index % 28) + 1).padStart(2, '0')}`, source: `outlet ${index % 3}` }))
        const reader = readSnapshot(structuredClone(packFacts([], articles)))!
        if (madeFirst) reader.articles()
        const wanted = new Set(picks.filter(() => ids.length > 0).map((pick) => ids[pick % ids.length]!))
        const asked = new Set([...wanted, 'a1a', '1a', 'made-since'].filter((id) => !ids.includes(id) || wanted.has(id)))
        const found = reader.articlesById(asked)
        expect(new Set(found.keys())).toEqual(wanted)
        for (const [id, fact] of found) expect(fact).toEqual(articles.find((article) => article.id === id))
      }),
      { numRuns: 150 },
    )
    // Many ids at once, with no articles made yet.
    const articles: ArticleFact[] = Array.from({ length: 300 }, (_, index) => ({ id: `a${index}`, publishedAt: '2015-10-01', source: `outlet ${index % 7}` }))
    const reader = readSnapshot(structuredClone(packFacts([], articles)))!
    const asked = new Set([...articles.filter((_, index) => index % 2 === 1).map((article) => article.id), 'a', 'a3000', '0'])
    const found = reader.articlesById(asked)
    expect([...found.values()]).toEqual(articles.filter((_, index) => index % 2 === 1))
  })
})
