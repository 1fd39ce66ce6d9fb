import { fromBrowserFile, type PickedFile } from '../../platform/platform'

// Files dropped on the window, folders included: a dropped folder is walked recursively
// through the File System entries API (Chromium and Electron both have it).

interface Entry {
  isFile: boolean
  isDirectory: boolean
  name: string
  fullPath: string
}
interface FileEntry extends Entry {
  file(success: (file: File) => void, failure: (error: Error) => void): void
}
interface DirectoryEntry extends Entry {
  createReader(): { readEntries(success: (entries: Entry[]) => void, failure: (error: Error) => void): void }
}

/** Most files a single drop may bring in; beyond it the user is asked to import in parts. */
export const MAX_DROPPED_FILES = 20_000

function readFile(entry: FileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

async function readDirectory(entry: DirectoryEntry): Promise<Entry[]> {
  const reader = entry.createReader()
  const all: Entry[] = []
  // readEntries returns at most 100 entries per call; keep reading until it returns none.
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

async function collect(entry: Entry, out: PickedFile[]): Promise<void> {
  if (out.length >= MAX_DROPPED_FILES) return
  if (entry.isFile) {
    const file = await readFile(entry as FileEntry)
    const picked = fromBrowserFile(file)
    out.push({ ...picked, relativePath: entry.fullPath.replace(/^\//, '') || file.name })
  } else if (entry.isDirectory) {
    for (const child of await readDirectory(entry as DirectoryEntry)) await collect(child, out)
  }
}

/** True when a drag carries files (not text or a link from another app). */
export function dragHasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const items = Array.from(transfer.items).filter((item) => item.kind === 'file')
  // Entries must be taken synchronously, before the drop event's data store closes.
  const entries = items.map((item) => (item as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null)
  if (entries.every((entry) => entry === null)) return Array.from(transfer.files).map(fromBrowserFile)
  const out: PickedFile[] = []
  for (const entry of entries) if (entry) await collect(entry, out)
  return out
}
