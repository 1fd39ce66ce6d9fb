// The body every importer stores: plain text, Unicode NFC, '\n' line ends, paragraphs
// separated by exactly one blank line, no stray control codes. Quotes are anchored to these
// exact characters, so the rules are few and predictable.

// C0 controls except tab and newline, DEL, C1 controls, and the BOM/ZWNBSP used as a mark.
// Zero-width joiners stay: Persian and Urdu spell words with them.
// eslint-disable-next-line no-control-regex -- matching control codes is the point
const STRAY_CODES = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufeff]/g

/** Line ends to '\n', form feeds and Unicode separators to paragraph breaks, controls gone. */
export function normaliseLineEnds(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2029\f]/g, '\n\n')
    .replace(/\u2028/g, '\n')
    .replace(STRAY_CODES, '')
}

const LIST_MARKER = /^\s*([-*•·–]|\d{1,3}[.)])\s+/

/**
 * Newswire and e-mail text is wrapped at a fixed width with paragraphs marked by an indent
 * (Reuters: lines of ~65 characters, each paragraph starting with four spaces). Shown as is,
 * it reads as ragged verse. When a whole text is wrapped that way we join its lines back into
 * paragraphs; text that is not (one line per paragraph, poems, lists, tables) is left alone.
 */
export function unwrapHardWrappedLines(text: string): string {
  const lines = text.split('\n')
  const filled = lines.filter((line) => line.trim() !== '')
  if (filled.length < 4) return text
  const lengths = filled.map((line) => line.trimEnd().length).sort((a, b) => a - b)
  const width = lengths[lengths.length - 1]!
  const median = lengths[Math.floor(lengths.length / 2)]!
  if (width > 100 || median < 40 || median < width * 0.6) return text

  const paragraphs: string[] = []
  let current = ''
  let previous = ''
  for (const line of lines) {
    const trimmed = line.trim()
    const startsBlock =
      trimmed === '' ||
      /^\s/.test(line) ||
      LIST_MARKER.test(line) ||
      // A short line that ends a sentence ended its paragraph before the wrap width.
      (previous.length < width * 0.6 && /[.!?:"'”’»)]$/.test(previous))
    if (startsBlock && current !== '') {
      paragraphs.push(current)
      current = ''
    }
    if (trimmed !== '') current = current === '' ? trimmed : `${current} ${trimmed}`
    previous = trimmed
  }
  if (current !== '') paragraphs.push(current)
  return paragraphs.join('\n\n')
}

/** The line without the spaces, tabs and no-break spaces it ends with (a loop: a regular expression per line cost more). */
function trimLineEnd(line: string): string {
  let end = line.length
  for (let code = line.charCodeAt(end - 1); code === 0x20 || code === 0x09 || code === 0xa0; code = line.charCodeAt(end - 1)) end--
  return end === line.length ? line : line.slice(0, end)
}

/** The canonical body: see the file comment. */
export function normaliseBody(text: string): string {
  const lines = normaliseLineEnds(text)
    .normalize('NFC')
    .split('\n')
    .map(trimLineEnd)
  const unwrapped = unwrapHardWrappedLines(lines.join('\n'))
  return unwrapped
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, '').replace(/^[ \t]+/, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n')
    .trim()
}

/** A one-line field (title, author, source): whitespace collapsed, controls gone. */
export function normaliseLine(text: string): string {
  return normaliseLineEnds(text).normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** A title for an article that has none: its first sentence or line, cut at a word. */
export function titleFromBody(body: string, maxLength = 120): string {
  const firstParagraph = body.split('\n')[0] ?? ''
  const sentence = /^(.{20,}?[.!?؟。])(\s|$)/u.exec(firstParagraph)?.[1] ?? firstParagraph
  if (sentence.length <= maxLength) return sentence.trim()
  const cut = sentence.slice(0, maxLength)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxLength * 0.5 ? cut.slice(0, lastSpace) : cut).trim()}…`
}
