import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import { errorText } from '../../errorText'

// Reading a zip someone else made, without trusting it. The central directory is listed first
// (names and declared sizes, nothing inflated); only the entries asked for are then inflated,
// counting the bytes that actually come out, so a zip bomb or an entry whose declared size
// lies stops at its cap instead of filling memory. Names are never used as file paths, but
// entries whose names climb out of the archive (../, absolute, drive letters) are still
// reported and ignored, as a sign of a hostile or broken file.

export interface ZipEntry {
  name: string
  /** Bytes as stored in the zip. */
  compressedSize: number
  /** Bytes once inflated, as the zip declares it (not trusted). */
  declaredSize: number
}

export type ZipListing =
  | { ok: true; entries: ZipEntry[]; ignored: { entry: string; reason: string }[] }
  | { ok: false; reason: string }

export function listZip(bytes: Uint8Array, maxEntries: number): ZipListing {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return { ok: false, reason: 'It is not a zip archive (a .qdpx file is one).' }
  }
  const entries: ZipEntry[] = []
  const ignored: { entry: string; reason: string }[] = []
  const names = new Set<string>()
  let tooMany = false
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (entries.length + ignored.length >= maxEntries) {
          tooMany = true
          return false
        }
        const unsafe = unsafeName(file.name)
        if (unsafe) ignored.push({ entry: file.name.slice(0, 200), reason: unsafe })
        else if (names.has(file.name)) ignored.push({ entry: file.name, reason: 'It appears twice in the archive; the first copy is used.' })
        else if (!file.name.endsWith('/')) {
          names.add(file.name)
          entries.push({ name: file.name, compressedSize: file.size, declaredSize: file.originalSize })
        }
        return false
      },
    })
  } catch (error) {
    return { ok: false, reason: `The zip archive is damaged (${errorText(error)}).` }
  }
  if (tooMany) return { ok: false, reason: `The archive holds more than ${maxEntries.toLocaleString('en')} files; a project export is not expected to.` }
  return { ok: true, entries, ignored }
}

function unsafeName(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'Its name contains control characters.'
  if (name.includes('\\')) return 'Its name uses backslashes, which a portable archive does not.'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'Its name is an absolute path.'
  if (name.split('/').some((part) => part === '..')) return 'Its name climbs out of the archive (..).'
  return null
}

export type Extracted = { ok: true; data: Uint8Array } | { ok: false; reason: string }

/**
 * Inflates the named entries, each up to its cap, all together up to `maxTotalBytes`.
 * Every name asked for gets an answer: its bytes, or why not.
 */
export function extractEntries(bytes: Uint8Array, caps: ReadonlyMap<string, number>, maxTotalBytes: number): Map<string, Extracted> {
  const results = new Map<string, Extracted>()
  let total = 0
  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.onfile = (file) => {
    const cap = caps.get(file.name)
    if (cap === undefined || results.has(file.name)) return
    const chunks: Uint8Array[] = []
    let size = 0
    let stopped = false
    file.ondata = (error, chunk, final) => {
      if (stopped) return
      if (error) {
        stopped = true
        results.set(file.name, { ok: false, reason: `It could not be inflated (${error.message}).` })
        return
      }
      size += chunk.length
      total += chunk.length
      if (size > cap || total > maxTotalBytes) {
        stopped = true
        file.terminate()
        results.set(file.name, {
          ok: false,
          reason:
            size > cap
              ? `It expands beyond ${megabytes(cap)} MB (a text that long cannot be imported, or a zip bomb).`
              : `The files read so far already expand beyond ${megabytes(maxTotalBytes)} MB in all.`,
        })
        return
      }
      chunks.push(chunk)
      if (final) results.set(file.name, { ok: true, data: concat(chunks, size) })
    }
    file.start()
  }
  try {
    unzip.push(bytes, true)
  } catch (error) {
    const reason = `The archive could not be read to the end (${errorText(error)}).`
    for (const name of caps.keys()) if (!results.has(name)) results.set(name, { ok: false, reason })
  }
  for (const name of caps.keys()) {
    if (!results.has(name)) results.set(name, { ok: false, reason: 'It is listed in the archive but its data could not be found.' })
  }
  return results
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

function megabytes(count: number): string {
  return (count / (1024 * 1024)).toFixed(0)
}
