import type { SyncStatus } from './engine/status'

const number = new Intl.NumberFormat('en')

function time(iso: string): string {
  const date = new Date(iso)
  const sameDay = date.toDateString() === new Date().toDateString()
  return sameDay ? date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}

/**
 * The words for team sync's state (null when the workspace is not connected). `brief` is the
 * status bar's: an offline sync's reason (the network's words) stays in the dialog and the
 * tooltip; an error keeps its reason, which is what the member must act on.
 */
export function syncStatusText(status: SyncStatus, brief = false): string | null {
  const counts = [
    status.sending > 0 ? `sending ${number.format(status.sending)}` : null,
    status.receiving > 0 ? `receiving ${number.format(status.receiving)}` : null,
    status.conflicts > 0 ? `${number.format(status.conflicts)} conflict${status.conflicts === 1 ? '' : 's'}` : null,
    status.refused > 0 ? `${number.format(status.refused)} refused` : null,
  ].filter((part): part is string => part !== null)
  const last = status.lastSyncedAt ? `last synced ${time(status.lastSyncedAt)}` : null
  switch (status.state) {
    case 'off':
      return null
    case 'checking':
      return 'Team sync: connecting…'
    case 'needs-password':
      return 'Team sync: enter your password to resume'
    case 'confirm-merge':
      return 'Team sync: waiting for you to confirm the merge'
    case 'syncing': {
      const progress = status.progress
      return `Team sync: ${progress ? `${progress.label.toLowerCase()} ${number.format(progress.done)} of ${number.format(progress.total)}` : 'syncing'}`
    }
    case 'connected':
      return ['Team sync: connected', ...counts, last].filter(Boolean).join(' · ')
    case 'offline':
      return ['Team sync: offline', ...counts, last].filter(Boolean).join(' · ') + (status.message && !brief ? ` — ${status.message}` : '')
    case 'paused':
      return ['Team sync: paused', ...counts].join(' · ')
    case 'unreachable':
    case 'error':
      return `Team sync: error — ${status.message ?? 'unknown error'}`
  }
}
