import { useLiveQuery } from 'dexie-react-hooks'
import { CsvFileChooser } from '../../shared/ui/CsvFileChooser'
import { useId, useMemo, useState } from 'react'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { performTagging } from '../../shared/undo/history'
import { db } from '../../db/instance'
import { applyCodebookImport, listIssues } from '../../db/repositories/issues'
import { parseTable, TableParseError, type ParsedTable } from '../../domain/claimsImport/parseTable'
import {
  CODEBOOK_FIELD_LABELS,
  CODEBOOK_FIELDS,
  codebookMappingProblems,
  guessCodebookMapping,
  PARENT_REFERENCE_LABELS,
  PARENT_REFERENCES,
  planCodebookImport,
  type CodebookField,
  type CodebookImportPlan,
  type CodebookMapping,
  type ParentReference,
} from '../../domain/codebook/importCodebook'
import { decodeBytes } from '../../domain/import/decode'
import { ImportRejection } from '../../domain/import/types'
import { nowIso, type Issue } from '../../domain/model'
import { plural } from '../../domain/text/plural'
import { errorText } from '../../domain/errorText'

const MAX_FILE_BYTES = 32 * 1024 * 1024
const SHOWN = 200

type Step =
  | { kind: 'choose'; error: string | null }
  | { kind: 'map'; name: string; table: ParsedTable; mapping: CodebookMapping; parentBy: ParentReference; saving: boolean }
  | { kind: 'done'; name: string; plan: CodebookImportPlan }

/** Import codebook…: a CSV of issues (code, label, parent, description) into the codebook tree. */
export function CodebookImportDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose', error: null })
  const issues = useLiveQuery(() => listIssues(db), [])

  const load = async (file: File): Promise<void> => {
    if (file.size > MAX_FILE_BYTES) {
      setStep({ kind: 'choose', error: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; codebooks up to ${MAX_FILE_BYTES / 1024 / 1024} MB can be imported.` })
      return
    }
    try {
      const table = parseTable(decodeBytes(new Uint8Array(await file.arrayBuffer()), { name: file.name }).text)
      if (table.rows.length === 0) {
        setStep({ kind: 'choose', error: `${file.name} has a header row but no issues.` })
        return
      }
      setStep({ kind: 'map', name: file.name, table, mapping: guessCodebookMapping(table.header), parentBy: 'auto', saving: false })
    } catch (error) {
      setStep({
        kind: 'choose',
        error: error instanceof TableParseError || error instanceof ImportRejection ? `${file.name}: ${error.message}` : `${file.name} could not be read: ${errorText(error)}`,
      })
    }
  }

  const commit = async (current: Extract<Step, { kind: 'map' }>, plan: CodebookImportPlan): Promise<void> => {
    setStep({ ...current, saving: true })
    const done = await performTagging('import the codebook', () => applyCodebookImport(db, plan.created, plan.updated))
    if (!done) {
      setStep({ ...current, saving: false })
      return
    }
    notify('success', `Imported the codebook: ${plural(plan.counts.created, 'issue')} created, ${plan.counts.matched} matched. Ctrl+Z undoes it.`)
    setStep({ kind: 'done', name: current.name, plan })
  }

  let body: React.ReactNode
  let footer: React.ReactNode
  if (step.kind === 'choose') {
    body = (
      <div className="claims-choose">
        <p>Read a codebook from a CSV: one issue per row, with its label and, if the file has them, its code, its parent (by code or label) and a description.</p>
        <p className="muted">Issues the codebook has are matched by code, or by label under the same parent, and keep what they have. Nothing is written until you press Import codebook.</p>
        <CsvFileChooser onFile={(file) => void load(file)} error={step.error} />
      </div>
    )
    footer = (
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    )
  } else if (step.kind === 'map') {
    return <MappingStep step={step} issues={issues ?? []} onStep={setStep} onCommit={(plan) => void commit(step, plan)} onClose={onClose} />
  } else {
    body = <CodebookSummary plan={step.plan} name={step.name} />
    footer = (
      <button type="button" className="primary" onClick={onClose}>
        Done
      </button>
    )
  }
  return (
    <Dialog title="Import codebook" open onClose={onClose} footer={footer} wide>
      {body}
    </Dialog>
  )
}

function MappingStep({
  step,
  issues,
  onStep,
  onCommit,
  onClose,
}: {
  step: Extract<Step, { kind: 'map' }>
  issues: readonly Issue[]
  onStep: (step: Step) => void
  onCommit: (plan: CodebookImportPlan) => void
  onClose: () => void
}) {
  const idBase = useId()
  const { table, mapping, parentBy } = step
  const problems = codebookMappingProblems(mapping)
  // The plan is small and pure: redone on every change, so the counts below are what Import does.
  const plan = useMemo(
    () => (problems.length > 0 ? null : planCodebookImport(table.rows, table.rowNumbers, issues, { mapping, parentBy, now: nowIso() })),
    [table, issues, mapping, parentBy, problems.length],
  )
  const cell = (row: string[], field: CodebookField): string => (mapping[field] === null ? '' : (row[mapping[field]] ?? ''))
  const setField = (field: CodebookField, column: number | null): void => {
    const next = { ...mapping }
    // A column fills one field: choosing it here frees it elsewhere.
    for (const other of CODEBOOK_FIELDS) if (next[other] === column && column !== null) next[other] = null
    next[field] = column
    onStep({ ...step, mapping: next })
  }
  return (
    <Dialog
      title="Import codebook"
      open
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={() => onStep({ kind: 'choose', error: null })}>
            Choose another file
          </button>
          <button type="button" className="primary" disabled={!plan || step.saving || plan.counts.created + plan.counts.updated === 0} onClick={() => plan && onCommit(plan)}>
            Import codebook
          </button>
        </>
      }
    >
      <div className="claims-mapping">
        <p className="file-facts">
          <strong>{step.name}</strong>
          <span className="muted">
            {' '}
            · {plural(table.rows.length, 'row')} · {plural(table.header.length, 'column')}
          </span>
        </p>
        <fieldset className="mapping-group">
          <legend>Columns</legend>
          <div className="mapping-grid">
            {CODEBOOK_FIELDS.map((field) => (
              <div key={field} className="field">
                <label htmlFor={`${idBase}-${field}`}>
                  {CODEBOOK_FIELD_LABELS[field]} column{field === 'label' ? ' *' : ''}
                </label>
                <select id={`${idBase}-${field}`} aria-label={`${CODEBOOK_FIELD_LABELS[field]} column`} value={mapping[field] === null ? '' : String(mapping[field])} onChange={(event) => setField(field, event.target.value === '' ? null : Number(event.target.value))}>
                  <option value="">(none)</option>
                  {table.header.map((name, column) => (
                    <option key={column} value={column}>
                      {name || `Column ${column + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div className="field">
              <label htmlFor={`${idBase}-parent-by`}>The parent is named by</label>
              <select id={`${idBase}-parent-by`} value={parentBy} disabled={mapping.parent === null} onChange={(event) => onStep({ ...step, parentBy: event.target.value as ParentReference })}>
                {PARENT_REFERENCES.map((reference) => (
                  <option key={reference} value={reference}>
                    {PARENT_REFERENCE_LABELS[reference]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <section aria-labelledby={`${idBase}-preview`}>
          <h3 id={`${idBase}-preview`}>The first rows</h3>
          <div className="table-scroll">
            <table className="data-table compact-table" aria-label="Preview">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Code</th>
                  <th scope="col">Label</th>
                  <th scope="col">Parent</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.slice(0, 5).map((row, index) => (
                  <tr key={table.rowNumbers[index]}>
                    <td className="cell-number">{table.rowNumbers[index]}</td>
                    <td>{cell(row, 'code')}</td>
                    <td dir="auto">{cell(row, 'label')}</td>
                    <td dir="auto">{cell(row, 'parent')}</td>
                    <td dir="auto" className="cell-clip">
                      {cell(row, 'description')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        {problems.length > 0 ? (
          <ul className="mapping-problems" aria-label="Before you can import">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : (
          plan && <CodebookSummary plan={plan} name={step.name} preview />
        )}
      </div>
    </Dialog>
  )
}

const STATUS_TEXT = { created: 'Created', matched: 'Matched', rejected: 'Refused' } as const

function CodebookSummary({ plan, name, preview = false }: { plan: CodebookImportPlan; name: string; preview?: boolean }) {
  const { counts } = plan
  const notable = plan.outcomes.filter((outcome) => outcome.status === 'rejected' || (outcome.status === 'matched' && preview))
  return (
    <section className="import-summary" aria-label={preview ? 'Codebook import preview' : 'Codebook import summary'}>
      <p className="summary-lead">
        <strong>
          {plural(counts.created, 'issue')} {preview ? 'to create' : 'created'}
        </strong>
        {' · '}
        {counts.matched.toLocaleString('en')} matched in the codebook{counts.updated > 0 ? ` (${counts.updated} with blanks filled)` : ''}
        {' · '}
        {plural(counts.rejected, 'row')} refused
        {counts.cycles > 0 && ` (${plural(counts.cycles, 'row')} in a cycle)`}
        <span className="muted"> — all {counts.rows.toLocaleString('en')} rows of {name} accounted for.</span>
      </p>
      {notable.length > 0 && (
        <div className="table-scroll summary-rows">
          <table className="data-table compact-table" aria-label="Row outcomes">
            <thead>
              <tr>
                <th scope="col" className="cell-number">
                  Row
                </th>
                <th scope="col">Issue</th>
                <th scope="col">Outcome</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {notable.slice(0, SHOWN).map((outcome) => (
                <tr key={outcome.row} data-status={outcome.status}>
                  <td className="cell-number">{outcome.row}</td>
                  <td dir="auto">{outcome.path}</td>
                  <td>
                    <span className={`outcome outcome-${outcome.status === 'rejected' ? 'rejected' : outcome.status === 'created' ? 'imported' : 'duplicate'}`}>{STATUS_TEXT[outcome.status]}</span>
                  </td>
                  <td>{outcome.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
