import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, sameContent } from '../../../renderer/src/db/backup/codec'

// The merge's record comparison: its fast path for plain data must decide exactly as comparing
// canonical JSON does, whatever the values (dates, binary, -0, NaN, undefined, key order).

const value = fc.anything({ withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: false, withBigInt: true, maxDepth: 3 })

/** A copy with keys in another order (and the same values). */
function shuffled(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(shuffled)
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return input
  const out: Record<string, unknown> = {}
  // Defined, not assigned: assigning a key named "__proto__" would set the copy's prototype instead.
  for (const key of Object.keys(input).reverse()) Object.defineProperty(out, key, { value: shuffled((input as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true })
  return out
}

describe('sameContent', () => {
  it('agrees with comparing canonical JSON', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameContent(a, b)).toBe(canonicalJson(a) === canonicalJson(b))
        expect(sameContent(a, shuffled(a))).toBe(true)
      }),
      { numRuns: 2000 },
    )
    // Found by a CI run: an own key named "__proto__".
    fc.assert(
      fc.property(fc.constant([{ ['__proto__']: 0 }, []] as unknown[]), ([a]) => {
        expect(sameContent(a, shuffled(a))).toBe(true)
      }),
    )
  })

  it('tells records apart by any field, in any order', () => {
    const record = { id: 'c1', stance: 1, issueIds: ['i1', 'i2'], anchor: { start: 0, end: 5, exact: 'x' }, note: '', addresseeId: null }
    expect(sameContent(record, { ...record })).toBe(true)
    expect(sameContent(record, Object.fromEntries(Object.entries(record).reverse()))).toBe(true)
    expect(sameContent(record, { ...record, stance: 2 })).toBe(false)
    expect(sameContent(record, { ...record, issueIds: ['i2', 'i1'] })).toBe(false)
    expect(sameContent(record, { ...record, extra: undefined })).toBe(false)
    expect(sameContent({ n: 0 }, { n: -0 })).toBe(false)
    expect(sameContent({ d: new Date(5) }, { d: new Date(5) })).toBe(true)
  })
})
