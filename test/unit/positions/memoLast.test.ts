import { describe, expect, it } from 'vitest'
import { memoLast } from '../../../renderer/src/features/positions/memoLast'

describe('memoLast', () => {
  it('computes again only when an argument changes identity', () => {
    let calls = 0
    const twice = memoLast((values: number[], factor: number) => {
      calls++
      return values.map((value) => value * factor)
    })
    const values = [1, 2]
    const first = twice(values, 2)
    expect(twice(values, 2)).toBe(first)
    expect(calls).toBe(1)
    expect(twice([1, 2], 2)).toEqual([2, 4])
    expect(calls).toBe(2)
    twice([1, 2], 3)
    expect(calls).toBe(3)
  })
})
