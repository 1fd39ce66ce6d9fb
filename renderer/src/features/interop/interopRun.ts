import { useEffect, useRef } from 'react'
import { OUTCOME_COLUMNS, outcomeRows } from '../../domain/interop/mapping/interopPlan'
import { writeCsv } from '../../domain/csv/writeCsv'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import { platform, type PickedFile } from '../../platform'
import { notify } from '../../shared/notices'
import type { InteropSummary } from './interopTypes'
import { startInteropWorker, type InteropClient } from './worker/interopClient'
import { errorText } from '../../domain/errorText'

/** One interop worker for as long as a dialog is open with a file; terminated when it closes. */
export function useInteropWorker(file: PickedFile | null): React.RefObject<InteropClient | null> {
  const client = useRef<InteropClient | null>(null)
  useEffect(() => {
    if (!file) return
    const started = startInteropWorker()
    client.current = started
    return () => {
      started.terminate()
      if (client.current === started) client.current = null
    }
  }, [file])
  return client
}

/** The sentence for a failed import: storage errors in their own words, nothing written. */
export function importFailure(error: unknown, what: string): string {
  if (isStorageError(error)) return describeStorageError(error, what)
  return `Could not ${what}: ${errorText(error)}. Nothing was written.`
}

/** Saves the outcome of every item as CSV, beside the file's name. */
export async function saveOutcomeReport(summary: InteropSummary, itemColumn: string): Promise<void> {
  const base = summary.fileName.replace(/\.[^.]+$/, '')
  const header = [itemColumn, ...OUTCOME_COLUMNS.slice(1)]
  const result = await platform.saveFile({
    suggestedName: `${base}-import-report.csv`,
    content: writeCsv(header, outcomeRows(summary.outcomes), { bom: true }),
    mimeType: 'text/csv;charset=utf-8',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  })
  if (!result.canceled) notify('success', 'Saved the import report.')
}
