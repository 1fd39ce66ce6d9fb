import { defined, undefinedBecause, type Estimate } from './estimate'

// Krippendorff's unitizing alpha (u-alpha) for segments on a continuum, after Krippendorff, "On
// the reliability of unitizing contiguous data" (Sociological Methodology 25, 1995) in the form of
// Content Analysis (2004: 251-256), as DKPro Statistics implements it
// (KrippendorffAlphaUnitizingAgreement). Per category c, with m coders and continuum length L:
//
//   D_o = Σ_{i≠j} Σ_g Σ_h δ²(s_ig, s_jh) / (m(m-1)L²)
//     over each coder's sections: units of c and the gaps between them; δ² of two overlapping
//     units is (begin difference)² + (end difference)², of a unit lying wholly inside the other
//     coder's gap its length², and 0 otherwise.
//   D_e = (2/L) Σ_units [ (N_c-1)(2l³-3l²+l)/3 + l² Σ_{gaps g≥l} (g-l+1) ] / (mL(mL-1) - Σ_units l(l-1))
//
// Positions are whole characters. Several continua (articles) are read as one text of their total
// length, except that a gap ends where its article ends: a unit cannot be placed across two
// articles. With one continuum this is exactly the published measure.

export interface UnitizingSegment {
  /** Index of the coder in 0..coderCount-1. */
  coder: number
  category: string
  start: number
  length: number
}

export interface UnitizingContinuum {
  /** Position of the first character; only differences matter. */
  begin: number
  length: number
  segments: readonly UnitizingSegment[]
}

export interface UnitizingStudy {
  coderCount: number
  continua: readonly UnitizingContinuum[]
}

export type UnitizingResult = Estimate & {
  observedDisagreement: number | null
  expectedDisagreement: number | null
  /** Units of the category after cleaning (see cleanSegments), over all coders and continua. */
  segments: number
  /** L, the total length of the continua. */
  length: number
}

interface Section {
  start: number
  end: number
  unit: boolean
}

/**
 * δ² between two sections of different coders (Krippendorff 2004: 252). Exported for its
 * published test values; callers want unitizingAlpha.
 */
export function unitizingDistance(a: Section, b: Section): number {
  const overlap = a.start < b.end && b.start < a.end
  if (a.unit && b.unit) return overlap ? (a.start - b.start) ** 2 + (a.end - b.end) ** 2 : 0
  if (a.unit && !b.unit) return b.start <= a.start && a.end <= b.end ? (a.end - a.start) ** 2 : 0
  if (!a.unit && b.unit) return a.start <= b.start && b.end <= a.end ? (b.end - b.start) ** 2 : 0
  return 0
}

/**
 * One coder's units of one category on one continuum: positions rounded to whole characters,
 * clipped to the continuum, empty ones dropped, and overlapping ones merged into their union
 * (u-alpha needs a coder's units of a category to be disjoint; two quotes of one coder that overlap
 * mark one stretch of text). Touching units stay apart.
 */
function cleanSegments(continuum: UnitizingContinuum, coder: number, category: string): { start: number; end: number }[] {
  const begin = Math.round(continuum.begin)
  const end = begin + Math.max(0, Math.round(continuum.length))
  const spans: { start: number; end: number }[] = []
  for (const segment of continuum.segments) {
    if (segment.coder !== coder || segment.category !== category) continue
    const start = Math.max(begin, Math.round(segment.start))
    const stop = Math.min(end, Math.round(segment.start + segment.length))
    if (Number.isFinite(start) && Number.isFinite(stop) && stop > start) spans.push({ start, end: stop })
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end)
  const merged: { start: number; end: number }[] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

/** The continuum cut into units and the gaps between them, in order. */
function sections(begin: number, end: number, units: readonly { start: number; end: number }[]): Section[] {
  const out: Section[] = []
  let position = begin
  for (const unit of units) {
    if (unit.start > position) out.push({ start: position, end: unit.start, unit: false })
    out.push({ start: unit.start, end: unit.end, unit: true })
    position = unit.end
  }
  if (position < end) out.push({ start: position, end, unit: false })
  return out
}

/** Σ δ² over the overlapping sections of two coders: one sweep, since both partition the continuum. */
function sweep(a: readonly Section[], b: readonly Section[]): number {
  let total = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    total += unitizingDistance(a[i]!, b[j]!)
    const endA = a[i]!.end
    const endB = b[j]!.end
    if (endA <= endB) i++
    if (endB <= endA) j++
  }
  return total
}

/** u-alpha for one category; undefined with fewer than two coders, no text, no units, or D_e = 0. */
export function unitizingAlpha(study: UnitizingStudy, category: string): UnitizingResult {
  const m = Math.floor(study.coderCount)
  let length = 0
  let observedSum = 0
  const unitLengths: number[] = []
  const gaps: number[] = []
  for (const continuum of study.continua) {
    const begin = Math.round(continuum.begin)
    const end = begin + Math.max(0, Math.round(continuum.length))
    length += end - begin
    const byCoder: Section[][] = []
    for (let coder = 0; coder < m; coder++) {
      const coderSections = sections(begin, end, cleanSegments(continuum, coder, category))
      byCoder.push(coderSections)
      for (const section of coderSections) (section.unit ? unitLengths : gaps).push(section.end - section.start)
    }
    for (let x = 0; x < m; x++) for (let y = x + 1; y < m; y++) observedSum += 2 * sweep(byCoder[x]!, byCoder[y]!)
  }
  const base = { segments: unitLengths.length, length }
  const missing = (estimate: Estimate): UnitizingResult => ({ ...estimate, ...base, observedDisagreement: null, expectedDisagreement: null })
  if (m < 2) return missing(undefinedBecause('too-few-coders'))
  if (length === 0) return missing(undefinedBecause('no-units'))
  if (unitLengths.length === 0) return missing(undefinedBecause('no-quotes'))

  const observed = observedSum / (m * (m - 1) * length * length)

  // Σ_{g≥l} (g-l+1) = (sum of those gaps) - (l-1)·(their count): gaps sorted once, suffix sums.
  gaps.sort((a, b) => a - b)
  const suffix = new Array<number>(gaps.length + 1).fill(0)
  for (let i = gaps.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + gaps[i]!
  const firstAtLeast = (l: number): number => {
    let low = 0
    let high = gaps.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (gaps[mid]! < l) low = mid + 1
      else high = mid
    }
    return low
  }
  const count = unitLengths.length
  let numerator = 0
  let selfPairs = 0
  for (const l of unitLengths) {
    const from = firstAtLeast(l)
    const placements = suffix[from]! - (l - 1) * (gaps.length - from)
    numerator += ((count - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * placements
    selfPairs += l * (l - 1)
  }
  const expected = ((2 / length) * numerator) / (m * length * (m * length - 1) - selfPairs)
  if (!(expected > 0)) return missing(undefinedBecause('no-variation'))
  return { ...defined(1 - observed / expected), ...base, observedDisagreement: observed, expectedDisagreement: expected }
}

/** Every category's u-alpha, and the study's: 1 - Σ_c D_o,c / Σ_c D_e,c (Krippendorff 2004: 254). */
export function unitizingAlphaByCategory(study: UnitizingStudy): { categories: Map<string, UnitizingResult>; overall: Estimate } {
  const names = new Set<string>()
  for (const continuum of study.continua) for (const segment of continuum.segments) names.add(segment.category)
  const categories = new Map<string, UnitizingResult>()
  let observed = 0
  let expected = 0
  for (const name of [...names].sort()) {
    const result = unitizingAlpha(study, name)
    categories.set(name, result)
    if (result.observedDisagreement !== null && result.expectedDisagreement !== null) {
      observed += result.observedDisagreement
      expected += result.expectedDisagreement
    }
  }
  if (categories.size === 0) return { categories, overall: undefinedBecause('no-quotes') }
  // Too few coders or no text undoes every category alike; the study is undefined for that reason.
  for (const result of categories.values()) {
    if (result.reason === 'too-few-coders' || result.reason === 'no-units') return { categories, overall: undefinedBecause(result.reason) }
  }
  return { categories, overall: expected > 0 ? defined(1 - observed / expected) : undefinedBecause('no-variation') }
}
