import type { RunState } from './importRun'
import { summariseOutcomes } from './summary'

/** Progress over files, with the current collection's rows counted as a fraction of its file. */
export function runFraction(state: RunState): number {
  if (state.total === 0) return 1
  const within = state.rows && state.rows.total > 0 ? state.rows.done / state.rows.total : 0
  return Math.min(1, (state.processed + within) / state.total)
}

export function ProgressStep({ state }: { state: RunState }) {
  const totals = summariseOutcomes(state.outcomes)
  const fraction = runFraction(state)
  return (
    <div className="import-progress">
      <progress aria-label="Import progress" max={1000} value={Math.round(fraction * 1000)} aria-valuetext={`${Math.round(fraction * 100)}%`} />
      <p className="progress-line" aria-live="polite">
        {state.cancelled ? 'Cancelling… ' : ''}
        {state.processed.toLocaleString('en')} of {state.total.toLocaleString('en')} file{state.total === 1 ? '' : 's'}
        {state.rows ? ` · ${state.rows.done.toLocaleString('en')} of ${state.rows.total.toLocaleString('en')} ${state.rows.unit}` : ''}
      </p>
      {state.current && (
        <p className="progress-current muted" dir="auto">
          {state.current}
        </p>
      )}
      <p className="muted">
        {totals.imported.toLocaleString('en')} imported · {totals.duplicates.toLocaleString('en')} duplicates · {(totals.rejectedFiles + totals.rejectedRows + totals.rejectedArticles).toLocaleString('en')} rejected so far
      </p>
    </div>
  )
}
