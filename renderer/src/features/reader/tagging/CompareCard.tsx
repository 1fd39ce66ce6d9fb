import { useMemo } from 'react'
import { isAdjudicated } from '../../../domain/coding/claimSet'
import { unitKey } from '../../../domain/team/adjudication'
import { ADJUDICATED_MARK, AdjudicationPanel } from '../../team'
import { useReaderSession } from '../ReaderSession'

/**
 * Coders compared (opened from a disagreement): who is who in the text, then the adjudication
 * of the disagreement the link names.
 */
export function CompareCard() {
  const { article, claims, actors, issues, actorName, issueLabel, coding, focusAndScroll } = useReaderSession()
  const compare = coding.compare
  const key = compare ? unitKey(compare.unit) : ''
  const sources = useMemo(() => {
    if (!compare) return []
    const order = new Map(compare.coders.map((coder, index) => [coder.id, index]))
    return claims.filter((claim) => compare.unit.includes(claim.id)).sort((a, b) => (order.get(a.coderId) ?? 99) - (order.get(b.coderId) ?? 99))
  }, [claims, compare])
  const decided = useMemo(() => claims.filter((claim) => isAdjudicated(claim) && unitKey(claim.adjudicatedFrom) === key), [claims, key])
  if (!compare) return null
  return (
    <>
      <section className="panel-section compare-legend" aria-label="Coders compared">
        <h3>Comparing coders</h3>
        <ul className="coder-legend">
          {[...compare.coders.map((coder) => ({ id: coder.id, name: coder.name, color: coder.color })), { id: 'adjudicated', ...ADJUDICATED_MARK }].map((entry) => (
            <li key={entry.id}>
              <span className="coder-swatch" style={{ borderColor: entry.color }} aria-hidden="true" />
              {entry.name}
            </li>
          ))}
        </ul>
      </section>
      {compare.unit.length > 0 && (
        <AdjudicationPanel
          sources={sources}
          decided={decided}
          rejected={coding.rejectedUnits.has(key)}
          markOf={coding.markOf}
          actorName={actorName}
          issueLabel={issueLabel}
          actors={actors}
          issues={issues}
          direction={article.direction}
          onShow={(id) => focusAndScroll({ kind: 'claim', id })}
        />
      )}
    </>
  )
}
