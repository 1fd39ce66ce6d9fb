import { describe, expect, it } from 'vitest'
import { krippendorffAlpha, percentAgreement } from '../../../renderer/src/domain/agreement/alpha'
import {
  KRIPPENDORFF_1980_DICHOTOMY,
  KRIPPENDORFF_1980_THREE_CODERS,
  KRIPPENDORFF_2004_P227,
  KRIPPENDORFF_2004_P230,
  KRIPPENDORFF_2004_P246_A,
  KRIPPENDORFF_2011_BINARY,
  KRIPPENDORFF_2011_MISSING,
  WIKIPEDIA_EXAMPLE,
} from './published'

// Expected values are the published ones, to the digits the source prints (toBeCloseTo(x, 3)
// accepts |error| < 0.0005). Sources are named beside each dataset in ./published.

describe("Krippendorff's alpha against Krippendorff (2011), Computing Krippendorff's Alpha-Reliability", () => {
  it('4 observers × 12 units with missing values: nominal .743, ordinal .815, interval .849, ratio .797', () => {
    const nominal = krippendorffAlpha(KRIPPENDORFF_2011_MISSING, 'nominal')
    expect(nominal.value).toBeCloseTo(0.743, 3)
    // D_o and D_e as DKPro Statistics' Krippendorff2004Test (testMultipleRatersMissingValues) has them.
    expect(nominal.observedDisagreement).toBeCloseTo(0.2, 3)
    expect(nominal.expectedDisagreement).toBeCloseTo(0.779, 3)
    // Unit 12 has one value and is not pairable: 11 units, 40 values (Krippendorff 2011: n = 40).
    expect(nominal.pairableUnits).toBe(11)
    expect(nominal.pairableValues).toBe(40)
    expect(krippendorffAlpha(KRIPPENDORFF_2011_MISSING, 'ordinal').value).toBeCloseTo(0.815, 3)
    const interval = krippendorffAlpha(KRIPPENDORFF_2011_MISSING, 'interval')
    expect(interval.value).toBeCloseTo(0.849, 3)
    // DKPro Krippendorff2004Test.testIntervallAgreement: D_o .433, D_e 2.872.
    expect(interval.observedDisagreement).toBeCloseTo(0.433, 3)
    expect(interval.expectedDisagreement).toBeCloseTo(2.872, 3)
    expect(krippendorffAlpha(KRIPPENDORFF_2011_MISSING, 'ratio').value).toBeCloseTo(0.797, 3)
  })

  it('binary data, two observers, no missing data: α = .095', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011_BINARY, 'nominal').value).toBeCloseTo(0.095, 3)
  })
})

describe("Krippendorff's alpha and percent agreement against the values DKPro Statistics' tests use", () => {
  it('Krippendorff (1980: 133), a dichotomy: percent .600, D_o .400, D_e .442, α .095', () => {
    const alpha = krippendorffAlpha(KRIPPENDORFF_1980_DICHOTOMY, 'nominal')
    expect(percentAgreement(KRIPPENDORFF_1980_DICHOTOMY).value).toBeCloseTo(0.6, 3)
    expect(alpha.observedDisagreement).toBeCloseTo(0.4, 3)
    expect(alpha.expectedDisagreement).toBeCloseTo(0.442, 3)
    expect(alpha.value).toBeCloseTo(0.095, 3)
  })

  it('Krippendorff (1980: 139), three coders: percent .740, nominal α .642 (D_o .259, D_e .724), interval .547, ratio .483', () => {
    const nominal = krippendorffAlpha(KRIPPENDORFF_1980_THREE_CODERS, 'nominal')
    // 20/27 = .7407: the source's .740 is truncated, so DKPro's tolerance of .001 is used here.
    expect(Math.abs(percentAgreement(KRIPPENDORFF_1980_THREE_CODERS).value! - 0.74)).toBeLessThanOrEqual(0.001)
    expect(nominal.observedDisagreement).toBeCloseTo(0.259, 3)
    expect(nominal.expectedDisagreement).toBeCloseTo(0.724, 3)
    expect(nominal.value).toBeCloseTo(0.642, 3)
    expect(krippendorffAlpha(KRIPPENDORFF_1980_THREE_CODERS, 'interval').value).toBeCloseTo(0.547, 3)
    expect(krippendorffAlpha(KRIPPENDORFF_1980_THREE_CODERS, 'ratio').value).toBeCloseTo(0.483, 3)
  })

  it('Krippendorff (2004: 227), three categories: percent .833, D_o .1667, D_e .6268, α .734', () => {
    const alpha = krippendorffAlpha(KRIPPENDORFF_2004_P227, 'nominal')
    expect(percentAgreement(KRIPPENDORFF_2004_P227).value).toBeCloseTo(0.833, 3)
    expect(alpha.observedDisagreement).toBeCloseTo(0.1667, 3)
    expect(alpha.expectedDisagreement).toBeCloseTo(0.6268, 3)
    expect(alpha.value).toBeCloseTo(0.734, 3)
  })

  it('Krippendorff (2004: 230), four coders with missing values, as symbols: percent .800, α .743', () => {
    expect(percentAgreement(KRIPPENDORFF_2004_P230).value).toBeCloseTo(0.8, 3)
    expect(krippendorffAlpha(KRIPPENDORFF_2004_P230, 'nominal').value).toBeCloseTo(0.743, 3)
  })

  it('Krippendorff (2004: 246): percent agreement .460', () => {
    expect(percentAgreement(KRIPPENDORFF_2004_P246_A).value).toBeCloseTo(0.46, 3)
  })
})

describe("Krippendorff's alpha against Wikipedia's computational example (also the krippendorff package's tests)", () => {
  it('nominal .691, interval .811', () => {
    expect(krippendorffAlpha(WIKIPEDIA_EXAMPLE, 'nominal').value).toBeCloseTo(0.691358, 6)
    expect(krippendorffAlpha(WIKIPEDIA_EXAMPLE, 'interval').value).toBeCloseTo(0.810845, 6)
  })
})

describe('degenerate reliability data gives an undefined figure with its reason, never a number', () => {
  it('no units at all', () => {
    const alpha = krippendorffAlpha([], 'nominal')
    expect(alpha).toMatchObject({ defined: false, value: null, reason: 'no-units', pairableValues: 0 })
    expect(percentAgreement([])).toMatchObject({ defined: false, reason: 'no-units' })
  })

  it('units each coded by one coder only (fewer than two pairable values)', () => {
    const units = [[1, null], [null, 2], [3, undefined]]
    expect(krippendorffAlpha(units, 'interval')).toMatchObject({ defined: false, reason: 'too-few-values', pairableUnits: 0 })
    expect(percentAgreement(units)).toMatchObject({ defined: false, reason: 'too-few-values' })
  })

  it('no variation: all coders gave every unit the same value, which is not a perfect 1.0', () => {
    const units = [['x', 'x'], ['x', 'x'], ['x', 'x']]
    expect(krippendorffAlpha(units, 'nominal')).toMatchObject({ defined: false, value: null, reason: 'no-variation', pairableValues: 6 })
    // Percent agreement is defined here, and perfect.
    expect(percentAgreement(units).value).toBe(1)
    // Non-integer values that floating point cannot sum exactly still count as no variation.
    expect(krippendorffAlpha([[0.1, 0.1, 0.1], [0.1, 0.1]], 'interval').reason).toBe('no-variation')
  })

  it('non-numbers and non-finite numbers are missing for numeric levels', () => {
    const units = [[1, Number.NaN, 1], [2, Number.POSITIVE_INFINITY, 2]]
    expect(krippendorffAlpha(units, 'interval')).toMatchObject({ value: 1, pairableValues: 4 })
    expect(krippendorffAlpha([['1', 2], [1, 2]] as unknown as number[][], 'interval')).toMatchObject({ pairableUnits: 1, pairableValues: 2 })
  })

  it('one value per unit disagreeing with nothing cannot make alpha 1: a lone pairable unit of two equal values has no variation', () => {
    expect(krippendorffAlpha([[2, 2], [5, null]], 'interval').reason).toBe('no-variation')
  })
})
