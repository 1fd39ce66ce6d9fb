import fc from 'fast-check'
import Papa from 'papaparse'

// Inputs for the importer fuzz suites: real files mutated the way files get damaged or doctored
// (bit rot, cut-off downloads, a stray quote or delimiter, NUL bytes, a second BOM, bytes that
// are not UTF-8, lines out of order, a field of megabytes, another encoding), plus plain random
// bytes and text. Everything is described by data, so fast-check can print and replay it.

export interface SeedFile {
  name: string
  bytes: Uint8Array
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Byte sequences worth inserting: structure characters of every format, and trouble. */
export const TOKENS: readonly Uint8Array[] = [
  ...['"', '""', '"""', "'", ',', ';', '\t', '|', '\n', '\r\n', '\r', '\n\n\n', ' ', '\\', '\\"', '\\u0000', '\\ud800'].map(utf8),
  ...['{', '}', '[', ']', '":', '":"', 'null', '[]', '{}', '1e999', '-0', 'NaN', 'true'].map(utf8),
  ...['<', '>', '</', '<script>', '</script>', '<!--', '-->', '<![CDATA[', ']]>', '<p>', '</p>', '<br>', '<body>', '</html>', '<img src=x onerror=alert(1)>'].map(utf8),
  ...['&amp;', '&#0;', '&#xD800;', '&#x110000;', '&nbsp;', '&unknownentity;'].map(utf8),
  ...['---\n', '# ', '* ', '> ', '```', '[x](javascript:alert(1))', '![i](http://x.invalid/i.png)'].map(utf8),
  ...['Title: ', 'Date: ', 'date 2024-13-45 ', 'By ', 'Source: '].map(utf8),
  ...['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'].map(utf8),
  ...['=cmd|', "'=1+1", '+2', '-2', '@SUM(A1)', '0', '1', 'yes', 'against', 'strongly for'].map(utf8),
  // Unicode that tends to break text handling: BOM, RTL override, line/paragraph separators,
  // a combining mark, an emoji (surrogate pair), Arabic tatweel, zero-width joiner.
  ...['\uFEFF', '\u202E', '\u2028', '\u2029', '\u0301', '\u{1F600}', 'ـ', '\u200D', '\u00A0', '\u0085'].map(utf8),
  new Uint8Array([0]),
  new Uint8Array([0, 0, 0, 0]),
  new Uint8Array([0xef, 0xbb, 0xbf]),
  new Uint8Array([0xff, 0xfe]),
  new Uint8Array([0xfe, 0xff]),
  // Not UTF-8: a lone continuation byte, a cut sequence, a surrogate, beyond U+10FFFF, overlong.
  new Uint8Array([0x80]),
  new Uint8Array([0xc3]),
  new Uint8Array([0xe2, 0x82]),
  new Uint8Array([0xed, 0xa0, 0x80]),
  new Uint8Array([0xf4, 0x90, 0x80, 0x80]),
  new Uint8Array([0xc0, 0xaf]),
  new Uint8Array([0xff]),
  // File signatures (PDF, ZIP, PNG) that the importer must refuse by content.
  utf8('%PDF-1.7'),
  new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
]

/** Names Object.prototype answers to: a file that uses one as a column, key or value must not reach it. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__'] as const

/** Values a spreadsheet cell can be given: Object's names, blanks, odd numbers and dates, text. */
export const CELL_VALUES: readonly string[] = [
  ...PROTOTYPE_NAMES,
  'Constructor',
  '',
  ' ',
  '"',
  '=1+1',
  "'=1+1",
  'NaN',
  '-0',
  '3',
  '-3',
  '0.5',
  '+1',
  '−1',
  'yes',
  'strongly for',
  'militia',
  '2024-02-30',
  '31/12/2024',
  '12/31/2024',
  '2024-12-23T25:61:00',
  '1e999',
  '00000000-0000-0000-0000-000000000000',
  'قال المتحدث',
  'line one\nline two',
  'x'.repeat(70_000),
]

/** A position in the input, as a fraction of its length, so one mutation fits any input. */
const position = fc.integer({ min: 0, max: 0xffff }).map((value) => value / 0x10000)

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; token: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'randomBytes'; at: number; bytes: Uint8Array }
  | { kind: 'shuffleLines'; seed: number }
  | { kind: 'hugeField'; at: number; size: number; token: number }
  | { kind: 'reencode'; as: 'utf-16le' | 'utf-16be' | 'latin1' }
  | { kind: 'replaceWord'; word: number; token: number }
  | { kind: 'objectName'; word: number; name: number }
  | { kind: 'cell'; row: number; column: number; value: number; wholeColumn: boolean }

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  // Low bits keep ASCII text ASCII (damage the encoding can carry); the high bit breaks UTF-8.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.constant(7) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, token: fc.nat({ max: TOKENS.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 300 }), times: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('randomBytes' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shuffleLines' as const), seed: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('hugeField' as const), at: position, size: fc.integer({ min: 20_000, max: 600_000 }), token: fc.nat({ max: TOKENS.length - 1 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reencode' as const), as: fc.constantFrom('utf-16le' as const, 'utf-16be' as const, 'latin1' as const) }) },
  // A whole word (a CSV cell, a JSON key or value, a header name, an entity) becomes a token.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replaceWord' as const), word: fc.nat({ max: 400 }), token: fc.nat({ max: TOKENS.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('objectName' as const), word: fc.nat({ max: 400 }), name: fc.nat({ max: PROTOTYPE_NAMES.length - 1 }) }) },
  // One cell of a table given an awkward value (inputs that are no table pass unchanged).
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      row: fc.nat({ max: 50 }),
      column: fc.nat({ max: 20 }),
      // Half the time one of Object's names (they come first in CELL_VALUES).
      value: fc.oneof(fc.nat({ max: PROTOTYPE_NAMES.length }), fc.nat({ max: CELL_VALUES.length - 1 })),
      wholeColumn: fc.boolean(),
    }),
  },
)

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return out
}

/** A small deterministic generator for the shuffle (fast-check supplies its seed). */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 0x100000000
  }
}

const HUGE_FILLER = utf8('The statement was read out again, word for word. ')

export function applyMutation(input: Uint8Array, mutation: Mutation): Uint8Array {
  const at = (fraction: number): number => Math.min(input.byteLength, Math.floor(fraction * (input.byteLength + 1)))
  switch (mutation.kind) {
    case 'flip': {
      if (input.byteLength === 0) return input
      const out = input.slice()
      const index = Math.min(out.byteLength - 1, at(mutation.at))
      out[index] = out[index]! ^ (1 << mutation.bit)
      return out
    }
    case 'truncate':
      return input.slice(0, at(mutation.at))
    case 'insert': {
      const index = at(mutation.at)
      return concat(input.subarray(0, index), TOKENS[mutation.token]!, input.subarray(index))
    }
    case 'delete': {
      const index = at(mutation.at)
      return concat(input.subarray(0, index), input.subarray(index + mutation.length))
    }
    case 'duplicate': {
      const index = at(mutation.at)
      const piece = input.subarray(index, index + mutation.length)
      return concat(input.subarray(0, index), ...Array.from({ length: mutation.times + 1 }, () => piece), input.subarray(index + piece.byteLength))
    }
    case 'randomBytes': {
      const index = at(mutation.at)
      return concat(input.subarray(0, index), mutation.bytes, input.subarray(index))
    }
    case 'shuffleLines': {
      const text = new TextDecoder('utf-8').decode(input)
      const lines = text.split('\n')
      const random = lcg(mutation.seed)
      for (let index = lines.length - 1; index > 0; index--) {
        const other = Math.floor(random() * (index + 1))
        ;[lines[index], lines[other]] = [lines[other]!, lines[index]!]
      }
      return utf8(lines.join('\n'))
    }
    case 'hugeField': {
      // A field of hundreds of kilobytes: ordinary text with the token sprinkled through it.
      const index = at(mutation.at)
      const unit = concat(HUGE_FILLER, TOKENS[mutation.token]!)
      const copies = Math.ceil(mutation.size / unit.byteLength)
      const huge = new Uint8Array(copies * unit.byteLength)
      for (let copy = 0; copy < copies; copy++) huge.set(unit, copy * unit.byteLength)
      return concat(input.subarray(0, index), huge, input.subarray(index))
    }
    case 'reencode': {
      const text = new TextDecoder('utf-8').decode(input)
      if (mutation.as === 'latin1') return Uint8Array.from(Array.from(text, (char) => char.charCodeAt(0) & 0xff))
      const out = new Uint8Array(2 + text.length * 2)
      const bigEndian = mutation.as === 'utf-16be'
      out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe], 0)
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index)
        out[2 + index * 2] = bigEndian ? code >> 8 : code & 0xff
        out[3 + index * 2] = bigEndian ? code & 0xff : code >> 8
      }
      return out
    }
    case 'replaceWord':
    case 'objectName': {
      const text = new TextDecoder('utf-8').decode(input)
      const words = [...text.matchAll(/[\p{L}\p{N}_]+/gu)]
      if (words.length === 0) return input
      const word = words[mutation.word % words.length]!
      const replacement = mutation.kind === 'objectName' ? PROTOTYPE_NAMES[mutation.name]! : new TextDecoder().decode(TOKENS[mutation.token])
      return utf8(text.slice(0, word.index) + replacement + text.slice(word.index + word[0].length))
    }
    case 'cell': {
      const parsed = Papa.parse<string[]>(new TextDecoder('utf-8').decode(input), { skipEmptyLines: true })
      const rows = parsed.data
      if (parsed.errors.length > 0 || rows.length < 2) return input
      const width = rows[0]!.length
      if (width === 0) return input
      const column = mutation.column % width
      // The header stays; one data cell, or the whole column below it, changes.
      const targets = mutation.wholeColumn ? rows.slice(1) : [rows[1 + (mutation.row % (rows.length - 1))]!]
      for (const row of targets) if (column < row.length) row[column] = CELL_VALUES[mutation.value]!
      return utf8(Papa.unparse(rows, { delimiter: parsed.meta.delimiter, newline: '\r\n' }))
    }
  }
}

export interface FuzzFile {
  name: string
  bytes: Uint8Array
  /** How the input was made, for the tally and failure reports. */
  origin: 'seed' | 'mutated' | 'random bytes' | 'random text'
}

/**
 * Files for an importer: mostly seed files with one to five mutations, some untouched seeds,
 * and some pure random bytes and text under one of the importer's file names.
 */
export function fuzzFiles(seeds: readonly SeedFile[], names: readonly string[]): fc.Arbitrary<FuzzFile> {
  if (seeds.length === 0) throw new Error('fuzzFiles needs at least one seed file')
  const seed = fc.constantFrom(...seeds)
  const mutated = fc.tuple(seed, fc.array(mutationArbitrary, { minLength: 1, maxLength: 5 })).map(([file, mutations]) => ({
    name: file.name,
    bytes: mutations.reduce(applyMutation, file.bytes),
    origin: 'mutated' as const,
  }))
  const untouched = seed.map((file) => ({ name: file.name, bytes: file.bytes, origin: 'seed' as const }))
  const name = fc.constantFrom(...names)
  const randomBytes = fc.tuple(name, fc.uint8Array({ maxLength: 4096 })).map(([fileName, bytes]) => ({ name: fileName, bytes, origin: 'random bytes' as const }))
  const tokenText = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat({ max: TOKENS.length - 1 }).map((index) => new TextDecoder().decode(TOKENS[index]))), { maxLength: 60 })
  const randomText = fc.tuple(name, tokenText).map(([fileName, parts]) => ({ name: fileName, bytes: utf8(parts.join('')), origin: 'random text' as const }))
  return fc.oneof({ weight: 14, arbitrary: mutated }, { weight: 2, arbitrary: untouched }, { weight: 2, arbitrary: randomBytes }, { weight: 2, arbitrary: randomText })
}
