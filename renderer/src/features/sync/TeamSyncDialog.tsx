import { useEffect, useId, useState } from 'react'
import { checkConnectionForm } from '../../domain/sync/connection'
import type { MergeReportEntry } from '../../domain/sync/firstMerge'
import type { RefusedEntry } from '../../db/sync/syncBook'
import { allowedSyncOrigin } from '../../platform/contentPolicy'
import { markJustConnected, saveConnection, savedConnection } from '../../platform/syncSettings'
import { Dialog } from '../../shared/ui/Dialog'
import { confirmMerge, disconnectSync, listRefused, mergeReport, pauseSync, resumeSync, startSync } from './syncClient'
import { syncStatusText } from './statusText'
import { useSyncStatus } from './syncStore'

const number = new Intl.NumberFormat('en')

type Field = 'Server address' | 'Database' | 'User name' | 'Password'

/**
 * Team sync: connect this workspace to the team's CouchDB database (server address, database,
 * user name, password), see how the sync goes, pause it or disconnect. CouchDB's own users and
 * database security decide who gets in.
 */
export function TeamSyncDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const status = useSyncStatus()
  const saved = savedConnection()
  const [form, setForm] = useState({ serverUrl: saved?.serverUrl ?? '', database: saved?.database ?? '', userName: saved?.userName ?? '', password: '' })
  const [fieldError, setFieldError] = useState<{ field: Field; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<MergeReportEntry[]>([])
  const [refused, setRefused] = useState<RefusedEntry[]>([])
  const id = useId()
  const connected = saved !== null
  const working = status.state === 'connected' || status.state === 'syncing' || status.state === 'offline' || status.state === 'checking'

  const settled = status.progress === null
  useEffect(() => {
    if (!open || !connected || status.state === 'off') return
    let live = true
    void Promise.all([mergeReport(), listRefused()]).then(([entries, refusedEntries]) => {
      if (!live) return
      setReport(entries)
      setRefused(refusedEntries)
    })
    return () => {
      live = false
    }
  }, [open, connected, status.state, status.refused, settled])

  const connect = async (): Promise<void> => {
    const checked = checkConnectionForm(form)
    if (!checked.ok) {
      setFieldError({ field: checked.field, message: checked.message })
      return
    }
    setFieldError(null)
    setBusy(true)
    try {
      // Saving a connection also clears a pause.
      await saveConnection(checked.value, form.password)
      if (allowedSyncOrigin !== checked.value.origin) {
        // The page's CSP names the server it may reach; a new server needs a fresh page.
        markJustConnected()
        location.reload()
        return
      }
      await startSync(form.password)
      setForm((current) => ({ ...current, password: '' }))
    } finally {
      setBusy(false)
    }
  }

  const disconnect = async (): Promise<void> => {
    setBusy(true)
    try {
      await disconnectSync()
      // Back to a page whose CSP allows no server at all.
      location.reload()
    } finally {
      setBusy(false)
    }
  }

  const input = (field: Field, key: keyof typeof form, type = 'text', autoComplete = 'off') => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{field}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={form[key]}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-invalid={fieldError?.field === field ? true : undefined}
        aria-describedby={fieldError?.field === field ? `${id}-error` : undefined}
        onChange={(event) => setForm((current) => ({ ...current, [key]: event.target.value }))}
      />
      {fieldError?.field === field && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {fieldError.message}
        </p>
      )}
    </div>
  )

  const text = syncStatusText(status)
  const needsForm = !connected || status.state === 'error' || status.state === 'unreachable' || status.state === 'needs-password'
  return (
    <Dialog title="Team sync" open={open} onClose={onClose} wide>
      <p className="muted">
        Every member keeps a full copy of the workspace and works offline; changes travel through the team’s CouchDB database whenever the server can be reached. Nothing is sent anywhere else.
      </p>
      {text && (
        <p className={status.state === 'error' || status.state === 'unreachable' ? 'inline-error' : 'sync-state'} role={status.state === 'error' || status.state === 'unreachable' ? 'alert' : 'status'}>
          {text}
        </p>
      )}
      {status.progress && (
        <div className="sync-progress">
          <progress aria-label="Sync progress" value={status.progress.done} max={Math.max(1, status.progress.total)} />
          <span>
            {status.progress.label}: {number.format(status.progress.done)} of {number.format(status.progress.total)}
          </span>
        </div>
      )}

      {status.state === 'confirm-merge' && (
        <section className="sync-confirm" aria-label="Merge with the team’s database">
          <p>
            This workspace has {number.format(status.local ?? 0)} records and the database “{saved?.database}” has {number.format(status.remote ?? 0)} documents. Merge them by record? Records only
            one side has are kept; where both sides changed a record the later edit wins, and a deletion stays deleted. The summary lists every record both sides changed.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void confirmMerge()}>
              Merge
            </button>
            <button type="button" onClick={() => void disconnect()}>
              Cancel
            </button>
          </div>
        </section>
      )}

      {needsForm && (
        <form
          className="sync-form"
          aria-label="Connect to the team’s server"
          onSubmit={(event) => {
            event.preventDefault()
            void connect()
          }}
        >
          {input('Server address', 'serverUrl', 'url')}
          {input('Database', 'database')}
          {input('User name', 'userName', 'text', 'username')}
          {input('Password', 'password', 'password', 'current-password')}
          <p className="field-note">
            {window.standpoint ? 'The password is kept encrypted by your system’s keychain.' : 'In a browser the password is kept for this session only; you type it again after closing the tab.'}
          </p>
        </form>
      )}
      {connected && !needsForm && (
        <dl className="sync-connection">
          <dt>Server</dt>
          <dd>{saved.serverUrl}</dd>
          <dt>Database</dt>
          <dd>{saved.database}</dd>
          <dt>User</dt>
          <dd>{saved.userName}</dd>
        </dl>
      )}

      <div className="button-row sync-actions">
        {needsForm && (
          <button type="button" className="primary" disabled={busy} onClick={() => void connect()}>
            Connect
          </button>
        )}
        {connected && status.state !== 'paused' && (
          <button type="button" disabled={busy || !working} onClick={() => void pauseSync()}>
            Pause
          </button>
        )}
        {connected && status.state === 'paused' && (
          <button type="button" className="primary" disabled={busy} onClick={() => void resumeSync()}>
            Resume
          </button>
        )}
        {connected && (
          <button type="button" className="danger" disabled={busy} onClick={() => void disconnect()}>
            Disconnect
          </button>
        )}
      </div>
      {connected && <p className="field-note">Disconnect stops syncing and removes this machine’s replica of the database; the workspace keeps everything it has.</p>}

      {report.length > 0 && (
        <section aria-label="Merge summary" className="sync-list">
          <h3>Records both sides had changed ({number.format(report.length)})</h3>
          <ul>
            {report.map((entry) => (
              <li key={`${entry.table}:${entry.id}`}>
                {entry.label} <span className="muted">({entry.table})</span>: kept {entry.kept}’s version ({entry.why === 'deleted' ? 'a deletion stays deleted' : 'the later edit'})
              </li>
            ))}
          </ul>
        </section>
      )}
      {refused.length > 0 && (
        <section aria-label="Refused documents" className="sync-list">
          <h3>Documents refused from the server ({number.format(refused.length)})</h3>
          <p className="field-note">These never entered the workspace. Ask the member who wrote them, or your server’s administrator, to look at them.</p>
          <ul>
            {refused.map((entry) => (
              <li key={entry.docId}>
                <code>{entry.docId}</code>: {entry.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  )
}
