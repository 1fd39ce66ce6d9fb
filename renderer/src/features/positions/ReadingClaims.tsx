import type { PositionsPhase } from './positionsStore'

/** Shown while the claims are read: a packed snapshot opens at once; without one it takes longer. */
export function ReadingClaims({ status }: { status: PositionsPhase }) {
  const progress = status.phase === 'loading' ? status.progress : null
  return (
    <div className="positions-reading">
      <p className="muted" role="status">
        Reading claims…
      </p>
      {progress !== null && <progress aria-label="Reading claims" value={progress} max={1} />}
    </div>
  )
}
