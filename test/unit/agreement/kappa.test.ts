import { describe, expect, it } from 'vitest'
import { krippendorffAlpha } from '../../../renderer/src/domain/agreement/alpha'
import { cohenKappa } from '../../../renderer/src/domain/agreement/kappa'
import { COHEN_1960_P37, COHEN_1960_P45, KRIPPENDORFF_1995_DIGITIZED_A, KRIPPENDORFF_2004_P246_A, KRIPPENDORFF_2004_P246_B } from './published'

describe("Cohen's kappa against the values DKPro Statistics' tests use", () => {
  it('Cohen (1960: 37): p_o .29, p_e .35', () => {
    const kappa = cohenKappa(COHEN_1960_P37)
    expect(kappa.observedAgreement).toBeCloseTo(0.29, 2)
    expect(kappa.expectedAgreement).toBeCloseTo(0.35, 2)
    expect(kappa.units).toBe(100)
  })

  it('Cohen (1960: 45): p_o .70, p_e .41, κ .492', () => {
    const kappa = cohenKappa(COHEN_1960_P45)
    expect(kappa.observedAgreement).toBeCloseTo(0.7, 2)
    expect(kappa.expectedAgreement).toBeCloseTo(0.41, 2)
    expect(kappa.value).toBeCloseTo(0.492, 3)
    expect(kappa.units).toBe(200)
  })

  it('Krippendorff (2004: 246): equal percent agreement, κ .186 with balanced and .258 with skewed disagreements', () => {
    expect(cohenKappa(KRIPPENDORFF_2004_P246_A).value).toBeCloseTo(0.186, 3)
    expect(cohenKappa(KRIPPENDORFF_2004_P246_B).value).toBeCloseTo(0.258, 3)
  })

  it('Krippendorff (1995: 57), example A digitised: κ .385, nominal α .329', () => {
    expect(cohenKappa(KRIPPENDORFF_1995_DIGITIZED_A).value).toBeCloseTo(0.385, 3)
    expect(krippendorffAlpha(KRIPPENDORFF_1995_DIGITIZED_A, 'nominal').value).toBeCloseTo(0.329, 3)
  })
})

describe("Cohen's kappa on degenerate data", () => {
  it('no units, or only units one coder left empty', () => {
    expect(cohenKappa([])).toMatchObject({ defined: false, value: null, reason: 'no-units', units: 0 })
    expect(cohenKappa([['a', null], [undefined, 'b']])).toMatchObject({ defined: false, reason: 'no-units' })
  })

  it('both coders used one and the same category throughout (Krippendorff 1995 example D): p_e = 1, undefined', () => {
    // DKPro Krippendorff1995Test.testThatAgreementThrowsInsufficientDataException: Heather and Hill.
    const kappa = cohenKappa(Array.from({ length: 24 }, () => [1, 1] as const))
    expect(kappa).toMatchObject({ defined: false, value: null, reason: 'no-variation', observedAgreement: 1, expectedAgreement: 1 })
  })

  it('skips pairs with a missing value', () => {
    const withGaps = cohenKappa([...COHEN_1960_P45, [1, null], [null, 2]])
    expect(withGaps.units).toBe(200)
    expect(withGaps.value).toBe(cohenKappa(COHEN_1960_P45).value)
  })
})
