import type { AgreementValue } from './alpha'
import { defined, undefinedBecause, type Estimate } from './estimate'

// Cohen's kappa for two coders (Cohen 1960): κ = (p_o - p_e) / (1 - p_e), where p_e comes from
// each coder's own distribution of categories. Unweighted: every category differs from every other.

export type KappaResult = Estimate & {
  /** p_o; null when there are no units. */
  observedAgreement: number | null
  /** p_e; null when there are no units. */
  expectedAgreement: number | null
  /** Units both coders gave a value. */
  units: number
}

/** Kappa over (first coder's value, second coder's value) pairs; a pair with a missing value is skipped. */
export function cohenKappa(pairs: readonly (readonly [AgreementValue | null | undefined, AgreementValue | null | undefined])[]): KappaResult {
  const first = new Map<AgreementValue, number>()
  const second = new Map<AgreementValue, number>()
  let units = 0
  let agreeing = 0
  for (const [a, b] of pairs) {
    if (!present(a) || !present(b)) continue
    units++
    if (a === b) agreeing++
    first.set(a, (first.get(a) ?? 0) + 1)
    second.set(b, (second.get(b) ?? 0) + 1)
  }
  if (units === 0) return { ...undefinedBecause('no-units'), observedAgreement: null, expectedAgreement: null, units }
  // Integer counts until the end, so "p_e is exactly 1" is an exact test.
  let chanceProducts = 0
  for (const [category, count] of first) chanceProducts += count * (second.get(category) ?? 0)
  const observedAgreement = agreeing / units
  const expectedAgreement = chanceProducts / (units * units)
  if (chanceProducts === units * units) return { ...undefinedBecause('no-variation'), observedAgreement, expectedAgreement, units }
  return { ...defined((observedAgreement - expectedAgreement) / (1 - expectedAgreement)), observedAgreement, expectedAgreement, units }
}

function present(value: AgreementValue | null | undefined): value is AgreementValue {
  return value !== null && value !== undefined && (typeof value !== 'number' || Number.isFinite(value))
}
