import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useRef, useState } from 'react'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { resetTaggingHistory } from '../../shared/undo/history'
import { holdsData, tableCounts } from '../../db/backup/counts'
import { backupFileName, BACKUP_FILE_EXTENSION, BackupFileError } from '../../db/backup/format'
import { prepareRestore, restoreBackup, type PreparedBackup, type RestoreMode, type RestoreReport } from '../../db/backup/restore'
import { backupChunks, readWorkspaceSnapshot } from '../../db/backup/writeBackup'
import { db } from '../../db/instance'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import { writeCsv } from '../../domain/csv/writeCsv'
import { platform } from '../../platform'
import { readBackupFile } from './readBackupFile'
import { ReadyToRestore } from './ReadyToRestore'
import { RestoreSummary, TABLE_LABELS } from './RestoreSummary'
import { nextFrame, SaveCancelled, saveInChunks, savedName } from './saveChunks'
import { errorText } from '../../domain/errorText'

const number = new Intl.NumberFormat('en')

type RestoreStep =
  | { kind: 'idle'; error: string | null }
  | { kind: 'reading'; fileName: string; progress: number }
  | { kind: 'ready'; fileName: string; backup: PreparedBackup; error: string | null }
  | { kind: 'restoring'; fileName: string; progress: number }
  | { kind: 'done'; fileName: string; report: RestoreReport }

function describe(error: unknown, action: string): string {
  if (error instanceof BackupFileError) return error.message
  if (isStorageError(error)) return describeStorageError(error, action)
  return `Could not ${action}: ${errorText(error)}. Nothing in your workspace was changed.`
}

export function BackupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [backupProgress, setBackupProgress] = useState<number | null>(null)
  const [backupError, setBackupError] = useState<string | null>(null)
  const [step, setStep] = useState<RestoreStep>({ kind: 'idle', error: null })
  const [mode, setMode] = useState<RestoreMode>('merge')
  const cancelRef = useRef(false)
  const idBase = useId()
  const counts = useLiveQuery(() => tableCounts(db), [])
  const busy = backupProgress !== null || step.kind === 'reading' || step.kind === 'restoring'

  const close = (): void => {
    if (step.kind === 'restoring') return
    cancelRef.current = true
    setStep({ kind: 'idle', error: null })
    setBackupError(null)
    onClose()
  }

  const saveBackup = async (): Promise<void> => {
    cancelRef.current = false
    setBackupError(null)
    setBackupProgress(0)
    const suggestedName = backupFileName(new Date())
    try {
      const snapshot = await readWorkspaceSnapshot(db)
      const chunks = backupChunks(snapshot, __APP_VERSION__, new Date().toISOString())
      const total = snapshot.tables.reduce((sum, table) => sum + table.rows.length, 0)
      const result = await saveInChunks({
        suggestedName,
        mimeType: 'application/x-ndjson',
        filters: [{ name: 'Standpoint backup', extensions: [BACKUP_FILE_EXTENSION] }],
        chunks: (function* () {
          for (const chunk of chunks) yield { text: chunk.text, progress: chunk.total === 0 ? 1 : chunk.done / chunk.total }
        })(),
        onProgress: setBackupProgress,
        cancelled: () => cancelRef.current,
      })
      setBackupProgress(null)
      if (result && !result.canceled) notify('success', `Saved a backup of ${number.format(total)} records to ${savedName(result, suggestedName)}.`)
    } catch (error) {
      setBackupProgress(null)
      if (!(error instanceof SaveCancelled)) setBackupError(describe(error, 'save the backup'))
    }
  }

  const chooseFile = async (file: File): Promise<void> => {
    setStep({ kind: 'reading', fileName: file.name, progress: 0 })
    try {
      const parsed = await readBackupFile(file, (progress) => setStep({ kind: 'reading', fileName: file.name, progress }))
      const backup = await prepareRestore(parsed, db)
      setMode('merge')
      setStep({ kind: 'ready', fileName: file.name, backup, error: null })
    } catch (error) {
      setStep({ kind: 'idle', error: `${file.name}: ${describe(error, 'read the backup')}` })
    }
  }

  const restore = async (fileName: string, backup: PreparedBackup, chosen: RestoreMode): Promise<void> => {
    setStep({ kind: 'restoring', fileName, progress: 0 })
    await nextFrame()
    try {
      const report = await restoreBackup(db, backup, chosen, ({ done, total }) => setStep({ kind: 'restoring', fileName, progress: total === 0 ? 1 : done / total }))
      // The records the undo steps describe were just replaced or merged: undoing them now
      // would act on records they never saw.
      resetTaggingHistory()
      setStep({ kind: 'done', fileName, report })
      notify('success', chosen === 'merge' ? `Merged ${fileName} into the workspace.` : `Restored the workspace from ${fileName}.`)
    } catch (error) {
      setStep({ kind: 'ready', fileName, backup, error: describe(error, 'restore the backup') })
    }
  }

  const saveMergeReport = async (report: RestoreReport): Promise<void> => {
    const result = await platform.saveFile({
      suggestedName: 'standpoint-merge-report.csv',
      content: writeCsv(
        ['table', 'record_id', 'kept', 'workspace_updated_at', 'backup_updated_at', 'reason'],
        report.conflicts.map((conflict) => [conflict.table, conflict.key, conflict.kept, conflict.workspaceUpdatedAt, conflict.backupUpdatedAt, conflict.reason]),
        { bom: true },
      ),
      mimeType: 'text/csv;charset=utf-8',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    })
    if (!result.canceled) notify('success', 'Saved the merge report.')
  }

  const workspaceHoldsData = counts ? holdsData(counts) : false
  const recordTotal = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : 0

  return (
    <Dialog
      title="Backup and restore"
      open={open}
      onClose={close}
      wide
      footer={
        <button type="button" onClick={close} disabled={step.kind === 'restoring'}>
          Close
        </button>
      }
    >
      <section className="backup-section" aria-labelledby={`${idBase}-backup`}>
        <h3 id={`${idBase}-backup`}>Back up this workspace</h3>
        <p>
          One file with every article, actor, issue, claim, mention and setting, ids and all. Restore it here later, or on another
          machine, to get exactly this workspace back.
        </p>
        {counts && (
          <p className="muted">
            {Object.entries(counts)
              .map(([table, count]) => `${number.format(count)} ${TABLE_LABELS[table] ?? table}`)
              .join(' · ')}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="primary" disabled={busy} onClick={() => void saveBackup()}>
            Save backup
          </button>
          {backupProgress !== null && (
            <>
              <progress aria-label="Backup progress" value={backupProgress} max={1} />
              <button type="button" onClick={() => (cancelRef.current = true)}>
                Stop
              </button>
            </>
          )}
        </div>
        {backupError && (
          <p role="alert" className="inline-error">
            {backupError}
          </p>
        )}
      </section>

      <section className="backup-section" aria-labelledby={`${idBase}-restore`}>
        <h3 id={`${idBase}-restore`}>Restore from a backup</h3>
        {(step.kind === 'idle' || step.kind === 'reading') && (
          <>
            <p>The file is checked from end to end before anything is written; a damaged file or one from a newer Standpoint is refused.</p>
            <div className="button-row">
              <label className={`button file-button${busy ? ' disabled' : ''}`}>
                Choose backup file
                <input
                  type="file"
                  className="visually-hidden"
                  accept={`.${BACKUP_FILE_EXTENSION},.json,application/x-ndjson`}
                  aria-label="Choose backup file"
                  disabled={busy}
                  onChange={(event) => {
                    const file = event.target.files?.[0]
                    event.target.value = ''
                    if (file) void chooseFile(file)
                  }}
                />
              </label>
              {step.kind === 'reading' && <progress aria-label="Reading backup" value={step.progress} max={1} />}
            </div>
            {step.kind === 'idle' && step.error && (
              <p role="alert" className="inline-error">
                {step.error}
              </p>
            )}
          </>
        )}

        {step.kind === 'ready' && (
          <ReadyToRestore
            step={step}
            mode={mode}
            onMode={setMode}
            workspaceHoldsData={workspaceHoldsData}
            workspaceCounts={counts ?? {}}
            recordTotal={recordTotal}
            onRestore={(chosen) => void restore(step.fileName, step.backup, chosen)}
            onCancel={() => setStep({ kind: 'idle', error: null })}
            idBase={idBase}
          />
        )}
        {step.kind === 'restoring' && (
          <div className="export-progress">
            <p>Restoring {step.fileName}… all of it lands or none of it does.</p>
            <progress aria-label="Restore progress" value={step.progress} max={1} />
          </div>
        )}
        {step.kind === 'done' && (
          <>
            <RestoreSummary report={step.report} fileName={step.fileName} />
            <div className="button-row">
              {step.report.conflicts.length > 0 && (
                <button type="button" onClick={() => void saveMergeReport(step.report)}>
                  Save merge report
                </button>
              )}
              <button type="button" onClick={() => setStep({ kind: 'idle', error: null })}>
                Restore another backup
              </button>
            </div>
          </>
        )}
      </section>
    </Dialog>
  )
}
