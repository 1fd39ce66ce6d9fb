import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareText } from '../../../renderer/src/domain/text/compare'
import type { LibraryRow } from '../../../renderer/src/features/library/search/libraryTypes'
import { sortLibraryRows } from '../../../renderer/src/features/library/sortRows'

// The library's keyed sort against the plain rule it implements: a comparator over the rows,
// no date last in either direction, ties in the order given.

function plainSort(rows: LibraryRow[], id: string, desc: boolean, claims: Map<string, number>): string[] {
  const indexed = rows.map((row, index) => ({ row, index }))
  const value = (row: LibraryRow): string | number | undefined =>
    id === 'publishedAt' ? (row.publishedAt === '' ? undefined : row.publishedAt) : id === 'claims' ? (claims.get(row.id) ?? 0) : row[id as 'title' | 'source']
  indexed.sort((a, b) => {
    const x = value(a.row)
    const y = value(b.row)
    if (x === undefined || y === undefined) return x === y ? a.index - b.index : x === undefined ? 1 : -1
    const compared = typeof x === 'number' ? x - (y as number) : id === 'publishedAt' ? (x < y ? -1 : x > y ? 1 : 0) : compareText(x, y as string)
    return (desc ? -compared : compared) || a.index - b.index
  })
  return indexed.map((entry) => entry.row.id)
}

const row = fc.record({
  title: fc.constantFrom('Oil', 'oil', 'Öl', 'Issue 2', 'Issue 10', 'الحوثي', ''),
  source: fc.constantFrom('Reuters', 'reuters', 'AFP', ''),
  publishedAt: fc.constantFrom('', '2024-12-23', '2024-12-23T10:00:00', '1987-03-01', '2025-01-01'),
})

describe('sortLibraryRows', () => {
  it('orders as a plain comparator does, every column and direction', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom('publishedAt', 'title', 'source', 'claims'), fc.boolean(), (partial, id, desc) => {
        const rows: LibraryRow[] = partial.map((fields, index) => ({ id: `r${index}`, author: '', language: '', direction: 'ltr', importedAt: '', origin: '', hasText: true, ...fields }))
        const claims = new Map(rows.map((entry, index) => [entry.id, (index * 7) % 4]))
        expect(sortLibraryRows(rows, [{ id, desc }], claims).map((entry) => entry.id)).toEqual(plainSort(rows, id, desc, claims))
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the given order with no sort (search hits, best first)', () => {
    const rows = [{ id: 'b' }, { id: 'a' }].map((entry) => ({ ...entry, title: '', source: '', author: '', publishedAt: '', language: '', direction: 'ltr' as const, importedAt: '', origin: '', hasText: true }))
    expect(sortLibraryRows(rows, [], new Map()).map((entry) => entry.id)).toEqual(['b', 'a'])
  })
})
