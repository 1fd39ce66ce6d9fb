import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortInSteps } from '../../../renderer/src/domain/sortInSteps'
import { drainSteps } from '../../../renderer/src/domain/timeSlices'

describe('a sort in steps', () => {
  it('sorts as Array.prototype.sort does, stable, giving the thread back along the way', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 50 }), at: fc.nat() }), { maxLength: 20_000 }), (items) => {
        const list = items.map((item, index) => ({ ...item, at: index }))
        const expected = [...list].sort((a, b) => a.key - b.key)
        const steps = sortInSteps(list, (a, b) => a.key - b.key)
        let yields = 0
        while (!steps.next().done) yields++
        expect(list).toEqual(expected)
        if (list.length > 4_096 && new Set(items.map((item) => item.key)).size > 1) expect(yields).toBeGreaterThan(1)
      }),
      { numRuns: 25 },
    )
  })

  it('leaves a sorted list as it is, and sorts a reversed one of many runs', () => {
    const sorted = Array.from({ length: 50_000 }, (_, index) => index)
    drainSteps(sortInSteps(sorted, (a, b) => a - b))
    expect(sorted).toEqual(Array.from({ length: 50_000 }, (_, index) => index))
    const reversed = Array.from({ length: 50_001 }, (_, index) => 50_000 - index)
    drainSteps(sortInSteps(reversed, (a, b) => a - b))
    expect(reversed).toEqual(Array.from({ length: 50_001 }, (_, index) => index))
  })
})
