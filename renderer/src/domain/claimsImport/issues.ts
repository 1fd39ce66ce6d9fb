import { ancestorsOf, buildCodebookTree, type CodebookTree } from '../codebook/tree'
import type { Id, Issue } from '../model'
import { foldText } from '../text/folding'
import type { IssueMatch } from './options'

// Finding the issues a cell names in the codebook. A value is looked up by code or by label (the
// analyst's choice), then the other way round. Labels are unique only among siblings (real
// codebooks reuse "General" under every parent), so a label that several issues share is
// settled by the cell itself: the one whose parent (or an ancestor) the cell also names. A
// value nothing matches becomes a new top-level issue, once.

export const codeKey = (code: string): string => code.trim().toLowerCase()

export type IssuesResult = { ids: Id[]; created: Issue[]; notes: string[] } | { error: string }

export interface IssueResolver {
  /** The issues a cell's values name, in the cell's order, each once. */
  resolve(values: readonly string[]): IssuesResult
  /** Makes issues created for a row that was imported permanent (later rows find them). */
  register(created: readonly Issue[]): void
}

export function issueResolver(issues: readonly Issue[], match: IssueMatch, makeIssue: (label: string, code: string) => Issue): IssueResolver {
  const tree: CodebookTree = buildCodebookTree(issues)
  const byLabel = new Map<string, Issue[]>()
  const byCode = new Map<string, Issue>()
  const add = (issue: Issue): void => {
    const label = foldText(issue.label)
    if (label !== '') byLabel.set(label, [...(byLabel.get(label) ?? []), issue])
    const code = codeKey(issue.code)
    if (code !== '' && !byCode.has(code)) byCode.set(code, issue)
  }
  for (const issue of issues) add(issue)
  const isNew = new Set<Id>()

  const candidates = (value: string): Issue[] => {
    const code = byCode.get(codeKey(value))
    const labelled = byLabel.get(foldText(value)) ?? []
    if (match === 'code') return code ? [code] : labelled
    return labelled.length > 0 ? labelled : code ? [code] : []
  }

  const parentLabel = (issue: Issue): string => {
    const parentId = tree.parentOf.get(issue.id) ?? null
    return parentId === null ? 'the top level' : (tree.byId.get(parentId)?.label ?? 'the top level')
  }

  return {
    resolve(values) {
      const found = values.map(candidates)
      const chosen: (Issue | null)[] = found.map((list) => (list.length === 1 ? list[0]! : null))
      // Shared labels ("General"): the candidate below an issue the cell also names, the
      // nearest one before it first ("Migration|General|Security|General"), then after it.
      for (let index = 0; index < values.length; index++) {
        const list = found[index]!
        if (list.length <= 1) continue
        const order = [...range(index - 1, -1), ...range(index + 1, values.length)]
        for (const other of order) {
          const named = chosen[other]
          if (!named) continue
          const fits = list.filter((issue) => !isNew.has(issue.id) && ancestorsOf(tree, issue.id).includes(named.id))
          if (fits.length === 1) {
            chosen[index] = fits[0]!
            break
          }
        }
        if (chosen[index]) continue
        const where = list.map(parentLabel).join(', ')
        return {
          error: `issue “${values[index]}” is the label of ${list.length} issues (under ${where}); name its parent in the same cell, or match issues by code`,
        }
      }
      const created: Issue[] = []
      const notes: string[] = []
      const ids: Id[] = []
      for (let index = 0; index < values.length; index++) {
        let issue = chosen[index]
        if (!issue) {
          const value = values[index]!
          issue = created.find((pending) => foldText(pending.label) === foldText(value)) ?? makeIssue(value, match === 'code' ? value : '')
          if (!created.includes(issue)) {
            created.push(issue)
            if (match === 'code') notes.push(`no issue has the code “${value}”; it was created with that code and label`)
          }
        }
        if (!ids.includes(issue.id)) ids.push(issue.id)
      }
      return { ids, created, notes }
    },
    register(created) {
      for (const issue of created) {
        isNew.add(issue.id)
        add(issue)
      }
    },
  }
}

/** from, from ± 1, … up to (not including) to. */
function range(from: number, to: number): number[] {
  const result: number[] = []
  for (let index = from; from <= to ? index < to : index > to; index += from <= to ? 1 : -1) result.push(index)
  return result
}
