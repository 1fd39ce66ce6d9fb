import type { CsvCell } from '../csv/writeCsv'
import type { RowOutcome } from './plan'

/** The per-row report an analyst can save after an import: every row of the file, once. */
export const ROW_REPORT_COLUMNS = ['row', 'status', 'detail', 'claim_id'] as const

export function* rowReportRows(outcomes: Iterable<RowOutcome>): Generator<CsvCell[]> {
  for (const outcome of outcomes) yield [outcome.row, outcome.status, outcome.detail, outcome.claimId ?? '']
}
