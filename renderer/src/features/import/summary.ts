import type { FileOutcome } from './importTypes'

export interface ImportTotals {
  imported: number
  duplicates: number
  /** Files refused whole. */
  rejectedFiles: number
  /** Rows of collections refused one by one. */
  rejectedRows: number
  /** Documents of batch files (news-database exports) refused one by one. */
  rejectedArticles: number
  undated: number
  cancelled: number
}

export function summariseOutcomes(outcomes: FileOutcome[]): ImportTotals {
  const totals: ImportTotals = { imported: 0, duplicates: 0, rejectedFiles: 0, rejectedRows: 0, rejectedArticles: 0, undated: 0, cancelled: 0 }
  for (const outcome of outcomes) {
    totals.imported += outcome.imported
    totals.duplicates += outcome.duplicates.length
    totals.undated += outcome.undated
    // A file refused whole counts once; a collection's refused rows and a batch's refused
    // documents count one by one.
    if (outcome.batch) totals.rejectedArticles += outcome.batch.parts.filter((part) => part.status === 'rejected').length
    else if (outcome.status === 'rejected' && outcome.total <= 1) totals.rejectedFiles++
    else if (outcome.status !== 'skipped' && outcome.status !== 'cancelled') totals.rejectedRows += outcome.rejections.length
    if (outcome.status === 'cancelled') totals.cancelled++
  }
  return totals
}

/** The whole summary as plain text, for "Save report": every file and every refused row. */
export function importReport(outcomes: FileOutcome[], startedAt: string): string {
  const totals = summariseOutcomes(outcomes)
  const lines = [
    `Standpoint import, ${startedAt}`,
    `Imported: ${totals.imported}; skipped as duplicate: ${totals.duplicates}; rejected files: ${totals.rejectedFiles}; rejected rows: ${totals.rejectedRows}; rejected articles of exports: ${totals.rejectedArticles}; without date (flagged for review): ${totals.undated}`,
    '',
  ]
  for (const outcome of outcomes) {
    lines.push(`${outcome.name}: ${outcome.status}${outcome.total > 1 ? ` (${outcome.imported} of ${outcome.total} imported)` : ''}`)
    for (const notice of outcome.notices) lines.push(`  note: ${notice}`)
    if (outcome.batch) {
      for (const part of outcome.batch.parts) {
        const what = part.status === 'rejected' ? `rejected: ${part.reason}` : part.status === 'duplicate' ? `duplicate (${part.earlierInRun ? 'earlier in this import' : 'already in the library'}, article ${part.articleId ?? ''})` : part.status
        lines.push(`  ${part.label}${part.detail ? ` [${part.detail}]` : ''}: ${what}`)
      }
    } else {
      for (const reason of outcome.rejections) lines.push(`  rejected: ${reason}`)
      for (const duplicate of outcome.duplicates) {
        lines.push(`  duplicate: ${duplicate.label} (${duplicate.earlierInRun ? 'earlier in this import' : 'already in the library'}, article ${duplicate.existingId})`)
      }
    }
    if (outcome.undated > 0) lines.push(`  no date: ${outcome.undated} article${outcome.undated === 1 ? '' : 's'} flagged for review`)
  }
  return `${lines.join('\n')}\n`
}
