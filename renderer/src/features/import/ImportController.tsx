import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useCommand } from '../../shared/commands'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { nowIso } from '../../domain/model'
import { platform, type PickedFile } from '../../platform'
import { ComposeStep } from './ComposeStep'
import { dragHasFiles, filesFromDrop, MAX_DROPPED_FILES } from './dropFiles'
import { ImportRun, type ImportSource, type RunState } from './importRun'
import { ProgressStep } from './ProgressStep'
import { importReport } from './summary'
import { SummaryStep } from './SummaryStep'
import { startImportWorker } from './worker/importClient'
import { errorText } from '../../domain/errorText'

// The import workflow, mounted once for the whole app: the Import dialog (opened by the
// library's Import button, File > Import, Ctrl+O), and drag-and-drop of files or folders
// anywhere on the window.

// The mapping step previews rows with the parsers (HTML cells, dates); they load with it.
const MappingStep = lazy(() => import('./MappingStep').then((module) => ({ default: module.MappingStep })))

const IDLE: RunState | null = null
const noop = (): (() => void) => () => undefined

function useRunState(run: ImportRun | null): RunState | null {
  return useSyncExternalStore(
    useCallback((listener: () => void) => (run ? run.subscribe(listener) : noop()), [run]),
    () => (run ? run.state : IDLE),
  )
}

export function ImportController() {
  const [open, setOpen] = useState(false)
  const [files, setFiles] = useState<PickedFile[]>([])
  const [pasted, setPasted] = useState('')
  const [run, setRun] = useState<ImportRun | null>(null)
  const [startedAt, setStartedAt] = useState('')
  const [dragging, setDragging] = useState(false)
  const state = useRunState(run)
  const active = state !== null && state.phase !== 'done'
  const activeRef = useRef(active)
  const openRef = useRef(open)
  useEffect(() => {
    activeRef.current = active
    openRef.current = open
  })

  const start = useCallback((sources: ImportSource[]) => {
    if (sources.length === 0) return
    const importedAt = nowIso()
    let next: ImportRun | null = null
    const worker = startImportWorker((event) => next?.onProgress(event))
    next = new ImportRun(sources, worker)
    setRun(next)
    setStartedAt(importedAt)
    setOpen(true)
    void next.run(importedAt).finally(() => worker.terminate())
  }, [])

  const startFromDialog = (): void => {
    const sources: ImportSource[] = []
    if (pasted.trim() !== '') sources.push({ kind: 'paste', text: pasted })
    for (const file of files) sources.push({ kind: 'file', file })
    setFiles([])
    setPasted('')
    start(sources)
  }

  useCommand('import', () => {
    setOpen(true)
    return true
  })

  const close = (): void => {
    if (active) {
      // Closing mid-run means stop: say so in the summary rather than vanish.
      run?.cancel()
      return
    }
    setOpen(false)
    setRun(null)
  }

  // Drag and drop onto the window. Dropping while the dialog is being filled in adds the files
  // to it; otherwise the drop starts an import at once.
  useEffect(() => {
    let depth = 0
    const onDragEnter = (event: DragEvent): void => {
      if (!dragHasFiles(event)) return
      event.preventDefault()
      depth++
      setDragging(true)
    }
    const onDragOver = (event: DragEvent): void => {
      if (!dragHasFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = activeRef.current ? 'none' : 'copy'
    }
    const onDragLeave = (event: DragEvent): void => {
      if (!dragHasFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onDrop = (event: DragEvent): void => {
      if (!dragHasFiles(event) || !event.dataTransfer) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      if (activeRef.current) {
        notify('warning', 'An import is already running. Drop the files again when it has finished.')
        return
      }
      void filesFromDrop(event.dataTransfer).then(
        (dropped) => {
          if (dropped.length === 0) return
          if (dropped.length >= MAX_DROPPED_FILES) {
            notify('warning', `Only the first ${MAX_DROPPED_FILES.toLocaleString('en')} files of this drop are imported; import the rest in a second drop.`)
          }
          if (openRef.current && !activeRef.current) {
            setRun(null)
            setFiles((current) => [...current, ...dropped])
          } else start(dropped.map((file) => ({ kind: 'file', file })))
        },
        (error: unknown) => notify('error', `Could not read the dropped files: ${errorText(error)}`),
      )
    }
    window.addEventListener('dragenter', onDragEnter)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onDragEnter)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [start])

  const saveReport = async (): Promise<void> => {
    if (!state) return
    try {
      await platform.saveFile({
        suggestedName: `standpoint-import-${startedAt.slice(0, 19).replace(/[:T]/g, '-')}.txt`,
        content: importReport(state.outcomes, startedAt),
        mimeType: 'text/plain;charset=utf-8',
        filters: [{ name: 'Text', extensions: ['txt'] }],
      })
    } catch (error) {
      notify('error', `Could not save the report: ${errorText(error)}`)
    }
  }

  let footer: React.ReactNode
  if (state === null) {
    footer = (
      <>
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={files.length === 0 && pasted.trim() === ''} onClick={startFromDialog}>
          Import
        </button>
      </>
    )
  } else if (state.phase !== 'done') {
    footer = (
      <button type="button" onClick={() => run?.cancel()} disabled={state.cancelled}>
        {state.cancelled ? 'Cancelling…' : 'Cancel import'}
      </button>
    )
  } else {
    footer = (
      <>
        <button type="button" onClick={() => void saveReport()}>
          Save report…
        </button>
        <button type="button" onClick={() => setRun(null)}>
          Import more
        </button>
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </>
    )
  }

  return (
    <>
      <Dialog title={state?.phase === 'mapping' ? 'Import: map columns' : 'Import articles'} open={open} onClose={close} footer={footer} wide={state !== null}>
        {state === null && <ComposeStep files={files} pasted={pasted} onFiles={setFiles} onPasted={setPasted} />}
        {state !== null && state.phase !== 'done' && <ProgressStep state={state} />}
        {state?.phase === 'mapping' && state.preview && (
          <Suspense fallback={<p className="muted">Preparing the column mapping…</p>}>
          <MappingStep
            key={state.preview.fileId}
            preview={state.preview}
            remembered={state.remembered}
            onDecide={(options) => run?.resolveMapping(options ? { action: 'import', options } : { action: 'skip' })}
          />
          </Suspense>
        )}
        {state?.phase === 'done' && <SummaryStep outcomes={state.outcomes} cancelled={state.cancelled} error={state.error} onClose={close} />}
      </Dialog>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">{active ? 'An import is running' : 'Drop files or folders to import them'}</div>
        </div>
      )}
    </>
  )
}
