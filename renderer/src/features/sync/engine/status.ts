// What the window shows of a team workspace's sync: the status bar's words and the Team sync
// dialog's progress. Sent by the sync worker on every change.

export type SyncState =
  /** Not connected to any server. */
  | 'off'
  /** Connected before, but this session has no password (a browser keeps it per session only). */
  | 'needs-password'
  | 'checking'
  /** The workspace and the database both have data: waiting for the member's go-ahead. */
  | 'confirm-merge'
  /** A first connection is uploading, downloading or merging, with progress. */
  | 'syncing'
  | 'connected'
  /** The server cannot be reached just now; changes queue and go out when it is back. */
  | 'offline'
  /** The server could not be reached when connecting. */
  | 'unreachable'
  | 'paused'
  | 'error'

export interface SyncStatus {
  state: SyncState
  /** Why, for offline, unreachable and error; what happened, otherwise. */
  message: string | null
  /** Changes made here that have not reached the server yet. */
  sending: number
  /** Changes on the server not yet in this workspace, as far as known. */
  receiving: number
  lastSyncedAt: string | null
  progress: { label: string; done: number; total: number } | null
  conflicts: number
  refused: number
  /** Records here and documents on the server, when asking before a merge. */
  local: number | null
  remote: number | null
}

export const OFF_STATUS: SyncStatus = { state: 'off', message: null, sending: 0, receiving: 0, lastSyncedAt: null, progress: null, conflicts: 0, refused: 0, local: null, remote: null }
