import { ImportRejection } from './types'

// Bytes to text. UTF-8 is the norm (with or without BOM); UTF-16 appears in Excel's "Unicode
// text" exports; legacy Windows files are Windows-1252. We never guess silently: a fallback
// comes with a notice, and bytes that are neither are refused with the place they went wrong.

export interface DecodedText {
  text: string
  /** The encoding actually used, as a WHATWG label: "utf-8", "utf-16le", "windows-1252", ... */
  encoding: string
  /** Set when the text was not plain UTF-8: what we did, for the import summary. */
  notice?: string
}

const FORMAT_ADVICE = 'Standpoint imports plain text, Markdown, saved web pages (HTML), CSV, JSON, PDF, Word (.docx) and OpenDocument (.odt) files.'

interface Signature {
  bytes: number[]
  offset?: number
  what: (name: string) => string
  advice: string
}

const ZIP_KINDS: [RegExp, string, string][] = [
  [/\.docx$/i, 'a Word document (.docx)', 'In Word, use Save As > Plain Text, or copy the text and paste it.'],
  [/\.xlsx$/i, 'an Excel workbook (.xlsx)', 'In Excel, use Save As > CSV UTF-8, then import the CSV.'],
  [/\.(odt|ods|odp)$/i, 'an OpenDocument file', 'Save it as plain text or CSV first.'],
  [/\.epub$/i, 'an EPUB book', 'Export the chapters as text or HTML first.'],
]

const SIGNATURES: Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: () => 'a PDF document', advice: 'Copy the article text from the PDF and paste it.' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: (name) => ZIP_KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? 'a ZIP archive',
    advice: 'Unpack it, or save its content as text, and import those files.',
  },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: () => 'an old Microsoft Office file (.doc, .xls or .msg)', advice: 'Save it as plain text or CSV first.' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: () => 'an RTF document', advice: 'Save it as plain text first.' },
  { bytes: [0x1f, 0x8b], what: () => 'a gzip-compressed file', advice: 'Decompress it first.' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: () => 'a 7-Zip archive', advice: 'Unpack it and import the files inside.' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: () => 'a RAR archive', advice: 'Unpack it and import the files inside.' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: () => 'a PNG image', advice: 'Images have no text to import.' },
  { bytes: [0xff, 0xd8, 0xff], what: () => 'a JPEG image', advice: 'Images have no text to import.' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: () => 'a GIF image', advice: 'Images have no text to import.' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, what: () => 'a WebP image', advice: 'Images have no text to import.' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: () => 'an SQLite database', advice: 'Export the table as CSV first.' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: () => 'a program (ELF executable)', advice: '' },
  { bytes: [0x4d, 0x5a], what: () => 'a Windows program', advice: '' },
]

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false
  return signature.every((byte, index) => bytes[offset + index] === byte)
}

/** A specific reason for well-known binary formats, so the user learns what to do instead. */
export function knownBinaryFormat(bytes: Uint8Array, name: string): string | null {
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes, signature.offset)) {
      const zipAdvice = ZIP_KINDS.find(([pattern]) => pattern.test(name))?.[2]
      const advice = zipAdvice && signature.bytes[0] === 0x50 ? zipAdvice : signature.advice
      return `This is ${signature.what(name)}, not text. ${FORMAT_ADVICE}${advice ? ` ${advice}` : ''}`
    }
  }
  return null
}

/** UTF-16 without a BOM shows up as a NUL in every other byte of ASCII-range text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (sample < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros++
    if (bytes[index + 1] === 0) oddZeros++
  }
  const pairs = sample / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}

interface Utf8Scan {
  /** Offset of the first byte that breaks UTF-8, or -1 when the whole input is valid. */
  firstInvalid: number
  /** Well-formed multi-byte sequences seen: evidence that the file was meant as UTF-8. */
  multibyte: number
}

/** One pass over the bytes, following the UTF-8 well-formedness table (Unicode 15, 3-7). */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstInvalid = -1
  let multibyte = 0
  let index = 0
  const length = bytes.length
  while (index < length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index++
      continue
    }
    let needed = 0
    let min = 0x80
    let max = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2
      if (lead === 0xe0) min = 0xa0
      if (lead === 0xed) max = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3
      if (lead === 0xf0) min = 0x90
      if (lead === 0xf4) max = 0x8f
    }
    let valid = needed > 0
    for (let offset = 1; valid && offset <= needed; offset++) {
      const byte = bytes[index + offset]
      if (byte === undefined) valid = false
      else if (offset === 1 ? byte < min || byte > max : byte < 0x80 || byte > 0xbf) valid = false
    }
    if (valid) {
      multibyte++
      index += needed + 1
    } else {
      if (firstInvalid < 0) firstInvalid = index
      index++
    }
  }
  return { firstInvalid, multibyte }
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++
  return line
}

/** Bytes Windows-1252 leaves undefined: their presence means the file is not 1252 either. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

// Windows-1252's 0x80-0x9F (curly quotes, dashes, €). Decoded by hand because Node's
// TextDecoder reads the "windows-1252" label as ISO-8859-1 and returns C1 controls there.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  const CHUNK = 8192
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte))
    text += String.fromCharCode(...codes)
  }
  return text
}

/** The charset a saved web page declares in its first 1024 bytes (HTML's prescan, simplified). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 1024))
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  return match ? match[1]!.toLowerCase() : null
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true })
  } catch {
    return null
  }
}

/** C0 controls other than tab, newline, form feed and carriage return; DEL. */
// eslint-disable-next-line no-control-regex -- matching control codes is the point
const CONTROL_CODE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/

function checkControlCharacters(text: string, encoding: string): void {
  if (text.includes('\u0000')) {
    throw new ImportRejection(`The file contains NUL bytes: it is binary data, not ${encoding} text. ${FORMAT_ADVICE}`)
  }
  // Tabs, newlines and form feeds are text; a few other control codes survive old exports and
  // are stripped later, but many of them mean this is not text at all.
  // Most files have none, which one regular-expression scan settles far faster than a loop.
  let controls = 0
  if (CONTROL_CODE.test(text)) {
    const every = new RegExp(CONTROL_CODE.source, 'g')
    while (every.exec(text) !== null) controls++
  }
  if (controls > 16 && controls > text.length * 0.01) {
    throw new ImportRejection(`The file is mostly control codes: it looks like binary data, not text. ${FORMAT_ADVICE}`)
  }
}

/**
 * Decodes a file's bytes. `html` lets a page's own <meta charset> choose a legacy encoding
 * (windows-1256 for older Arabic sites, for instance) when the bytes are not UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, options: { name?: string; html?: boolean } = {}): DecodedText {
  const name = options.name ?? ''
  if (bytes.length === 0) throw new ImportRejection('The file is empty.')

  let result: DecodedText | null = null
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const decoder = decoderFor('utf-8')!
    try {
      result = { text: decoder.decode(bytes.subarray(3)), encoding: 'utf-8' }
    } catch {
      const scan = scanUtf8(bytes.subarray(3))
      throw new ImportRejection(
        `The file starts with a UTF-8 byte order mark but is not valid UTF-8 (first bad byte at line ${lineOf(bytes, scan.firstInvalid + 3)}, byte ${scan.firstInvalid + 4}). Save it again as UTF-8 and re-import it.`,
      )
    }
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    try {
      result = { text: decoderFor(encoding)!.decode(bytes.subarray(2)), encoding, notice: `Read as ${encoding.toUpperCase()} (the file says so with a byte order mark).` }
    } catch {
      throw new ImportRejection(`The file says it is ${encoding.toUpperCase()} but its bytes are not; it may be damaged.`)
    }
  }

  if (!result) {
    const binary = knownBinaryFormat(bytes, name)
    if (binary) throw new ImportRejection(binary)
    const utf16 = sniffUtf16(bytes)
    if (utf16) {
      try {
        result = { text: decoderFor(utf16)!.decode(bytes), encoding: utf16, notice: `Read as ${utf16.toUpperCase()} (detected from its byte pattern; the file has no byte order mark).` }
      } catch {
        result = null
      }
    }
  }

  // NUL bytes outside UTF-16 are binary data, whatever else the bytes might decode as.
  if (!result && bytes.subarray(0, 65536).includes(0)) {
    throw new ImportRejection(`The file contains NUL bytes: it is binary data, not text. ${FORMAT_ADVICE}`)
  }

  if (!result) {
    try {
      result = { text: decoderFor('utf-8')!.decode(bytes), encoding: 'utf-8' }
    } catch {
      result = decodeLegacy(bytes, options.html === true)
    }
  }

  checkControlCharacters(result.text, result.encoding.toUpperCase())
  return result
}

function decodeLegacy(bytes: Uint8Array, html: boolean): DecodedText {
  const scan = scanUtf8(bytes)
  const where = `line ${lineOf(bytes, scan.firstInvalid)}, byte ${scan.firstInvalid + 1}`
  if (html) {
    const declared = declaredHtmlCharset(bytes)
    // WHATWG reads every Latin-1 label as Windows-1252.
    if (declared && /^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin-?1|us-ascii|ascii)$/.test(declared) && !bytes.some((byte) => UNDEFINED_IN_1252.has(byte))) {
      return { text: decodeWindows1252(bytes), encoding: 'windows-1252', notice: `Read as Windows-1252 (the page declares ${declared}).` }
    }
    if (declared && !/^utf-?8$/.test(declared)) {
      const decoder = decoderFor(declared)
      if (decoder) {
        try {
          return { text: decoder.decode(bytes), encoding: declared, notice: `Read as ${declared} (declared by the page).` }
        } catch {
          // The declaration lied; fall through to the general rules.
        }
      }
    }
  }
  // Valid multi-byte sequences next to broken ones: a UTF-8 file that was damaged or
  // concatenated with another encoding. Reading it as 1252 would garble the good parts.
  if (scan.multibyte > 0) {
    throw new ImportRejection(
      `The file is UTF-8 with invalid bytes in it (first at ${where}): it may be damaged or mix two encodings. Nothing was imported from it; save it again as UTF-8 and re-import it.`,
    )
  }
  if (bytes.some((byte) => UNDEFINED_IN_1252.has(byte))) {
    throw new ImportRejection(
      `The file is not valid UTF-8 (first invalid byte at ${where}) and not Windows-1252 text either. Save it as UTF-8 and re-import it.`,
    )
  }
  const text = decodeWindows1252(bytes)
  return {
    text,
    encoding: 'windows-1252',
    notice: `Not valid UTF-8 (first non-UTF-8 byte at ${where}); read as Windows-1252. Check accented letters and quotation marks.`,
  }
}
