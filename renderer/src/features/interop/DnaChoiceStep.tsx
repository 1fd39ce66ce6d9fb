import { StanceOrReject } from '../../shared/ui/StanceOrReject'
import { useId } from 'react'
import type { DnaOverview, DnaPreview, DnaStanceMap, DnaStanceValue } from '../../domain/interop/mapping/dnaImport'
import type { DnaClaimChoice } from '../../domain/interop/dna/dnaClaims'
import { plural } from '../../domain/text/plural'

const number = new Intl.NumberFormat('en')

interface Props {
  fileName: string
  overview: DnaOverview
  choice: DnaClaimChoice | null
  stanceMap: DnaStanceMap
  preview: DnaPreview | null
  onType: (typeId: number) => void
  onChoice: (choice: DnaClaimChoice) => void
  onStanceMap: (map: DnaStanceMap) => void
}

/** The confirmation step: which statements are claims, who speaks, on what, with which stance. */
export function DnaChoiceStep({ fileName, overview, choice, stanceMap, preview, onType, onChoice, onStanceMap }: Props) {
  const idBase = useId()
  const type = choice ? overview.statementTypes.find((candidate) => candidate.id === choice.statementTypeId) : undefined
  const shortTexts = (type?.variables ?? []).filter((variable) => variable.dataType === 'short text')
  const stanceCandidates = (type?.variables ?? []).filter((variable) => variable.dataType === 'boolean' || variable.dataType === 'integer')
  const stanceVariable = choice?.stanceVariableId === null ? undefined : stanceCandidates.find((variable) => variable.id === choice?.stanceVariableId)
  const stanceValues = stanceRows(stanceVariable?.dataType ?? null, stanceVariable ? (overview.stanceValues[stanceVariable.id] ?? []) : [])
  const codersWithStatements = overview.coders.filter((coder) => coder.statements > 0)

  const select = (field: 'claimantVariableId' | 'issueVariableId', label: string, hint: string) => (
    <div className="field">
      <label htmlFor={`${idBase}-${field}`}>{label}</label>
      <select
        id={`${idBase}-${field}`}
        value={choice ? String(choice[field]) : ''}
        disabled={!choice}
        onChange={(event) => choice && onChoice({ ...choice, [field]: Number(event.target.value) })}
        aria-describedby={`${idBase}-${field}-hint`}
      >
        {shortTexts.map((variable) => (
          <option key={variable.id} value={variable.id}>
            {variable.name} ({plural(variable.entities, 'value')})
          </option>
        ))}
      </select>
      <p id={`${idBase}-${field}-hint`} className="muted mapping-hint">
        {hint}
      </p>
    </div>
  )

  return (
    <div className="dna-choice">
      <p className="file-facts">
        <strong>{fileName}</strong>
        <span className="muted">
          {' '}
          · DNA {overview.version} · {plural(overview.documents, 'document')} · {plural(overview.statements + overview.unreadable, 'statement')} ·{' '}
          {plural(codersWithStatements.length, 'coder')}
        </span>
      </p>
      {overview.warnings.length > 0 && (
        <ul className="file-warnings">
          {overview.warnings.map((warning) => (
            <li key={warning.code}>{warning.message}</li>
          ))}
        </ul>
      )}
      <div className="mapping-layout">
        <div className="mapping-column">
          <fieldset className="mapping-group">
            <legend>How statements become claims</legend>
            <div className="field">
              <label htmlFor={`${idBase}-type`}>Claims come from</label>
              <select id={`${idBase}-type`} value={choice ? String(choice.statementTypeId) : ''} onChange={(event) => onType(Number(event.target.value))}>
                {!choice && <option value="">(choose a statement type)</option>}
                {overview.statementTypes.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label} ({plural(candidate.statements, 'statement')})
                  </option>
                ))}
              </select>
            </div>
            {!choice && <p className="inline-error">This statement type has fewer than two short-text variables, so it names no claimant and issue.</p>}
            {select('claimantVariableId', 'Claimant', 'Who makes the claim: DNA codes a person and an organisation; the one not chosen is kept on each claim.')}
            {select('issueVariableId', 'Issue', 'What the claim is about: DNA’s concept.')}
            <div className="field">
              <label htmlFor={`${idBase}-stance`}>Stance</label>
              <select
                id={`${idBase}-stance`}
                value={choice?.stanceVariableId === null || !choice ? '' : String(choice.stanceVariableId)}
                disabled={!choice}
                onChange={(event) => choice && onChoice({ ...choice, stanceVariableId: event.target.value === '' ? null : Number(event.target.value) })}
              >
                {stanceCandidates.map((variable) => (
                  <option key={variable.id} value={variable.id}>
                    {variable.name} ({variable.dataType === 'boolean' ? 'yes/no' : 'number'})
                  </option>
                ))}
                <option value="">(none: every claim neutral)</option>
              </select>
            </div>
          </fieldset>
        </div>
        <div className="mapping-column">
          {stanceVariable && (
            <section className="stance-mapping" aria-labelledby={`${idBase}-stance-title`}>
              <h3 id={`${idBase}-stance-title`}>Stance values — check before importing</h3>
              <p className="muted mapping-hint">DNA’s agreement is 1 (agrees) or 0 (disagrees). Change what each value becomes, or reject those statements.</p>
              <table className="data-table compact-table" aria-label="Stance values">
                <thead>
                  <tr>
                    <th scope="col">{stanceVariable.name} in DNA</th>
                    <th scope="col" className="cell-number">
                      Statements
                    </th>
                    <th scope="col">Imported as</th>
                  </tr>
                </thead>
                <tbody>
                  {stanceValues.map((value) => {
                    const mapped = stanceMap[value.key]
                    return (
                      <tr key={value.key}>
                        <td>
                          <code>{value.label}</code>
                        </td>
                        <td className="cell-number">{number.format(value.count)}</td>
                        <td>
                          <StanceOrReject value={value.label} mapped={mapped} rejectLabel="Reject these statements" onChange={(stance) => onStanceMap({ ...stanceMap, [value.key]: stance })} />
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </section>
          )}
        </div>
      </div>
      <section className="interop-preview" aria-label="Import preview">
        <h3>What will be imported</h3>
        {preview ? (
          <dl className="fact-list summary-facts">
            <dt>Claims</dt>
            <dd>
              <strong>{plural(preview.claims, 'claim')}</strong>
              {type ? ` from "${type.label}" statements` : ''}
              {preview.skipped > 0 ? ` · ${plural(preview.skipped, 'statement')} of other types skipped` : ''}
              {preview.rejected > 0 ? ` · ${plural(preview.rejected, 'statement')} rejected` : ''}
            </dd>
            {preview.reasons.length > 0 && (
              <>
                <dt>Why not</dt>
                <dd>
                  <ul className="reason-list">
                    {preview.reasons.slice(0, 6).map((reason) => (
                      <li key={reason.example}>
                        {number.format(reason.count)} × {reason.example}
                        {reason.varied && <span className="muted"> (the first of them; the others alike)</span>}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>Documents</dt>
            <dd>{plural(overview.documents, 'article')}, with their section, type and notes as document attributes</dd>
            <dt>Actors</dt>
            <dd>
              {preview.actorVariables.map((variable) => `${number.format(variable.entities)} ${variable.name} values as kind “${variable.kind}”`).join(', ')}
              ; type, alias, notes and other DNA attributes kept as actor attributes
            </dd>
            <dt>Issues</dt>
            <dd>{plural(preview.issueEntities, 'issue')}</dd>
            <dt>Coders</dt>
            <dd>{codersWithStatements.map((coder) => `${coder.name} (${number.format(coder.statements)})`).join(', ') || 'none'}</dd>
            {preview.attributeVariables.length > 0 && (
              <>
                <dt>Kept on each claim</dt>
                <dd>{preview.attributeVariables.join(', ')}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="muted">Counting…</p>
        )}
      </section>
    </div>
  )
}

/** A boolean always offers both values, even one no statement holds. */
function stanceRows(dataType: string | null, values: readonly DnaStanceValue[]): DnaStanceValue[] {
  if (dataType !== 'boolean') return [...values]
  const count = (key: string) => values.find((value) => value.key === key)?.count ?? 0
  return [
    { key: '1', label: '1 (yes)', count: count('1') },
    { key: '0', label: '0 (no)', count: count('0') },
  ]
}
