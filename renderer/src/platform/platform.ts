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
  openExternal(url: string): Promise<boolean>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

export function fromBytes(name: string, relativePath: string, bytes: Uint8Array): PickedFile {
  return { name, relativePath, size: bytes.byteLength, read: async () => bytes }
}

export function fromBrowserFile(file: File): PickedFile {
  const relativePath = file.webkitRelativePath !== '' ? file.webkitRelativePath : file.name
  return { name: file.name, relativePath, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) }
}
