import { matchHeaderNames } from '../import/headerNames'
import { newId, type Id, type Issue } from '../model'
import { foldText } from '../text/folding'
import { buildCodebookTree, pathLabel } from './tree'

// Reading a codebook from a CSV: one issue per row, with a label and optionally a code, a
// parent (named by its code or its label) and a description. Issues the workspace has are
// matched (by code, else by label under the same parent) and only their blanks are filled;
// the others are created under their parents. Codes must be unique; labels only among
// siblings, since real codebooks reuse "General" under every parent. A row that would put an
// issue inside itself (a cycle) is refused, with every row that hangs below it.

export const CODEBOOK_FIELDS = ['code', 'label', 'parent', 'description'] as const
export type CodebookField = (typeof CODEBOOK_FIELDS)[number]
export type CodebookMapping = Record<CodebookField, number | null>

export const CODEBOOK_FIELD_LABELS: Record<CodebookField, string> = { code: 'Code', label: 'Label', parent: 'Parent', description: 'Description' }

export const PARENT_REFERENCES = ['auto', 'code', 'label'] as const
export type ParentReference = (typeof PARENT_REFERENCES)[number]
export const PARENT_REFERENCE_LABELS: Record<ParentReference, string> = {
  auto: 'Its code, else its label',
  code: 'Its code',
  label: 'Its label',
}

const SYNONYMS: Record<CodebookField, string[]> = {
  code: ['code', 'issue code', 'category code', 'id', 'code id', 'number'],
  label: ['label', 'issue', 'name', 'category', 'title', 'issue label', 'concept'],
  parent: ['parent', 'parent code', 'parent label', 'parent issue', 'parent category', 'super category', 'group'],
  description: ['description', 'definition', 'memo', 'notes', 'note', 'explanation', 'coding rule'],
}

export function guessCodebookMapping(header: readonly string[]): CodebookMapping {
  return { code: null, label: null, parent: null, description: null, ...matchHeaderNames(header, SYNONYMS) }
}

export function codebookMappingProblems(mapping: CodebookMapping): string[] {
  const problems: string[] = []
  if (mapping.label === null && mapping.code === null) problems.push('Choose the column that holds the label (or at least the code).')
  const seen = new Map<number, CodebookField>()
  for (const field of CODEBOOK_FIELDS) {
    const column = mapping[field]
    if (column === null) continue
    const other = seen.get(column)
    if (other) problems.push(`${CODEBOOK_FIELD_LABELS[other]} and ${CODEBOOK_FIELD_LABELS[field]} use the same column.`)
    else seen.set(column, field)
  }
  return problems
}

export type CodebookRowStatus = 'created' | 'matched' | 'rejected'

export interface CodebookRowOutcome {
  row: number
  status: CodebookRowStatus
  /** The issue's place: "Controlling migration › General". */
  path: string
  detail: string
}

export interface CodebookImportPlan {
  created: Issue[]
  /** Workspace issues with blanks filled (code, description, parent): whole records, to put. */
  updated: Issue[]
  outcomes: CodebookRowOutcome[]
  counts: { rows: number; created: number; matched: number; updated: number; rejected: number; cycles: number }
}

interface Row {
  index: number
  row: number
  code: string
  label: string
  parentRef: string
  description: string
  /** The issue the row becomes or matches, once known. */
  issue?: Issue
  parent?: { kind: 'row'; row: Row } | { kind: 'issue'; issue: Issue } | null
  rejected?: string
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim()
const codeKey = (code: string): string => code.trim().toLowerCase()

export function planCodebookImport(
  rows: readonly string[][],
  rowNumbers: readonly number[],
  existing: readonly Issue[],
  options: { mapping: CodebookMapping; parentBy: ParentReference; now: string; coderId?: Id },
): CodebookImportPlan {
  const { mapping, parentBy, now } = options
  const cell = (row: readonly string[], column: number | null): string => (column === null ? '' : (row[column] ?? ''))
  const plan: CodebookImportPlan = { created: [], updated: [], outcomes: [], counts: { rows: rows.length, created: 0, matched: 0, updated: 0, rejected: 0, cycles: 0 } }

  const entries: Row[] = rows.map((row, index) => {
    const code = clean(cell(row, mapping.code))
    const label = clean(cell(row, mapping.label)) || code
    return { index, row: rowNumbers[index] ?? index + 2, code, label, parentRef: clean(cell(row, mapping.parent)), description: cell(row, mapping.description).trim() }
  })

  // Codes are unique in the file: a second row with a code already used is refused.
  const rowByCode = new Map<string, Row>()
  for (const entry of entries) {
    if (entry.label === '') {
      entry.rejected = 'no label: the label and code cells are empty'
      continue
    }
    if (entry.code === '') continue
    const earlier = rowByCode.get(codeKey(entry.code))
    if (earlier) entry.rejected = `the code “${entry.code}” is already the code of row ${earlier.row}`
    else rowByCode.set(codeKey(entry.code), entry)
  }
  const live = entries.filter((entry) => !entry.rejected)
  const rowsByLabel = new Map<string, Row[]>()
  for (const entry of live) rowsByLabel.set(foldText(entry.label), [...(rowsByLabel.get(foldText(entry.label)) ?? []), entry])

  const issuesByCode = new Map<string, Issue>()
  const issuesByLabel = new Map<string, Issue[]>()
  for (const issue of existing) {
    if (codeKey(issue.code) !== '') issuesByCode.set(codeKey(issue.code), issue)
    issuesByLabel.set(foldText(issue.label), [...(issuesByLabel.get(foldText(issue.label)) ?? []), issue])
  }

  // Each row's parent: a row of the file or an issue of the workspace.
  for (const entry of live) {
    if (entry.parentRef === '') {
      entry.parent = null
      continue
    }
    const byCode = parentBy === 'label' ? undefined : (rowByCode.get(codeKey(entry.parentRef)) ?? issuesByCode.get(codeKey(entry.parentRef)))
    if (byCode) {
      entry.parent = 'index' in byCode ? { kind: 'row', row: byCode } : { kind: 'issue', issue: byCode }
      continue
    }
    if (parentBy === 'code') {
      entry.rejected = `no row or issue has the parent code “${entry.parentRef}”`
      continue
    }
    const rowsNamed = (rowsByLabel.get(foldText(entry.parentRef)) ?? []).filter((other) => other !== entry)
    const issuesNamed = issuesByLabel.get(foldText(entry.parentRef)) ?? []
    if (rowsNamed.length === 1) entry.parent = { kind: 'row', row: rowsNamed[0]! }
    else if (rowsNamed.length === 0 && issuesNamed.length === 1) entry.parent = { kind: 'issue', issue: issuesNamed[0]! }
    else if (rowsNamed.length + issuesNamed.length === 0) entry.rejected = `no row or issue is labelled “${entry.parentRef}” (the parent)`
    else entry.rejected = `the parent “${entry.parentRef}” is the label of several issues; name parents by code`
  }

  // Cycles among the file's rows: every row on one is refused, and what hangs below follows.
  const cycleOf = (start: Row): Row[] | null => {
    const path: Row[] = []
    for (let current: Row | undefined = start; current; current = current.parent?.kind === 'row' ? current.parent.row : undefined) {
      const at = path.indexOf(current)
      if (at >= 0) return path.slice(at)
      path.push(current)
    }
    return null
  }
  for (const entry of live) {
    if (entry.rejected) continue
    const cycle = cycleOf(entry)
    if (!cycle) continue
    const names = [...cycle, cycle[0]!].map((member) => `“${member.label}”`).join(' → ')
    for (const member of cycle) {
      if (member.rejected) continue
      member.rejected = `refused: it would be inside itself (${names})`
      plan.counts.cycles++
    }
  }
  const parentRejected = (entry: Row): string | null => {
    for (let parent = entry.parent; parent?.kind === 'row'; parent = parent.row.parent) {
      if (parent.row.rejected) return `its parent “${parent.row.label}” (row ${parent.row.row}) was refused`
    }
    return null
  }
  for (const entry of live) {
    if (entry.rejected) continue
    const reason = parentRejected(entry)
    if (reason) entry.rejected = reason
  }

  // Resolve in tree order, parents first, so each row knows its parent's issue.
  const settled = new Set<Row>()
  const siblingsTaken = new Map<string, Row>()
  const byId = new Map(existing.map((issue) => [issue.id, issue]))
  const updated = new Map<Id, Issue>()
  const settle = (entry: Row): void => {
    if (settled.has(entry) || entry.rejected) return
    if (entry.parent?.kind === 'row') settle(entry.parent.row)
    settled.add(entry)
    if (entry.parent?.kind === 'row' && !entry.parent.row.issue) {
      entry.rejected = `its parent “${entry.parent.row.label}” (row ${entry.parent.row.row}) was refused`
      return
    }
    const parentId = entry.parent == null ? null : entry.parent.kind === 'issue' ? entry.parent.issue.id : entry.parent.row.issue!.id
    const siblingKey = `${parentId ?? ''}\u0000${foldText(entry.label)}`
    const twin = siblingsTaken.get(siblingKey)
    if (twin) {
      entry.rejected = `same label as row ${twin.row} under the same parent`
      return
    }
    // An existing issue: by code, else by label under the same parent.
    let match = entry.code !== '' ? issuesByCode.get(codeKey(entry.code)) : undefined
    if (!match) match = (issuesByLabel.get(foldText(entry.label)) ?? []).find((issue) => issue.parentId === parentId && (codeKey(issue.code) === '' || codeKey(issue.code) === codeKey(entry.code) || entry.code === ''))
    if (match) {
      const current = updated.get(match.id) ?? match
      const next: Issue = {
        ...current,
        code: current.code === '' && entry.code !== '' && !issuesByCode.has(codeKey(entry.code)) ? entry.code : current.code,
        description: current.description === '' ? entry.description : current.description,
        parentId: current.parentId === null && parentId !== null && parentId !== current.id ? parentId : current.parentId,
      }
      if (next.code !== current.code || next.description !== current.description || next.parentId !== current.parentId) {
        updated.set(match.id, { ...next, updatedAt: now, updatedBy: options.coderId ?? '' })
        byId.set(match.id, next)
      }
      entry.issue = next
      siblingsTaken.set(siblingKey, entry)
      return
    }
    const labelTaken = (issuesByLabel.get(foldText(entry.label)) ?? []).find((issue) => issue.parentId === parentId)
    if (labelTaken) {
      entry.rejected = `the codebook already has “${labelTaken.label}” there with the code “${labelTaken.code}”`
      return
    }
    const issue: Issue = {
      id: newId(),
      label: entry.label,
      description: entry.description,
      parentId,
      createdAt: now,
      updatedAt: now,
      code: entry.code,
      updatedBy: options.coderId ?? '',
    }
    entry.issue = issue
    siblingsTaken.set(siblingKey, entry)
    plan.created.push(issue)
    byId.set(issue.id, issue)
  }
  for (const entry of live) settle(entry)

  // An update may not put an issue inside itself either (a workspace issue filed under a row below it).
  for (const [id, issue] of updated) {
    let steps = 0
    for (let parent: Id | null = issue.parentId; parent !== null && steps <= byId.size; parent = byId.get(parent)?.parentId ?? null, steps++) {
      if (parent !== id) continue
      const restored = { ...issue, parentId: existing.find((original) => original.id === id)?.parentId ?? null }
      updated.set(id, restored)
      byId.set(id, restored)
      break
    }
  }
  plan.updated = [...updated.values()]

  const finalTree = buildCodebookTree([...byId.values()])
  for (const entry of entries) {
    if (entry.rejected) {
      plan.outcomes.push({ row: entry.row, status: 'rejected', path: entry.label, detail: entry.rejected })
      plan.counts.rejected++
      continue
    }
    const issue = entry.issue!
    const created = plan.created.includes(issue)
    const wasUpdated = updated.has(issue.id)
    plan.outcomes.push({
      row: entry.row,
      status: created ? 'created' : 'matched',
      path: pathLabel(finalTree, issue.id, entry.label),
      detail: created ? '' : wasUpdated ? 'matched; its blanks were filled from the file' : 'matched an issue the codebook has',
    })
    if (created) plan.counts.created++
    else plan.counts.matched++
  }
  plan.counts.updated = plan.updated.length
  return plan
}
