import { lazy, Suspense, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { reconcileConnection, savedConnection, takeJustConnected } from '../../platform/syncSettings'
import { openSyncDialog, useSyncDialog, useSyncStatus } from './syncStore'
import { syncStatusText } from './statusText'

// Team sync's place in the shell: two buttons of the Data section, the dialogs behind them,
// and the status bar's item. The worker and the dialogs load only when needed: a workspace
// that is not connected loads no sync code and makes no request.

const TeamSyncDialog = lazy(() => import('./TeamSyncDialog').then((module) => ({ default: module.TeamSyncDialog })))
const ConflictsDialog = lazy(() => import('./ConflictsDialog').then((module) => ({ default: module.ConflictsDialog })))

/** `Team sync…` and `Conflicts`, for the sidebar's Data section. */
export function SyncButtons() {
  const status = useSyncStatus()
  const dialog = useSyncDialog()
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set())
  if (dialog && !opened.has(dialog)) setOpened(new Set([...opened, dialog]))
  const close = (): void => openSyncDialog(null)
  return (
    <>
      <button type="button" className="data-button" onClick={() => openSyncDialog('team')}>
        Team sync…
      </button>
      {status.state !== 'off' && (
        <button type="button" className="data-button" onClick={() => openSyncDialog('conflicts')} aria-label={status.conflicts > 0 ? `Conflicts (${status.conflicts})` : 'Conflicts'}>
          Conflicts{status.conflicts > 0 && <span className="sync-badge">{status.conflicts}</span>}
        </button>
      )}
      {createPortal(
        <Suspense fallback={null}>
          {opened.has('team') && <TeamSyncDialog open={dialog === 'team'} onClose={close} />}
          {opened.has('conflicts') && <ConflictsDialog open={dialog === 'conflicts'} onClose={close} />}
        </Suspense>,
        document.body,
      )}
    </>
  )
}

/**
 * The status bar's sync item; also starts sync when the page opens on a connected workspace.
 * Without a connection it says what it always said: offline.
 */
export function SyncStatusItem({ host }: { host: string }) {
  const status = useSyncStatus()
  useEffect(() => {
    if (!savedConnection()) return putBackLostConnection()
    if (takeJustConnected()) openSyncDialog('team')
    void startUnlessDisconnected()
  }, [])
  const text = syncStatusText(status, true)
  if (text === null) return <span>Offline · {host}</span>
  const problem = status.state === 'error' || status.state === 'unreachable' || status.state === 'offline'
  return (
    <button type="button" className={`status-sync${problem ? ' status-sync-problem' : ''}`} data-testid="sync-status" data-state={status.state} onClick={() => openSyncDialog('team')} title={syncStatusText(status) ?? 'Team sync'}>
      {text}
    </button>
  )
}

/** Set before a reload that put localStorage right, so a second one never follows. */
const RECONCILED_KEY = 'standpoint.sync.reconciled'

function reloadOnce(): void {
  if (sessionStorage.getItem(RECONCILED_KEY) === '1') return
  sessionStorage.setItem(RECONCILED_KEY, '1')
  location.reload()
}

/** Starts syncing, unless the workspace says it was disconnected (localStorage kept the connection). */
async function startUnlessDisconnected(): Promise<void> {
  const outcome = await reconcileConnection().catch((error: unknown) => {
    console.warn('[standpoint] the team connection could not be checked against the workspace:', error)
    return 'unchanged' as const
  })
  if (outcome === 'forgotten') return reloadOnce()
  sessionStorage.removeItem(RECONCILED_KEY)
  const client = await import('./syncClient')
  await client.startSync()
}

/**
 * Rare: the browser lost localStorage's copy of the connection (closed soon after Connect). The
 * workspace's copy is read once the first screen is up, and the page starts again with it.
 */
function putBackLostConnection(): () => void {
  const idle = requestIdleCallback(
    () => {
      reconcileConnection()
        .then((outcome) => {
          if (outcome === 'restored') reloadOnce()
          else sessionStorage.removeItem(RECONCILED_KEY)
        })
        .catch((error: unknown) => console.warn('[standpoint] the team connection could not be read back:', error))
    },
    { timeout: 2_000 },
  )
  return () => cancelIdleCallback(idle)
}
