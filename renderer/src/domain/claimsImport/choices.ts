import * as v from 'valibot'
import { STANCES } from '../model'
import { DATE_ORDERS, detectDateOrder, type DateOrder } from './dates'
import { CLAIM_FIELDS, guessMapping, type ColumnMapping } from './mapping'
import { guessKeep, guessSeparator, ISSUE_MATCHES, ISSUE_SEPARATORS, KEEP_TARGETS, type IssueMatch, type IssueSeparator, type KeepTarget } from './options'
import type { ParsedTable } from './parseTable'
import { detectScheme, distinctStanceValues, STANCE_SCHEMES, stanceMapFor, type StanceScheme, type StanceValueMap } from './stanceValues'

// Everything the analyst decides in the mapping step, how it is first proposed from the file,
// and how the last decisions for a file with the same header are remembered (by column name,
// so they come back even if a later export of the same database orders its columns otherwise).

export interface ImportChoices {
  mapping: ColumnMapping
  scheme: StanceScheme
  stanceMap: StanceValueMap
  dateOrder: DateOrder
  issueSeparator: IssueSeparator
  issueMatch: IssueMatch
  /** What each unmapped column is kept as (absent: nothing). */
  keep: Record<number, KeepTarget>
}

/** The choices as remembered: columns by name. */
export const SavedChoicesSchema = v.object({
  fields: v.record(v.string(), v.string()),
  keep: v.record(v.string(), v.picklist(KEEP_TARGETS)),
  scheme: v.picklist(STANCE_SCHEMES),
  stanceValues: v.record(v.string(), v.nullable(v.picklist(STANCES))),
  dateOrder: v.picklist(DATE_ORDERS),
  issueSeparator: v.picklist(ISSUE_SEPARATORS),
  issueMatch: v.picklist(ISSUE_MATCHES),
  usedAt: v.string(),
})
export type SavedChoices = v.InferOutput<typeof SavedChoicesSchema>

/** How many header sets are remembered; the least recently used is forgotten first. */
export const REMEMBERED_HEADERS = 30

/** A header set's identity: its names, trimmed and lower-cased, in any order. */
export function headerSignature(header: readonly string[]): string {
  return [...header.map((name) => name.trim().toLowerCase())].sort().join('\u0001')
}

const column = (table: ParsedTable, index: number | null): string[] => (index === null ? [] : table.rows.map((row) => row[index] ?? ''))

/** What the file itself suggests: columns by their names, stance and date readings by the values. */
export function proposeChoices(table: ParsedTable): ImportChoices {
  const mapping = guessMapping(table.header)
  const values = distinctStanceValues(column(table, mapping.stance))
  const scheme = detectScheme(values, mapping.stance === null ? '' : table.header[mapping.stance])
  const keep = guessKeep(table.header, mapping)
  // Several values per cell show in the issues or, as our own exports write them, in kept columns.
  const cells = [mapping.issue, ...Object.keys(keep).map(Number)].flatMap((index) => column(table, index))
  return {
    mapping,
    scheme,
    stanceMap: stanceMapFor(scheme, values),
    dateOrder: detectDateOrder(column(table, mapping.date)),
    issueSeparator: guessSeparator(cells),
    issueMatch: 'label',
    keep,
  }
}

/** The proposal, with the remembered choices laid over it where the file still has their columns. */
export function initialChoices(table: ParsedTable, saved: SavedChoices | null): ImportChoices {
  const proposed = proposeChoices(table)
  if (!saved) return proposed
  const indexOf = new Map<string, number>()
  table.header.forEach((name, index) => {
    if (!indexOf.has(name.trim())) indexOf.set(name.trim(), index)
  })
  const mapping = { ...proposed.mapping }
  for (const field of CLAIM_FIELDS) {
    const name = saved.fields[field]
    mapping[field] = name === undefined ? null : (indexOf.get(name) ?? null)
  }
  const keep: Record<number, KeepTarget> = {}
  for (const [name, target] of Object.entries(saved.keep)) {
    const index = indexOf.get(name)
    if (index !== undefined && !Object.values(mapping).includes(index)) keep[index] = target
  }
  const values = distinctStanceValues(column(table, mapping.stance))
  const stanceMap = stanceMapFor(saved.scheme, values)
  for (const entry of values) {
    if (Object.hasOwn(saved.stanceValues, entry.key)) Object.defineProperty(stanceMap, entry.key, { value: saved.stanceValues[entry.key], enumerable: true, writable: true, configurable: true })
  }
  return { mapping, scheme: saved.scheme, stanceMap, dateOrder: saved.dateOrder, issueSeparator: saved.issueSeparator, issueMatch: saved.issueMatch, keep }
}

/** The choices to remember for this header. */
export function saveChoices(choices: ImportChoices, header: readonly string[], now: string): SavedChoices {
  const name = (index: number): string => header[index]?.trim() ?? ''
  const fields: Record<string, string> = {}
  for (const field of CLAIM_FIELDS) {
    const index = choices.mapping[field]
    if (index !== null) fields[field] = name(index)
  }
  const keep: Record<string, KeepTarget> = {}
  for (const [index, target] of Object.entries(choices.keep)) if (target !== 'nothing') keep[name(Number(index))] = target
  const stanceValues: Record<string, (typeof STANCES)[number] | null> = {}
  for (const [key, stance] of Object.entries(choices.stanceMap)) stanceValues[key] = stance ?? null
  return { fields, keep, scheme: choices.scheme, stanceValues, dateOrder: choices.dateOrder, issueSeparator: choices.issueSeparator, issueMatch: choices.issueMatch, usedAt: now }
}

/** The remembered choices with this header's updated, keeping the most recently used few. */
export function rememberChoices(all: Readonly<Record<string, SavedChoices>>, header: readonly string[], saved: SavedChoices): Record<string, SavedChoices> {
  const next: Record<string, SavedChoices> = { ...all, [headerSignature(header)]: saved }
  const entries = Object.entries(next).sort(([, a], [, b]) => (a.usedAt < b.usedAt ? 1 : a.usedAt > b.usedAt ? -1 : 0))
  return Object.fromEntries(entries.slice(0, REMEMBERED_HEADERS))
}
