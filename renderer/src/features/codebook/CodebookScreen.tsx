import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { EditDeleteCell } from '../../shared/ui/EditDeleteCell'
import { Screen } from '../../shared/ui/Screen'
import { db } from '../../db/instance'
import { issueClaimCounts, listIssues } from '../../db/repositories/issues'
import { issueRow, ISSUES_COLUMNS } from '../../domain/export/issuesCsv'
import type { Id, Issue } from '../../domain/model'
import { compareText } from '../../domain/text/compare'
import { exportShownTable } from '../export'
import { useIssueSearch } from '../../shared/ui/IssueField'
import { UndoRedoButtons } from '../../shared/undo/UndoRedoButtons'
import { DeleteIssueDialog } from './DeleteIssueDialog'
import { IssueEditDialog } from './IssueEditDialog'

type DialogState = { kind: 'edit'; issue: Issue | null } | { kind: 'delete'; issue: Issue } | null

/** Issues in tree order: each parent followed by its sub-issues, alphabetically at each level. */
function treeOrder(issues: readonly Issue[]): { issue: Issue; depth: number }[] {
  const children = new Map<Id | null, Issue[]>()
  const ids = new Set(issues.map((issue) => issue.id))
  for (const issue of issues) {
    const parent = issue.parentId !== null && ids.has(issue.parentId) ? issue.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), issue])
  }
  const result: { issue: Issue; depth: number }[] = []
  const walk = (parent: Id | null, depth: number): void => {
    for (const issue of (children.get(parent) ?? []).sort((a, b) => compareText(a.label, b.label))) {
      result.push({ issue, depth })
      if (depth < 12) walk(issue.id, depth + 1)
    }
  }
  walk(null, 0)
  return result
}

export function CodebookScreen() {
  const issues = useLiveQuery(() => listIssues(db), [])
  const counts = useLiveQuery(() => issueClaimCounts(db), [])
  const [query, setQuery] = useState('')
  const [dialog, setDialog] = useState<DialogState>(null)
  const search = useIssueSearch(issues ?? [])
  const byId = useMemo(() => new Map((issues ?? []).map((issue) => [issue.id, issue])), [issues])

  const rows = useMemo(() => (query.trim() === '' ? treeOrder(issues ?? []) : search(query, 10_000).map((issue) => ({ issue, depth: 0 }))), [issues, query, search])

  return (
    <Screen
      title="Codebook"
      actions={
        <>
          <input type="search" aria-label="Search issues" placeholder="Search labels and descriptions…" value={query} onChange={(event) => setQuery(event.target.value)} />
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'edit', issue: null })}>
            New issue
          </button>
          <button
            type="button"
            onClick={() =>
              void exportShownTable({
                what: 'codebook',
                noun: 'issues',
                build: () => ({ header: ISSUES_COLUMNS, rows: rows.map(({ issue }) => issueRow(issue, byId, counts ?? new Map())) }),
              })
            }
            title="Export the issues shown as CSV"
          >
            Export CSV
          </button>
          <UndoRedoButtons />
        </>
      }
    >
      {issues && issues.length === 0 ? (
        <p className="muted">The codebook is empty. Add an issue here, or create one while tagging a claim.</p>
      ) : (
        <table className="data-table" aria-label="Issues">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Description</th>
              <th scope="col">Parent</th>
              <th scope="col" className="cell-number">
                Claims
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ issue, depth }) => (
              <tr key={issue.id}>
                <td style={{ paddingLeft: 10 + depth * 18 }}>
                  {depth > 0 && (
                    <span className="muted" aria-hidden="true">
                      ↳{' '}
                    </span>
                  )}
                  <strong>{issue.label}</strong>
                </td>
                <td className="issue-description">{issue.description || <span className="muted">No description</span>}</td>
                <td>{issue.parentId ? (byId.get(issue.parentId)?.label ?? '') : ''}</td>
                <td className="cell-number">{counts?.get(issue.id) ?? 0}</td>
                <EditDeleteCell name={issue.label} onEdit={() => setDialog({ kind: 'edit', issue })} onDelete={() => setDialog({ kind: 'delete', issue })} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'edit' && <IssueEditDialog issue={dialog.issue} issues={issues ?? []} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && <DeleteIssueDialog issue={dialog.issue} issues={issues ?? []} claimCount={counts?.get(dialog.issue.id) ?? 0} onClose={() => setDialog(null)} />}
    </Screen>
  )
}
