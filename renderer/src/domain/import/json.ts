import { ImportRejection, type Collection, type RowRejection } from './types'
import { fieldOf, setField } from './recordFields'

// JSON exports of news collections: an array of article objects, an object holding one
// (NewsAPI's {"articles": [...]}, {"data": [...]}, {"response": {"docs": [...]}}), JSON Lines,
// or a single article object. Nested fields become dotted columns ("source.name"), lists of
// plain values are joined with "|" (as the Reuters CSV export does), so JSON and CSV exports
// of the same collection map the same way.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

function flatten(value: JsonObject, prefix: string, out: Record<string, string>, depth: number): void {
  for (const [key, field] of Object.entries(value)) {
    // An empty key would be a column the mapping step cannot offer (its value means "none").
    const label = key === '' ? '(blank key)' : key
    const name = prefix === '' ? label : `${prefix}.${label}`
    if (field === null || field === undefined) setField(out, name, '')
    else if (Array.isArray(field)) {
      setField(
        out,
        name,
        field.every((item) => item === null || typeof item !== 'object') ? field.filter((item) => item !== null && item !== '').map(String).join('|') : JSON.stringify(field),
      )
    } else if (typeof field === 'object') {
      if (depth < 3) flatten(field, name, out, depth + 1)
      else setField(out, name, JSON.stringify(field))
    } else setField(out, name, String(field))
  }
}

/** The array of records in a parsed document, and where it was found. */
function findRecords(document: Json): { items: Json[]; where: string } | null {
  if (Array.isArray(document)) return { items: document, where: 'a JSON array' }
  if (!isObject(document)) return null
  const found: { best: { items: Json[]; where: string } | null } = { best: null }
  const consider = (items: Json, path: string): void => {
    if (Array.isArray(items) && items.some(isObject) && (!found.best || items.length > found.best.items.length)) {
      found.best = { items, where: `the JSON array under "${path}"` }
    }
  }
  for (const [key, value] of Object.entries(document)) {
    consider(value, key)
    if (isObject(value)) for (const [inner, nested] of Object.entries(value)) consider(nested, `${key}.${inner}`)
  }
  if (found.best) return found.best
  // One article as one object.
  return { items: [document], where: 'a single JSON object' }
}

function describeType(value: Json): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'true/false' : 'an object'
}

function fromItems(items: Json[], layout: string, firstRejections: RowRejection[] = []): Collection {
  const columns: string[] = []
  const seen = new Set<string>()
  const records: Record<string, string>[] = []
  const rowNumbers: number[] = []
  const rejectedRows = [...firstRejections]
  items.forEach((item, index) => {
    if (!isObject(item)) {
      rejectedRows.push({ row: index + 1, reason: `Item ${index + 1} was skipped: it is ${describeType(item)}, not an article object.` })
      return
    }
    const record: Record<string, string> = {}
    flatten(item, '', record, 0)
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key)
        columns.push(key)
      }
    }
    records.push(record)
    rowNumbers.push(index + 1)
  })
  if (records.length === 0) throw new ImportRejection(`The JSON file has no article objects (${rejectedRows.length > 0 ? 'its items are not objects' : 'it is empty'}).`)
  for (const record of records) for (const column of columns) if (fieldOf(record, column) === undefined) setField(record, column, '')
  return { format: 'json', columns, records, rowNumbers, rejectedRows, layout }
}

function readJsonLines(text: string): Collection {
  const items: Json[] = []
  const rejections: RowRejection[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    try {
      items.push(JSON.parse(line) as Json)
    } catch {
      rejections.push({ row: index + 1, reason: `Line ${index + 1} was skipped: it is not valid JSON.` })
    }
  })
  return fromItems(items, 'JSON Lines (one object per line)', rejections)
}

export function readJson(text: string, options: { fileName?: string } = {}): Collection {
  const trimmed = text.trim()
  if (trimmed === '') throw new ImportRejection('The file has no text (only whitespace).')
  if (/\.(jsonl|ndjson)$/i.test(options.fileName ?? '')) return readJsonLines(trimmed)
  let document: Json
  try {
    document = JSON.parse(trimmed) as Json
  } catch (error) {
    // Several objects, one per line, are JSON Lines even without the extension.
    const lines = trimmed.split('\n').filter((line) => line.trim() !== '')
    if (lines.length > 1 && lines.every((line) => /^\s*\{.*\}\s*$/.test(line))) return readJsonLines(trimmed)
    const detail = error instanceof Error ? error.message.replace(/^JSON\.parse: /, '') : 'syntax error'
    throw new ImportRejection(`The file is not valid JSON (${detail}). Nothing was imported from it.`)
  }
  const found = findRecords(document)
  if (!found) throw new ImportRejection(`The JSON file holds ${describeType(document)}, not articles.`)
  return fromItems(found.items, found.where)
}
