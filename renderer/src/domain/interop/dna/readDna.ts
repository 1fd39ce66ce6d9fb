import type { Database, SqlJsStatic } from 'sql.js'
import { DNA2_ATTRIBUTES, DNA_TABLES, KNOWN_DATA_TYPES } from './dnaSchema'
import { integer, queryRows, quoteIdentifier, sniffSqlite, tableColumns, text, truncation, type Row } from './sqliteFile'
import type {
  DnaCoder,
  DnaDataType,
  DnaDocument,
  DnaEntity,
  DnaFormat,
  DnaProject,
  DnaReadResult,
  DnaRejectedStatement,
  DnaStatement,
  DnaStatementType,
  DnaValue,
  DnaVariable,
  DnaWarning,
} from './types'
import { errorText } from '../../errorText'

// Reads a Discourse Network Analyzer project (.dna, an SQLite database) into plain data.
// sql.js is handed in already initialised, so this module stays free of how the WebAssembly is
// found (a bundled asset in the app, node_modules in tests) and runs in a worker unchanged.
// The file is opened in memory and only ever read.

export interface DnaReadOptions {
  /** Larger files are refused before SQLite opens them. */
  maxBytes?: number
}

export const DEFAULT_MAX_DNA_BYTES = 512 * 1024 * 1024

const SUPPORTED = 'DNA 2 and DNA 3 projects'

export function readDnaProject(bytes: Uint8Array, sqlite: SqlJsStatic, options: DnaReadOptions = {}): DnaReadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DNA_BYTES
  if (bytes.length > maxBytes) {
    return refuse(`The file is ${megabytes(bytes.length)} MB; projects up to ${megabytes(maxBytes)} MB can be opened.`)
  }
  const sniff = sniffSqlite(bytes)
  if (sniff.kind === 'empty') return refuse('The file is empty.')
  if (sniff.kind === 'xml') {
    return refuse(
      'This looks like a DNA 1.x project (XML). Open it in DNA 2, which converts it, then open the saved .dna file here.',
    )
  }
  if (sniff.kind === 'other') {
    return refuse(`This is not a DNA project: it is not an SQLite database, the format of ${SUPPORTED}.`)
  }
  const cut = truncation(bytes, sniff)
  if (cut) return refuse(`The project file is damaged: ${cut}. Copy it again from where DNA saved it.`)

  let db: Database
  try {
    db = new sqlite.Database(bytes)
  } catch (error) {
    return refuse(`SQLite could not open the file (${describe(error)}).`)
  }
  try {
    const check = queryRows(db, 'PRAGMA quick_check')
    const verdict = check.map((row) => text(Object.values(row)[0])).join('; ')
    if (verdict !== 'ok') return refuse(`The project file is damaged: SQLite reports "${verdict.slice(0, 200)}".`)
    return readOpenDatabase(db)
  } catch (error) {
    return refuse(`The project file could not be read (${describe(error)}).`)
  } finally {
    db.close()
  }
}

function readOpenDatabase(db: Database): DnaReadResult {
  const tables = tableColumns(db)
  const settings = tables.get('SETTINGS')
  if (!settings || !settings.has('PROPERTY') || !settings.has('VALUE')) {
    const looksLikeDna = tables.has('DOCUMENTS') && tables.has('STATEMENTS')
    return refuse(
      looksLikeDna
        ? 'This SQLite database has DNA-like tables but no SETTINGS table to tell its DNA version; it cannot be read safely.'
        : `This SQLite database is not a DNA project: it has none of DNA's tables (${describeTables(tables)}).`,
    )
  }
  const versionRow = queryRows(db, "SELECT Value AS value FROM SETTINGS WHERE Property = 'version'")[0]
  const version = text(versionRow?.value).trim()
  if (!version) return refuse('This SQLite database has a SETTINGS table but no DNA version in it; it is not a DNA project.')
  const major = Number(/^\s*(\d+)/.exec(version)?.[1] ?? NaN)
  let format: DnaFormat
  if (major === 2) format = 'dna2'
  else if (major === 3) format = 'dna3'
  else if (major > 3) {
    return refuse(`This project was saved by DNA ${version}, newer than the ${SUPPORTED} this version of Standpoint reads.`)
  } else return refuse(`The project names its DNA version as "${version.slice(0, 40)}", which is not one of the ${SUPPORTED} Standpoint reads.`)

  const missing = missingSchema(tables, format)
  if (missing.length > 0) {
    return refuse(`This DNA ${major} project lacks ${missing.join(', ')}, so its statements cannot be read.`)
  }
  return { ok: true, project: readProject(db, tables, format, version) }
}

function missingSchema(tables: Map<string, Set<string>>, format: DnaFormat): string[] {
  const missing: string[] = []
  for (const [table, spec] of Object.entries(DNA_TABLES[format])) {
    const columns = tables.get(table)
    if (!columns) missing.push(`the ${table} table`)
    else {
      const absent = spec.required.filter((column) => !columns.has(column.toUpperCase()))
      if (absent.length > 0) missing.push(`column${absent.length > 1 ? 's' : ''} ${absent.join(', ')} of ${table}`)
    }
  }
  return missing
}

/** SELECT of a table's known columns, each aliased to its own name in lower camel; NULL where absent. */
function selectAll(db: Database, tables: Map<string, Set<string>>, format: DnaFormat, table: string, order = 'ID'): Row[] {
  const spec = DNA_TABLES[format][table]
  if (!spec) throw new Error(`No schema for ${table}`)
  const present = tables.get(table) ?? new Set<string>()
  const columns = [...spec.required, ...(spec.optional ?? [])].map((column) =>
    present.has(column.toUpperCase()) ? `${quoteIdentifier(column)} AS ${alias(column)}` : `NULL AS ${alias(column)}`,
  )
  const orderBy = present.has(order.toUpperCase()) ? ` ORDER BY ${quoteIdentifier(order)}` : ''
  return queryRows(db, `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(table)}${orderBy}`)
}

function alias(column: string): string {
  return column === 'ID' ? 'id' : column.charAt(0).toLowerCase() + column.slice(1)
}

class Warnings {
  private readonly byCode = new Map<DnaWarning['code'], DnaWarning>()
  add(code: DnaWarning['code'], message: (count: number) => string): void {
    const current = this.byCode.get(code)
    const count = (current?.count ?? 0) + 1
    this.byCode.set(code, { code, count, message: message(count) })
  }
  list(): DnaWarning[] {
    return [...this.byCode.values()]
  }
}

function readProject(db: Database, tables: Map<string, Set<string>>, format: DnaFormat, version: string): DnaProject {
  const warnings = new Warnings()
  const rows = (table: string, order?: string) => selectAll(db, tables, format, table, order)

  const coders: DnaCoder[] = rows('CODERS').flatMap((row) => {
    const id = integer(row.id)
    return id === null ? [] : [{ id, name: text(row.name), color: rgb(row.red, row.green, row.blue) ?? '#000000' }]
  })
  const coderIds = new Set(coders.map((coder) => coder.id))
  const coderOf = (value: Cell): number | null => {
    const id = integer(value)
    if (id === null) return null
    if (coderIds.has(id)) return id
    warnings.add('unknown-coder', (n) => `${n} document${n === 1 ? '' : 's'} or statement${n === 1 ? '' : 's'} name a coder the project does not have; kept without a coder.`)
    return null
  }

  const documents: DnaDocument[] = []
  for (const row of rows('DOCUMENTS')) {
    const id = integer(row.id)
    if (id === null) continue
    const raw = text(row.text)
    const normalised = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
    if (normalised !== raw) {
      warnings.add('line-endings-normalised', (n) => `${n} document${n === 1 ? '' : 's'} had Windows or old Mac line endings; read as DNA shows them (one line break each).`)
    }
    const date = documentDate(row.date, format)
    if (date === null) warnings.add('unreadable-date', (n) => `${n} document${n === 1 ? ' has' : 's have'} no readable date.`)
    documents.push({
      id,
      title: text(row.title),
      text: normalised,
      date,
      author: text(row.author),
      source: text(row.source),
      section: text(row.section),
      type: text(row.type),
      notes: text(row.notes),
      coderId: coderOf(row.coder),
    })
  }
  const documentById = new Map(documents.map((document) => [document.id, document]))

  const variablesByType = new Map<number, DnaVariable[]>()
  const variableById = new Map<number, DnaVariable & { statementTypeId: number }>()
  for (const row of rows('VARIABLES')) {
    const id = integer(row.id)
    const statementTypeId = integer(row.statementTypeId)
    const dataType = text(row.dataType).trim().toLowerCase()
    if (id === null || statementTypeId === null || !isDataType(dataType)) continue
    const variable: DnaVariable = { id, name: text(row.variable), dataType }
    variableById.set(id, { ...variable, statementTypeId })
    append(variablesByType, statementTypeId, variable)
  }
  const statementTypes: DnaStatementType[] = rows('STATEMENTTYPES').flatMap((row) => {
    const id = integer(row.id)
    if (id === null) return []
    return [{ id, label: text(row.label), color: rgb(row.red, row.green, row.blue) ?? '#000000', variables: variablesByType.get(id) ?? [] }]
  })
  const typeById = new Map(statementTypes.map((type) => [type.id, type]))

  const entities = format === 'dna3' ? readEntities3(rows, warnings) : readEntities2(rows, warnings)
  const entityById = new Map(entities.map((entity) => [entity.id, entity]))
  // DNA 2 names short-text values by their text; DNA 3 by entity ID.
  const entityByText = new Map(entities.map((entity) => [`${entity.variableId}\u0000${entity.value}`, entity]))
  let nextEntityId = Math.max(0, ...entities.map((entity) => entity.id)) + 1

  type Stored = { variableId: number; dataType: DnaDataType; row: Row }
  const storedValues = new Map<number, Stored[]>()
  const collect = (table: string, dataType: DnaDataType) => {
    for (const row of rows(table)) {
      const statementId = integer(row.statementId)
      const variableId = integer(row.variableId)
      if (statementId === null || variableId === null) continue
      append(storedValues, statementId, { variableId, dataType, row })
    }
  }
  collect('DATASHORTTEXT', 'short text')
  collect('DATALONGTEXT', 'long text')
  collect('DATAINTEGER', 'integer')
  collect('DATABOOLEAN', 'boolean')

  const statements: DnaStatement[] = []
  const rejected: DnaRejectedStatement[] = []
  for (const row of rows('STATEMENTS')) {
    const id = integer(row.id)
    if (id === null) continue
    const documentId = integer(row.documentId)
    const reject = (reason: string) => rejected.push({ id, documentId, reason })
    const document = documentId === null ? undefined : documentById.get(documentId)
    if (!document) {
      reject(documentId === null ? 'It names no document.' : `It points to document ${documentId}, which is not in the project.`)
      continue
    }
    const typeId = integer(row.statementTypeId)
    const type = typeId === null ? undefined : typeById.get(typeId)
    if (!type) {
      reject(typeId === null ? 'It has no statement type.' : `Its statement type ${typeId} is not in the project.`)
      continue
    }
    const start = integer(row.start)
    const stop = integer(row.stop)
    if (start === null || stop === null) {
      reject('Its start or stop offset is not a whole number.')
      continue
    }
    if (start < 0 || stop > document.text.length || start >= stop) {
      reject(
        start >= stop
          ? `Its offsets ${start}–${stop} select no text.`
          : `Its offsets ${start}–${stop} lie outside document ${document.id} ("${document.title.slice(0, 60)}"), which has ${document.text.length} characters.`,
      )
      continue
    }

    const values: Record<number, DnaValue> = {}
    let problem: string | null = null
    for (const stored of storedValues.get(id) ?? []) {
      const variable = variableById.get(stored.variableId)
      if (!variable || variable.statementTypeId !== type.id || variable.dataType !== stored.dataType) {
        warnings.add('unknown-variable', (n) => `${n} stored value${n === 1 ? '' : 's'} belong${n === 1 ? 's' : ''} to no variable of ${n === 1 ? 'its' : 'their'} statement's type; ignored.`)
        continue
      }
      if (stored.dataType === 'short text') {
        let entity: DnaEntity | undefined
        if (format === 'dna3') {
          const entityId = integer(stored.row.entity)
          entity = entityId === null ? undefined : entityById.get(entityId)
          if (!entity) {
            problem = `Its ${variable.name} refers to entity ${text(stored.row.entity) || '(none)'}, which is not in the project.`
            break
          }
        } else {
          const value = text(stored.row.value)
          const key = `${variable.id}\u0000${value}`
          entity = entityByText.get(key)
          if (!entity) {
            // DNA 2 kept no attribute row for some values; they are entities without attributes.
            entity = { id: nextEntityId++, variableId: variable.id, value, color: null, parentId: null, attributes: emptyAttributes() }
            entities.push(entity)
            entityById.set(entity.id, entity)
            entityByText.set(key, entity)
          }
        }
        values[variable.id] = { dataType: 'short text', entityId: entity.id, text: entity.value }
      } else if (stored.dataType === 'long text') {
        values[variable.id] = { dataType: 'long text', text: text(stored.row.value).replace(/\r\n?/g, '\n') }
      } else {
        const number = integer(stored.row.value)
        if (number === null) {
          problem = `Its ${variable.name} holds "${text(stored.row.value).slice(0, 40)}", which is not ${stored.dataType === 'boolean' ? 'yes or no' : 'a whole number'}.`
          break
        }
        values[variable.id] = stored.dataType === 'boolean' ? { dataType: 'boolean', value: number !== 0 } : { dataType: 'integer', value: number }
      }
    }
    if (problem) {
      reject(problem)
      continue
    }
    for (const variable of type.variables) {
      if (!(variable.id in values)) {
        warnings.add('missing-value', (n) => `${n} statement value${n === 1 ? ' is' : 's are'} missing (a variable with nothing stored); left empty.`)
      }
    }
    statements.push({
      id,
      documentId: document.id,
      statementTypeId: type.id,
      start,
      stop,
      quote: document.text.slice(start, stop),
      coderId: coderOf(row.coder),
      values,
    })
  }

  return { format, version, coders, documents, statementTypes, entities, statements, rejected, warnings: warnings.list() }
}

type Rows = (table: string, order?: string) => Row[]
type Cell = Row[string] | undefined

function readEntities3(rows: Rows, warnings: Warnings): DnaEntity[] {
  const attributeNames = new Map<number, { variableId: number; name: string }>()
  const namesByVariable = new Map<number, string[]>()
  for (const row of rows('ATTRIBUTEVARIABLES')) {
    const id = integer(row.id)
    const variableId = integer(row.variableId)
    if (id === null || variableId === null) continue
    const name = text(row.attributeVariable)
    attributeNames.set(id, { variableId, name })
    append(namesByVariable, variableId, name)
  }
  const entities: DnaEntity[] = []
  for (const row of rows('ENTITIES')) {
    const id = integer(row.id)
    const variableId = integer(row.variableId)
    if (id === null || variableId === null) continue
    const attributes: Record<string, string> = {}
    for (const name of namesByVariable.get(variableId) ?? []) attributes[name] = ''
    entities.push({ id, variableId, value: text(row.value), color: rgb(row.red, row.green, row.blue), parentId: integer(row.childOf), attributes })
  }
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  for (const row of rows('ATTRIBUTEVALUES', 'EntityId')) {
    const entity = byId.get(integer(row.entityId) ?? NaN)
    const attribute = attributeNames.get(integer(row.attributeVariableId) ?? NaN)
    if (entity && attribute && attribute.variableId === entity.variableId) entity.attributes[attribute.name] = text(row.attributeValue)
  }
  checkParents(entities, byId, warnings)
  return entities
}

function readEntities2(rows: Rows, warnings: Warnings): DnaEntity[] {
  const entities: DnaEntity[] = []
  const byText = new Map<string, DnaEntity>()
  const parentText = new Map<DnaEntity, string>()
  for (const row of rows('ATTRIBUTES')) {
    const id = integer(row.id)
    const variableId = integer(row.variableId)
    if (id === null || variableId === null) continue
    const value = text(row.value)
    const key = `${variableId}\u0000${value}`
    // DNA 2 did not stop the same value being listed twice; the first row wins.
    if (byText.has(key)) continue
    const entity: DnaEntity = {
      id,
      variableId,
      value,
      color: rgb(row.red, row.green, row.blue),
      parentId: null,
      attributes: { Type: text(row.type), Alias: text(row.alias), Notes: text(row.notes) },
    }
    entities.push(entity)
    byText.set(key, entity)
    const parent = text(row.childOf).trim()
    if (parent) parentText.set(entity, parent)
  }
  // DNA 2 named an entity's parent by its value.
  for (const [entity, parent] of parentText) {
    const found = byText.get(`${entity.variableId}\u0000${parent}`)
    if (found && found !== entity) entity.parentId = found.id
    else warnings.add('dangling-entity-parent', (n) => `${n} entit${n === 1 ? 'y names' : 'ies name'} a parent that does not exist; kept at the top level.`)
  }
  return entities
}

function checkParents(entities: DnaEntity[], byId: Map<number, DnaEntity>, warnings: Warnings): void {
  for (const entity of entities) {
    if (entity.parentId === null) continue
    const parent = byId.get(entity.parentId)
    if (!parent || parent === entity || parent.variableId !== entity.variableId) {
      entity.parentId = null
      warnings.add('dangling-entity-parent', (n) => `${n} entit${n === 1 ? 'y names' : 'ies name'} a parent that does not exist; kept at the top level.`)
    }
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function emptyAttributes(): Record<string, string> {
  return Object.fromEntries(DNA2_ATTRIBUTES.map((name) => [name, '']))
}

function isDataType(value: string): value is DnaDataType {
  return (KNOWN_DATA_TYPES as readonly string[]).includes(value)
}

/** DNA 3 stores seconds since 1970 (UTC), DNA 2 milliseconds (java.util.Date). */
function documentDate(value: Cell, format: DnaFormat): string | null {
  const stamp = integer(value)
  if (stamp === null) return null
  const date = new Date(format === 'dna3' ? stamp * 1000 : stamp)
  if (Number.isNaN(date.getTime())) return null
  return date.toISOString().replace('.000Z', 'Z')
}

function rgb(red: Cell, green: Cell, blue: Cell): string | null {
  const parts = [red, green, blue].map(integer)
  if (parts.some((part) => part === null)) return null
  return `#${parts.map((part) => Math.min(255, Math.max(0, part!)).toString(16).padStart(2, '0')).join('')}`
}

function describeTables(tables: Map<string, Set<string>>): string {
  const names = [...tables.keys()]
  if (names.length === 0) return 'it has no tables at all'
  const shown = names.slice(0, 5).map((name) => name.toLowerCase())
  return `its tables are ${shown.join(', ')}${names.length > 5 ? `, and ${names.length - 5} more` : ''}`
}

function refuse(reason: string): DnaReadResult {
  return { ok: false, reason }
}

function megabytes(count: number): string {
  return (count / (1024 * 1024)).toFixed(0)
}

function describe(error: unknown): string {
  return errorText(error).slice(0, 200)
}
