import { randomBytes } from 'node:crypto'
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { MAX_OPEN_FILE_BYTES, type OpenedFile, type RejectedFile } from '../preload/api'

/** Files a chosen folder may hold before we stop walking it, so one bad pick cannot hang main. */
const MAX_FILES_PER_PICK = 50_000

export interface ReadResult {
  files: OpenedFile[]
  rejected: RejectedFile[]
}

async function walk(folder: string, into: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true })
  for (const entry of entries) {
    if (into.length >= MAX_FILES_PER_PICK) return
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) await walk(path, into)
    else if (entry.isFile()) into.push(path)
  }
}

/**
 * Reads what the user picked in the native dialog. Folders are walked (hidden files skipped).
 * A file that is too large or unreadable is reported with a reason; the rest still load.
 */
export async function readChosenPaths(paths: string[], folders: boolean): Promise<ReadResult> {
  const result: ReadResult = { files: [], rejected: [] }
  const targets: { path: string; relativePath: string }[] = []
  for (const chosen of paths) {
    if (folders) {
      const found: string[] = []
      try {
        await walk(chosen, found)
      } catch (error) {
        result.rejected.push({ relativePath: basename(chosen), reason: `Folder could not be read: ${String(error)}` })
        continue
      }
      const base = dirname(chosen)
      for (const path of found) targets.push({ path, relativePath: relative(base, path) })
    } else {
      targets.push({ path: chosen, relativePath: basename(chosen) })
    }
  }
  for (const target of targets) {
    try {
      const info = await stat(target.path)
      if (info.size > MAX_OPEN_FILE_BYTES) {
        const mb = (info.size / 1024 / 1024).toFixed(1)
        result.rejected.push({
          relativePath: target.relativePath,
          reason: `File is ${mb} MB; the limit is ${MAX_OPEN_FILE_BYTES / 1024 / 1024} MB per file.`,
        })
        continue
      }
      const bytes = await readFile(target.path)
      result.files.push({
        name: basename(target.path),
        relativePath: target.relativePath,
        size: bytes.byteLength,
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      })
    } catch (error) {
      result.rejected.push({ relativePath: target.relativePath, reason: `File could not be read: ${String(error)}` })
    }
  }
  return result
}

/**
 * Writes a file so that a crash or full disk never leaves a half-written file under the
 * chosen name: write and fsync a temp file beside it, then rename over the target.
 */
export async function writeFileAtomically(target: string, content: string | Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', 0o644)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
