import fc from 'fast-check'
import type { SeedFile } from './mutations'

// Edits a backup the way a hand-edited, merged or half-synced file differs from a clean one:
// a field changed, removed or given the wrong type, an id changed or shared, a record copied,
// dropped or filed under another table, keys that name Object's prototype, and counts that
// either still match (a plausible file the parser must accept or refuse on its content) or not.

export type RecordEdit =
  | { kind: 'setField'; line: number; field: number; value: number }
  | { kind: 'deleteField'; line: number; field: number }
  | { kind: 'addField'; line: number; name: number; value: number }
  | { kind: 'changeId'; line: number; to: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'moveTable'; line: number; table: number }
  | { kind: 'swapLines'; line: number; other: number }

export interface BackupEdit {
  edits: RecordEdit[]
  /** Recompute the header's and end marker's counts after the edits. */
  fixCounts: boolean
  /** Change the header's schema version (0: keep). */
  schemaVersion: number
}

const LINE = fc.nat({ max: 1000 })

/** Values a field can be given: right and wrong types, tagged values, odd text. */
export const FIELD_VALUES: readonly unknown[] = [
  '',
  'x',
  ' padded ',
  'قال',
  '2031-06-01T00:00:00.000Z',
  '1999-01-01T00:00:00.000Z',
  'not a date',
  0,
  -1,
  3,
  2.5,
  1e308,
  null,
  true,
  [],
  ['a', 1],
  {},
  { nested: { deeper: 'x' } },
  { $: 'Date', v: '2025-01-01T00:00:00.000Z' },
  { $: 'undefined' },
  { $: 'NaN' },
  { $: 'bigint', v: '12' },
  { $: 'TypedArray', k: 'Float64Array', v: 'AAA=' },
  { $: 'TypedArray', k: 'toString', v: '' },
  { $: 'ArrayBuffer', v: '***' },
  { $: 'RegExp', v: '(', f: '' },
  { $: 'Map', v: [[1]] },
  { $: 'unknown tag' },
  { $: 'Object', v: { $: 'inner' } },
  { start: 0, end: 0, exact: '', prefix: '', suffix: '' },
  { start: 5, end: 2, exact: 'x', prefix: '', suffix: '' },
  'x'.repeat(5000),
  // Every field of every table at once: under "__proto__" it would pass a check that reads
  // inherited properties while the record itself holds none of them.
  {
    title: 't', source: '', author: '', publishedAt: '', url: '', language: '', body: 'b', contentHash: 'h', importedAt: '', origin: '', direction: 'ltr', meta: {},
    name: 'n', kind: 'person', aliases: [], notes: '', label: 'l', description: '', parentId: null, articleId: 'a', actorId: 'b', issueId: 'c', stance: 1, date: '',
    note: '', addresseeId: null, anchor: { exact: '', prefix: '', suffix: '', start: 0, end: 0 }, createdAt: '', updatedAt: '', key: 'k', id: 'shadow',
  },
]

export const FIELD_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'undefined', 'extra', '$', 'id', 'updatedAt', 'body', 'meta'] as const
const TABLE_NAMES = ['articles', 'actors', 'issues', 'claims', 'mentions', 'settings', '__proto__', 'constructor', 'toString', 'unknown', ''] as const

const recordEdit: fc.Arbitrary<RecordEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('setField' as const), line: LINE, field: fc.nat({ max: 30 }), value: fc.nat({ max: FIELD_VALUES.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteField' as const), line: LINE, field: fc.nat({ max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addField' as const), line: LINE, name: fc.nat({ max: FIELD_NAMES.length - 1 }), value: fc.nat({ max: FIELD_VALUES.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('changeId' as const), line: LINE, to: fc.nat({ max: 1000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: LINE }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLine' as const), line: LINE }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('moveTable' as const), line: LINE, table: fc.nat({ max: TABLE_NAMES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), line: LINE, other: LINE }) },
)

export const backupEditArbitrary: fc.Arbitrary<BackupEdit> = fc.record({
  edits: fc.array(recordEdit, { minLength: 1, maxLength: 4 }),
  fixCounts: fc.boolean(),
  schemaVersion: fc.constantFrom(0, 0, 0, 1, 2, 3, -1),
})

type Line = [string, Record<string, unknown>]

/** Sets a property as JSON.parse would: an own property even for "__proto__". */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** Applies the edits to a well-formed backup; a seed that does not parse is returned as it is. */
export function editBackup(seed: SeedFile, edit: BackupEdit): SeedFile {
  const text = new TextDecoder().decode(seed.bytes)
  const rawLines = text.split('\n').filter((line) => line.trim() !== '')
  if (rawLines.length < 2) return seed
  const header = JSON.parse(rawLines[0]!) as { schemaVersion: number; tables: Record<string, { primaryKey: string; count: number }> }
  const trailer = JSON.parse(rawLines[rawLines.length - 1]!) as { end: true; counts: Record<string, number> }
  const lines = rawLines.slice(1, -1).map((line) => JSON.parse(line) as Line)
  const pick = (index: number): Line | undefined => (lines.length === 0 ? undefined : lines[index % lines.length])
  for (const change of edit.edits) {
    const line = pick(change.line)
    if (!line) break
    const record = line[1]
    const fields = Object.keys(record)
    switch (change.kind) {
      case 'setField':
        if (fields.length > 0) setOwn(record, fields[change.field % fields.length]!, structuredClone(FIELD_VALUES[change.value]))
        break
      case 'deleteField':
        if (fields.length > 0) delete record[fields[change.field % fields.length]!]
        break
      case 'addField':
        setOwn(record, FIELD_NAMES[change.name]!, structuredClone(FIELD_VALUES[change.value]))
        break
      case 'changeId': {
        const other = pick(change.to)
        const key = header.tables[line[0]]?.primaryKey ?? 'id'
        // Half the time an id another record has (a clash), else a new one.
        setOwn(record, key, change.to % 2 === 0 && other ? other[1][key] : `fuzz-${change.to}`)
        break
      }
      case 'duplicateLine':
        lines.splice(change.line % lines.length, 0, structuredClone(line))
        break
      case 'deleteLine':
        lines.splice(change.line % lines.length, 1)
        break
      case 'moveTable':
        line[0] = TABLE_NAMES[change.table]!
        break
      case 'swapLines': {
        const a = change.line % lines.length
        const b = change.other % lines.length
        ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
        break
      }
    }
  }
  if (edit.schemaVersion !== 0) header.schemaVersion = edit.schemaVersion
  if (edit.fixCounts) {
    for (const name of Object.keys(header.tables)) {
      const count = lines.filter((line) => line[0] === name).length
      header.tables[name]!.count = count
      trailer.counts[name] = count
    }
  }
  const out = [JSON.stringify(header), ...lines.map((line) => JSON.stringify(line)), JSON.stringify(trailer)].join('\n') + '\n'
  return { name: seed.name, bytes: new TextEncoder().encode(out) }
}
