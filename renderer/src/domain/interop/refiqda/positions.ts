// REFI-QDA counts plain-text positions in Unicode code points from 0 (REFI-QDA 1.5, §10.2);
// JavaScript strings, and so every offset in Standpoint, count UTF-16 units. The two differ
// after any character outside the Basic Multilingual Plane (emoji, 𝟐, many CJK extensions),
// which takes one code point but two UTF-16 units. Both directions walk the text once for all
// the positions of a source, so a long text with thousands of selections stays linear.
//
// Line endings are the other trap: the standard counts what is in the .txt file, so '\r\n' is
// two positions; ATLAS.ti writes '\r\n' into the file but counts it as one (QualCoder's importer
// makes the same correction). Standpoint keeps texts with '\n' only, so reading maps positions
// from the file's text to the normalised one.

/** How a file's positions treat '\r\n'. */
export type LineEndingCount = 'two' | 'one'

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff

/**
 * Code-point positions of UTF-16 offsets in `text`. An offset that splits a surrogate pair, or
 * lies outside the text, maps to null.
 */
export function utf16ToCodePoints(text: string, offsets: readonly number[]): Map<number, number | null> {
  const result = new Map<number, number | null>()
  const wanted = [...new Set(offsets)].sort((a, b) => a - b)
  let index = 0
  let codePoints = 0
  for (const offset of wanted) {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
      result.set(offset, null)
      continue
    }
    while (index < offset) {
      const unit = text.charCodeAt(index)
      index += isHighSurrogate(unit) && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1
      codePoints += 1
    }
    result.set(offset, index === offset ? codePoints : null)
  }
  return result
}

/** A file's text with line endings made '\n', as Standpoint stores texts. */
export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/**
 * UTF-16 offsets in normaliseLineEndings(raw) of positions counted in `raw` as REFI-QDA counts
 * them: code points, with '\r\n' as two positions or one. A position past the end maps to null;
 * with '\r\n' as two, the position between them maps to the '\n' that replaces the pair.
 */
export function filePositionsToUtf16(raw: string, positions: readonly number[], lineEndings: LineEndingCount): Map<number, number | null> {
  const result = new Map<number, number | null>()
  const wanted = [...new Set(positions)].sort((a, b) => a - b)
  let next = 0
  let index = 0
  let position = 0
  let out = 0
  const settle = (target: number | null) => {
    while (next < wanted.length && wanted[next]! <= position) {
      const asked = wanted[next]!
      result.set(asked, asked === position ? target : null)
      next += 1
    }
  }
  while (index < raw.length && next < wanted.length) {
    settle(out)
    const unit = raw.charCodeAt(index)
    if (unit === 0x0d && raw.charCodeAt(index + 1) === 0x0a) {
      if (lineEndings === 'one') {
        position += 1
      } else {
        // Both positions of the pair sit before the one '\n' the normalised text keeps.
        position += 1
        settle(out)
        position += 1
      }
      index += 2
      out += 1
      continue
    }
    const pair = isHighSurrogate(unit) && index + 1 < raw.length && isLowSurrogate(raw.charCodeAt(index + 1))
    index += pair ? 2 : 1
    out += pair ? 2 : 1
    position += 1
  }
  settle(out)
  for (const asked of wanted.slice(next)) result.set(asked, null)
  return result
}

/** How many positions REFI-QDA counts in a text. */
export function codePointLength(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index += 1) {
    if (isHighSurrogate(text.charCodeAt(index)) && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1))) index += 1
    count += 1
  }
  return count
}
