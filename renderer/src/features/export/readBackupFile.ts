import { BackupParser, type ParsedBackup } from '../../db/backup/parseBackup'
import { nextFrame } from './saveChunks'

const SLICE_BYTES = 4 * 1024 * 1024

/**
 * Reads a backup file in slices, feeding the parser as it goes (so a backup from a newer
 * version is refused after its first line) and reporting how far it got.
 */
export async function readBackupFile(file: Blob, onProgress: (fraction: number) => void): Promise<ParsedBackup> {
  const parser = new BackupParser()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + SLICE_BYTES).arrayBuffer())
    let text: string
    try {
      text = decoder.decode(bytes, { stream: offset + SLICE_BYTES < file.size })
    } catch {
      throw new TypeError('the file is not UTF-8 text, so it is not a Standpoint backup')
    }
    parser.push(text)
    onProgress(Math.min(1, (offset + bytes.length) / file.size))
    await nextFrame()
  }
  return parser.finish()
}
