import { useState } from 'react'
import type { DuplicatePair } from '../../domain/duplicateActors'

const pairKey = (pair: DuplicatePair): string => [pair.first.id, pair.second.id].sort().join('+')

/** Likely duplicate actors, each with Merge… or a dismissal that lasts while the screen is open. */
export function DuplicatesPanel({ pairs, onMerge }: { pairs: readonly DuplicatePair[]; onMerge: (pair: DuplicatePair) => void }) {
  const [hiddenPairs, setHiddenPairs] = useState<ReadonlySet<string>>(new Set())
  const visiblePairs = pairs.filter((pair) => !hiddenPairs.has(pairKey(pair)))
  if (visiblePairs.length === 0) return null
  return (
    <section className="duplicates-panel" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicates ({visiblePairs.length})</h2>
      <ul>
        {visiblePairs.slice(0, 6).map((pair) => (
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
