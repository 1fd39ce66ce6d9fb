import type { PreparedBackup, RestoreMode } from '../../db/backup/restore'
import { TABLE_LABELS } from './RestoreSummary'

const number = new Intl.NumberFormat('en')

function dateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? 'unknown' : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}

interface ReadyProps {
  step: { fileName: string; backup: PreparedBackup; error: string | null }
  mode: RestoreMode
  onMode: (mode: RestoreMode) => void
  workspaceHoldsData: boolean
  workspaceCounts: Record<string, number>
  recordTotal: number
  onRestore: (mode: RestoreMode) => void
  onCancel: () => void
  idBase: string
}

/** A backup read and checked: what it holds against the workspace, how to restore it, and the button. */
export function ReadyToRestore({ step, mode, onMode, workspaceHoldsData, workspaceCounts, recordTotal, onRestore, onCancel, idBase }: ReadyProps) {
  const { backup } = step
  const chosen: RestoreMode = workspaceHoldsData ? mode : 'replace'
  return (
    <div className="restore-ready">
      <dl className="fact-list">
        <dt>File</dt>
        <dd>{step.fileName}</dd>
        <dt>Made</dt>
        <dd>
          {dateTime(backup.header.createdAt)}
          {backup.header.app ? ` by Standpoint ${backup.header.app}` : ''}
        </dd>
        <dt>Workspace schema</dt>
        <dd>
          v{backup.header.schemaVersion}
          {backup.upgradedFrom !== null ? ' (older: upgraded on the way in, as an app update would)' : ''}
        </dd>
      </dl>
      <table className="data-table compact-table" aria-label="Backup contents">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col" className="cell-number">
              In the backup
            </th>
            <th scope="col" className="cell-number">
              In this workspace now
            </th>
          </tr>
        </thead>
        <tbody>
          {[...backup.tables.entries()].map(([table, rows]) => (
            <tr key={table}>
              <td>{TABLE_LABELS[table] ?? table}</td>
              <td className="cell-number">{number.format(rows.length)}</td>
              <td className="cell-number">{number.format(workspaceCounts[table] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {backup.warnings.length > 0 && (
        <ul className="file-warnings" aria-label="Backup warnings">
          {backup.warnings.map((warning) => (
            <li key={warning.message}>{warning.message}; such references are restored as they are.</li>
          ))}
        </ul>
      )}
      {workspaceHoldsData ? (
        <fieldset className="restore-mode">
          <legend>This workspace already has data</legend>
          <label className="export-choice" data-checked={mode === 'merge' || undefined}>
            <input type="radio" name={`${idBase}-mode`} checked={mode === 'merge'} onChange={() => onMode('merge')} aria-describedby={`${idBase}-merge`} />
            <span className="export-choice-text">
              <span className="export-choice-label">Merge with this workspace</span>
              <span id={`${idBase}-merge`} className="export-choice-description">
                Records are matched by id. Where both have a record, the more recently updated version is kept; records only one side
                has are all kept. You get a summary of what came from where.
              </span>
            </span>
          </label>
          <label className="export-choice" data-checked={mode === 'replace' || undefined}>
            <input type="radio" name={`${idBase}-mode`} checked={mode === 'replace'} onChange={() => onMode('replace')} aria-describedby={`${idBase}-replace`} />
            <span className="export-choice-text">
              <span className="export-choice-label">Replace this workspace</span>
              <span id={`${idBase}-replace`} className="export-choice-description">
                Deletes the {number.format(recordTotal)} records now in this workspace and puts the backup in their place. Save a backup
                of this workspace first if you may want them back.
              </span>
            </span>
          </label>
        </fieldset>
      ) : (
        <p className="muted">This workspace is empty: the backup will be restored as it is.</p>
      )}
      <div className="button-row">
        <button type="button" className={chosen === 'replace' && workspaceHoldsData ? 'primary danger-primary' : 'primary'} onClick={() => onRestore(chosen)}>
          Restore backup
        </button>
        <button type="button" onClick={onCancel}>
          Choose another file
        </button>
      </div>
      {step.error && (
        <p role="alert" className="inline-error">
          {step.error}
        </p>
      )}
    </div>
  )
}
