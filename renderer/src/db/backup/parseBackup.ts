import * as v from 'valibot'
import { LATEST_SCHEMA_VERSION } from '../schema'
import { BackupCodecError, decodeValue } from './codec'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupFileError, BackupTableInfoSchema, VersionNumberSchema, type BackupHeader, type BackupTableInfo } from './format'
import { isKnownSchemaVersion, tablesAtVersion } from './schemaTables'
import { validateRecord } from './validate'

export interface ParsedBackup {
  header: BackupHeader
  /** Records per table, decoded, in file order. */
  tables: Map<string, unknown[]>
}

const NOTHING_CHANGED = 'Nothing in your workspace was changed.'
const MAX_REPORTED = 8

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks the first line and returns the header, or says precisely why the file cannot be restored. */
export function readHeader(line: string): BackupHeader {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw new BackupFileError(`This file is not a Standpoint backup: its first line is not a backup header. ${NOTHING_CHANGED}`)
  }
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) {
    throw new BackupFileError(`This file is not a Standpoint backup: its first line is not a backup header. ${NOTHING_CHANGED}`)
  }
  const { formatVersion, schemaVersion } = value
  if (!v.is(VersionNumberSchema, formatVersion)) {
    throw new BackupFileError(`The backup header is damaged: its format version is missing. ${NOTHING_CHANGED}`)
  }
  if (formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(
      `This backup was written by a newer version of Standpoint (backup format ${String(formatVersion)}; this version reads format ${BACKUP_FORMAT_VERSION}). ` +
        `Update Standpoint to restore it. ${NOTHING_CHANGED}`,
    )
  }
  if (!v.is(VersionNumberSchema, schemaVersion)) {
    throw new BackupFileError(`The backup header is damaged: its workspace schema version is missing. ${NOTHING_CHANGED}`)
  }
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    const app = typeof value.app === 'string' && value.app !== '' ? ` ${value.app}` : ''
    throw new BackupFileError(
      `This backup was made by a newer version of Standpoint${app} (workspace schema v${String(schemaVersion)}; this version knows up to v${LATEST_SCHEMA_VERSION}). ` +
        `Update Standpoint to restore it. ${NOTHING_CHANGED}`,
    )
  }
  if (!isKnownSchemaVersion(schemaVersion)) {
    throw new BackupFileError(`The backup header names workspace schema v${String(schemaVersion)}, which never existed. ${NOTHING_CHANGED}`)
  }
  if (!isRecord(value.tables)) throw new BackupFileError(`The backup header is damaged: it lists no tables. ${NOTHING_CHANGED}`)
  const expected = tablesAtVersion(schemaVersion)
  const tables: Record<string, BackupTableInfo> = {}
  for (const [name, info] of Object.entries(value.tables)) {
    if (!expected.has(name)) {
      throw new BackupFileError(`The backup lists a table “${name}” that workspace schema v${String(schemaVersion)} does not have. ${NOTHING_CHANGED}`)
    }
    if (!v.is(BackupTableInfoSchema, info) || info.primaryKey !== expected.get(name)) {
      throw new BackupFileError(`The backup header is damaged: the entry for table “${name}” is malformed. ${NOTHING_CHANGED}`)
    }
    tables[name] = { primaryKey: info.primaryKey, count: info.count }
  }
  for (const name of expected.keys()) {
    if (!(name in tables)) throw new BackupFileError(`The backup is damaged: its header does not list the table “${name}”. ${NOTHING_CHANGED}`)
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion,
    schemaVersion,
    app: typeof value.app === 'string' ? value.app : '',
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
    tables,
  }
}

/**
 * Reads a backup file as it arrives (push text in any pieces, then finish). Fatal problems
 * with the header (not a backup, newer version) throw at once, so a large file from a newer
 * release is refused without reading it all; record problems are gathered and reported together.
 */
export class BackupParser {
  private buffer = ''
  private lineNumber = 0
  private header: BackupHeader | null = null
  private ended = false
  private readonly tables = new Map<string, unknown[]>()
  private readonly keys = new Map<string, Set<unknown>>()
  /** Record lines per table, valid or not, to check against the header's counts. */
  private readonly lineCounts = new Map<string, number>()
  private readonly problems: string[] = []
  private problemCount = 0

  push(text: string): void {
    this.buffer += text
    let newline = this.buffer.indexOf('\n')
    let start = 0
    while (newline >= 0) {
      this.line(this.buffer.slice(start, newline))
      start = newline + 1
      newline = this.buffer.indexOf('\n', start)
    }
    this.buffer = this.buffer.slice(start)
  }

  /** The header, once the first line has been read. */
  get backupHeader(): BackupHeader | null {
    return this.header
  }

  finish(): ParsedBackup {
    if (this.buffer !== '') {
      this.line(this.buffer)
      this.buffer = ''
    }
    if (!this.header) throw new BackupFileError(`The file is empty. ${NOTHING_CHANGED}`)
    if (!this.ended) {
      throw new BackupFileError(
        `The backup file is incomplete: it stops at line ${this.lineNumber} before its end marker (it may have been cut off while saving or copying). ${NOTHING_CHANGED}`,
      )
    }
    for (const [name, info] of Object.entries(this.header.tables)) {
      const found = this.lineCounts.get(name) ?? 0
      if (found !== info.count) this.problem(`table “${name}” should hold ${info.count} records but the file has ${found}`)
    }
    if (this.problemCount > 0) {
      const more = this.problemCount > this.problems.length ? ` (and ${this.problemCount - this.problems.length} more)` : ''
      throw new BackupFileError(
        `The backup file is damaged: ${this.problemCount} problem${this.problemCount === 1 ? '' : 's'} found${more}. ${this.problems.join('; ')}. ${NOTHING_CHANGED}`,
      )
    }
    return { header: this.header, tables: this.tables }
  }

  private problem(message: string): void {
    this.problemCount++
    if (this.problems.length < MAX_REPORTED) this.problems.push(message)
  }

  private line(raw: string): void {
    this.lineNumber++
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (this.header === null) {
      this.header = readHeader(text.replace(/^\uFEFF/, ''))
      for (const name of Object.keys(this.header.tables)) {
        this.tables.set(name, [])
        this.keys.set(name, new Set())
      }
      return
    }
    if (text.trim() === '') return
    if (this.ended) {
      this.problem(`line ${this.lineNumber} comes after the end marker`)
      return
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      this.problem(`line ${this.lineNumber} is not valid JSON`)
      return
    }
    if (isRecord(value) && value.end === true) {
      this.ended = true
      const counts = value.counts
      if (!isRecord(counts)) this.problem('the end marker has no record counts')
      else {
        for (const [name, info] of Object.entries(this.header.tables)) {
          if (counts[name] !== info.count) this.problem(`the end marker and the header disagree on the number of “${name}” records`)
        }
      }
      return
    }
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') {
      this.problem(`line ${this.lineNumber} is not a record line`)
      return
    }
    const name = value[0]
    // Own entries only: a line filed under "constructor" or "__proto__" names no table.
    const info = Object.hasOwn(this.header.tables, name) ? this.header.tables[name] : undefined
    if (!info) {
      this.problem(`line ${this.lineNumber} belongs to a table “${name}” the header does not list`)
      return
    }
    this.lineCounts.set(name, (this.lineCounts.get(name) ?? 0) + 1)
    let record: unknown
    try {
      record = decodeValue(value[1])
    } catch (error) {
      this.problem(`line ${this.lineNumber}: ${error instanceof BackupCodecError ? error.message : 'a value cannot be decoded'}`)
      return
    }
    const issue = validateRecord(name, info.primaryKey, record, this.header.schemaVersion === LATEST_SCHEMA_VERSION)
    if (issue) {
      const key = isRecord(record) ? record[info.primaryKey] : undefined
      this.problem(`line ${this.lineNumber} (${name}${typeof key === 'string' || typeof key === 'number' ? ` ${String(key)}` : ''}) ${issue}`)
      return
    }
    const key = (record as Record<string, unknown>)[info.primaryKey]
    const seen = this.keys.get(name)!
    if (seen.has(key)) {
      this.problem(`line ${this.lineNumber}: ${name} ${String(key)} appears twice`)
      return
    }
    seen.add(key)
    this.tables.get(name)!.push(record)
  }
}

/** Parses a whole backup held in memory (tests, small files). */
export function parseBackupText(text: string): ParsedBackup {
  const parser = new BackupParser()
  parser.push(text)
  return parser.finish()
}
