import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CorruptIndexError, TextIndex, type AnalysedDocument, type QueryTerm } from '../../../renderer/src/domain/search/textIndex'

// The compact index against a plain computation of the same ranking over the documents
// themselves, after random sequences of adds, replacements, removals, compactions and
// save/load round trips.

const VOCABULARY = ['oil', 'oilfield', 'oils', 'opec', 'iran', 'iraq', 'iraqi', 'gulf', 'tanker', 'tankers', 'talks', 'حوثي', 'الحوثي', 'يمن']

function analysed(words: string[], titleWords: string[]): AnalysedDocument {
  const terms = new Map<string, number>()
  for (const word of titleWords) terms.set(word, (terms.get(word) ?? 0) + 2)
  for (const word of words) terms.set(word, (terms.get(word) ?? 0) + 1)
  return { terms, length: titleWords.length * 2 + words.length }
}

/** BM25F over a plain map of documents: the computation the index must reproduce. */
function plainSearch(documents: Map<string, AnalysedDocument>, query: QueryTerm[]): Map<string, number> {
  const live = [...documents.entries()]
  if (live.length === 0 || query.length === 0) return new Map()
  const average = live.reduce((sum, [, doc]) => sum + doc.length, 0) / live.length
  const allTerms = new Set(live.flatMap(([, doc]) => [...doc.terms.keys()]))
  let candidates = new Map(live.map(([id]) => [id, 0]))
  for (const word of query) {
    const expansions = [...allTerms].filter((term) => (word.prefix ? term.startsWith(word.term) : term === word.term)).sort()
    const next = new Map<string, number>()
    for (const term of expansions) {
      const weight = term === word.term ? 1 : (0.375 * word.term.length) / (word.term.length + 0.3 * (term.length - word.term.length))
      const frequency = live.filter(([, doc]) => doc.terms.has(term)).length
      const idf = Math.log(1 + (live.length - frequency + 0.5) / (frequency + 0.5))
      for (const [id, doc] of live) {
        const tf = doc.terms.get(term)
        if (tf === undefined || !candidates.has(id)) continue
        const score = (next.get(id) ?? candidates.get(id)!) + (weight * idf * (tf * 2.2)) / (tf + 1.2 * (1 - 0.7 + (0.7 * doc.length) / average))
        next.set(id, score)
      }
    }
    candidates = next
  }
  return candidates
}

const byScore = (ids: string[], scores: number[]): [string, number][] =>
  ids.map((id, index) => [id, scores[index]!] as [string, number]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))

const word = fc.constantFrom(...VOCABULARY)
const operation = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('add' as const), id: fc.integer({ min: 0, max: 25 }), body: fc.array(word, { maxLength: 12 }), title: fc.array(word, { maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 25 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('compact' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reload' as const) }) },
)
const query = fc.array(fc.record({ term: fc.constantFrom(...VOCABULARY, 'o', 'ir', 'ta', 'الح', 'zebra'), prefix: fc.boolean() }), { minLength: 1, maxLength: 3 })

describe('TextIndex', () => {
  it('ranks exactly as a plain BM25F pass over the live documents, whatever the edit history', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 6 }), (operations, queries) => {
        let index = TextIndex.empty()
        const documents = new Map<string, AnalysedDocument>()
        for (const op of operations) {
          if (op.type === 'add') {
            const document = analysed(op.body, op.title)
            index.add(`d${op.id}`, document)
            documents.set(`d${op.id}`, document)
          } else if (op.type === 'remove') {
            index.remove(`d${op.id}`)
            documents.delete(`d${op.id}`)
          } else if (op.type === 'compact') {
            index.compact()
          } else {
            index = TextIndex.fromSnapshot(structuredClone(index.compact()))
          }
        }
        const rebuilt = TextIndex.empty()
        for (const [id, document] of documents) rebuilt.add(id, document)
        expect(index.size).toBe(documents.size)
        for (const words of queries) {
          const ours = index.search(words, true)
          const fresh = rebuilt.search(words, true)
          expect(byScore(ours.ids, ours.scores)).toEqual(byScore(fresh.ids, fresh.scores))
          const plain = plainSearch(documents, words)
          expect(ours.ids.slice().sort()).toEqual([...plain.keys()].sort())
          for (let position = 0; position < ours.ids.length; position++) {
            expect(ours.scores[position]).toBeCloseTo(plain.get(ours.ids[position]!)!, 10)
            if (position > 0) expect(ours.scores[position - 1]).toBeGreaterThanOrEqual(ours.scores[position]!)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('refuses a damaged saved copy', () => {
    const index = TextIndex.empty()
    index.add('a', analysed(['oil', 'gulf'], ['iran']))
    index.add('b', analysed(['oil'], []))
    const good = index.compact()
    expect(() => TextIndex.fromSnapshot(structuredClone(good))).not.toThrow()
    const damaged = [
      { ...good, format: 'text-index-0' },
      { ...good, ids: ['a'] },
      { ...good, starts: good.starts.slice(1) },
      { ...good, bytes: good.bytes.map((offset, index) => (index === 1 ? offset + 1 : offset)) },
      { ...good, docs: good.docs.map((byte) => byte + 5) },
      { ...good, docs: good.docs.map(() => 0x80) },
      { ...good, terms: [...good.terms].reverse() },
      { ...good, weights: new Uint8Array(1) },
      { ...good, ids: ['a', 'a'] },
      { ...good, lengths: [1, 2] },
    ]
    for (const snapshot of damaged) expect(() => TextIndex.fromSnapshot(snapshot as never)).toThrow(CorruptIndexError)
    // Loaded without decoding each posting: a posting damaged in place is found by checkPostings.
    const deferred = TextIndex.fromSnapshot({ ...good, docs: good.docs.map((byte) => byte + 5) }, { postings: false })
    expect(() => deferred.checkPostings()).toThrow(CorruptIndexError)
    expect(() => TextIndex.fromSnapshot(structuredClone(good), { postings: false }).checkPostings()).not.toThrow()
  })

  it('orders equal scores by document order and finds prefixes only for a prefix word', () => {
    const index = TextIndex.empty()
    index.add('x', analysed(['tanker'], []))
    index.add('y', analysed(['tanker'], []))
    index.add('z', analysed(['tankers'], []))
    expect(index.search([{ term: 'tanker', prefix: false }]).ids).toEqual(['x', 'y'])
    expect(index.search([{ term: 'tank', prefix: false }]).ids).toEqual([])
    expect(index.search([{ term: 'tank', prefix: true }]).ids.sort()).toEqual(['x', 'y', 'z'])
    // The word itself counts fully, a longer term it starts only in part.
    expect(index.search([{ term: 'tanker', prefix: true }]).ids).toEqual(['x', 'y', 'z'])
  })
  it('ranks tens of thousands of hits best first, equal scores in document order, across saves and additions', () => {
    // Many hits and many exact ties (the same few lengths and frequencies): every hit in order,
    // as a plain sort of the scores and document numbers puts them.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2_000, max: 30_000 }), (seed, size) => {
        let state = seed
        const random = (): number => {
          state = (Math.imul(state, 48_271) + 11) % 2_147_483_647
          return Math.abs(state) / 2_147_483_647
        }
        const index = TextIndex.empty()
        const order: string[] = []
        const add = (id: string): void => {
          const words: string[] = Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.7 ? 'oil' : random() < 0.5 ? 'oilfield' : 'gulf'))
          if (random() < 0.01) words.push(...Array.from({ length: 200 + Math.floor(random() * 3) }, () => 'gulf'))
          index.add(id, analysed(words, random() < 0.1 ? ['oil'] : []))
          order.push(id)
        }
        for (let doc = 0; doc < size; doc++) add(`d${doc}`)
        const reloaded = TextIndex.fromSnapshot(structuredClone(index.compact()))
        for (let doc = size; doc < size + 500; doc++) {
          const id = `d${doc}`
          const words = random() < 0.5 ? ['oil', 'oil'] : ['oil', 'gulf']
          reloaded.add(id, analysed(words, []))
          index.add(id, analysed(words, []))
          order.push(id)
        }
        const position = new Map(order.map((id, at) => [id, at]))
        for (const query of [[{ term: 'oil', prefix: false }], [{ term: 'oil', prefix: true }], [{ term: 'oil', prefix: true }, { term: 'gulf', prefix: false }]]) {
          for (const searched of [index, reloaded]) {
            const { ids, scores } = searched.search(query, true)
            const expected = ids.map((id, at) => ({ id, score: scores[at]! })).sort((a, b) => b.score - a.score || position.get(a.id)! - position.get(b.id)!)
            expect(ids).toEqual(expected.map((hit) => hit.id))
          }
        }
      }),
      { numRuns: 12 },
    )
  })
  it('orders scores closer than the rounding of the sort keys exactly', () => {
    // Lengths of a trillion words differing by one: the scores differ by about 1e-12 of
    // themselves, far below the keys' rounding (2^-31 of the top score), so both hits get one
    // key and the exact pass after the radix sort must put the shorter (better) one first.
    const index = TextIndex.empty()
    const length = 1e12
    index.add('longer', { terms: new Map([['oil', 1]]), length: length + 1 })
    index.add('shorter', { terms: new Map([['oil', 1]]), length })
    index.add('other', { terms: new Map([['gulf', 1]]), length })
    const { ids, scores } = index.search([{ term: 'oil', prefix: false }], true)
    expect(scores[0]).toBeGreaterThan(scores[1]!)
    expect(ids).toEqual(['shorter', 'longer'])
  })
})
