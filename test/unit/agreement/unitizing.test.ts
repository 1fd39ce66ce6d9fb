import { describe, expect, it } from 'vitest'
import {
  unitizingAlpha,
  unitizingAlphaByCategory,
  unitizingDistance,
  type UnitizingStudy,
} from '../../../renderer/src/domain/agreement/unitizing'
import { KRIPPENDORFF_1995_UNITIZING, KRIPPENDORFF_2004_P254 } from './published'

const unit = (start: number, length: number) => ({ start, end: start + length, unit: true })
const gap = (start: number, length: number) => ({ start, end: start + length, unit: false })

function study2004(): UnitizingStudy {
  const { begin, length, segments } = KRIPPENDORFF_2004_P254
  return { coderCount: 2, continua: [{ begin, length, segments: segments.map(([coder, start, len, category]) => ({ coder, start, length: len, category })) }] }
}

/** Krippendorff (1995: 57) for one of its four examples, every position multiplied by stretch (DKPro's createExample). */
function study1995(example: keyof typeof KRIPPENDORFF_1995_UNITIZING, stretch: number): UnitizingStudy {
  const scale = (value: number) => Math.trunc(value * stretch)
  const segments = KRIPPENDORFF_1995_UNITIZING[example].flatMap((spans, coder) =>
    spans.map(([start, length]) => ({ coder, category: example, start: scale(start), length: scale(length) })),
  )
  return { coderCount: 2, continua: [{ begin: 0, length: scale(24), segments }] }
}

describe('the unitizing distance δ² against Krippendorff (2004: 252–254), as DKPro Statistics tests it', () => {
  it('testDistanceMetric1', () => {
    // A unit inside the other coder's gap costs its length², whichever side it is on.
    expect(unitizingDistance(gap(2, 3), unit(2, 2)) + unitizingDistance(unit(5, 6), gap(4, 7))).toBe(40)
    expect(unitizingDistance(gap(3, 2), unit(3, 2)) + unitizingDistance(unit(5, 6), gap(5, 6))).toBe(40)
    expect(unitizingDistance(unit(5, 6), unit(4, 2))).toBe(26)
    expect(unitizingDistance(unit(5, 6), unit(5, 2))).toBe(16)
    expect(unitizingDistance(unit(5, 6), unit(6, 2))).toBe(10)
    expect(unitizingDistance(unit(5, 6), unit(7, 2))).toBe(8)
    expect(unitizingDistance(unit(5, 6), unit(6, 4))).toBe(2)
    expect(unitizingDistance(unit(5, 6), unit(5, 6))).toBe(0)
  })

  it('testDistanceMetric2', () => {
    expect(unitizingDistance(unit(225, 70), unit(220, 80))).toBe(50)
    expect(unitizingDistance(unit(370, 30), unit(355, 20))).toBe(850)
    expect(unitizingDistance(gap(400, 50), unit(400, 20))).toBe(400)
  })
})

describe('u-alpha against Krippendorff (2004: 254)', () => {
  it('category c: D_o .0144, D_e .0532, α .7286; category k: D_o 0, D_e .0490, α 1; overall .8591', () => {
    const { categories, overall } = unitizingAlphaByCategory(study2004())
    const c = categories.get('c')!
    expect(c.observedDisagreement).toBeCloseTo(0.0144, 4)
    expect(c.expectedDisagreement).toBeCloseTo(0.0532, 4)
    expect(c.value).toBeCloseTo(0.7286, 4)
    const k = categories.get('k')!
    expect(k.observedDisagreement).toBe(0)
    expect(k.expectedDisagreement).toBeCloseTo(0.049, 4)
    expect(k.value).toBe(1)
    // The book's .8591 comes from the rounded D's above (1 - .0144/.1022); DKPro allows ±.0005.
    expect(Math.abs(overall.value! - 0.8591)).toBeLessThanOrEqual(0.0005)
    expect(c).toMatchObject({ segments: 5, length: 300 })
  })

  it('is the same measure on one continuum with every position shifted', () => {
    const shifted = study2004()
    const continuum = shifted.continua[0]!
    const moved: UnitizingStudy = { coderCount: 2, continua: [{ ...continuum, begin: 0, segments: continuum.segments.map((s) => ({ ...s, start: s.start - 150 })) }] }
    expect(unitizingAlpha(moved, 'c').value).toBe(unitizingAlpha(shifted, 'c').value)
  })
})

describe('u-alpha against Krippendorff (1995: 57), with the tolerances of DKPro Statistics Krippendorff1995Test', () => {
  it('observed disagreement, exactly as published: A .03125, B 2.26736, C .02777, D .38715', () => {
    expect(unitizingAlpha(study1995('A', 1), 'A').observedDisagreement).toBeCloseTo(0.03125, 5)
    expect(unitizingAlpha(study1995('B', 1), 'B').observedDisagreement).toBeCloseTo(2.26736, 5)
    expect(unitizingAlpha(study1995('C', 1), 'C').observedDisagreement).toBeCloseTo(0.02777, 4)
    expect(unitizingAlpha(study1995('D', 1), 'D').observedDisagreement).toBeCloseTo(0.38715, 5)
  })

  it('expected disagreement and α on a continuum stretched 50,000 times: A .06990/.553, B 1.17731/−.926, C .08642/.679, D .41445/.066', () => {
    // The paper's D_e is asymptotic in the continuum's length, hence the stretch. DKPro notes a
    // small error in the paper's D_e for C and allows ±.005 on D_e and ±.02 on α.
    const published = { A: [0.0699, 0.553], B: [1.17731, -0.926], C: [0.08642, 0.679], D: [0.41445, 0.066] } as const
    for (const example of ['A', 'B', 'C', 'D'] as const) {
      const result = unitizingAlpha(study1995(example, 50_000), example)
      const [expected, alpha] = published[example]
      expect(Math.abs(result.expectedDisagreement! - expected), example).toBeLessThanOrEqual(0.005)
      expect(Math.abs(result.value! - alpha), example).toBeLessThanOrEqual(0.02)
      expect(result.observedDisagreement, example).toBeCloseTo(unitizingAlpha(study1995(example, 1), example).observedDisagreement!, 10)
    }
  })

  it('example C at the stretches DKPro tests (testVaryingLengths)', () => {
    const cases = [
      [0.5, 0.05494, 0.494, 0.00001],
      [5, 0.08234, 0.663, 0.005],
      [50, 0.086, 0.677, 0.005],
      [500, 0.08638, 0.678, 0.005],
      [5000, 0.08642, 0.679, 0.005],
    ] as const
    for (const [stretch, expected, alpha, tolerance] of cases) {
      const result = unitizingAlpha(study1995('C', stretch), 'C')
      expect(result.observedDisagreement, `stretch ${stretch}`).toBeCloseTo(0.02777, 4)
      expect(Math.abs(result.expectedDisagreement! - expected), `stretch ${stretch}`).toBeLessThanOrEqual(tolerance)
      expect(Math.abs(result.value! - alpha), `stretch ${stretch}`).toBeLessThanOrEqual(0.02)
    }
  })
})

describe('u-alpha on awkward input', () => {
  it('is undefined, with the reason, for one coder, no text, or no units', () => {
    expect(unitizingAlpha({ coderCount: 1, continua: [{ begin: 0, length: 10, segments: [{ coder: 0, category: 'q', start: 1, length: 2 }] }] }, 'q').reason).toBe('too-few-coders')
    expect(unitizingAlpha({ coderCount: 2, continua: [] }, 'q').reason).toBe('no-units')
    expect(unitizingAlpha({ coderCount: 2, continua: [{ begin: 0, length: 10, segments: [] }] }, 'q')).toMatchObject({ defined: false, reason: 'no-quotes', length: 10 })
    // Zero-length units only (DKPro bug 58 reported full agreement here).
    expect(unitizingAlpha({ coderCount: 2, continua: [{ begin: 0, length: 10, segments: [{ coder: 0, category: 'q', start: 3, length: 0 }, { coder: 1, category: 'q', start: 3, length: 0 }] }] }, 'q').reason).toBe('no-quotes')
  })

  it("merges a coder's overlapping units into their union and clips units to the continuum", () => {
    const merged = unitizingAlpha({ coderCount: 2, continua: [{ begin: 0, length: 20, segments: [
      { coder: 0, category: 'q', start: 2, length: 5 }, { coder: 0, category: 'q', start: 4, length: 6 }, { coder: 1, category: 'q', start: 2, length: 8 },
    ] }] }, 'q')
    expect(merged).toMatchObject({ value: 1, segments: 2 })
    const clipped = unitizingAlpha({ coderCount: 2, continua: [{ begin: 0, length: 20, segments: [
      { coder: 0, category: 'q', start: 15, length: 50 }, { coder: 1, category: 'q', start: 15, length: 5 },
    ] }] }, 'q')
    expect(clipped).toMatchObject({ value: 1, segments: 2 })
  })

  it('treats several continua as one text whose gaps stop at each boundary', () => {
    // The same units on one article, or split over two articles at a point inside a unit-free
    // stretch: D_o is the same; D_e differs only through the gap that the boundary cuts in two.
    const segments = [
      { coder: 0, category: 'q', start: 2, length: 4 }, { coder: 1, category: 'q', start: 3, length: 4 },
      { coder: 0, category: 'q', start: 22, length: 3 }, { coder: 1, category: 'q', start: 22, length: 5 },
    ]
    const one = unitizingAlpha({ coderCount: 2, continua: [{ begin: 0, length: 30, segments }] }, 'q')
    const two = unitizingAlpha({ coderCount: 2, continua: [
      { begin: 0, length: 12, segments: segments.slice(0, 2) },
      { begin: 12, length: 18, segments: segments.slice(2) },
    ] }, 'q')
    expect(two.observedDisagreement).toBeCloseTo(one.observedDisagreement!, 15)
    expect(two.length).toBe(30)
    expect(two.expectedDisagreement).not.toBe(one.expectedDisagreement)

    // Where no gap runs across the boundary (both coders' units end there), nothing changes.
    const flush = [
      { coder: 0, category: 'q', start: 8, length: 4 }, { coder: 1, category: 'q', start: 9, length: 3 },
      { coder: 0, category: 'q', start: 20, length: 3 }, { coder: 1, category: 'q', start: 21, length: 5 },
    ]
    const whole = unitizingAlpha({ coderCount: 2, continua: [{ begin: 0, length: 30, segments: flush }] }, 'q')
    const split = unitizingAlpha({ coderCount: 2, continua: [
      { begin: 0, length: 12, segments: flush.slice(0, 2) },
      { begin: 12, length: 18, segments: flush.slice(2) },
    ] }, 'q')
    expect(split.value).toBeCloseTo(whole.value!, 12)
  })
})
