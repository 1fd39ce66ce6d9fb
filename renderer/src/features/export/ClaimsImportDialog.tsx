import { useState } from 'react'
import { CsvFileChooser } from '../../shared/ui/CsvFileChooser'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { headerSignature, initialChoices, rememberChoices, saveChoices, type SavedChoices } from '../../domain/claimsImport/choices'
import { mappingProblems } from '../../domain/claimsImport/mapping'
import { parseTable, TableParseError, type ParsedTable } from '../../domain/claimsImport/parseTable'
import { planClaimsImport, type ImportPlan } from '../../domain/claimsImport/plan'
import { ROW_REPORT_COLUMNS, rowReportRows } from '../../domain/claimsImport/rowReport'
import { writeCsv } from '../../domain/csv/writeCsv'
import { decodeBytes } from '../../domain/import/decode'
import { ImportRejection } from '../../domain/import/types'
import { nowIso } from '../../domain/model'
import { plural } from '../../domain/text/plural'
import { applyClaimsImport, readImportSnapshot } from '../../db/claimsImport/applyClaimsImport'
import { db } from '../../db/instance'
import { readSetting, writeSetting } from '../../db/repositories/settings'
import { CLAIMS_IMPORT_CHOICES } from '../../domain/settings'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import { platform } from '../../platform'
import { ClaimsImportSummary } from './ClaimsImportSummary'
import type { MappingState } from './ClaimsMappingForm'
import type { LoadedFile, Step } from './claimsImportSteps'
import { MappingStep } from './MappingStep'
import { nextFrame } from './saveChunks'
import { errorText } from '../../domain/errorText'

const MAX_FILE_BYTES = 256 * 1024 * 1024

/** The mapping proposed for a file: the last one confirmed for the same header, else a guess. */
async function initialState(table: ParsedTable): Promise<MappingState> {
  const remembered: Record<string, SavedChoices> = await readSetting(db, CLAIMS_IMPORT_CHOICES).catch(() => ({}))
  return initialChoices(table, remembered[headerSignature(table.header)] ?? null)
}

function importFailure(error: unknown): string {
  return isStorageError(error) ? describeStorageError(error, 'import the claims') : `Could not import: ${errorText(error)}. Nothing was written.`
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
      setStep({ kind: 'map', file: { name: file.name, decoded: { encoding: decoded.encoding, notice: decoded.notice }, table }, state: await initialState(table), error: null })
    } catch (error) {
      setStep({
        kind: 'choose',
        error: error instanceof TableParseError || error instanceof ImportRejection ? `${file.name}: ${error.message}` : `${file.name} could not be read: ${errorText(error)}`,
      })
    }
  }

  const plan = async (file: LoadedFile, state: MappingState, keepApart: ReadonlySet<string>): Promise<ImportPlan> =>
    planClaimsImport(file.table.rows, file.table.rowNumbers, await readImportSnapshot(db), {
      mapping: state.mapping,
      stanceMap: state.stanceMap,
      dateOrder: state.dateOrder,
      fileName: file.name,
      now: nowIso(),
      issueSeparator: state.issueSeparator,
      issueMatch: state.issueMatch,
      header: file.table.header,
      keep: state.keep,
      keepApart,
    })

  /** Plans the import; asks first when it would fold actor names together, else writes it. */
  const runImport = async (file: LoadedFile, state: MappingState): Promise<void> => {
    setStep({ kind: 'working', file, phase: 'Checking every row against the workspace…', progress: null })
    await nextFrame()
    try {
      const planned = await plan(file, state, new Set())
      if (planned.foldedNames.length > 0) {
        setStep({ kind: 'review', file, state, plan: planned, keepApart: new Set(), busy: false, error: null })
        return
      }
      await commit(file, state, planned)
    } catch (error) {
      setStep({ kind: 'map', file, state, error: importFailure(error) })
    }
  }

  const toggleApart = async (review: Extract<Step, { kind: 'review' }>, key: string, apart: boolean): Promise<void> => {
    const keepApart = new Set(review.keepApart)
    if (apart) keepApart.add(key)
    else keepApart.delete(key)
    // The box shows the choice at once; the counts follow when the plan is made again.
    const foldedNames = review.plan.foldedNames.map((group) => (group.key === key ? { ...group, keptApart: apart } : group))
    setStep({ ...review, keepApart, plan: { ...review.plan, foldedNames }, busy: true })
    try {
      setStep({ ...review, keepApart, plan: await plan(review.file, review.state, keepApart), busy: false, error: null })
    } catch (error) {
      setStep({ ...review, busy: false, error: importFailure(error) })
    }
  }

  const commit = async (file: LoadedFile, state: MappingState, planned: ImportPlan): Promise<void> => {
    setStep({ kind: 'working', file, phase: 'Writing claims…', progress: 0 })
    try {
      await applyClaimsImport(db, planned, (done, total) => setStep({ kind: 'working', file, phase: 'Writing claims…', progress: total === 0 ? 1 : done / total }))
    } catch (error) {
      setStep({ kind: 'map', file, state, error: importFailure(error) })
      return
    }
    // The choices are remembered for the next file with this header; failing to is no reason to alarm.
    await readSetting(db, CLAIMS_IMPORT_CHOICES)
      .then((all) => writeSetting(db, CLAIMS_IMPORT_CHOICES, rememberChoices(all, file.table.header, saveChoices(state, file.table.header, nowIso()))))
      .catch(() => undefined)
    setStep({ kind: 'done', file, plan: planned })
    notify('success', `Imported ${plural(planned.counts.imported, 'claim')} from ${file.name}.`)
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
        <CsvFileChooser onFile={(file) => void load(file)} error={step.error} />
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
  } else if (step.kind === 'review') {
    body = (
      <>
        <ClaimsImportSummary plan={step.plan} fileName={step.file.name} preview onKeepApart={(key, apart) => void toggleApart(step, key, apart)} busy={step.busy} />
        {step.error && (
          <p role="alert" className="inline-error">
            {step.error}
          </p>
        )}
      </>
    )
    footer = (
      <>
        <button type="button" onClick={() => setStep({ kind: 'map', file: step.file, state: step.state, error: null })} disabled={step.busy}>
          Back to the mapping
        </button>
        <button type="button" className="primary" disabled={step.busy} onClick={() => void commit(step.file, step.state, step.plan)}>
          Import claims
        </button>
      </>
    )
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
