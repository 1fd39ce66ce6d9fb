import { headerKey } from '../import/headerNames'
import type { ColumnMapping } from './mapping'

// The choices a coded-claims import makes beyond which column holds which field: how a cell
// with several issues is split, whether issues are matched by code or by label, and what
// becomes of the columns no field takes (kept as attributes of the actor, the claim or the
// document, or dropped).

/** '' splits nothing: the whole cell is one value. */
export const ISSUE_SEPARATORS = ['', '|', ';', ','] as const
export type IssueSeparator = (typeof ISSUE_SEPARATORS)[number]

export const SEPARATOR_LABELS: Record<IssueSeparator, string> = { '': '(none)', '|': '|', ';': ';', ',': ',' }

export const ISSUE_MATCHES = ['label', 'code'] as const
export type IssueMatch = (typeof ISSUE_MATCHES)[number]

export const ISSUE_MATCH_LABELS: Record<IssueMatch, string> = {
  label: 'By label (then by code)',
  code: 'By code (then by label)',
}

export const KEEP_TARGETS = ['nothing', 'actor', 'claim', 'document'] as const
export type KeepTarget = (typeof KEEP_TARGETS)[number]

export const KEEP_LABELS: Record<KeepTarget, string> = {
  nothing: 'nothing',
  actor: 'actor attribute',
  claim: 'claim attribute',
  document: 'document attribute',
}

/** What each column no field maps is kept as, by column index; absent means nothing. */
export type KeepColumns = Readonly<Record<number, KeepTarget>>

/**
 * A cell's values: split at the separator, trimmed, blanks dropped, each value once (or, with
 * keepRepeats, every occurrence: "A|General|B|General" names two different "General"s).
 */
export function splitCell(cell: string, separator: IssueSeparator, keepRepeats = false): string[] {
  const parts = separator === '' ? [cell] : cell.split(separator)
  const seen = new Set<string>()
  const values: string[] = []
  for (const part of parts) {
    const value = part.trim().replace(/\s+/g, ' ')
    if (value === '' || (seen.has(value) && !keepRepeats)) continue
    seen.add(value)
    values.push(value)
  }
  return values
}

/**
 * The separator a column of issue cells most likely uses: `|` or `;` when a good share of the
 * cells hold one (a comma is never guessed: labels have commas). The analyst confirms it.
 */
export function guessSeparator(cells: Iterable<string>): IssueSeparator {
  let total = 0
  const counts = { '|': 0, ';': 0 }
  for (const cell of cells) {
    if (cell.trim() === '') continue
    total++
    if (cell.includes('|')) counts['|']++
    if (cell.includes(';')) counts[';']++
  }
  if (total === 0) return ''
  if (counts['|'] >= Math.max(1, total * 0.02)) return '|'
  if (counts[';'] >= Math.max(1, total * 0.05)) return ';'
  return ''
}

/** Column names that are usually about the claimant: kept as actor attributes unless changed. */
const ACTOR_ATTRIBUTE_NAMES = new Set(['party', 'parties', 'partei', 'country', 'coalition', 'faction', 'affiliation', 'nationality', 'bloc', 'actor party', 'actor country', 'organisation type', 'organization type'].map(headerKey))

/** The prefixes our own exports give attribute columns. */
const PREFIXES: readonly [string, Exclude<KeepTarget, 'nothing'>][] = [
  ['actor.', 'actor'],
  ['claim.', 'claim'],
  ['meta.', 'document'],
]

/** The attribute a kept column is stored under: its header, without an export's prefix. */
export function attributeKeyFor(header: string, column: number): string {
  const name = header.trim()
  for (const [prefix] of PREFIXES) if (name.toLowerCase().startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length).trim()
  return name === '' ? `Column ${column + 1}` : name
}

/** Proposes what to keep each unmapped column as: our own export's prefixed columns and party-like names. */
export function guessKeep(header: readonly string[], mapping: ColumnMapping): Record<number, KeepTarget> {
  const mapped = new Set(Object.values(mapping).filter((column): column is number => column !== null))
  const keep: Record<number, KeepTarget> = {}
  header.forEach((name, column) => {
    if (mapped.has(column)) return
    const lower = name.trim().toLowerCase()
    const prefixed = PREFIXES.find(([prefix]) => lower.startsWith(prefix) && lower.length > prefix.length)
    if (prefixed) keep[column] = prefixed[1]
    else if (ACTOR_ATTRIBUTE_NAMES.has(headerKey(name))) keep[column] = 'actor'
  })
  return keep
}

/** The columns no field maps, in file order. */
export function unmappedColumns(header: readonly string[], mapping: ColumnMapping): number[] {
  const mapped = new Set(Object.values(mapping).filter((column): column is number => column !== null))
  return header.map((_, column) => column).filter((column) => !mapped.has(column))
}
