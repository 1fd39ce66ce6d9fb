import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { krippendorffAlpha, percentAgreement, type MeasurementLevel } from '../../../renderer/src/domain/agreement/alpha'
import { cohenKappa } from '../../../renderer/src/domain/agreement/kappa'

// Invariances every agreement coefficient must have, whatever the data: the order of units,
// the order of coders and the names of categories carry no information.

const LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio']

/** Reliability data: units × coders, values 0..4 or missing. */
const matrix = fc.integer({ min: 2, max: 4 }).chain((coders) =>
  fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 4 }), { minLength: coders, maxLength: coders }), { maxLength: 16 }),
)

const withPermutation = matrix.chain((units) => fc.tuple(fc.constant(units), fc.shuffledSubarray([...units.keys()], { minLength: units.length })))

function sameFigure(a: { value: number | null; reason: string | null }, b: { value: number | null; reason: string | null }): void {
  expect(b.reason).toBe(a.reason)
  if (a.value === null) expect(b.value).toBeNull()
  else expect(b.value).toBeCloseTo(a.value, 10)
}

describe("Krippendorff's alpha and percent agreement", () => {
  it('do not depend on the order of units', () => {
    fc.assert(
      fc.property(withPermutation, ([units, order]) => {
        const permuted = order.map((index) => units[index]!)
        for (const level of LEVELS) sameFigure(krippendorffAlpha(units, level), krippendorffAlpha(permuted, level))
        sameFigure(percentAgreement(units), percentAgreement(permuted))
      }),
    )
  })

  it('do not depend on the order of coders', () => {
    fc.assert(
      fc.property(matrix, (units) => {
        const reversed = units.map((unit) => [...unit].reverse())
        for (const level of LEVELS) sameFigure(krippendorffAlpha(units, level), krippendorffAlpha(reversed, level))
      }),
    )
  })

  it('nominal alpha and percent agreement do not depend on the names of categories', () => {
    fc.assert(
      fc.property(matrix, fc.shuffledSubarray(['p', 'q', 'r', 's', 't'], { minLength: 5 }), (units, names) => {
        const renamed = units.map((unit) => unit.map((value) => (value === null ? null : names[value]!)))
        sameFigure(krippendorffAlpha(units, 'nominal'), krippendorffAlpha(renamed, 'nominal'))
        sameFigure(percentAgreement(units), percentAgreement(renamed))
      }),
    )
  })

  it('interval alpha does not depend on the origin or unit of the scale (stance −2..2 or 1..5 alike)', () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: -10, max: 10 }), fc.integer({ min: 1, max: 7 }), (units, shift, scale) => {
        const moved = units.map((unit) => unit.map((value) => (value === null ? null : value * scale + shift)))
        sameFigure(krippendorffAlpha(units, 'interval'), krippendorffAlpha(moved, 'interval'))
      }),
    )
  })

  it('are 1 under perfect agreement whenever there is variation, at every level', () => {
    const agreeing = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })).map(([value, present]) => present.map((here) => (here ? value : null))),
      { maxLength: 12 },
    )
    fc.assert(
      fc.property(agreeing, (units) => {
        const pairable = units.filter((unit) => unit.filter((value) => value !== null).length >= 2)
        const distinct = new Set(pairable.flat().filter((value) => value !== null)).size
        for (const level of LEVELS) {
          const alpha = krippendorffAlpha(units, level)
          if (pairable.length === 0) expect(alpha.reason).toMatch(/no-units|too-few-values/)
          else if (distinct < 2) expect(alpha.reason).toBe('no-variation')
          else expect(alpha.value).toBe(1)
        }
        if (pairable.length > 0) expect(percentAgreement(units).value).toBe(1)
      }),
    )
  })
})

describe("Cohen's kappa", () => {
  const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 30 })

  it('does not depend on the order of units, the names of categories, or which coder is first', () => {
    fc.assert(
      fc.property(pairs.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray([...list.keys()], { minLength: list.length }))), fc.shuffledSubarray(['w', 'x', 'y', 'z'], { minLength: 4 }), ([list, order], names) => {
        const kappa = cohenKappa(list)
        sameFigure(kappa, cohenKappa(order.map((index) => list[index]!)))
        sameFigure(kappa, cohenKappa(list.map(([a, b]) => [names[a]!, names[b]!] as const)))
        sameFigure(kappa, cohenKappa(list.map(([a, b]) => [b, a] as const)))
      }),
    )
  })

  it('is 1 under perfect agreement with two or more categories', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 20 }), (values) => {
        const kappa = cohenKappa(values.map((value) => [value, value] as const))
        if (values.length === 0) expect(kappa.reason).toBe('no-units')
        else if (new Set(values).size < 2) expect(kappa.reason).toBe('no-variation')
        else expect(kappa.value).toBe(1)
      }),
    )
  })
})
