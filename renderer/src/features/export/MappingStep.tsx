import { useMemo } from 'react'
import { detectDateOrder } from '../../domain/claimsImport/dates'
import { mappingProblems, type ClaimField } from '../../domain/claimsImport/mapping'
import { guessSeparator } from '../../domain/claimsImport/options'
import { detectScheme, distinctStanceValues, stanceMapFor } from '../../domain/claimsImport/stanceValues'
import { describeDelimiter } from '../../domain/import/csv'
import { plural } from '../../domain/text/plural'
import { ClaimsMappingForm, type MappingState } from './ClaimsMappingForm'
import type { MapStep } from './claimsImportSteps'

/** A column a field now takes is no longer kept as an attribute. */
function withoutColumn(keep: MappingState['keep'], column: number | null): MappingState['keep'] {
  if (column === null || !(column in keep)) return keep
  const next = { ...keep }
  delete next[column]
  return next
}

/** The loaded file's facts and warnings above the column mapping; changing a field's column re-guesses what depends on it. */
export function MappingStep({ step, onState }: { step: MapStep; onState: (state: MappingState) => void }) {
  const { file, state } = step
  const stanceColumn = state.mapping.stance
  const stanceValues = useMemo(
    () => distinctStanceValues(stanceColumn === null ? [] : file.table.rows.map((row) => row[stanceColumn]!)),
    [file.table, stanceColumn],
  )
  const setMapping = (field: ClaimField, column: number | null): void => {
    const mapping = { ...state.mapping, [field]: column }
    if (field === 'issue') {
      onState({ ...state, mapping, keep: withoutColumn(state.keep, column), issueSeparator: guessSeparator(column === null ? [] : file.table.rows.map((row) => row[column]!)) })
    } else if (field === 'stance') {
      const values = distinctStanceValues(column === null ? [] : file.table.rows.map((row) => row[column]!))
      const scheme = detectScheme(values, column === null ? '' : file.table.header[column])
      onState({ ...state, mapping, keep: withoutColumn(state.keep, column), scheme, stanceMap: stanceMapFor(scheme, values) })
    } else if (field === 'date') {
      onState({ ...state, mapping, keep: withoutColumn(state.keep, column), dateOrder: detectDateOrder(column === null ? [] : file.table.rows.map((row) => row[column]!)) })
    } else {
      onState({ ...state, mapping, keep: withoutColumn(state.keep, column) })
    }
  }
  const warnings = [
    ...file.table.problems,
    ...(file.table.wideRows.length > 0
      ? [`${plural(file.table.wideRows.length, 'row has', 'rows have')} more cells than the header names (first: row ${file.table.wideRows[0]}); the extra cells are ignored.`]
      : []),
    ...(file.decoded.notice ? [file.decoded.notice] : []),
  ]
  return (
    <>
      <p className="file-facts">
        <strong>{file.name}</strong>
        <span className="muted">
          {' '}
          · {plural(file.table.rows.length, 'row')} · {plural(file.table.header.length, 'column')} · {file.decoded.encoding.toUpperCase()}
          {file.table.delimiter && file.table.delimiter !== ',' ? ` · ${describeDelimiter(file.table.delimiter)}` : ''}
        </span>
      </p>
      {warnings.length > 0 && (
        <ul className="file-warnings">
          {warnings.slice(0, 5).map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <ClaimsMappingForm
        table={file.table}
        state={state}
        stanceValues={stanceValues}
        problems={mappingProblems(state.mapping)}
        onMapping={setMapping}
        onScheme={(scheme) => onState({ ...state, scheme, stanceMap: stanceMapFor(scheme, stanceValues) })}
        onStanceValue={(key, stance) => onState({ ...state, stanceMap: { ...state.stanceMap, [key]: stance } })}
        onDateOrder={(dateOrder) => onState({ ...state, dateOrder })}
        onSeparator={(issueSeparator) => onState({ ...state, issueSeparator })}
        onIssueMatch={(issueMatch) => onState({ ...state, issueMatch })}
        onKeep={(column, target) => onState({ ...state, keep: { ...state.keep, [column]: target } })}
      />
      {step.error && (
        <p role="alert" className="inline-error">
          {step.error}
        </p>
      )}
    </>
  )
}
