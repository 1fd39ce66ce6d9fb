import type { CsvCell } from '../csv/writeCsv'
import type { Id, Issue } from '../model'

// The codebook export: one row per issue, in the order the Codebook screen shows them.
// Add new columns at the end, never reorder (README, "CSV exports").

export const ISSUES_COLUMNS = ['label', 'description', 'parent', 'claim_count', 'issue_id', 'parent_id', 'created_at', 'updated_at'] as const

export function issueRow(issue: Issue, issuesById: ReadonlyMap<Id, Issue>, claimCounts: ReadonlyMap<Id, number>): CsvCell[] {
  const parent = issue.parentId === null ? undefined : issuesById.get(issue.parentId)
  return [
    issue.label,
    issue.description,
    parent?.label ?? '',
    claimCounts.get(issue.id) ?? 0,
    issue.id,
    issue.parentId ?? '',
    issue.createdAt,
    issue.updatedAt,
  ]
}
