import type { FileFilter, MenuCommand, SaveFileResult } from '../../../preload/api'

/** A file the user picked or dropped; bytes are read on demand so big batches stream. */
export interface PickedFile {
  name: string
  relativePath: string
  size: number
  read(): Promise<Uint8Array>
}

export interface PickFilesResult {
  files: PickedFile[]
  /** Files the host refused to read, each with the reason. */
  rejected: { relativePath: string; reason: string }[]
}

export interface SaveRequest {
  suggestedName: string
  content: string | Uint8Array
  mimeType: string
  filters?: FileFilter[]
}

/** A file being written in pieces (large exports and backups). */
export interface SaveStream {
  /** Text is written as UTF-8; bytes as they are. */
  write(chunk: string | Uint8Array): Promise<void>
  /** Completes the file: renamed into place (Electron) or downloaded (browser). */
  finish(): Promise<SaveFileResult>
  /** Abandons it; nothing is left under the chosen name. */
  abort(): Promise<void>
}

export type SaveStreamRequest = Omit<SaveRequest, 'content'>

export interface HostInfo {
  host: 'electron' | 'browser'
  version: string
  /** Where the workspace is stored, in words a user can follow. */
  dataLocation: string
}

/** What the workbench needs from its host, whether Electron or a plain browser tab. */
export interface Platform {
  readonly kind: 'electron' | 'browser'
  info(): Promise<HostInfo>
  pickFiles(options?: { folders?: boolean; filters?: FileFilter[]; title?: string }): Promise<PickFilesResult | null>
  saveFile(request: SaveRequest): Promise<SaveFileResult>
  /** Asks where to save (Electron) and opens a file to write in pieces; null when the user cancels. */
  beginSave(request: SaveStreamRequest): Promise<SaveStream | null>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

export function fromBytes(name: string, relativePath: string, bytes: Uint8Array): PickedFile {
  return { name, relativePath, size: bytes.byteLength, read: async () => bytes }
}

export function fromBrowserFile(file: File): PickedFile {
  const relativePath = file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name
  return { name: file.name, relativePath, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) }
}
