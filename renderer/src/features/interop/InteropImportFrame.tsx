import { useEffect, useState } from 'react'
import { plural } from '../../domain/text/plural'
import type { PickedFile } from '../../platform'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { importFailure, saveOutcomeReport, useInteropWorker } from './interopRun'
import type { InteropProgress, InteropSummary as Summary } from './interopTypes'
import { InteropSummary } from './InteropSummary'
import type { InteropClient } from './worker/interopClient'
import { errorText } from '../../domain/errorText'

type Step<Choice> =
  | { kind: 'reading' }
  | { kind: 'failed'; reason: string }
  | { kind: 'choose'; choice: Choice; error: string | null }
  | { kind: 'working'; progress: InteropProgress }
  | { kind: 'done'; summary: Summary }

export type Opened<Choice> = { ok: true; choice: Choice } | { ok: false; reason: string }

export interface ChooseProps<Choice> {
  fileName: string
  choice: Choice
  onChoice: (next: Choice) => void
  client: InteropClient | null
}

interface Props<Choice> {
  title: string
  file: PickedFile
  open: boolean
  onClose: () => void
  onChooseAnother: () => void
  /** Reads the file in the worker into the first choice shown, or says why it cannot. Module-level: a new function would read again. */
  read: (client: InteropClient, fileName: string, bytes: Uint8Array) => Promise<Opened<Choice>>
  /** Module-level too: a new component would remount the step on every render. */
  Choose: (props: ChooseProps<Choice>) => React.ReactNode
  importLabel: string
  canImport: (choice: Choice) => boolean
  run: (client: InteropClient, choice: Choice, onProgress: (progress: InteropProgress) => void) => Promise<Summary>
  /** The imported item, singular ("statement"), and the report's item column. */
  item: string
  reportColumn: string
  tableLabel: string
  showItemId: boolean
  doneActions?: (close: () => void) => React.ReactNode
}

/**
 * The steps every project import goes through: read the file in a worker, let the analyst choose
 * how it maps, import with progress, summarise. Each format brings only its read, its choice step
 * and its import call.
 */
export function InteropImportFrame<Choice>(props: Props<Choice>) {
  const { file, open, onClose, onChooseAnother, read, Choose } = props
  const worker = useInteropWorker(file)
  const [step, setStep] = useState<Step<Choice>>({ kind: 'reading' })

  useEffect(() => {
    let current = true
    void (async () => {
      try {
        const bytes = await file.read()
        const client = worker.current
        if (!client || !current) return
        const opened = await read(client, file.name, bytes)
        if (!current) return
        setStep(opened.ok ? { kind: 'choose', choice: opened.choice, error: null } : { kind: 'failed', reason: opened.reason })
      } catch (error) {
        if (current) setStep({ kind: 'failed', reason: `${file.name} could not be read: ${errorText(error)}` })
      }
    })()
    return () => {
      current = false
    }
  }, [file, worker, read])

  const close = (): void => {
    if (step.kind === 'working') return
    onClose()
  }

  const runImport = async (choose: Extract<Step<Choice>, { kind: 'choose' }>): Promise<void> => {
    const client = worker.current
    if (!client) return
    setStep({ kind: 'working', progress: { phase: 'Starting…', fraction: null } })
    try {
      const summary = await props.run(
        client,
        choose.choice,
        client.progress((progress) => setStep((previous) => (previous.kind === 'working' ? { kind: 'working', progress } : previous))),
      )
      setStep({ kind: 'done', summary })
      notify('success', `Imported ${plural(summary.counts.imported, props.item)} from ${file.name}.`)
    } catch (error) {
      setStep({ ...choose, error: importFailure(error, 'import the project') })
    }
  }

  const chooseAnother = (
    <button type="button" onClick={onChooseAnother}>
      Choose another file
    </button>
  )
  let body: React.ReactNode
  let footer: React.ReactNode
  if (step.kind === 'reading' || step.kind === 'working') {
    const progress = step.kind === 'working' ? step.progress : null
    body = (
      <div className="export-progress">
        <p>{progress ? progress.phase : `Reading ${file.name}…`}</p>
        {progress ? <progress aria-label="Import progress" value={progress.fraction ?? undefined} max={1} /> : <progress aria-label="Import progress" />}
      </div>
    )
    footer = progress ? null : (
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
        {chooseAnother}
        <button type="button" className="primary" onClick={close}>
          Cancel
        </button>
      </>
    )
  } else if (step.kind === 'choose') {
    body = (
      <>
        <Choose fileName={file.name} choice={step.choice} onChoice={(choice) => setStep({ ...step, choice, error: null })} client={worker.current} />
        {step.error && (
          <p role="alert" className="inline-error">
            {step.error}
          </p>
        )}
      </>
    )
    footer = (
      <>
        {chooseAnother}
        <button type="button" className="primary" disabled={!props.canImport(step.choice)} onClick={() => void runImport(step)}>
          {props.importLabel}
        </button>
      </>
    )
  } else {
    const summary = step.summary
    body = <InteropSummary summary={summary} item={props.item} tableLabel={props.tableLabel} showItemId={props.showItemId} />
    footer = (
      <>
        <button type="button" onClick={() => void saveOutcomeReport(summary, props.reportColumn)}>
          Save report
        </button>
        {props.doneActions?.(onClose)}
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </>
    )
  }

  return (
    <Dialog title={props.title} open={open} onClose={close} footer={footer} wide>
      {body}
    </Dialog>
  )
}
