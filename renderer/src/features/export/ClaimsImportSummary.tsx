import { NO_TEXT_DETAIL, type FoldedNameGroup, type ImportPlan, type RowOutcome } from '../../domain/claimsImport/plan'
import { plural } from '../../domain/text/plural'

const number = new Intl.NumberFormat('en')
const SHOWN = 200

const STATUS_TEXT: Record<RowOutcome['status'], string> = { imported: 'Imported', duplicate: 'Duplicate', rejected: 'Rejected' }

interface SummaryProps {
  plan: ImportPlan
  fileName: string
  /** Before writing: what the import will do, with a choice for each folded name. */
  preview?: boolean
  onKeepApart?: (key: string, apart: boolean) => void
  busy?: boolean
}

/** What an import does (preview) or did with every row of the file. */
export function ClaimsImportSummary({ plan, fileName, preview = false, onKeepApart, busy = false }: SummaryProps) {
  const { counts } = plan
  const unanchored = counts.imported - counts.anchored
  const will = (past: string, future: string): string => (preview ? future : past)
  // Rows worth a look: everything not imported, and imported rows that came with a remark
  // (other than "the document has no text", which the Anchored line counts).
  const notable = plan.outcomes.filter((outcome) => outcome.status !== 'imported' || (outcome.detail !== '' && outcome.detail !== NO_TEXT_DETAIL))
  return (
    <section className="import-summary" aria-label={preview ? 'Import preview' : 'Import summary'} aria-busy={busy || undefined}>
      <p className="summary-lead">
        <strong>
          {plural(counts.imported, 'claim')} {will('imported', 'to import')}
        </strong>
        {' · '}
        {plural(counts.duplicates, 'duplicate')} {will('skipped', 'to skip')}
        {' · '}
        {plural(counts.rejected, 'row')} {will('rejected', 'to reject')}
        <span className="muted"> — all {number.format(counts.rows)} rows of {fileName} accounted for.</span>
      </p>
      {preview && (
        <p className="review-note" role="note">
          Nothing is written yet. Check the names below that the import folds into one actor, keep apart any that are different actors, then press Import claims.
        </p>
      )}
      {plan.foldedNames.length > 0 && <FoldedNames groups={plan.foldedNames} preview={preview} onKeepApart={onKeepApart} busy={busy} />}
      <dl className="fact-list summary-facts">
        <dt>Anchored</dt>
        <dd>
          {plural(counts.anchored, 'claim')} anchored to their quote in the text
          {unanchored > 0 ? `; ${plural(unanchored, 'claim')} kept with the quote only` : ''}
          {counts.waitingForText > 0 ? ` (${number.format(counts.waitingForText)} waiting for their document’s text)` : ''}
        </dd>
        <dt>Documents</dt>
        <dd>
          {number.format(counts.articlesCreated)} created, {number.format(counts.articlesMatched)} matched in the workspace
          {counts.articlesUpdated > 0 && `, ${number.format(counts.articlesUpdated)} given new attributes`}
        </dd>
        <dt>Actors</dt>
        <dd>
          {number.format(counts.actorsCreated)} created, {number.format(counts.actorsMatched)} matched
          {counts.actorsUpdated > 0 && `, ${number.format(counts.actorsUpdated)} given new attributes`}
          {plan.foldedNames.length > 0 &&
            `; ${plural(plan.foldedNames.filter((group) => !group.keptApart).length, 'name')} folded together with another spelling`}
        </dd>
        <dt>Issues</dt>
        <dd>
          {number.format(counts.issuesCreated)} created, {number.format(counts.issuesMatched)} matched
        </dd>
        {counts.codersCreated + counts.codersMatched > 0 && (
          <>
            <dt>Coders</dt>
            <dd>
              {number.format(counts.codersCreated)} created, {number.format(counts.codersMatched)} matched
            </dd>
          </>
        )}
        <dt>Source IDs</dt>
        <dd>
          {counts.sharedIds === 0
            ? 'every claim ID in the file is its own claim’s'
            : `${plural(counts.sharedIds, 'claim ID was', 'claim IDs were')} shared by several rows (${number.format(counts.sharedIdRows)} rows, as one annotation with several actors or issues); each row is its own claim and keeps the ID`}
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

function FoldedNames({ groups, preview, onKeepApart, busy }: { groups: FoldedNameGroup[]; preview: boolean; onKeepApart?: (key: string, apart: boolean) => void; busy: boolean }) {
  return (
    <section className="folded-names" aria-labelledby="folded-names-heading">
      <h3 id="folded-names-heading">
        Names folded together ({groups.length}){preview ? '' : groups.some((group) => group.keptApart) ? ' — some kept apart' : ''}
      </h3>
      <p className="muted small">
        Names that differ only in case, accents, hyphens or spacing are one actor. {preview ? 'Tick “Keep apart” where the spellings are different actors.' : ''}
      </p>
      <div className="table-scroll folded-rows">
        <table className="data-table compact-table" aria-label="Names folded together">
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Spellings in the file (rows)</th>
              <th scope="col">{preview ? 'Keep apart' : 'Outcome'}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => {
              const names = group.spellings.map((entry) => entry.name)
              return (
                <tr key={group.key} data-apart={group.keptApart || undefined}>
                  <td dir="auto">
                    <strong>{group.into}</strong>
                    {group.existing && <span className="muted small"> (in the workspace)</span>}
                  </td>
                  <td dir="auto">
                    {group.spellings.map((entry) => (
                      <span key={entry.name} className="spelling-chip">
                        {entry.name} <span className="muted">({number.format(entry.rows)})</span>
                      </span>
                    ))}
                  </td>
                  <td>
                    {preview ? (
                      <label className="inline-check">
                        <input type="checkbox" checked={group.keptApart} disabled={busy} onChange={(event) => onKeepApart?.(group.key, event.currentTarget.checked)} />
                        <span className="visually-hidden">Keep apart: {[...new Set([...names, group.into])].join(', ')}</span>
                        <span aria-hidden="true">Keep apart</span>
                      </label>
                    ) : group.keptApart ? (
                      'kept apart'
                    ) : (
                      `merged into ${group.into}`
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
