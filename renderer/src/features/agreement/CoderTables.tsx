import type { AgreementReport } from '../../domain/agreement/report'
import type { UnpairedReason } from '../../domain/agreement/units'
import type { AgreementSource } from '../../db/queries/agreement'
import { percent } from './format'
import { TableHead } from './TableHead'

const number = new Intl.NumberFormat('en')

const UNPAIRED_WHY: Record<UnpairedReason, string> = {
  'no-match': 'no other coder’s quote overlaps it by half',
  'no-quote': 'it has no quote (waiting for text)',
}

interface Names {
  coder: (id: string) => string
  actor: (id: string) => string
  issue: (id: string) => string
}

/** The units: how many claims paired, and each coder's claims and unpaired claims, listed. */
export function CoderTables({ source, report, names }: { source: AgreementSource; report: AgreementReport; names: Names }) {
  const titles = new Map(source.articles.map((article) => [article.id, article.title || 'Untitled article']))
  const coders = new Map(source.coders.map((coder) => [coder.id, coder]))
  const full = percent(report.overall.fullAgreement)
  return (
    <section className="agreement-section" aria-labelledby="agreement-units-title">
      <h2 id="agreement-units-title">Units</h2>
      <p>
        <strong>{number.format(report.units.length)}</strong> paired units on {number.format(report.articleIds.length)} articles: claims of different coders whose quotes overlap by at least half of the shorter
        quote, matched one to one, largest overlap first. Full agreement (same actor, same issues, same stance): <strong>{full.text}</strong>
        {report.overall.fullAgreement.value !== null && ` (${number.format(report.overall.fullAgreement.count)} of ${number.format(report.overall.fullAgreement.of)})`}.
      </p>
      <table className="data-table compact-table" aria-label="Units by coder">
        <TableHead label="Coder" numbers={['Claims', 'Paired', 'Unpaired']} />
        <tbody>
          {report.coderIds.map((coderId, index) => {
            const paired = report.units.filter((unit) => unit.claims[index] !== null).length
            const unpaired = report.unpaired[index] ?? []
            return (
              <tr key={coderId}>
                <th scope="row">
                  <span className="coder-dot" style={{ background: coders.get(coderId)?.color }} aria-hidden="true" /> {names.coder(coderId)}
                </th>
                <td className="cell-number">{number.format(paired + unpaired.length)}</td>
                <td className="cell-number">{number.format(paired)}</td>
                <td className="cell-number">{number.format(unpaired.length)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {report.coderIds.map((coderId, index) => {
        const unpaired = report.unpaired[index] ?? []
        if (unpaired.length === 0) return null
        return (
          <details key={coderId} className="unpaired-list">
            <summary>
              Unpaired claims of {names.coder(coderId)} ({number.format(unpaired.length)})
            </summary>
            <ul aria-label={`Unpaired claims of ${names.coder(coderId)}`}>
              {unpaired.map(({ claim, reason }) => (
                <li key={claim.id}>
                  <bdi>{titles.get(claim.articleId)}</bdi>: <bdi>{names.actor(claim.actorId)}</bdi> on <bdi>{claim.issueIds.map(names.issue).join(', ')}</bdi>{' '}
                  <span className="muted small">— {UNPAIRED_WHY[reason]}</span>
                </li>
              ))}
            </ul>
          </details>
        )
      })}
    </section>
  )
}
