import { writeCsv, type CsvCell, type CsvOptions } from '../csv/writeCsv'
import { UNDEFINED_REASONS, type Estimate } from './estimate'
import { AGREEMENT_FIELDS, type AgreementField, type AgreementReport, type FigureSet } from './report'
import type { UnitizingResult } from './unitizing'

// The report as one flat table for `Export CSV`: every figure with its definition, its N and the
// coders it compares, so the file stands on its own in a methods appendix.

export const AGREEMENT_TABLE_HEADER = [
  'Scope',
  'Field',
  'Measure',
  'Value',
  'Undefined because',
  'Units',
  'Pairable values',
  'Coders',
  'Definition',
] as const

/** Figures are written to this many decimals (Krippendorff reports three). */
export const AGREEMENT_DECIMALS = 4

export interface AgreementNames {
  coder?: (coderId: string) => string
  issue?: (issueId: string) => string
}

const FIELD_LABELS: Readonly<Record<AgreementField, string>> = {
  actor: 'Actor',
  issues: 'Issues (as a set)',
  stance: 'Stance',
}

export const AGREEMENT_DEFINITIONS = {
  units:
    'Claims of different coders on the same article whose quotes overlap by at least half of the shorter quote, matched largest overlap first, at most one claim per coder, every two claims in a unit meeting the rule.',
  unpaired: 'Claims of this coder in no unit: no other coder has a claim whose quote overlaps enough, or the claim has no quote.',
  fullAgreement: 'Share of units in which all compared coders\' claims have the same actor, the same set of issues and the same stance.',
  alphaNominal:
    "Krippendorff's alpha, nominal: 1 - D_o/D_e over the values in units with two or more coders (missing values skipped). Values agree only when identical; an issue set agrees only when the sets are equal.",
  alphaInterval: "Krippendorff's alpha, interval: 1 - D_o/D_e with squared stance differences, over the values in units with two or more coders (missing values skipped).",
  percent:
    'Percent agreement: the share of agreeing pairs of values within units, each unit weighted by its number of values (1 - D_o of nominal alpha); for two coders, the share of units on which they agree.',
  kappa: "Cohen's kappa (1960), unweighted: (p_o - p_e)/(1 - p_e) with chance agreement from each coder's own distribution of values, over units both coders coded.",
  unitizing:
    "Krippendorff's unitizing alpha (u-alpha; Krippendorff 1995, 2004) on the quote spans: agreement on which stretches of the articles' text were marked as claims, including text nobody marked. A coder's overlapping quotes count as one stretch.",
} as const

function rounded(estimate: Estimate): number | null {
  return estimate.value === null ? null : Number(estimate.value.toFixed(AGREEMENT_DECIMALS))
}

function because(estimate: Estimate): string {
  return estimate.reason ? UNDEFINED_REASONS[estimate.reason] : ''
}

/** Header and rows of the agreement table; names turn ids into what the analyst reads. */
export function agreementTable(report: AgreementReport, names: AgreementNames = {}): { header: string[]; rows: CsvCell[][] } {
  const coderName = names.coder ?? ((id: string) => id)
  const issueName = names.issue ?? ((id: string) => id)
  const coderList = (ids: readonly string[]): string => ids.map(coderName).join('; ')
  const rows: CsvCell[][] = []

  const figureRows = (scope: string, figures: FigureSet): void => {
    const coders = coderList(figures.coderIds)
    rows.push([scope, 'Claims', 'Paired units', figures.units, '', figures.units, '', coders, AGREEMENT_DEFINITIONS.units])
    const full = figures.fullAgreement
    rows.push([scope, 'Actor, issues and stance', 'Full agreement', rounded(full), because(full), full.of, '', coders, AGREEMENT_DEFINITIONS.fullAgreement])
    for (const field of AGREEMENT_FIELDS) {
      const { alpha, percent, kappa } = figures.fields[field]
      const alphaMeasure = `Krippendorff's alpha (${alpha.level})`
      const alphaDefinition = alpha.level === 'nominal' ? AGREEMENT_DEFINITIONS.alphaNominal : AGREEMENT_DEFINITIONS.alphaInterval
      rows.push([scope, FIELD_LABELS[field], alphaMeasure, rounded(alpha), because(alpha), alpha.pairableUnits, alpha.pairableValues, coders, alphaDefinition])
      rows.push([scope, FIELD_LABELS[field], 'Percent agreement', rounded(percent), because(percent), percent.pairableUnits, percent.pairableValues, coders, AGREEMENT_DEFINITIONS.percent])
      if (kappa) rows.push([scope, FIELD_LABELS[field], "Cohen's kappa", rounded(kappa), because(kappa), kappa.units, 2 * kappa.units, coders, AGREEMENT_DEFINITIONS.kappa])
    }
  }
  const unitizingRow = (scope: string, coderIds: readonly string[], result: UnitizingResult): void => {
    rows.push([scope, 'Quote spans', "Krippendorff's unitizing alpha (u-alpha)", rounded(result), because(result), result.segments, '', coderList(coderIds), AGREEMENT_DEFINITIONS.unitizing])
  }

  figureRows('All coders', report.overall)
  unitizingRow('All coders', report.coderIds, report.unitizing)
  report.coderIds.forEach((coderId, index) => {
    const unpaired = report.unpaired[index] ?? []
    rows.push(['All coders', 'Claims', `Unpaired claims of ${coderName(coderId)}`, unpaired.length, '', '', '', coderList(report.coderIds), AGREEMENT_DEFINITIONS.unpaired])
  })
  for (const { issueId, figures } of report.byIssue) figureRows(`Issue: ${issueName(issueId)}`, figures)
  for (const { coderIds, figures, unitizing } of report.byPair) {
    const scope = `Coder pair: ${coderList(coderIds)}`
    figureRows(scope, figures)
    unitizingRow(scope, coderIds, unitizing)
  }
  return { header: [...AGREEMENT_TABLE_HEADER], rows }
}

/** The agreement table as CSV text, through the app's one CSV writer. */
export function agreementCsv(report: AgreementReport, names: AgreementNames = {}, options: CsvOptions = {}): string {
  const { header, rows } = agreementTable(report, names)
  return writeCsv(header, rows, options)
}
