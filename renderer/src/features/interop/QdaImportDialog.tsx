import { useEffect, useMemo, useState } from 'react'
import { previewQdaImport, suggestQdaMapping, type QdaMapping, type QdaOverview } from '../../domain/interop/mapping/fromQda'
import { plural } from '../../domain/text/plural'
import type { PickedFile } from '../../platform'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { importFailure, saveOutcomeReport, useInteropWorker } from './interopRun'
import type { InteropProgress, InteropSummary as Summary } from './interopTypes'
import { InteropSummary } from './InteropSummary'
import { QdaMappingStep } from './QdaMappingStep'

type Step =
  | { kind: 'reading' }
  | { kind: 'failed'; reason: string }
  | { kind: 'map'; overview: QdaOverview; mapping: QdaMapping; error: string | null }
  | { kind: 'working'; progress: InteropProgress }
  | { kind: 'done'; summary: Summary }

interface Props {
  file: PickedFile
  open: boolean
  onClose: () => void
  onChooseAnother: () => void
}

/** Import REFI-QDA project…: read the .qdpx in a worker, map its code groups, import, summarise. */
export function QdaImportDialog({ file, open, onClose, onChooseAnother }: Props) {
  const worker = useInteropWorker(file)
  const [step, setStep] = useState<Step>({ kind: 'reading' })

  useEffect(() => {
    let current = true
    void (async () => {
      try {
        const bytes = await file.read()
        const client = worker.current
        if (!client || !current) return
        const opened = await client.openQdpx(file.name, bytes)
        if (!current) return
        if (!opened.ok) setStep({ kind: 'failed', reason: opened.reason })
        else setStep({ kind: 'map', overview: opened.overview, mapping: suggestQdaMapping(opened.overview.codes), error: null })
      } catch (error) {
        if (current) setStep({ kind: 'failed', reason: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` })
      }
    })()
    return () => {
      current = false
    }
  }, [file, worker])

  const overview = step.kind === 'map' ? step.overview : null
  const mapping = step.kind === 'map' ? step.mapping : null
  const preview = useMemo(() => (overview && mapping ? previewQdaImport(overview, mapping) : null), [overview, mapping])

  const close = (): void => {
    if (step.kind === 'working') return
    onClose()
  }

  const runImport = async (map: Extract<Step, { kind: 'map' }>): Promise<void> => {
    const client = worker.current
    if (!client) return
    setStep({ kind: 'working', progress: { phase: 'Starting…', fraction: null } })
    try {
      const summary = await client.api.importQdpx(
        client.databaseName,
        map.mapping,
        client.progress((progress) => setStep((previous) => (previous.kind === 'working' ? { kind: 'working', progress } : previous))),
      )
      setStep({ kind: 'done', summary })
      notify('success', `Imported ${plural(summary.counts.imported, 'coded selection')} from ${file.name}.`)
    } catch (error) {
      setStep({ ...map, error: importFailure(error, 'import the project') })
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
  } else if (step.kind === 'map') {
    body = (
      <>
        <QdaMappingStep fileName={file.name} overview={step.overview} mapping={step.mapping} preview={preview} onMapping={(next) => setStep({ ...step, mapping: next, error: null })} />
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
        <button type="button" className="primary" disabled={step.overview.sources === 0} onClick={() => void runImport(step)}>
          Import codings
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
    body = <InteropSummary summary={step.summary} item="coded selection" tableLabel="Selection outcomes" showItemId={false} />
    footer = (
      <>
        <button type="button" onClick={() => void saveOutcomeReport(step.summary, 'selection_guid')}>
          Save report
        </button>
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </>
    )
  }

  return (
    <Dialog title="Import REFI-QDA project" open={open} onClose={close} footer={footer} wide>
      {body}
    </Dialog>
  )
}
