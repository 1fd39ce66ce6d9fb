import { useId } from 'react'
import type { ImportChoices } from '../../domain/claimsImport/choices'
import { DATE_ORDER_LABELS, DATE_ORDERS, type DateOrder } from '../../domain/claimsImport/dates'
import { FIELD_LABELS, REQUIRED_FIELDS, type ClaimField } from '../../domain/claimsImport/mapping'
import {
  attributeKeyFor,
  ISSUE_MATCH_LABELS,
  ISSUE_MATCHES,
  ISSUE_SEPARATORS,
  KEEP_LABELS,
  KEEP_TARGETS,
  SEPARATOR_LABELS,
  splitCell,
  unmappedColumns,
  type IssueMatch,
  type IssueSeparator,
  type KeepTarget,
} from '../../domain/claimsImport/options'
import type { ParsedTable } from '../../domain/claimsImport/parseTable'
import type { StanceScheme, StanceValueCount } from '../../domain/claimsImport/stanceValues'
import type { Stance } from '../../domain/model'
import { ImportPreview } from './ImportPreview'
import { StanceValuesSection } from './StanceValuesSection'

const GROUPS: { title: string; fields: ClaimField[]; hint: string }[] = [
  {
    title: 'The claim',
    fields: ['actor', 'actorKind', 'issue', 'stance', 'date', 'quote', 'note', 'addressee', 'claimId', 'externalId', 'coder'],
    hint: 'Actor, issue and stance are required. A coder column keeps several coders’ claims apart.',
  },
  {
    title: 'The document it comes from',
    fields: ['documentTitle', 'documentId', 'documentText', 'documentDate', 'documentSource', 'documentUrl', 'documentExternalId'],
    hint: 'At least one of title, ID or text. Documents already in the workspace are matched; the others are created.',
  },
  { title: 'Where the quote is', fields: ['quoteStart', 'quoteEnd'], hint: 'Character offsets, if the file has them. Otherwise the quote is searched for in the text.' },
]

export type MappingState = ImportChoices

/** The first distinct values of a column, to show what a column holds. */
function sampleValues(table: ParsedTable, column: number, separator: IssueSeparator, limit = 3): string[] {
  const seen: string[] = []
  for (const row of table.rows) {
    for (const value of splitCell(row[column] ?? '', separator)) {
      if (!seen.includes(value)) seen.push(value)
      if (seen.length >= limit) return seen
    }
  }
  return seen
}

interface Props {
  table: ParsedTable
  state: MappingState
  stanceValues: StanceValueCount[]
  problems: string[]
  onMapping: (field: ClaimField, column: number | null) => void
  onScheme: (scheme: StanceScheme) => void
  onStanceValue: (key: string, stance: Stance | null) => void
  onDateOrder: (order: DateOrder) => void
  onSeparator: (separator: IssueSeparator) => void
  onIssueMatch: (match: IssueMatch) => void
  onKeep: (column: number, target: KeepTarget) => void
}

export function ClaimsMappingForm({ table, state, stanceValues, problems, onMapping, onScheme, onStanceValue, onDateOrder, onSeparator, onIssueMatch, onKeep }: Props) {
  const idBase = useId()
  const { mapping } = state
  const renderGroup = (group: (typeof GROUPS)[number]) => (
    <fieldset key={group.title} className="mapping-group">
      <legend>{group.title}</legend>
      <p className="muted mapping-hint">{group.hint}</p>
      <div className="mapping-grid">
        {group.fields.map((field) => (
          <div key={field} className="field">
            <label htmlFor={`${idBase}-${field}`}>
              {FIELD_LABELS[field]} column{REQUIRED_FIELDS.includes(field) ? ' *' : ''}
            </label>
            <select
              id={`${idBase}-${field}`}
              aria-label={`${FIELD_LABELS[field]} column`}
              value={mapping[field] === null ? '' : String(mapping[field])}
              onChange={(event) => onMapping(field, event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">(none)</option>
              {table.header.map((name, column) => (
                <option key={column} value={column}>
                  {name || `Column ${column + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
        {group.fields.includes('issue') && (
          <>
            <div className="field">
              <label htmlFor={`${idBase}-separator`}>Issue separator</label>
              <select id={`${idBase}-separator`} value={state.issueSeparator} onChange={(event) => onSeparator(event.target.value as IssueSeparator)} aria-describedby={`${idBase}-separator-note`}>
                {ISSUE_SEPARATORS.map((separator) => (
                  <option key={separator} value={separator}>
                    {SEPARATOR_LABELS[separator]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${idBase}-issue-match`}>Match issues</label>
              <select id={`${idBase}-issue-match`} value={state.issueMatch} onChange={(event) => onIssueMatch(event.target.value as IssueMatch)}>
                {ISSUE_MATCHES.map((match) => (
                  <option key={match} value={match}>
                    {ISSUE_MATCH_LABELS[match]}
                  </option>
                ))}
              </select>
            </div>
            <p id={`${idBase}-separator-note`} className="muted mapping-hint field-wide">
              A cell with several issues (“Migration|Ceiling”) gives one claim on each of them. The separator also splits kept columns into several values.
            </p>
          </>
        )}
        {group.fields.includes('date') && (
          <div className="field field-wide">
            <label htmlFor={`${idBase}-date-order`}>Date format</label>
            <select id={`${idBase}-date-order`} value={state.dateOrder} onChange={(event) => onDateOrder(event.target.value as DateOrder)}>
              {DATE_ORDERS.map((order) => (
                <option key={order} value={order}>
                  {DATE_ORDER_LABELS[order]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </fieldset>
  )

  const unmapped = unmappedColumns(table.header, mapping)
  const keepSection = (
    <fieldset className="mapping-group keep-group">
      <legend>Other columns</legend>
      {unmapped.length === 0 ? (
        <p className="muted mapping-hint">Every column of the file is mapped above.</p>
      ) : (
        <>
          <p className="muted mapping-hint">
            Keep a column as an attribute of the claimant (party, country…), of the claim, or of its document; shown on their screens and exported as columns.
          </p>
          <div className="keep-list">
            {unmapped.map((column) => {
              const name = table.header[column] || `Column ${column + 1}`
              const target = state.keep[column] ?? 'nothing'
              const samples = sampleValues(table, column, state.issueSeparator)
              return (
                <div key={column} className="keep-row" data-kept={target !== 'nothing' || undefined}>
                  <label htmlFor={`${idBase}-keep-${column}`} className="keep-name" title={name}>
                    Keep <strong>{name}</strong> as
                  </label>
                  <select id={`${idBase}-keep-${column}`} aria-label={`Keep ${name} as`} value={target} onChange={(event) => onKeep(column, event.target.value as KeepTarget)}>
                    {KEEP_TARGETS.map((option) => (
                      <option key={option} value={option}>
                        {KEEP_LABELS[option]}
                      </option>
                    ))}
                  </select>
                  <span className="keep-sample muted" dir="auto" title={samples.join(' · ')}>
                    {target !== 'nothing' && attributeKeyFor(table.header[column] ?? '', column) !== name.trim() ? `as “${attributeKeyFor(table.header[column] ?? '', column)}”: ` : ''}
                    {samples.length === 0 ? '(empty)' : samples.join(' · ')}
                  </span>
                </div>
              )
            })}
          </div>
        </>
      )}
    </fieldset>
  )

  return (
    <div className="claims-mapping">
      <div className="mapping-layout">
        <div className="mapping-column">
          {renderGroup(GROUPS[0]!)}
          {mapping.stance !== null && <StanceValuesSection idBase={idBase} scheme={state.scheme} stanceMap={state.stanceMap} stanceValues={stanceValues} onScheme={onScheme} onStanceValue={onStanceValue} />}
        </div>
        <div className="mapping-column">
          {renderGroup(GROUPS[1]!)}
          {renderGroup(GROUPS[2]!)}
        </div>
      </div>
      {keepSection}

      <ImportPreview idBase={idBase} table={table} state={state} />

      {problems.length > 0 && (
        <ul className="mapping-problems" aria-label="Before you can import">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

