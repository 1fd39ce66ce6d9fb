import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addClaimRows, CLAIMS_COLUMNS, claimRows, claimRowsCsv, sortClaimsForExport, type ClaimRowEntry } from '../../../renderer/src/domain/export/claimsCsv'
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
