import { useSyncExternalStore } from 'react'
import { OFF_STATUS, type SyncStatus } from './engine/status'

// The sync status the window shows (status bar, Data section, Team sync dialog). Small on
// purpose: it is in the app's first chunk; the worker and its client load only when a
// workspace is connected.

let status: SyncStatus = OFF_STATUS
const subscribers = new Set<() => void>()

export function setSyncStatus(next: SyncStatus): void {
  status = next
  for (const subscriber of subscribers) subscriber()
}

export function currentSyncStatus(): SyncStatus {
  return status
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(
    (callback) => {
      subscribers.add(callback)
      return () => subscribers.delete(callback)
    },
    () => status,
  )
}

/** Which of the sync dialogs is open. */
export type SyncDialog = 'team' | 'conflicts' | null
let dialog: SyncDialog = null
const dialogSubscribers = new Set<() => void>()

export function openSyncDialog(next: SyncDialog): void {
  dialog = next
  for (const subscriber of dialogSubscribers) subscriber()
}

export function useSyncDialog(): SyncDialog {
  return useSyncExternalStore(
    (callback) => {
      dialogSubscribers.add(callback)
      return () => dialogSubscribers.delete(callback)
    },
    () => dialog,
  )
}
