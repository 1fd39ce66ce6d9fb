import { defined, undefinedBecause, type Estimate } from './estimate'

// Krippendorff's alpha over a reliability data matrix, after Krippendorff, "Computing
// Krippendorff's Alpha-Reliability" (2011) and Content Analysis (2004: ch. 11):
//
//   alpha = 1 - D_o / D_e
//   D_o = 1/n · Σ_u Σ_{i≠j in u} δ²(v_ui, v_uj) / (m_u - 1)
//   D_e = 1/(n(n-1)) · Σ_c Σ_k n_c · n_k · δ²(c, k)
//
// Only pairable values count: a unit coded by fewer than two coders contributes nothing, and n is
// the number of values in units with at least two. That is how alpha handles missing values.

/** A coded value: a category (nominal) or a number (ordinal, interval, ratio). */
export type AgreementValue = string | number

/** One unit of analysis: the value each coder gave it, in coder order; null or undefined = missing. */
export type ReliabilityUnit<V extends AgreementValue = AgreementValue> = readonly (V | null | undefined)[]

export type NumericLevel = 'ordinal' | 'interval' | 'ratio'
export type MeasurementLevel = 'nominal' | NumericLevel

export type AlphaResult = Estimate & {
  level: MeasurementLevel
  /** D_o; null when undefined. */
  observedDisagreement: number | null
  /** D_e; null when undefined. */
  expectedDisagreement: number | null
  /** Units with at least two values. */
  pairableUnits: number
  /** n: the values in those units. */
  pairableValues: number
}

function isPresent(value: AgreementValue | null | undefined, numeric: boolean): value is AgreementValue {
  if (value === null || value === undefined) return false
  if (typeof value === 'number') return Number.isFinite(value)
  return !numeric
}

/** The units with two or more usable values, each reduced to those values. */
function unitsWithPairs(units: readonly ReliabilityUnit[], numeric: boolean): AgreementValue[][] {
  const out: AgreementValue[][] = []
  for (const unit of units) {
    const values = unit.filter((value) => isPresent(value, numeric))
    if (values.length >= 2) out.push(values)
  }
  return out
}

function marginals(units: readonly AgreementValue[][]): Map<AgreementValue, number> {
  const counts = new Map<AgreementValue, number>()
  for (const unit of units) for (const value of unit) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

type Difference = (c: AgreementValue, k: AgreementValue) => number

/** δ² per level (Krippendorff 2011, section C). Ordinal ranks use the pairable values' frequencies. */
function differenceFunction(level: MeasurementLevel, counts: ReadonlyMap<AgreementValue, number>): Difference {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1)
    case 'interval':
      return (c, k) => ((c as number) - (k as number)) ** 2
    case 'ratio':
      return (c, k) => {
        const sum = (c as number) + (k as number)
        return sum === 0 ? 0 : (((c as number) - (k as number)) / sum) ** 2
      }
    case 'ordinal': {
      // δ²(c, k) = (Σ_{g=c..k} n_g - (n_c + n_k) / 2)²: a running total over the sorted values
      // turns each Σ into a difference of two prefix sums.
      const sorted = [...counts.keys()].sort((a, b) => (a as number) - (b as number))
      const through = new Map<AgreementValue, number>()
      let total = 0
      for (const value of sorted) {
        total += counts.get(value)!
        through.set(value, total)
      }
      return (c, k) => {
        const [low, high] = (c as number) <= (k as number) ? [c, k] : [k, c]
        const nLow = counts.get(low)!
        const span = through.get(high)! - through.get(low)! + nLow
        return (span - (nLow + counts.get(high)!) / 2) ** 2
      }
    }
  }
}

function expectedDisagreement(level: MeasurementLevel, counts: ReadonlyMap<AgreementValue, number>, n: number, difference: Difference): number {
  if (level === 'nominal') {
    // Σ_{c≠k} n_c·n_k = n² - Σ n_c², so a thousand actors cost no more than two.
    let squares = 0
    for (const count of counts.values()) squares += count * count
    return (n * n - squares) / (n * (n - 1))
  }
  if (level === 'interval') {
    // Σ_c Σ_k n_c n_k (c-k)² = 2n Σ_c n_c (c - mean)²
    let sum = 0
    for (const [value, count] of counts) sum += count * (value as number)
    const mean = sum / n
    let spread = 0
    for (const [value, count] of counts) spread += count * ((value as number) - mean) ** 2
    return (2 * spread) / (n - 1)
  }
  const entries = [...counts]
  let total = 0
  for (const [c, nc] of entries) for (const [k, nk] of entries) total += nc * nk * difference(c, k)
  return total / (n * (n - 1))
}

/**
 * Krippendorff's alpha. Nominal compares values for identity (a string and a number never match);
 * ordinal, interval and ratio read numbers and treat anything else as missing. Undefined, with the
 * reason, when no unit has two values or when all pairable values are the same (D_e = 0).
 */
export function krippendorffAlpha(units: readonly ReliabilityUnit<number>[], level: MeasurementLevel): AlphaResult
export function krippendorffAlpha(units: readonly ReliabilityUnit[], level: 'nominal'): AlphaResult
export function krippendorffAlpha(units: readonly ReliabilityUnit[], level: MeasurementLevel): AlphaResult {
  const pairable = unitsWithPairs(units, level !== 'nominal')
  const n = pairable.reduce((sum, unit) => sum + unit.length, 0)
  const base = { level, pairableUnits: pairable.length, pairableValues: n }
  const missing = (estimate: Estimate): AlphaResult => ({ ...estimate, ...base, observedDisagreement: null, expectedDisagreement: null })
  if (pairable.length === 0) return missing(undefinedBecause(units.length === 0 ? 'no-units' : 'too-few-values'))
  const counts = marginals(pairable)
  // Checked on the distinct values rather than on D_e, which rounding can leave a hair above 0.
  if (counts.size < 2) return missing(undefinedBecause('no-variation'))
  const difference = differenceFunction(level, counts)
  let observed = 0
  for (const unit of pairable) {
    let within = 0
    for (let i = 0; i < unit.length; i++) for (let j = i + 1; j < unit.length; j++) within += 2 * difference(unit[i]!, unit[j]!)
    observed += within / (unit.length - 1)
  }
  observed /= n
  const expected = expectedDisagreement(level, counts, n, difference)
  return { ...defined(1 - observed / expected), ...base, observedDisagreement: observed, expectedDisagreement: expected }
}

export type PercentResult = Estimate & { pairableUnits: number; pairableValues: number }

/**
 * Percent agreement, pairwise: within each unit, the share of ordered pairs of values (from
 * different coders) that are equal, each unit weighted by its number of values, i.e.
 * Σ_u Σ_c n_uc(n_uc - 1)/(m_u - 1) / n. With two coders and no missing values this is simply the
 * share of units on which they agree. It equals 1 - D_o of nominal alpha (Krippendorff 2004: 230)
 * and DKPro Statistics' PercentageAgreement.
 */
export function percentAgreement(units: readonly ReliabilityUnit[]): PercentResult {
  const pairable = unitsWithPairs(units, false)
  const n = pairable.reduce((sum, unit) => sum + unit.length, 0)
  const base = { pairableUnits: pairable.length, pairableValues: n }
  if (pairable.length === 0) return { ...undefinedBecause(units.length === 0 ? 'no-units' : 'too-few-values'), ...base }
  let agreeing = 0
  for (const unit of pairable) {
    let pairs = 0
    for (const count of marginals([unit]).values()) pairs += count * (count - 1)
    agreeing += pairs / (unit.length - 1)
  }
  return { ...defined(agreeing / n), ...base }
}
