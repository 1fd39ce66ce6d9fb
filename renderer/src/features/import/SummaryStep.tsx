import { navigate } from '../../shared/routing'
import { plural } from '../../domain/text/plural'
import type { FileOutcome, PartOutcome } from './importTypes'
import { summariseOutcomes } from './summary'

/** Files listed one by one; beyond this, the rest is in the saved report. */
const LISTED = 400
const ROW_REASONS = 50
/** A batch's documents are listed open up to this many; a bigger batch lists them folded. */
const PARTS_OPEN = 25
const PARTS_LISTED = 400

function partText(part: PartOutcome): string {
  switch (part.status) {
    case 'imported':
      return part.undated ? 'Imported, no date' : 'Imported'
    case 'duplicate':
      return part.earlierInRun ? 'Duplicate of an article earlier in this import' : 'Duplicate: already in the library'
    case 'rejected':
      return `Rejected: ${part.reason}`
    case 'cancelled':
      return 'Not imported: cancelled'
  }
}

/** A news-database export: its documents one by one, each with what became of it. */
function BatchParts({ outcome, parts, onOpen }: { outcome: FileOutcome; parts: PartOutcome[]; onOpen: (id: string) => void }) {
  return (
    <details open={parts.length <= PARTS_OPEN}>
      <summary>{plural(parts.length, 'article')} in this file</summary>
      <ul className="batch-parts" aria-label={`Articles in ${outcome.name}`}>
        {parts.slice(0, PARTS_LISTED).map((part, index) => (
          <li key={index} className={`batch-part part-${part.status}`}>
            <span className="part-label" dir="auto">
              {part.label}
            </span>
            {part.detail && <span className="muted part-detail">{part.detail}</span>}
            <span className="part-status">{partText(part)}</span>
            {part.articleId && (
              <button type="button" className="link-button" aria-label={`Open ${part.label}`} onClick={() => onOpen(part.articleId!)}>
                Open
              </button>
            )}
          </li>
        ))}
        {parts.length > PARTS_LISTED && <li className="muted">and {(parts.length - PARTS_LISTED).toLocaleString('en')} more (see the saved report)</li>}
      </ul>
    </details>
  )
}

function OutcomeLine({ outcome, onOpen }: { outcome: FileOutcome; onOpen: (id: string) => void }) {
  const collection = outcome.total > 1 || outcome.rejections.length > 1 || outcome.batch !== undefined
  const batch = outcome.batch
  let text: string
  if (batch) {
    const rejected = batch.parts.filter((part) => part.status === 'rejected').length
    text = [
      `${batch.format} export: ${outcome.imported.toLocaleString('en')} of ${plural(outcome.total, 'article')} imported`,
      outcome.duplicates.length > 0 ? `${plural(outcome.duplicates.length, 'duplicate')} skipped` : '',
      rejected > 0 ? `${rejected.toLocaleString('en')} rejected` : '',
    ]
      .filter(Boolean)
      .join(', ')
  } else switch (outcome.status) {
    case 'imported':
      text = collection
        ? [
            `${plural(outcome.imported, 'article')} imported`,
            outcome.duplicates.length > 0 ? `${plural(outcome.duplicates.length, 'duplicate')} skipped` : '',
            outcome.rejections.length > 0 ? `${plural(outcome.rejections.length, 'row')} rejected` : '',
          ]
            .filter(Boolean)
            .join(', ')
        : 'Imported'
      break
    case 'duplicate':
      text = collection
        ? `Nothing new: all ${plural(outcome.duplicates.length, 'article is', 'articles are')} already in the library`
        : outcome.duplicates[0]?.earlierInRun
          ? 'Skipped as duplicate: same text as a file earlier in this import'
          : 'Skipped as duplicate: the same text is already in the library'
      break
    case 'rejected':
      text = `Rejected: ${outcome.rejections[0] ?? 'unknown reason'}`
      break
    case 'skipped':
      text = 'Skipped at the column mapping step'
      break
    case 'cancelled':
      text = 'Not imported: the import was cancelled'
      break
  }
  const rowReasons = batch || (outcome.status === 'rejected' && !collection) ? [] : outcome.rejections
  return (
    <li className={`outcome outcome-${outcome.status}`}>
      <div className="outcome-head">
        <span className="outcome-name" dir="auto">
          {outcome.name}
        </span>
        <span className="outcome-text">{text}</span>
        {outcome.undated > 0 && <span className="badge badge-review">{outcome.undated === 1 && !collection ? 'no date' : `${outcome.undated.toLocaleString('en')} without date`}</span>}
        {outcome.firstArticleId && !collection && (
          <button type="button" className="link-button" onClick={() => onOpen(outcome.firstArticleId!)}>
            Open
          </button>
        )}
        {outcome.status === 'duplicate' && !collection && outcome.duplicates[0] && (
          <button type="button" className="link-button" onClick={() => onOpen(outcome.duplicates[0]!.existingId)}>
            Open the existing article
          </button>
        )}
      </div>
      {outcome.notices.map((notice) => (
        <p key={notice} className="import-notice">
          {notice}
        </p>
      ))}
      {rowReasons.length > 0 && (
        <details>
          <summary>{plural(rowReasons.length, 'row')} not imported</summary>
          <ul className="row-reasons">
            {rowReasons.slice(0, ROW_REASONS).map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
            {rowReasons.length > ROW_REASONS && <li className="muted">and {(rowReasons.length - ROW_REASONS).toLocaleString('en')} more (see the saved report)</li>}
          </ul>
        </details>
      )}
      {batch && <BatchParts outcome={outcome} parts={batch.parts} onOpen={onOpen} />}
      {!batch && collection && outcome.duplicates.length > 0 && (
        <details>
          <summary>{plural(outcome.duplicates.length, 'duplicate')} skipped</summary>
          <ul className="row-reasons">
            {outcome.duplicates.slice(0, ROW_REASONS).map((duplicate, index) => (
              <li key={index}>
                {duplicate.label}: {duplicate.earlierInRun ? 'same text as an article earlier in this import' : 'same text as an article already in the library'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  )
}

export function SummaryStep({ outcomes, cancelled, error, onClose }: { outcomes: FileOutcome[]; cancelled: boolean; error: string | null; onClose: () => void }) {
  const totals = summariseOutcomes(outcomes)
  const refused = [totals.rejectedRows > 0 ? plural(totals.rejectedRows, 'row') : '', totals.rejectedArticles > 0 ? plural(totals.rejectedArticles, 'article') : ''].filter(Boolean)
  // Problems first: they are what the user has to act on.
  const order: Record<FileOutcome['status'], number> = { rejected: 0, cancelled: 1, skipped: 2, duplicate: 3, imported: 4 }
  const sorted = [...outcomes].sort((a, b) => order[a.status] - order[b.status])
  const open = (id: string): void => {
    onClose()
    navigate('library', ['article', id])
  }
  return (
    <section className="import-summary" aria-label="Import summary">
      <p role="status" className="summary-headline">
        {cancelled ? 'Import cancelled. ' : 'Import finished. '}
        {plural(totals.imported, 'article')} imported, {plural(totals.duplicates, 'duplicate')} skipped, {plural(totals.rejectedFiles, 'file')} rejected
        {refused.length > 0 ? ` and ${refused.join(' and ')} refused` : ''}
        .
      </p>
      {error && <p className="import-error">{error}</p>}
      <dl className="summary-counts">
        <div className="count count-imported">
          <dt>Imported</dt>
          <dd>{totals.imported.toLocaleString('en')}</dd>
        </div>
        <div className="count count-duplicate">
          <dt>Skipped as duplicate</dt>
          <dd>{totals.duplicates.toLocaleString('en')}</dd>
        </div>
        <div className="count count-rejected">
          <dt>Rejected</dt>
          <dd>{(totals.rejectedFiles + totals.rejectedRows + totals.rejectedArticles).toLocaleString('en')}</dd>
        </div>
        <div className="count count-review">
          <dt>No date, flagged for review</dt>
          <dd>{totals.undated.toLocaleString('en')}</dd>
        </div>
      </dl>
      <ul className="outcome-list" aria-label="Files">
        {sorted.slice(0, LISTED).map((outcome) => (
          <OutcomeLine key={outcome.fileId} outcome={outcome} onOpen={open} />
        ))}
      </ul>
      {sorted.length > LISTED && <p className="muted">and {(sorted.length - LISTED).toLocaleString('en')} more files (all in the saved report).</p>}
    </section>
  )
}
