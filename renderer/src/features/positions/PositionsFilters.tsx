import { useId, type ReactNode } from 'react'
import { isActorKind, type Coder, type Issue } from '../../domain/model'
import { useActorKinds, withKind } from '../../shared/useActorKinds'
import { BUCKET_SIZE_LABELS, BUCKET_SIZES, isBucketSize } from '../../domain/positions/buckets'
import { ISSUE_LEVEL_LABELS, ISSUE_LEVELS, type IssueLevel } from '../../domain/positions/grouping'
import { ROW_MODE_LABELS, ROW_MODES, type RowMode } from '../../domain/positions/rows'
import { compareText } from '../../domain/text/compare'
import { IssueFilter } from './IssueFilter'
import { CLEARED_FILTERS, filtersAreSet, type PositionsViewState } from './viewState'

export interface FiltersProps {
  view: PositionsViewState
  issues: readonly Issue[]
  sources: string[]
  coders: readonly Coder[]
  /** Actor attribute names in use, for Group actors by. */
  attributes: readonly string[]
  /** The busiest issue, picked when switching to one row per actor. */
  busiestIssueId: string | null
  /** Whether empty periods are hidden now (the toggle's state when left automatic). */
  onlyWithClaims: boolean
  onChange: (patch: Partial<PositionsViewState>) => void
}

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  )
}

export function PositionsFilters({ view, issues, sources, coders, attributes, busiestIssueId, onlyWithClaims, onChange }: FiltersProps) {
  const id = useId()
  const kinds = useActorKinds()
  const setMode = (mode: RowMode): void => {
    // One row per actor needs one issue: keep the chosen one, else take the busiest.
    const first = [...issues].sort((a, b) => compareText(a.label, b.label))[0]
    if (mode === 'actor' && view.issueId === null) onChange({ mode, issueId: busiestIssueId ?? first?.id ?? null })
    else onChange({ mode })
  }
  const badRange = view.from !== '' && view.to !== '' && view.to < view.from
  const oneIssue = view.mode === 'actor'
  const sortedCoders = [...coders].sort((a, b) => compareText(a.name, b.name))
  return (
    <form className="positions-filters" aria-label="Positions filters" onSubmit={(event) => event.preventDefault()}>
      <div className="positions-filters-line">
        <Select label="Time bucket" value={view.bucketSize} onChange={(value) => isBucketSize(value) && onChange({ bucketSize: value })}>
          {BUCKET_SIZES.map((size) => (
            <option key={size} value={size}>
              {BUCKET_SIZE_LABELS[size]}
            </option>
          ))}
        </Select>
        <Select label="Rows" value={view.mode} onChange={(value) => setMode(value as RowMode)}>
          {ROW_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {ROW_MODE_LABELS[mode]}
            </option>
          ))}
        </Select>
        <Select label="Group actors by" value={view.groupBy} onChange={(value) => onChange({ groupBy: value })}>
          <option value="actor">Actor</option>
          <option value="kind">Kind</option>
          {attributes.map((name) => (
            <option key={name} value={`attribute:${name}`}>
              {name}
            </option>
          ))}
        </Select>
        <Select label="Issue level" value={view.level} onChange={(value) => onChange({ level: value as IssueLevel })}>
          {ISSUE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {ISSUE_LEVEL_LABELS[level]}
            </option>
          ))}
        </Select>
        <IssueFilter issues={issues} value={view.issueId} allowAll={!oneIssue} onChange={(issueId) => onChange({ issueId })} />
        <Select label="Claims shown" value={view.claimSet} onChange={(value) => onChange({ claimSet: value })}>
          <option value="all">All claims</option>
          <option value="adjudicated">Adjudicated only</option>
          {sortedCoders.map((coder) => (
            <option key={coder.id} value={`coder:${coder.id}`}>
              {coder.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="positions-filters-line">
        <Select label="Actor kind" value={view.actorKind ?? ''} onChange={(value) => onChange({ actorKind: isActorKind(value) ? value : null })}>
          <option value="">All kinds</option>
          {withKind(kinds, view.actorKind ?? '').map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </Select>
        <Select label="Source" value={view.source ?? ''} onChange={(value) => onChange({ source: value === '' ? null : value })}>
          <option value="">All sources</option>
          {sources.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </Select>
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
            placeholder={view.groupBy === 'actor' ? 'Name or alias' : 'Group name'}
            value={view.actorText}
            onChange={(event) => onChange({ actorText: event.target.value })}
          />
        </div>
        <label className="positions-toggle" title="Hide the periods no row shown has a claim in. On by itself when more than 40 periods would show.">
          <input type="checkbox" checked={onlyWithClaims} onChange={(event) => onChange({ onlyWithClaims: event.target.checked })} />
          Only periods with claims
        </label>
        {oneIssue && (
          <label className="positions-toggle" title="Also list the actors (or groups) with no claim on this issue">
            <input type="checkbox" checked={view.showAll} onChange={(event) => onChange({ showAll: event.target.checked })} />
            Show all actors
          </label>
        )}
        <button
          type="button"
          className="positions-clear"
          disabled={!filtersAreSet(oneIssue ? { ...view, issueId: null } : view)}
          onClick={() => onChange({ ...CLEARED_FILTERS, issueId: oneIssue ? view.issueId : null })}
        >
          Clear filters
        </button>
      </div>
    </form>
  )
}
