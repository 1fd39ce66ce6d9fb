import { useState } from 'react'
import type { AgreementReport } from '../../domain/agreement/report'
import type { CodedClaim } from '../../domain/agreement/units'
import type { AgreementSource } from '../../db/queries/agreement'
import { db } from '../../db/instance'
import { acceptAgreeingUnits } from '../../db/team/adjudication'
import { adjudicationsByUnit, agreeingOpenUnits, type Disagreement, type DifferingField } from '../../domain/team/adjudication'
import type { Stance } from '../../domain/model'
import { notify } from '../../shared/notices'
import { stanceSign } from '../../shared/ui/stance'
import { performTagging } from '../../shared/undo/history'

const number = new Intl.NumberFormat('en')

type Show = 'open' | 'all'

const FIELD_WORDS: Record<DifferingField, string> = { actor: 'actor', issues: 'issues', stance: 'stance' }

function excerpt(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

/** Every paired unit that differs and every unpaired claim, the coders' versions side by side. */
export function DisagreementList({ source, report, disagreements, onOpen }: { source: AgreementSource; report: AgreementReport; disagreements: Disagreement[]; onOpen: (disagreement: Disagreement) => void }) {
  const [show, setShow] = useState<Show>('open')
  const shown = show === 'open' ? disagreements.filter((entry) => entry.status.kind === 'open') : disagreements
  const open = disagreements.filter((entry) => entry.status.kind === 'open').length
  const agreeing = agreeingOpenUnits(report, adjudicationsByUnit(source.adjudicated), source.rejectedUnits)
  const coders = new Map(source.coders.map((coder) => [coder.id, coder]))
  const titles = new Map(source.articles.map((article) => [article.id, article.title || 'Untitled article']))
  const quotes = new Map(source.claims.map((claim) => [claim.id, claim.anchor.exact]))
  const version = (claim: CodedClaim | null, differing: readonly DifferingField[]) => {
    if (!claim) return <span className="muted">—</span>
    const actor = source.actors.get(claim.actorId)?.name ?? 'Unknown actor'
    const issues = claim.issueIds.map((id) => source.issues.get(id)?.label ?? 'Unknown issue').join(', ')
    return (
      <>
        <span className={differing.includes('actor') ? 'differs' : undefined}>
          <bdi>{actor}</bdi>
        </span>{' '}
        · <span className={differing.includes('issues') ? 'differs' : undefined}>
          <bdi>{issues}</bdi>
        </span>{' '}
        · <span className={differing.includes('stance') ? 'differs' : undefined}>{stanceSign(claim.stance as Stance)}</span>
        <span className="disagreement-quote">“{excerpt(quotes.get(claim.id) ?? '', 90)}”</span>
      </>
    )
  }

  return (
    <section className="agreement-section" aria-labelledby="disagreements-title">
      <h2 id="disagreements-title">Disagreements</h2>
      <div className="toolbar disagreement-toolbar">
        <span role="status">
          {number.format(open)} open of {number.format(disagreements.length)} ({number.format(report.units.length - disagreements.filter((entry) => entry.kind === 'differs').length)} units agree fully)
        </span>
        <label className="inline-field">
          Show
          <select value={show} onChange={(event) => setShow(event.currentTarget.value as Show)}>
            <option value="open">Open disagreements</option>
            <option value="all">All disagreements</option>
          </select>
        </label>
        <button
          type="button"
          disabled={agreeing.length === 0}
          title="Give every unit whose claims agree fully an adjudicated claim, so Adjudicated only holds the whole study"
          onClick={() =>
            void performTagging('accept the agreeing units', () => acceptAgreeingUnits(db, agreeing)).then((result) => {
              if (result) notify('success', `Accepted ${number.format(result.count)} agreeing units as adjudicated claims.`)
            })
          }
        >
          Accept {number.format(agreeing.length)} agreeing units
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{disagreements.length === 0 ? 'No disagreements: every claim paired, and every pair agrees.' : 'Every disagreement is adjudicated.'}</p>
      ) : (
        <div className="disagreement-scroll">
          <table className="data-table compact-table disagreement-table" aria-label="Disagreements">
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Differs in</th>
                {report.coderIds.map((id) => (
                  <th scope="col" key={id}>
                    <span className="coder-dot" style={{ background: coders.get(id)?.color }} aria-hidden="true" /> {coders.get(id)?.name ?? 'Unknown coder'}
                  </th>
                ))}
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr key={entry.key}>
                  <td className="disagreement-article">
                    <bdi>{titles.get(entry.articleId)}</bdi>
                  </td>
                  <td>{entry.kind === 'unpaired' ? 'unpaired claim' : entry.differing.map((field) => FIELD_WORDS[field]).join(', ')}</td>
                  {entry.claims.map((claim, index) => (
                    <td key={report.coderIds[index]} className="disagreement-version">
                      {version(claim, entry.differing)}
                    </td>
                  ))}
                  <td>{entry.status.kind === 'open' ? 'open' : entry.status.kind === 'adjudicated' ? 'adjudicated' : 'rejected'}</td>
                  <td>
                    <button type="button" onClick={() => onOpen(entry)} aria-label={`Open in reader: ${titles.get(entry.articleId) ?? ''}, ${entry.kind === 'unpaired' ? 'unpaired claim' : `differs in ${entry.differing.join(', ')}`}`}>
                      Open in reader
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
