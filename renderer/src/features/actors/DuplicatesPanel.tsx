import { useState } from 'react'
import type { DuplicatePair } from '../../domain/duplicateActors'

const pairKey = (pair: DuplicatePair): string => [pair.first.id, pair.second.id].sort().join('+')
/** Pairs shown at once; more on request, so a thousand-actor workspace does not push the table off the screen. */
const PAGE = 6
/** Above this many pairs the panel starts folded: the table is what the analyst came for. */
const OPEN_UP_TO = PAGE

/** Likely duplicate actors, each with Merge… or a dismissal that lasts while the screen is open. */
export function DuplicatesPanel({ pairs, onMerge }: { pairs: readonly DuplicatePair[]; onMerge: (pair: DuplicatePair) => void }) {
  const [hiddenPairs, setHiddenPairs] = useState<ReadonlySet<string>>(new Set())
  const [shown, setShown] = useState(PAGE)
  // null until the analyst folds or unfolds it: until then the count decides.
  const [chosenOpen, setChosenOpen] = useState<boolean | null>(null)
  const visiblePairs = pairs.filter((pair) => !hiddenPairs.has(pairKey(pair)))
  if (visiblePairs.length === 0) return null
  const open = chosenOpen ?? visiblePairs.length <= OPEN_UP_TO
  const more = Math.min(PAGE * 4, visiblePairs.length - shown)
  return (
    <section className="duplicates-panel" aria-labelledby="duplicates-heading">
      <details
        open={open}
        onToggle={(event) => {
          const next = event.currentTarget.open
          if (next !== open) setChosenOpen(next)
        }}
      >
        <summary>
          <h2 id="duplicates-heading">Possible duplicates ({visiblePairs.length})</h2>
        </summary>
        <ul>
          {visiblePairs.slice(0, shown).map((pair) => (
            <li key={pairKey(pair)}>
              <span>
                <strong>{pair.first.name}</strong> and <strong>{pair.second.name}</strong>: {pair.reason}.
              </span>
              <span className="button-row">
                <button type="button" onClick={() => onMerge(pair)}>
                  Merge…
                </button>
                <button type="button" className="link-button" onClick={() => setHiddenPairs((current) => new Set([...current, pairKey(pair)]))}>
                  Not duplicates
                </button>
              </span>
            </li>
          ))}
        </ul>
        {more > 0 && (
          <p className="duplicates-more">
            <span className="muted">
              Showing {Math.min(shown, visiblePairs.length)} of {visiblePairs.length}.
            </span>{' '}
            <button type="button" className="link-button" onClick={() => setShown(shown + more)}>
              Show {more} more
            </button>
          </p>
        )}
      </details>
    </section>
  )
}
