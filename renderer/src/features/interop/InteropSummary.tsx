import type { ItemOutcome } from '../../domain/interop/mapping/interopPlan'
import { plural } from '../../domain/text/plural'
import type { InteropSummary as Summary } from './interopTypes'

const number = new Intl.NumberFormat('en')
const SHOWN = 200

const STATUS_TEXT: Record<ItemOutcome['status'], string> = { imported: 'Imported', duplicate: 'Already there', skipped: 'Skipped', rejected: 'Rejected' }

interface Props {
  summary: Summary
  /** 'statement' for DNA, 'selection' for REFI-QDA. */
  item: string
  /** The label of the outcomes table: 'Statement outcomes', 'Selection outcomes'. */
  tableLabel: string
  /** Show the item's own id (DNA statement IDs mean something to the analyst; GUIDs do not). */
  showItemId: boolean
}

/** What an import from another tool did with every item of the file. */
export function InteropSummary({ summary, item, tableLabel, showItemId }: Props) {
  const { counts } = summary
  // Items worth a look: everything not imported, and imported ones with a remark.
  const notable = summary.outcomes.filter((outcome) => outcome.status !== 'imported' || outcome.detail !== '')
  const created = (made: number, matched: number) => `${number.format(made)} created, ${number.format(matched)} matched in the workspace`
  return (
    <section className="import-summary interop-summary" aria-label="Import summary">
      <p className="summary-lead">
        <strong>{plural(counts.imported, item)} imported</strong>
        {' · '}
        {number.format(counts.duplicates)} already in the workspace
        {' · '}
        {number.format(counts.skipped)} skipped
        {' · '}
        {number.format(counts.rejected)} rejected
        <span className="muted">
          {' '}
          — all {plural(counts.items, item)} of {summary.fileName} accounted for.
        </span>
      </p>
      <dl className="fact-list summary-facts">
        <dt>Documents</dt>
        <dd>{created(counts.articlesCreated, counts.articlesMatched)}</dd>
        <dt>Actors</dt>
        <dd>{created(counts.actorsCreated, counts.actorsMatched)}</dd>
        <dt>Issues</dt>
        <dd>{created(counts.issuesCreated, counts.issuesMatched)}</dd>
        <dt>Coders</dt>
        <dd>{created(counts.codersCreated, counts.codersMatched)}</dd>
        {counts.mentionsCreated + counts.mentionsMatched > 0 && (
          <>
            <dt>Mentions</dt>
            <dd>
              {number.format(counts.mentionsCreated)} created, {number.format(counts.mentionsMatched)} already there
            </dd>
          </>
        )}
      </dl>
      {summary.notes.length > 0 && (
        <ul className="file-warnings" aria-label="About the file">
          {summary.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {notable.length > 0 && (
        <>
          <h3>{item[0]!.toUpperCase() + item.slice(1)}s to look at</h3>
          <div className="table-scroll summary-rows">
            <table className="data-table compact-table" aria-label={tableLabel}>
              <thead>
                <tr>
                  {showItemId && (
                    <th scope="col" className="cell-number">
                      {item[0]!.toUpperCase() + item.slice(1)}
                    </th>
                  )}
                  <th scope="col">Document</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {notable.slice(0, SHOWN).map((outcome) => (
                  <tr key={outcome.item} data-status={outcome.status}>
                    {showItemId && <td className="cell-number">{outcome.item}</td>}
                    <td dir="auto" className="cell-clip">
                      {outcome.document}
                    </td>
                    <td>
                      <span className={`outcome outcome-${outcome.status === 'skipped' ? 'duplicate' : outcome.status}`}>{STATUS_TEXT[outcome.status]}</span>
                    </td>
                    <td dir="auto">{outcome.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {notable.length > SHOWN && (
            <p className="muted">
              Showing {SHOWN} of {number.format(notable.length)}. Save the report for every {item} and its outcome.
            </p>
          )}
        </>
      )}
    </section>
  )
}
