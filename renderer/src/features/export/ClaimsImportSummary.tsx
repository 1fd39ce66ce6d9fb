import { NO_TEXT_DETAIL, type ImportPlan, type RowOutcome } from '../../domain/claimsImport/plan'
import { plural } from '../../domain/text/plural'

const number = new Intl.NumberFormat('en')
const SHOWN = 200

const STATUS_TEXT: Record<RowOutcome['status'], string> = { imported: 'Imported', duplicate: 'Duplicate', rejected: 'Rejected' }

/** What an import did with every row of the file. */
export function ClaimsImportSummary({ plan, fileName }: { plan: ImportPlan; fileName: string }) {
  const { counts } = plan
  const unanchored = counts.imported - counts.anchored
  // Rows worth a look: everything not imported, and imported rows that came with a remark
  // (other than "the document has no text", which the Anchored line counts).
  const notable = plan.outcomes.filter((outcome) => outcome.status !== 'imported' || (outcome.detail !== '' && outcome.detail !== NO_TEXT_DETAIL))
  return (
    <section className="import-summary" aria-label="Import summary">
      <p className="summary-lead">
        <strong>{plural(counts.imported, 'claim')} imported</strong>
        {' · '}
        {plural(counts.duplicates, 'duplicate')} skipped
        {' · '}
        {plural(counts.rejected, 'row')} rejected
        <span className="muted"> — all {number.format(counts.rows)} rows of {fileName} accounted for.</span>
      </p>
      <dl className="fact-list summary-facts">
        <dt>Anchored</dt>
        <dd>
          {plural(counts.anchored, 'claim')} anchored to their quote in the text
          {unanchored > 0 ? `; ${plural(unanchored, 'claim')} kept with the quote only (no text, or quote not found)` : ''}
        </dd>
        <dt>Documents</dt>
        <dd>
          {number.format(counts.articlesCreated)} created, {number.format(counts.articlesMatched)} matched in the workspace
        </dd>
        <dt>Actors</dt>
        <dd>
          {number.format(counts.actorsCreated)} created, {number.format(counts.actorsMatched)} matched
        </dd>
        <dt>Issues</dt>
        <dd>
          {number.format(counts.issuesCreated)} created, {number.format(counts.issuesMatched)} matched
        </dd>
      </dl>
      {notable.length > 0 && (
        <>
          <h3>Rows to look at</h3>
          <div className="table-scroll summary-rows">
            <table className="data-table compact-table" aria-label="Row outcomes">
              <thead>
                <tr>
                  <th scope="col" className="cell-number">
                    Row
                  </th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {notable.slice(0, SHOWN).map((outcome) => (
                  <tr key={outcome.row} data-status={outcome.status}>
                    <td className="cell-number">{outcome.row}</td>
                    <td>
                      <span className={`outcome outcome-${outcome.status}`}>{STATUS_TEXT[outcome.status]}</span>
                    </td>
                    <td dir="auto">{outcome.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {notable.length > SHOWN && (
            <p className="muted">
              Showing {SHOWN} of {number.format(notable.length)} rows. Save the row report for every row and its outcome.
            </p>
          )}
        </>
      )}
    </section>
  )
}
