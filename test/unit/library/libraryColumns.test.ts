import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnsOf, orderFromPart, packColumns, rowsFromPacked, type LibraryRow } from '../../../renderer/src/features/library/search/libraryTypes'

// The rows the worker sends the window at start: packed (repeated values once), optionally in
// a saved order, and unpacked to exactly the rows they came from.

const row = fc.record({
  title: fc.string({ maxLength: 6 }),
  source: fc.constantFrom('Reuters', 'AFP', ''),
  author: fc.oneof(fc.constantFrom('', 'A. Writer'), fc.string({ maxLength: 4 })),
  publishedAt: fc.constantFrom('', '2024-12-23', '1987-03-01'),
  language: fc.constantFrom('en', 'ar', ''),
  direction: fc.constantFrom('ltr' as const, 'rtl' as const),
  importedAt: fc.constantFrom('2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z'),
  origin: fc.constantFrom('factiva', 'file', ''),
  hasText: fc.boolean(),
})

describe('packed library rows', () => {
  it('unpack to the rows they were packed from, in the order given', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }).chain((partial) => fc.tuple(fc.constant(partial), fc.shuffledSubarray(Array.from(partial.keys()), { minLength: partial.length, maxLength: partial.length }), fc.boolean())), ([partial, order, ordered]) => {
        const rows: LibraryRow[] = partial.map((fields, index) => ({ id: `r${index}`, ...fields }))
        const expected = ordered ? order.map((index) => rows[index]!) : rows
        expect(rowsFromPacked(packColumns(columnsOf(rows), ordered ? order : null))).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('refuse damaged packs and orders', () => {
    const rows: LibraryRow[] = Array.from({ length: 20 }, (_, index) => ({ id: `r${index}`, title: `t${index}`, source: 'AFP', author: '', publishedAt: '', language: 'en', direction: 'ltr', importedAt: '', origin: '', hasText: true }))
    const packed = packColumns(columnsOf(rows), null)
    expect(Array.isArray(packed.fields.id)).toBe(true)
    expect(Array.isArray(packed.fields.source)).toBe(false)
    const source = packed.fields.source as { values: string[]; codes: Uint32Array }
    expect(() => rowsFromPacked({ ...packed, fields: { ...packed.fields, source: { values: source.values, codes: Uint32Array.of(...source.codes.slice(0, 19), 7) } } })).toThrow(TypeError)
    expect(() => rowsFromPacked({ ...packed, length: 21 })).toThrow(TypeError)
    expect(() => rowsFromPacked({ ...packed, fields: { ...packed.fields, title: (packed.fields.title as string[]).slice(1) } })).toThrow(TypeError)
    expect(orderFromPart(Uint32Array.of(2, 0, 1), 3)).toEqual(Uint32Array.of(2, 0, 1))
    expect(orderFromPart(Uint32Array.of(2, 0, 0), 3)).toBeNull()
    expect(orderFromPart(Uint32Array.of(3, 0, 1), 3)).toBeNull()
    expect(orderFromPart([0, 1, 2], 3)).toBeNull()
    expect(orderFromPart(Uint32Array.of(0, 1), 3)).toBeNull()
  })
})
