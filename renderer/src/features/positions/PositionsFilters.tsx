import { useId } from 'react'
import { isActorKind, type Issue } from '../../domain/model'
import { useActorKinds, withKind } from '../../shared/useActorKinds'
import { BUCKET_SIZE_LABELS, BUCKET_SIZES, isBucketSize } from '../../domain/positions/buckets'
import { ROW_MODE_LABELS, ROW_MODES, type RowMode } from '../../domain/positions/rows'
import { compareText } from '../../domain/text/compare'
import { filtersAreSet, type PositionsViewState } from './viewState'

export interface FiltersProps {
  view: PositionsViewState
  issues: Issue[]
  sources: string[]
  /** Claims per issue, to pick the busiest issue when switching to one row per actor. */
  busiestIssueId: string | null
  onChange: (patch: Partial<PositionsViewState>) => void
}

export function PositionsFilters({ view, issues, sources, busiestIssueId, onChange }: FiltersProps) {
  const id = useId()
  const kinds = useActorKinds()
  const sortedIssues = [...issues].sort((a, b) => compareText(a.label, b.label))
  const setMode = (mode: RowMode): void => {
    // One row per actor needs one issue: keep the chosen one, else take the busiest.
    if (mode === 'actor' && view.issueId === null) onChange({ mode, issueId: busiestIssueId ?? sortedIssues[0]?.id ?? null })
    else onChange({ mode })
  }
  const badRange = view.from !== '' && view.to !== '' && view.to < view.from
  return (
    <form className="positions-filters" aria-label="Positions filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-bucket`}>Time bucket</label>
        <select id={`${id}-bucket`} value={view.bucketSize} onChange={(event) => isBucketSize(event.target.value) && onChange({ bucketSize: event.target.value })}>
          {BUCKET_SIZES.map((size) => (
            <option key={size} value={size}>
              {BUCKET_SIZE_LABELS[size]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-rows`}>Rows</label>
        <select id={`${id}-rows`} value={view.mode} onChange={(event) => setMode(event.target.value as RowMode)}>
          {ROW_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {ROW_MODE_LABELS[mode]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-issue`}>Issue</label>
        <select id={`${id}-issue`} value={view.issueId ?? ''} onChange={(event) => onChange({ issueId: event.target.value === '' ? null : event.target.value })}>
          {view.mode === 'actor-issue' && <option value="">All issues</option>}
          {sortedIssues.map((issue) => (
            <option key={issue.id} value={issue.id}>
              {issue.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Actor kind</label>
        <select id={`${id}-kind`} value={view.actorKind ?? ''} onChange={(event) => onChange({ actorKind: isActorKind(event.target.value) ? event.target.value : null })}>
          <option value="">All kinds</option>
          {withKind(kinds, view.actorKind ?? '').map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>Source</label>
        <select id={`${id}-source`} value={view.source ?? ''} onChange={(event) => onChange({ source: event.target.value === '' ? null : event.target.value })}>
          <option value="">All sources</option>
          {sources.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={view.from} max={view.to || undefined} aria-invalid={badRange || undefined} onChange={(event) => onChange({ from: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={view.to} min={view.from || undefined} aria-invalid={badRange || undefined} onChange={(event) => onChange({ to: event.target.value })} />
      </div>
      <div className="field field-grow">
        <label htmlFor={`${id}-actor`}>Find actor</label>
        <input
          id={`${id}-actor`}
          type="search"
          placeholder="Name or alias"
          value={view.actorText}
          onChange={(event) => onChange({ actorText: event.target.value })}
        />
      </div>
      <button type="button" className="positions-clear" disabled={!filtersAreSet(view.mode === 'actor' ? { ...view, issueId: null } : view)} onClick={() => onChange({ issueId: view.mode === 'actor' ? view.issueId : null, actorKind: null, source: null, from: '', to: '', actorText: '' })}>
        Clear filters
      </button>
    </form>
  )
}

