import { krippendorffAlpha, percentAgreement, type AlphaResult, type MeasurementLevel, type PercentResult, type ReliabilityUnit } from './alpha'
import { defined, undefinedBecause, type Estimate } from './estimate'
import { cohenKappa, type KappaResult } from './kappa'
import { unitizingAlpha, type UnitizingContinuum, type UnitizingResult } from './unitizing'
import { buildUnits, claimsAgreeFully, issueSetKey, type AgreementInput, type AgreementUnit, type AgreementUnits, type CodedClaim } from './units'

// The Agreement screen's figures, from claims to report in one pure call. Figures are computed
// over the paired units only; unpaired claims are counted and listed, never scored (a claim one
// coder did not find is a unitizing disagreement, which u-alpha on the quote spans measures).

export const AGREEMENT_FIELDS = ['actor', 'issues', 'stance'] as const
export type AgreementField = (typeof AGREEMENT_FIELDS)[number]

/** Actor and issue set are categories; stance (−2..2) is an interval scale. */
export const FIELD_LEVELS: Readonly<Record<AgreementField, MeasurementLevel>> = {
  actor: 'nominal',
  issues: 'nominal',
  stance: 'interval',
}

export interface FieldFigures {
  alpha: AlphaResult
  percent: PercentResult
  /** Only when exactly two coders are compared. Stance kappa is unweighted: five categories. */
  kappa: KappaResult | null
}

export type ShareResult = Estimate & { count: number; of: number }

export interface FigureSet {
  /** The coders these figures compare. */
  coderIds: readonly string[]
  /** Units in which at least two of these coders have a claim. */
  units: number
  /** Of those units, the ones whose claims agree on actor, issue set and stance. */
  fullAgreement: ShareResult
  fields: Readonly<Record<AgreementField, FieldFigures>>
}

export interface IssueFigures {
  issueId: string
  figures: FigureSet
}

export interface PairFigures {
  coderIds: readonly [string, string]
  figures: FigureSet
  unitizing: UnitizingResult
}

export interface AgreementReport extends AgreementUnits {
  overall: FigureSet
  /** u-alpha on the quote spans of all compared coders. */
  unitizing: UnitizingResult
  /** Per issue: the units in which any claim has that issue. Issues ordered by id. */
  byIssue: readonly IssueFigures[]
  /**
   * Per pair of coders, in coder order: the same units, restricted to those two, so every pair is
   * judged on the units the overall figures use. Comparing just those two coders instead re-pairs their claims alone,
   * which can differ where a third coder's claim decided which claims formed a unit.
   */
  byPair: readonly PairFigures[]
}

function fieldValue(claim: CodedClaim, field: AgreementField): string | number {
  if (field === 'actor') return claim.actorId
  if (field === 'issues') return issueSetKey(claim.issueIds)
  return claim.stance
}

/** Figures over the given units, reading only the coders at the given positions. */
export function figuresFor(units: readonly AgreementUnit[], coderIds: readonly string[], coders: readonly number[]): FigureSet {
  const ids = coders.map((index) => coderIds[index]!)
  const rows = units.map((unit) => coders.map((index) => unit.claims[index] ?? null)).filter((row) => row.filter((claim) => claim !== null).length >= 2)
  const fullCount = rows.filter((row) => claimsAgreeFully(row.filter((claim): claim is CodedClaim => claim !== null))).length
  const fullAgreement: ShareResult =
    coders.length < 2
      ? { ...undefinedBecause('too-few-coders'), count: 0, of: 0 }
      : rows.length === 0
        ? { ...undefinedBecause('no-units'), count: 0, of: 0 }
        : { ...defined(fullCount / rows.length), count: fullCount, of: rows.length }
  const fields = {} as Record<AgreementField, FieldFigures>
  for (const field of AGREEMENT_FIELDS) {
    const reliability: ReliabilityUnit[] = rows.map((row) => row.map((claim) => (claim ? fieldValue(claim, field) : null)))
    const level = FIELD_LEVELS[field]
    const alpha =
      level === 'nominal' ? krippendorffAlpha(reliability, 'nominal') : krippendorffAlpha(reliability as ReliabilityUnit<number>[], level)
    fields[field] = {
      alpha: coders.length < 2 ? { ...alpha, ...undefinedBecause('too-few-coders') } : alpha,
      percent: coders.length < 2 ? { ...percentAgreement([]), ...undefinedBecause('too-few-coders') } : percentAgreement(reliability),
      kappa: coders.length === 2 ? cohenKappa(reliability.map((row) => [row[0], row[1]] as const)) : null,
    }
  }
  return { coderIds: ids, units: rows.length, fullAgreement, fields }
}

/**
 * u-alpha on the quote spans: each coder's quotes on each article are units of one category
 * ("quote") on that article's text. A coder's overlapping quotes count as one stretch of text.
 * Undefined when any article's length is unknown.
 */
export function quoteUnitizing(units: AgreementUnits, input: AgreementInput, coders: readonly number[]): UnitizingResult {
  const lengths = new Map((input.articles ?? []).map((article) => [article.id, article.length]))
  const continua: UnitizingContinuum[] = []
  const position = new Map(coders.map((coder, index) => [units.coderIds[coder]!, index]))
  const claimsByArticle = new Map<string, CodedClaim[]>()
  for (const claim of quotedClaims(units)) {
    const list = claimsByArticle.get(claim.articleId)
    if (list) list.push(claim)
    else claimsByArticle.set(claim.articleId, [claim])
  }
  for (const articleId of units.articleIds) {
    const length = lengths.get(articleId)
    if (length === undefined || !Number.isFinite(length) || length < 0) {
      return { ...undefinedBecause('no-article-lengths'), observedDisagreement: null, expectedDisagreement: null, segments: 0, length: 0 }
    }
    const segments = (claimsByArticle.get(articleId) ?? []).flatMap((claim) => {
      const coder = position.get(claim.coderId)
      return coder === undefined ? [] : [{ coder, category: 'quote', start: claim.start, length: claim.end - claim.start }]
    })
    continua.push({ begin: 0, length, segments })
  }
  return unitizingAlpha({ coderCount: coders.length, continua }, 'quote')
}

/** Every compared claim with a usable quote: those in units and those unpaired for want of a match. */
function quotedClaims(units: AgreementUnits): CodedClaim[] {
  const claims: CodedClaim[] = []
  for (const unit of units.units) for (const claim of unit.claims) if (claim) claims.push(claim)
  for (const list of units.unpaired) for (const { claim, reason } of list) if (reason === 'no-match') claims.push(claim)
  return claims
}

/** The whole Agreement report for a set of coders' claims. */
export function computeAgreement(input: AgreementInput): AgreementReport {
  const units = buildUnits(input)
  const all = units.coderIds.map((_, index) => index)
  const issueIds = new Set<string>()
  for (const unit of units.units) for (const claim of unit.claims) if (claim) for (const issueId of claim.issueIds) issueIds.add(issueId)
  const byIssue = [...issueIds].sort().map((issueId) => ({
    issueId,
    figures: figuresFor(
      units.units.filter((unit) => unit.claims.some((claim) => claim?.issueIds.includes(issueId))),
      units.coderIds,
      all,
    ),
  }))
  const byPair: PairFigures[] = []
  for (let a = 0; a < all.length; a++) {
    for (let b = a + 1; b < all.length; b++) {
      byPair.push({
        coderIds: [units.coderIds[a]!, units.coderIds[b]!],
        figures: figuresFor(units.units, units.coderIds, [a, b]),
        unitizing: quoteUnitizing(units, input, [a, b]),
      })
    }
  }
  return {
    ...units,
    overall: figuresFor(units.units, units.coderIds, all),
    unitizing: quoteUnitizing(units, input, all),
    byIssue,
    byPair,
  }
}
