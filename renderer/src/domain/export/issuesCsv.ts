import type { CsvCell } from '../csv/writeCsv'
import type { Id, Issue } from '../model'

// The codebook export: one row per issue, in the order the Codebook screen shows them.
// Add new columns at the end, never reorder (README, "CSV exports").

export const ISSUES_COLUMNS = ['label', 'description', 'parent', 'claim_count', 'issue_id', 'parent_id', 'created_at', 'updated_at', 'code', 'parent_code', 'claim_count_with_sub_issues'] as const

/**
 * One issue as a row. Its code and its parent's code come last, so the file can be read back
 * with Import codebook… (code, label, parent_code, description).
 */
export function issueRow(issue: Issue, issuesById: ReadonlyMap<Id, Issue>, claimCounts: ReadonlyMap<Id, number>, withSubIssues: ReadonlyMap<Id, number> = claimCounts): CsvCell[] {
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
    issue.code ?? '',
    parent?.code ?? '',
    withSubIssues.get(issue.id) ?? 0,
  ]
}
