import { useId, useState } from 'react'
import type { DuplicatePair } from '../../domain/duplicateActors'

const pairKey = (pair: DuplicatePair): string => [pair.first.id, pair.second.id].sort().join('+')

/** Past this many pairs the panel opens folded: a long list would push the actors table off screen. */
export const FOLDED_FROM = 4

/**
 * Likely duplicate actors, each with Merge… or a dismissal that lasts while the screen is open.
 * The heading is a toggle that folds the list away; it opens folded when the list is long.
 */
export function DuplicatesPanel({ pairs, onMerge }: { pairs: readonly DuplicatePair[]; onMerge: (pair: DuplicatePair) => void }) {
  const [hiddenPairs, setHiddenPairs] = useState<ReadonlySet<string>>(new Set())
  const [expanded, setExpanded] = useState<boolean | null>(null)
  const listId = useId()
  const visiblePairs = pairs.filter((pair) => !hiddenPairs.has(pairKey(pair)))
  if (visiblePairs.length === 0) return null
  // Until the analyst opens or folds it, the panel follows the list's length.
  const open = expanded ?? visiblePairs.length < FOLDED_FROM
  return (
    <section className="duplicates-panel" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">
        <button type="button" className="duplicates-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setExpanded(!open)}>
          <span aria-hidden="true" className="duplicates-chevron">
            {open ? '▾' : '▸'}
          </span>
          Possible duplicates ({visiblePairs.length})
        </button>
      </h2>
      <ul id={listId} hidden={!open}>
        {open &&
          visiblePairs.map((pair) => (
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
    </section>
  )
}
