// The contract between the renderer and the main process. Main and renderer import these
// types (and the channel names) only; the preload script is the one place that wires them.

export interface AppInfo {
  name: string
  version: string
  electron: string
  chrome: string
  platform: string
  /** Folder where Electron keeps this profile, IndexedDB included. */
  userDataPath: string
}

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface OpenFilesRequest {
  title?: string
  filters?: FileFilter[]
  /** Pick folders instead of files; every file inside (recursively) is returned. */
  folders?: boolean
}

export interface OpenedFile {
  name: string
  /** Path relative to a chosen folder, or the bare name for a chosen file. */
  relativePath: string
  size: number
  /** Raw bytes: decoding (UTF-8, Windows-1252, ...) is the importer's job, not main's. */
  bytes: Uint8Array
}

export interface RejectedFile {
  relativePath: string
  reason: string
}

export interface OpenFilesResult {
  canceled: boolean
  files: OpenedFile[]
  /** Files main refused to read (too large, unreadable), each with the reason. */
  rejected: RejectedFile[]
}

export interface SaveFileRequest {
  suggestedName: string
  filters?: FileFilter[]
  /** Text is written as UTF-8; bytes are written as they are. */
  content: string | Uint8Array
}

export interface SaveFileResult {
  canceled: boolean
  /** Where the file was written, when it was. */
  path?: string
}

export interface SaveStreamBeginRequest {
  suggestedName: string
  filters?: FileFilter[]
}

export type SaveStreamBeginResult = { canceled: true } | { canceled: false; streamId: string; path: string }

export interface SaveStreamChunk {
  streamId: string
  /** Text is written as UTF-8; bytes are written as they are. */
  chunk: string | Uint8Array
}

/** What the member typed in Team sync to connect the workspace. */
export interface SyncConnectionRequest {
  serverUrl: string
  database: string
  userName: string
  password: string
}

/** How the password is kept: encrypted with the system keychain, for this run only, or not at all. */
export type SyncPasswordStorage = 'encrypted' | 'session' | 'none'

export interface SyncConnection {
  serverUrl: string
  database: string
  userName: string
  /** null when it could not be kept or read back: the member types it again. */
  password: string | null
  passwordStorage: SyncPasswordStorage
}

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = ['import', 'export', 'undo', 'redo', 'about', 'help'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface StandpointApi {
  appInfo(): Promise<AppInfo>
  openFiles(request?: OpenFilesRequest): Promise<OpenFilesResult>
  /** Native save dialog; main writes the file atomically (temp file, then rename). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  /**
   * A save too large to hand over in one piece: the native dialog, then chunks appended to a
   * temp file beside the target, renamed over it on finish (removed on abort).
   */
  beginSave(request: SaveStreamBeginRequest): Promise<SaveStreamBeginResult>
  appendSave(request: SaveStreamChunk): Promise<void>
  finishSave(streamId: string): Promise<SaveFileResult>
  abortSave(streamId: string): Promise<void>
  /** The team workspace's stored connection, password decrypted, or null when not connected. */
  syncConnection(): Promise<SyncConnection | null>
  /**
   * Stores the connection (password through safeStorage) and from then on lets requests reach
   * that server's origin, and only it; the page must reload to get the matching CSP.
   */
  setSyncConnection(request: SyncConnectionRequest): Promise<SyncPasswordStorage>
  /** Forgets the connection and the password; no request may reach the server any more. */
  clearSyncConnection(): Promise<void>
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/** IPC channel names, one per bridge method. Main rejects any other channel. */
export const IPC = {
  appInfo: 'standpoint:app-info',
  openFiles: 'standpoint:open-files',
  saveFile: 'standpoint:save-file',
  saveBegin: 'standpoint:save-begin',
  saveAppend: 'standpoint:save-append',
  saveFinish: 'standpoint:save-finish',
  saveAbort: 'standpoint:save-abort',
  menuCommand: 'standpoint:menu-command',
  syncConnection: 'standpoint:sync-connection',
  setSyncConnection: 'standpoint:sync-connection-set',
  clearSyncConnection: 'standpoint:sync-connection-clear',
} as const

export type IpcChannel = (typeof IPC)[keyof typeof IPC]

/** Largest single file main will read for the renderer; bigger files are rejected with a reason. */
export const MAX_OPEN_FILE_BYTES = 100 * 1024 * 1024
