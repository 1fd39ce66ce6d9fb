import { useEffect, useState } from 'react'
import { defaultDnaStanceMap, suggestChoiceForType, type DnaOverview, type DnaPreview, type DnaStanceMap } from '../../domain/interop/mapping/dnaImport'
import type { DnaClaimChoice } from '../../domain/interop/dna/dnaClaims'
import { plural } from '../../domain/text/plural'
import type { PickedFile } from '../../platform'
import { notify } from '../../shared/notices'
import { navigate } from '../../shared/routing'
import { Dialog } from '../../shared/ui/Dialog'
import { DnaChoiceStep } from './DnaChoiceStep'
import { importFailure, saveOutcomeReport, useInteropWorker } from './interopRun'
import type { InteropProgress, InteropSummary as Summary } from './interopTypes'
import { InteropSummary } from './InteropSummary'

type Step =
  | { kind: 'reading' }
  | { kind: 'failed'; reason: string }
  | { kind: 'confirm'; overview: DnaOverview; choice: DnaClaimChoice | null; stanceMap: DnaStanceMap; error: string | null }
  | { kind: 'working'; progress: InteropProgress }
  | { kind: 'done'; summary: Summary }

interface Props {
  file: PickedFile
  open: boolean
  onClose: () => void
  onChooseAnother: () => void
}

/** Open DNA project…: read the .dna in a worker, confirm how statements become claims, import, summarise. */
export function DnaImportDialog({ file, open, onClose, onChooseAnother }: Props) {
  const worker = useInteropWorker(file)
  const [step, setStep] = useState<Step>({ kind: 'reading' })
  const [preview, setPreview] = useState<DnaPreview | null>(null)

  useEffect(() => {
    let current = true
    void (async () => {
      try {
        const bytes = await file.read()
        const client = worker.current
        if (!client || !current) return
        const opened = await client.openDna(file.name, bytes)
        if (!current) return
        if (!opened.ok) {
          setStep({ kind: 'failed', reason: opened.reason })
          return
        }
        const choice = opened.overview.suggestion
        setStep({ kind: 'confirm', overview: opened.overview, choice, stanceMap: stanceMapFor(opened.overview, choice), error: null })
      } catch (error) {
        if (current) setStep({ kind: 'failed', reason: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` })
      }
    })()
    return () => {
      current = false
    }
  }, [file, worker])

  // The counts under the choices follow every change, computed in the worker.
  const confirmChoice = step.kind === 'confirm' ? step.choice : null
  const confirmMap = step.kind === 'confirm' ? step.stanceMap : null
  useEffect(() => {
    if (!confirmChoice || !confirmMap || !worker.current) return
    let current = true
    void worker.current.api.previewDna(confirmChoice, confirmMap).then(
      (result) => current && setPreview(result),
      () => current && setPreview(null),
    )
    return () => {
      current = false
    }
  }, [confirmChoice, confirmMap, worker])

  const close = (): void => {
    if (step.kind === 'working') return
    onClose()
  }

  const runImport = async (confirm: Extract<Step, { kind: 'confirm' }>): Promise<void> => {
    const client = worker.current
    if (!client || !confirm.choice) return
    setStep({ kind: 'working', progress: { phase: 'Starting…', fraction: null } })
    try {
      const summary = await client.api.importDna(
        client.databaseName,
        confirm.choice,
        confirm.stanceMap,
        client.progress((progress) => setStep((previous) => (previous.kind === 'working' ? { kind: 'working', progress } : previous))),
      )
      setStep({ kind: 'done', summary })
      notify('success', `Imported ${plural(summary.counts.imported, 'claim')} from ${file.name}.`)
    } catch (error) {
      setStep({ ...confirm, error: importFailure(error, 'import the project') })
    }
  }

  let body: React.ReactNode
  let footer: React.ReactNode
  if (step.kind === 'reading') {
    body = (
      <div className="export-progress">
        <p>Reading {file.name}…</p>
        <progress aria-label="Import progress" />
      </div>
    )
    footer = (
      <button type="button" onClick={close}>
        Cancel
      </button>
    )
  } else if (step.kind === 'failed') {
    body = (
      <p role="alert" className="inline-error">
        {file.name}: {step.reason}
      </p>
    )
    footer = (
      <>
        <button type="button" onClick={onChooseAnother}>
          Choose another file
        </button>
        <button type="button" className="primary" onClick={close}>
          Cancel
        </button>
      </>
    )
  } else if (step.kind === 'confirm') {
    body = (
      <>
        <DnaChoiceStep
          fileName={file.name}
          overview={step.overview}
          choice={step.choice}
          stanceMap={step.stanceMap}
          preview={preview}
          onChoice={(choice) => setStep({ ...step, choice, stanceMap: choice.stanceVariableId === step.choice?.stanceVariableId ? step.stanceMap : stanceMapFor(step.overview, choice), error: null })}
          onStanceMap={(stanceMap) => setStep({ ...step, stanceMap, error: null })}
          onType={(typeId) => {
            const type = step.overview.statementTypes.find((candidate) => candidate.id === typeId)
            const choice = type ? suggestChoiceForType(type) : null
            setStep({ ...step, choice, stanceMap: stanceMapFor(step.overview, choice), error: null })
          }}
        />
        {step.error && (
          <p role="alert" className="inline-error">
            {step.error}
          </p>
        )}
      </>
    )
    footer = (
      <>
        <button type="button" onClick={onChooseAnother}>
          Choose another file
        </button>
        <button type="button" className="primary" disabled={!step.choice || (preview !== null && preview.claims === 0)} onClick={() => void runImport(step)}>
          Import statements
        </button>
      </>
    )
  } else if (step.kind === 'working') {
    body = (
      <div className="export-progress">
        <p>{step.progress.phase}</p>
        <progress aria-label="Import progress" value={step.progress.fraction ?? undefined} max={1} />
      </div>
    )
    footer = null
  } else {
    body = <InteropSummary summary={step.summary} item="statement" tableLabel="Statement outcomes" showItemId />
    footer = (
      <>
        <button type="button" onClick={() => void saveOutcomeReport(step.summary, 'statement')}>
          Save report
        </button>
        <button
          type="button"
          onClick={() => {
            onClose()
            navigate('positions')
          }}
        >
          Show positions
        </button>
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </>
    )
  }

  return (
    <Dialog title="Open DNA project" open={open} onClose={close} footer={footer} wide>
      {body}
    </Dialog>
  )
}

function stanceMapFor(overview: DnaOverview, choice: DnaClaimChoice | null): DnaStanceMap {
  if (!choice || choice.stanceVariableId === null) return {}
  const variable = overview.statementTypes.flatMap((type) => type.variables).find((candidate) => candidate.id === choice.stanceVariableId)
  return defaultDnaStanceMap(variable?.dataType ?? null, overview.stanceValues[choice.stanceVariableId] ?? [])
}
