import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addClaimRows, CLAIMS_COLUMNS, claimRows, claimRowsCsv, exportOrder, sortClaimsForExport, type ClaimRowEntry } from '../../../renderer/src/domain/export/claimsCsv'
import { csvChunks } from '../../../renderer/src/domain/export/csvChunks'
import { buildLookups } from '../../../renderer/src/domain/export/lookups'
import type { Claim, Stance } from '../../../renderer/src/domain/model'
import { TRICKY_TEXTS, trickyWorkspace } from './trickyWorkspace'

// The claims export builds each claim's row while later claims are still being read and sorts
// afterwards; the file must be exactly the one of sorting first and writing the rows.

const workspace = trickyWorkspace()
const lookups = buildLookups(workspace)

const text = fc.oneof(fc.constantFrom(...TRICKY_TEXTS), fc.string({ maxLength: 8 }))
const someId = (ids: string[]) => fc.oneof(fc.constantFrom(...ids), fc.constant('deleted-record'))
const claimArbitrary: fc.Arbitrary<Claim> = fc.record({
  id: fc.uuid(),
  articleId: someId(workspace.articles.map((article) => article.id)),
  actorId: someId(workspace.actors.map((actor) => actor.id)),
  issueIds: fc.uniqueArray(someId(workspace.issues.map((issue) => issue.id)), { minLength: 1, maxLength: 3 }),
  stance: fc.constantFrom<Stance>(-2, -1, 0, 1, 2),
  date: fc.constantFrom('2024-12-23', '2024-11-02', '', '2024-12-23T10:00:00'),
  addresseeId: fc.option(someId(workspace.actors.map((actor) => actor.id)), { nil: null }),
  note: text,
  anchor: fc.record({ exact: text, prefix: fc.constant(''), suffix: fc.constant(''), start: fc.nat(500), end: fc.nat(500) }),
  createdAt: fc.constant('2025-01-10T12:00:00.000Z'),
  updatedAt: fc.constant('2025-01-10T12:00:00.000Z'),
  coderId: fc.constant('cod-1'),
  updatedBy: fc.constant('cod-1'),
  externalId: text,
  attributes: fc.constant({}),
  adjudicatedFrom: fc.constant([]),
})

describe('claim rows built ahead of the sort', () => {
  it('make, slice by slice, the same file as sorting the claims and writing their rows', () => {
    fc.assert(
      fc.property(fc.array(claimArbitrary, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (claims, slices, bom) => {
        const entries: ClaimRowEntry[] = []
        const size = Math.ceil(claims.length / slices) || 1
        for (let start = 0; start < claims.length; start += size) addClaimRows(entries, claims.slice(start, start + size), lookups)
        const text = [...claimRowsCsv(entries, { bom, rowsPerChunk: 7 })].map((chunk) => chunk.text).join('')
        const expected = [...csvChunks([...CLAIMS_COLUMNS], claimRows(sortClaimsForExport(claims), lookups), { bom })].map((chunk) => chunk.text).join('')
        expect(text).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the export order', () => {
  it('is the order of sorting by date, article, position and id with string comparisons', () => {
    const order = fc.record({
      date: fc.constantFrom('2024-12-23', '2024-11-02', '', '2024-12-23T10:00:00', '2024'),
      articleId: fc.constantFrom('a', 'b', 'B', 'ä', 'a0'),
      start: fc.oneof(fc.nat(5), fc.constant(-1), fc.double({ noNaN: true, min: -2, max: 2 })),
      id: fc.constantFrom('x', 'y', 'X', 'z1', 'z'),
    })
    fc.assert(
      fc.property(fc.array(order, { maxLength: 60 }), (entries) => {
        const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
        const expected = entries
          .map((entry, index) => ({ entry, index }))
          .sort((a, b) => compare(a.entry.date, b.entry.date) || compare(a.entry.articleId, b.entry.articleId) || a.entry.start - b.entry.start || compare(a.entry.id, b.entry.id) || a.index - b.index)
          .map(({ entry }) => entry)
        expect([...exportOrder(entries)].map((index) => entries[index])).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})
