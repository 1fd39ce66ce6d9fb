import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { buildHash, followRouteLink } from '../../shared/routing'
import { Dialog } from '../../shared/ui/Dialog'
import { STANCE_LABELS, type Id } from '../../domain/model'
import { formatSigned, stanceTone } from '../../domain/positions/format'
import { db } from '../../db/instance'
import { claimsWithArticles } from '../../db/queries/claimLists'

// The claims behind a cell: quote, date, stance and article, each a link that opens the reader
// at its highlight (#/library/article/<articleId>?claim=<claimId>).

export interface ClaimsRequest {
  title: string
  /** One line under the title: "2 claims, mean +0.5". */
  summary: string
  /** Oldest first. */
  claimIds: Id[]
}

const PAGE = 100

export function ClaimsDialog({ request, onClose }: { request: ClaimsRequest | null; onClose: () => void }) {
  return (
    <Dialog title={request?.title ?? 'Claims'} open={request !== null} onClose={onClose} wide footer={<button type="button" onClick={onClose}>Close</button>}>
      {request && <ClaimList key={request.claimIds.join(',')} request={request} onClose={onClose} />}
    </Dialog>
  )
}

function ClaimList({ request, onClose }: { request: ClaimsRequest; onClose: () => void }) {
  const [shown, setShown] = useState(PAGE)
  const ids = request.claimIds.slice(0, shown)
  const loaded = useLiveQuery(() => claimsWithArticles(db, ids), [ids.join(',')])

  return (
    <>
      <p className="muted claims-summary">{request.summary}</p>
      {loaded === undefined ? (
        <p className="muted">Loading claims…</p>
      ) : loaded.length === 0 ? (
        <p>These claims are no longer in the workspace.</p>
      ) : (
        <ol className="claims-list" aria-label="Claims">
          {loaded.map(({ claim, article }) => {
            const title = article ? article.title || 'Untitled article' : 'Article no longer in the workspace'
            return (
              <li key={claim.id} className="claims-item">
                <blockquote dir="auto" lang={article?.language || undefined}>
                  {claim.anchor.exact}
                </blockquote>
                <div className="claims-meta">
                  <span className={`stance-badge tone-${stanceTone(claim.stance)}`}>
                    {formatSigned(claim.stance)} {STANCE_LABELS[claim.stance]}
                  </span>
                  <span className="cell-date">{claim.date || article?.publishedAt.slice(0, 10) || 'no date'}</span>
                  {article ? (
                    <a
                      href={buildHash('library', ['article', article.id], { claim: claim.id })}
                      onClick={(event) => {
                        onClose()
                        followRouteLink(event)
                      }}
                      dir="auto"
                      title="Open the article in the reader, at this claim"
                    >
                      {title}
                    </a>
                  ) : (
                    <span className="muted">{title}</span>
                  )}
                  {article?.source && <span className="muted">{article.source}</span>}
                </div>
                {claim.note && <p className="claims-note">{claim.note}</p>}
              </li>
            )
          })}
        </ol>
      )}
      {request.claimIds.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, request.claimIds.length - shown)} more of {request.claimIds.length - shown}
        </button>
      )}
    </>
  )
}
