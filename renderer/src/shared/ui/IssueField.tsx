import Fuse from 'fuse.js'
import { useMemo, useId, type Ref } from 'react'
import type { IssueChoice } from '../../domain/claimDraft'
import type { Issue } from '../../domain/model'
import { compareText } from '../../domain/text/compare'
import { foldText } from '../../domain/text/folding'
import { Combobox, type ComboOption } from './Combobox'

export interface IssueFieldValue {
  text: string
  choice: IssueChoice | null
}

export const EMPTY_ISSUE_FIELD: IssueFieldValue = { text: '', choice: null }

export function issueFieldFor(issue: Issue | undefined): IssueFieldValue {
  return issue ? { text: issue.label, choice: { kind: 'existing', id: issue.id } } : EMPTY_ISSUE_FIELD
}

const CREATE = '__create__'

/** Codebook search: folded prefix and word matches first, then Fuse for typos. */
export function useIssueSearch(issues: readonly Issue[]): (query: string, limit?: number) => Issue[] {
  return useMemo(() => {
    const entries = issues.map((issue) => ({ issue, folded: foldText(issue.label), code: issue.code.trim().toLowerCase(), description: foldText(issue.description) }))
    const fuse = new Fuse(entries, { keys: ['folded', { name: 'description', weight: 0.3 }], ignoreLocation: true, ignoreDiacritics: true, threshold: 0.35 })
    return (query: string, limit = 10) => {
      const folded = foldText(query)
      if (folded === '') return [...issues].sort((a, b) => compareText(a.label, b.label)).slice(0, limit)
      const ranked = new Map<string, { issue: Issue; score: number }>()
      for (const entry of entries) {
        const code = query.trim().toLowerCase()
        const score =
          entry.folded === folded || (entry.code !== '' && entry.code === code)
            ? 0
            : entry.folded.startsWith(folded)
              ? 0.1
              : entry.code !== '' && entry.code.startsWith(code)
                ? 0.15
                : entry.folded.split(' ').some((word) => word.startsWith(folded))
                  ? 0.2
                  : entry.folded.includes(folded)
                    ? 0.3
                    : null
        if (score !== null) ranked.set(entry.issue.id, { issue: entry.issue, score })
      }
      if (folded.length >= 3) {
        for (const result of fuse.search(folded, { limit: limit * 2 })) {
          if (!ranked.has(result.item.issue.id)) ranked.set(result.item.issue.id, { issue: result.item.issue, score: 0.5 + (result.score ?? 1) })
        }
      }
      return [...ranked.values()].sort((a, b) => a.score - b.score || compareText(a.issue.label, b.issue.label)).slice(0, limit).map((entry) => entry.issue)
    }
  }, [issues])
}

interface IssueFieldProps {
  value: IssueFieldValue
  onChange: (value: IssueFieldValue) => void
  issues: readonly Issue[]
  onPicked?: (how: 'keyboard' | 'pointer') => void
  inputRef?: Ref<HTMLInputElement>
  error?: string
  /** The field's accessible name ('Issue' unless told). */
  label?: string
}

/** Picks the issue from the codebook, or adds a new one (saved with the claim). */
export function IssueField({ value, onChange, issues, onPicked, inputRef, error, label = 'Issue' }: IssueFieldProps) {
  const id = useId()
  const search = useIssueSearch(issues)
  // Labels repeat under different parents ("General"): an option names its parent and code.
  const byId = useMemo(() => new Map(issues.map((issue) => [issue.id, issue])), [issues])
  const { text, choice } = value
  const options = useMemo<ComboOption[]>(() => {
    const detailOf = (issue: Issue): string | undefined => {
      const parent = issue.parentId ? byId.get(issue.parentId) : undefined
      const where = [parent ? `under ${parent.label}` : '', issue.code ? `code ${issue.code}` : ''].filter((part) => part !== '').join(' · ')
      return where !== '' ? where : issue.description ? issue.description.slice(0, 60) : undefined
    }
    const list: ComboOption[] = search(text, 8).map((issue) => ({ id: issue.id, label: issue.label, detail: detailOf(issue) }))
    const folded = foldText(text)
    if (folded !== '' && !issues.some((issue) => foldText(issue.label) === folded)) list.push({ id: CREATE, label: `Create issue “${text.trim()}”`, create: true })
    return list
  }, [text, search, issues, byId])

  return (
    <div className="issue-field">
      <Combobox
        label={label}
        text={text}
        inputRef={inputRef}
        options={options}
        invalid={!!error}
        describedBy={error ? `${id}-error` : undefined}
        onTextChange={(next) => onChange({ text: next, choice: choice?.kind === 'new' ? { kind: 'new', label: next } : null })}
        onPick={(option, how) => {
          onChange(option.id === CREATE ? { text: text.trim(), choice: { kind: 'new', label: text.trim() } } : { text: option.label, choice: { kind: 'existing', id: option.id } })
          onPicked?.(how)
        }}
        onCommitText={(typed) => {
          if (choice !== null || typed.trim() === '') return
          const exact = issues.find((issue) => foldText(issue.label) === foldText(typed))
          if (exact) onChange(issueFieldFor(exact))
        }}
      />
      {choice?.kind === 'new' && <p className="field-note">New codebook issue, saved with this claim. Add a description on the Codebook screen.</p>}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
