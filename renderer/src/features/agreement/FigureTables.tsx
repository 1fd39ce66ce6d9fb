import { AGREEMENT_FIELDS, type AgreementField, type AgreementReport } from '../../domain/agreement/report'
import { FigureCell } from './FigureCell'
import { TableHead } from './TableHead'

const number = new Intl.NumberFormat('en')

const FIELD_NAMES: Record<AgreementField, string> = { actor: 'Actor', issues: 'Issues (as a set)', stance: 'Stance' }

interface Names {
  coder: (id: string) => string
  issue: (id: string) => string
}

/** The coefficients: per field, per issue, per pair of coders. */
export function FigureTables({ report, names }: { report: AgreementReport; names: Names }) {
  const two = report.coderIds.length === 2
  return (
    <section className="agreement-section" aria-labelledby="agreement-figures-title">
      <h2 id="agreement-figures-title">Figures</h2>
      <p className="muted small">
        Over the paired units. Krippendorff’s alpha: actor and issue set nominal, stance interval (−2…+2); 1 is perfect agreement, 0 what chance alone gives. Percent agreement: the share of agreeing pairs of values. Cohen’s kappa:
        for exactly two coders. Unitizing alpha (u-alpha): agreement on which stretches of the text were quoted as claims, including what nobody marked. A dash means the figure is undefined; hover it for why.
      </p>
      <table className="data-table compact-table figures-table" aria-label="Agreement by field">
        <TableHead label="Field" numbers={['Krippendorff’s α', 'Percent agreement', 'Cohen’s κ', 'Units', 'Values']} />
        <tbody>
          {AGREEMENT_FIELDS.map((field) => {
            const { alpha, percent, kappa } = report.overall.fields[field]
            return (
              <tr key={field}>
                <th scope="row">
                  {FIELD_NAMES[field]} <span className="muted small">({alpha.level})</span>
                </th>
                <FigureCell estimate={alpha} />
                <FigureCell estimate={percent} as="percent" />
                <FigureCell estimate={two ? kappa : null} />
                <td className="cell-number">{number.format(alpha.pairableUnits)}</td>
                <td className="cell-number">{number.format(alpha.pairableValues)}</td>
              </tr>
            )
          })}
          <tr>
            <th scope="row">
              Quote spans <span className="muted small">(u-alpha)</span>
            </th>
            <FigureCell estimate={report.unitizing} />
            <td className="cell-number muted">n/a</td>
            <td className="cell-number muted">n/a</td>
            <td className="cell-number">{number.format(report.unitizing.segments)}</td>
            <td className="cell-number" title="Characters of text compared">
              {number.format(report.unitizing.length)} chars
            </td>
          </tr>
        </tbody>
      </table>

      {report.byIssue.length > 0 && (
        <table className="data-table compact-table figures-table" aria-label="Agreement by issue">
          <caption>By issue: the units in which any claim has the issue</caption>
          <TableHead label="Issue" numbers={['Units', 'α actor', 'α issues', 'α stance', 'Full agreement']} />
          <tbody>
            {[...report.byIssue]
              .sort((a, b) => b.figures.units - a.figures.units || names.issue(a.issueId).localeCompare(names.issue(b.issueId)))
              .map(({ issueId, figures }) => (
                <tr key={issueId}>
                  <th scope="row">
                    <bdi>{names.issue(issueId)}</bdi>
                  </th>
                  <td className="cell-number">{number.format(figures.units)}</td>
                  <FigureCell estimate={figures.fields.actor.alpha} />
                  <FigureCell estimate={figures.fields.issues.alpha} />
                  <FigureCell estimate={figures.fields.stance.alpha} />
                  <FigureCell estimate={figures.fullAgreement} as="percent" />
                </tr>
              ))}
          </tbody>
        </table>
      )}

      {report.byPair.length > 1 && (
        <table className="data-table compact-table figures-table" aria-label="Agreement by coder pair">
          <caption>By pair of coders, on the same units</caption>
          <TableHead label="Coders" numbers={['Units', 'α actor', 'α issues', 'α stance', 'κ actor', 'κ issues', 'κ stance', 'u-alpha']} />
          <tbody>
            {report.byPair.map(({ coderIds, figures, unitizing }) => (
              <tr key={coderIds.join('+')}>
                <th scope="row">{coderIds.map(names.coder).join(' & ')}</th>
                <td className="cell-number">{number.format(figures.units)}</td>
                <FigureCell estimate={figures.fields.actor.alpha} />
                <FigureCell estimate={figures.fields.issues.alpha} />
                <FigureCell estimate={figures.fields.stance.alpha} />
                <FigureCell estimate={figures.fields.actor.kappa} />
                <FigureCell estimate={figures.fields.issues.kappa} />
                <FigureCell estimate={figures.fields.stance.kappa} />
                <FigureCell estimate={unitizing} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
