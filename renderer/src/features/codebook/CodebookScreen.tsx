import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { EditDeleteCell } from '../../shared/ui/EditDeleteCell'
import { Screen } from '../../shared/ui/Screen'
import { db } from '../../db/instance'
import { listIssues } from '../../db/repositories/issues'
import { claimCountsInTree } from '../../domain/codebook/counts'
import { buildCodebookTree, pathLabel, type CodebookTree } from '../../domain/codebook/tree'
import { issueRow, ISSUES_COLUMNS } from '../../domain/export/issuesCsv'
import type { Id, Issue } from '../../domain/model'
import { ExportCsvButton, exportShownTable } from '../export'
import { useIssueSearch } from '../../shared/ui/IssueField'
import { UndoRedoButtons } from '../../shared/undo/UndoRedoButtons'
import { CodebookImportDialog } from './CodebookImportDialog'
import { DeleteIssueDialog } from './DeleteIssueDialog'
import { IssueEditDialog } from './IssueEditDialog'
import { useClaimIssueLists } from './useClaimIssueLists'

type DialogState = { kind: 'edit'; issue: Issue | null } | { kind: 'delete'; issue: Issue } | { kind: 'import' } | null

interface TreeRow {
  issue: Issue
  depth: number
  hasChildren: boolean
}

/** A big codebook opens folded to its top level; a small one open. */
const OPEN_UP_TO = 150

// Which branches were folded survives leaving the screen and coming back.
const memory: { collapsed: Set<Id> | null } = { collapsed: null }
function rememberCollapsed(next: Set<Id>): void {
  memory.collapsed = next
}

/** The tree's rows in order, skipping what lies under a collapsed issue. */
function visibleRows(tree: CodebookTree, collapsed: ReadonlySet<Id>): TreeRow[] {
  const rows: TreeRow[] = []
  const walk = (parent: Id | null, depth: number): void => {
    for (const id of tree.childrenOf.get(parent) ?? []) {
      const children = tree.childrenOf.get(id) ?? []
      rows.push({ issue: tree.byId.get(id)!, depth, hasChildren: children.length > 0 })
      if (children.length > 0 && !collapsed.has(id)) walk(id, depth + 1)
    }
  }
  walk(null, 0)
  return rows
}

export function CodebookScreen() {
  const issues = useLiveQuery(() => listIssues(db), [])
  const { lists: claimIssues, failed: countsFailed } = useClaimIssueLists()
  const [query, setQuery] = useState('')
  const [dialog, setDialog] = useState<DialogState>(null)
  const list = useMemo(() => issues ?? [], [issues])
  const tree = useMemo(() => buildCodebookTree(list), [list])
  // Counted once both are read: a count over an empty codebook would walk every claim for nothing.
  // Until both are read the counts are unknown, never 0: a delete would otherwise be offered
  // as touching no claim (the claims are counted after a start, in the background).
  const countsKnown = issues !== undefined && claimIssues !== undefined
  const counts = useMemo(() => claimCountsInTree(tree, countsKnown ? claimIssues : []), [tree, countsKnown, claimIssues])
  const countCell = (count: number | undefined) => {
    if (countsFailed !== null) return <span className="muted" title="The claims could not be counted">—</span>
    if (!countsKnown) return <span className="muted" title="Counting the claims…">…</span>
    return count ?? 0
  }
  const [collapsed, setCollapsedState] = useState<ReadonlySet<Id>>(() => memory.collapsed ?? new Set())
  const [initialised, setInitialised] = useState(memory.collapsed !== null)
  const search = useIssueSearch(list)
  const byId = useMemo(() => new Map(list.map((issue) => [issue.id, issue])), [list])
  const labelCounts = useMemo(() => {
    const labels = new Map<string, number>()
    for (const issue of list) labels.set(issue.label.toLowerCase(), (labels.get(issue.label.toLowerCase()) ?? 0) + 1)
    return labels
  }, [list])

  const setCollapsed = (next: Set<Id>): void => {
    rememberCollapsed(next)
    setCollapsedState(next)
  }
  // The first time a big codebook is shown, only its top level is open.
  if (!initialised && issues !== undefined) {
    setInitialised(true)
    if (list.length > OPEN_UP_TO) {
      const folded = new Set([...tree.childrenOf.keys()].filter((id): id is Id => id !== null && (tree.childrenOf.get(id)?.length ?? 0) > 0))
      rememberCollapsed(folded)
      setCollapsedState(folded)
    }
  }

  const searching = query.trim() !== ''
  const rows = useMemo<TreeRow[]>(
    () => (searching ? search(query, 10_000).map((issue) => ({ issue, depth: 0, hasChildren: false })) : visibleRows(tree, collapsed)),
    [searching, search, query, tree, collapsed],
  )
  const branches = useMemo(() => [...tree.childrenOf.entries()].filter(([id, children]) => id !== null && children.length > 0).map(([id]) => id as Id), [tree])
  const toggle = (id: Id): void => {
    const next = new Set(collapsed)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setCollapsed(next)
  }

  return (
    <Screen
      title="Codebook"
      className="codebook-screen"
      actions={
        <>
          <input type="search" aria-label="Search issues" placeholder="Search labels, codes and descriptions…" value={query} onChange={(event) => setQuery(event.target.value)} />
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'edit', issue: null })}>
            New issue
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'import' })} title="Read issues with codes, parents and descriptions from a CSV">
            Import codebook…
          </button>
          <ExportCsvButton
            title="Export the issues shown as CSV"
            waiting={countsKnown ? null : 'Counting the claims on each issue…'}
            failed={countsFailed}
            onExport={() =>
              void exportShownTable({
                what: 'codebook',
                noun: 'issues',
                build: () => ({ header: ISSUES_COLUMNS, rows: rows.map(({ issue }) => issueRow(issue, byId, counts.own, counts.total)) }),
              })
            }
          />
          <UndoRedoButtons />
        </>
      }
    >
      {issues && issues.length === 0 ? (
        <p className="muted">The codebook is empty. Add an issue here, import a codebook, or create one while tagging a claim.</p>
      ) : (
        <>
          <div className="codebook-bar">
            <span className="muted" role="status">
              {list.length.toLocaleString('en')} issues, {tree.childrenOf.get(null)?.length ?? 0} at the top level
              {searching && ` · ${rows.length.toLocaleString('en')} match`}
            </span>
            {!searching && branches.length > 0 && (
              <span className="button-row">
                <button type="button" className="link-button" onClick={() => setCollapsed(new Set())}>
                  Expand all
                </button>
                <button type="button" className="link-button" onClick={() => setCollapsed(new Set(branches))}>
                  Collapse all
                </button>
              </span>
            )}
          </div>
          <div className="table-scroll codebook-scroll">
            <table className="data-table codebook-table" aria-label="Issues">
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">Code</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="cell-number" title="Claims coded on this issue itself">
                    Claims
                  </th>
                  <th scope="col" className="cell-number" title="Claims on this issue or any issue below it, each claim once">
                    With sub-issues
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ issue, depth, hasChildren }) => {
                  const open = hasChildren && !collapsed.has(issue.id)
                  const label = searching ? pathLabel(tree, issue.id) : issue.label
                  // A label several issues share ("General") is named by its path for the buttons.
                  const name = (labelCounts.get(issue.label.toLowerCase()) ?? 0) > 1 ? pathLabel(tree, issue.id) : issue.label
                  return (
                    <tr key={issue.id} data-depth={depth}>
                      <td className="issue-cell" style={{ paddingLeft: 8 + depth * 22 }}>
                        {hasChildren ? (
                          <button type="button" className="tree-toggle" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${issue.label}`} onClick={() => toggle(issue.id)}>
                            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                          </button>
                        ) : (
                          <span className="tree-toggle-space" aria-hidden="true" />
                        )}
                        <strong className="issue-label" title={pathLabel(tree, issue.id)}>
                          {label}
                        </strong>
                        {hasChildren && <span className="muted small"> ({tree.childrenOf.get(issue.id)!.length})</span>}
                      </td>
                      <td className="issue-code">{issue.code ? <code>{issue.code}</code> : ''}</td>
                      <td className="issue-description" title={issue.description || undefined}>
                        {issue.description || <span className="muted">No description</span>}
                      </td>
                      <td className="cell-number">{countCell(counts.own.get(issue.id))}</td>
                      <td className="cell-number">{countCell(counts.total.get(issue.id))}</td>
                      <EditDeleteCell name={name} onEdit={() => setDialog({ kind: 'edit', issue })} onDelete={() => setDialog({ kind: 'delete', issue })} />
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {dialog?.kind === 'edit' && <IssueEditDialog issue={dialog.issue} issues={list} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && <DeleteIssueDialog issue={dialog.issue} issues={list} claimCount={countsKnown ? (counts.own.get(dialog.issue.id) ?? 0) : null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <CodebookImportDialog onClose={() => setDialog(null)} />}
    </Screen>
  )
}
