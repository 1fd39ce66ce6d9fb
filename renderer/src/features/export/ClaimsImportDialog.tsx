import { useMemo, useState } from 'react'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { detectDateOrder } from '../../domain/claimsImport/dates'
import { guessMapping, mappingProblems, type ClaimField } from '../../domain/claimsImport/mapping'
import { parseTable, TableParseError, type ParsedTable } from '../../domain/claimsImport/parseTable'
import { planClaimsImport, type ImportPlan } from '../../domain/claimsImport/plan'
import { ROW_REPORT_COLUMNS, rowReportRows } from '../../domain/claimsImport/rowReport'
import { detectScheme, distinctStanceValues, stanceMapFor } from '../../domain/claimsImport/stanceValues'
import { writeCsv } from '../../domain/csv/writeCsv'
import { describeDelimiter } from '../../domain/import/csv'
import { decodeBytes, type DecodedText } from '../../domain/import/decode'
import { ImportRejection } from '../../domain/import/types'
import { nowIso } from '../../domain/model'
import { plural } from '../../domain/text/plural'
import { applyClaimsImport, readImportSnapshot } from '../../db/claimsImport/applyClaimsImport'
import { db } from '../../db/instance'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import { platform } from '../../platform'
import { ClaimsImportSummary } from './ClaimsImportSummary'
import { ClaimsMappingForm, type MappingState } from './ClaimsMappingForm'
import { nextFrame } from './saveChunks'

const MAX_FILE_BYTES = 256 * 1024 * 1024

type Step =
  | { kind: 'choose'; error: string | null }
  | { kind: 'map'; file: LoadedFile; state: MappingState; error: string | null }
  | { kind: 'working'; file: LoadedFile; phase: string; progress: number | null }
  | { kind: 'done'; file: LoadedFile; plan: ImportPlan }

interface LoadedFile {
  name: string
  decoded: Pick<DecodedText, 'encoding' | 'notice'>
  table: ParsedTable
}

function initialState(table: ParsedTable): MappingState {
  const mapping = guessMapping(table.header)
  const values = distinctStanceValues(mapping.stance === null ? [] : table.rows.map((row) => row[mapping.stance!]!))
  const scheme = detectScheme(values, mapping.stance === null ? '' : table.header[mapping.stance])
  return {
    mapping,
    scheme,
    stanceMap: stanceMapFor(scheme, values),
    dateOrder: detectDateOrder(mapping.date === null ? [] : table.rows.map((row) => row[mapping.date!]!)),
  }
}

export function ClaimsImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose', error: null })

  const close = (): void => {
    if (step.kind === 'working') return
    setStep({ kind: 'choose', error: null })
    onClose()
  }

  const load = async (file: File): Promise<void> => {
    if (file.size > MAX_FILE_BYTES) {
      setStep({ kind: 'choose', error: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; coded-claims files up to ${MAX_FILE_BYTES / 1024 / 1024} MB can be imported.` })
      return
    }
    try {
      const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()), { name: file.name })
      const table = parseTable(decoded.text)
      if (table.rows.length === 0) {
        setStep({ kind: 'choose', error: `${file.name} has a header row but no data rows.` })
        return
      }
      setStep({ kind: 'map', file: { name: file.name, decoded: { encoding: decoded.encoding, notice: decoded.notice }, table }, state: initialState(table), error: null })
    } catch (error) {
      setStep({
        kind: 'choose',
        error: error instanceof TableParseError || error instanceof ImportRejection ? `${file.name}: ${error.message}` : `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }

  const runImport = async (file: LoadedFile, state: MappingState): Promise<void> => {
    setStep({ kind: 'working', file, phase: 'Checking every row against the workspace…', progress: null })
    await nextFrame()
    try {
      const snapshot = await readImportSnapshot(db)
      const plan = await planClaimsImport(file.table.rows, file.table.rowNumbers, snapshot, {
        mapping: state.mapping,
        stanceMap: state.stanceMap,
        dateOrder: state.dateOrder,
        fileName: file.name,
        now: nowIso(),
      })
      setStep({ kind: 'working', file, phase: 'Writing claims…', progress: 0 })
      await applyClaimsImport(db, plan, (done, total) => setStep({ kind: 'working', file, phase: 'Writing claims…', progress: total === 0 ? 1 : done / total }))
      setStep({ kind: 'done', file, plan })
      notify('success', `Imported ${plural(plan.counts.imported, 'claim')} from ${file.name}.`)
    } catch (error) {
      setStep({
        kind: 'map',
        file,
        state,
        error: isStorageError(error)
          ? describeStorageError(error, 'import the claims')
          : `Could not import: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`,
      })
    }
  }

  const saveReport = async (plan: ImportPlan, fileName: string): Promise<void> => {
    const base = fileName.replace(/\.[^.]+$/, '')
    const result = await platform.saveFile({
      suggestedName: `${base}-import-report.csv`,
      content: writeCsv([...ROW_REPORT_COLUMNS], rowReportRows(plan.outcomes), { bom: true }),
      mimeType: 'text/csv;charset=utf-8',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    })
    if (!result.canceled) notify('success', 'Saved the row report.')
  }

  let body: React.ReactNode
  let footer: React.ReactNode
  if (step.kind === 'choose') {
    body = (
      <div className="claims-choose">
        <p>
          Bring in claims coded elsewhere — a Discourse Network Analyzer export, a spreadsheet of coded statements, or a claims
          export from another Standpoint workspace. One row per claim, with a header row naming the columns.
        </p>
        <p className="muted">
          Next you choose which column holds the actor, issue, stance, date, quote and document, and confirm how stance values
          such as 0/1, yes/no or agree/disagree are read. Nothing is written until you press Import claims.
        </p>
        <label className="button primary file-button">
          Choose CSV file
          <input
            type="file"
            className="visually-hidden"
            accept=".csv,.tsv,.txt,text/csv"
            aria-label="Choose CSV file"
            onChange={(event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) void load(file)
            }}
          />
        </label>
        {step.error && (
          <p role="alert" className="inline-error">
            {step.error}
          </p>
        )}
      </div>
    )
    footer = (
      <button type="button" onClick={close}>
        Cancel
      </button>
    )
  } else if (step.kind === 'map') {
    body = <MappingStep step={step} onState={(state) => setStep({ ...step, state, error: null })} />
    const problems = mappingProblems(step.state.mapping)
    footer = (
      <>
        <button type="button" onClick={() => setStep({ kind: 'choose', error: null })}>
          Choose another file
        </button>
        <button type="button" className="primary" disabled={problems.length > 0} onClick={() => void runImport(step.file, step.state)}>
          Import claims
        </button>
      </>
    )
  } else if (step.kind === 'working') {
    body = (
      <div className="export-progress">
        <p>{step.phase}</p>
        <progress aria-label="Import progress" value={step.progress ?? undefined} max={1} />
      </div>
    )
    footer = null
  } else {
    body = <ClaimsImportSummary plan={step.plan} fileName={step.file.name} />
    footer = (
      <>
        <button type="button" onClick={() => void saveReport(step.plan, step.file.name)}>
          Save row report
        </button>
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </>
    )
  }

  return (
    <Dialog title="Import coded claims" open={open} onClose={close} footer={footer} wide>
      {body}
    </Dialog>
  )
}

function MappingStep({ step, onState }: { step: Extract<Step, { kind: 'map' }>; onState: (state: MappingState) => void }) {
  const { file, state } = step
  const stanceColumn = state.mapping.stance
  const stanceValues = useMemo(
    () => distinctStanceValues(stanceColumn === null ? [] : file.table.rows.map((row) => row[stanceColumn]!)),
    [file.table, stanceColumn],
  )
  const setMapping = (field: ClaimField, column: number | null): void => {
    const mapping = { ...state.mapping, [field]: column }
    if (field === 'stance') {
      const values = distinctStanceValues(column === null ? [] : file.table.rows.map((row) => row[column]!))
      const scheme = detectScheme(values, column === null ? '' : file.table.header[column])
      onState({ ...state, mapping, scheme, stanceMap: stanceMapFor(scheme, values) })
    } else if (field === 'date') {
      onState({ ...state, mapping, dateOrder: detectDateOrder(column === null ? [] : file.table.rows.map((row) => row[column]!)) })
    } else {
      onState({ ...state, mapping })
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
      />
      {step.error && (
        <p role="alert" className="inline-error">
          {step.error}
        </p>
      )}
    </>
  )
}
