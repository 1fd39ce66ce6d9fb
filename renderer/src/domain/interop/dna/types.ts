// What a Discourse Network Analyzer project holds, as plain data that knows nothing of
// Standpoint's model. The later mapping step (statement → claim, entity → actor or issue) reads
// only these types, so a change in either side's model touches one small function.
//
// IDs are DNA's own integer row IDs: they are unique within one table of one project, and the
// mapping step turns them into UUIDs (and external IDs such as "dna:statement:42").

/** DNA's storage generations this reader knows. DNA 1.x wrote XML and is refused. */
export type DnaFormat = 'dna2' | 'dna3'

/** The four value kinds a DNA variable can have. */
export type DnaDataType = 'short text' | 'long text' | 'integer' | 'boolean'

export interface DnaCoder {
  id: number
  name: string
  /** '#rrggbb' */
  color: string
}

export interface DnaDocument {
  id: number
  title: string
  /**
   * The text statements point into, line endings normalised to '\n': DNA shows documents in a
   * Swing text pane, which reads '\r\n' and '\r' as one '\n', and statement offsets count in
   * that pane.
   */
  text: string
  /** ISO 8601 in UTC ('2005-01-26T00:00:00Z'); null when the stored date is not a number. */
  date: string | null
  author: string
  source: string
  section: string
  type: string
  notes: string
  /** The coder who added the document; null when none or when that coder no longer exists. */
  coderId: number | null
}

export interface DnaVariable {
  id: number
  name: string
  dataType: DnaDataType
}

export interface DnaStatementType {
  id: number
  label: string
  color: string
  variables: DnaVariable[]
}

/**
 * A value of a short-text variable (a person, an organisation, a concept...). DNA 3 keeps them
 * in their own table with attributes; DNA 2 kept type, alias and notes beside each value.
 */
export interface DnaEntity {
  id: number
  variableId: number
  value: string
  color: string | null
  /** Another entity of the same variable this one belongs under, when DNA records one. */
  parentId: number | null
  /**
   * Attribute name → value, every attribute the project defines for this variable, the empty
   * string where unset. DNA's defaults are 'Type', 'Alias' and 'Notes'; projects add their own.
   */
  attributes: Record<string, string>
}

export type DnaValue =
  | { dataType: 'short text'; entityId: number; text: string }
  | { dataType: 'long text'; text: string }
  | { dataType: 'integer'; value: number }
  | { dataType: 'boolean'; value: boolean }

export interface DnaStatement {
  id: number
  documentId: number
  statementTypeId: number
  /** UTF-16 offsets into the document's (normalised) text, start inclusive, stop exclusive. */
  start: number
  stop: number
  /** The words the statement covers: document.text.slice(start, stop). */
  quote: string
  coderId: number | null
  /** Variable ID → value. A variable missing here had no stored value (reported as a warning). */
  values: Record<number, DnaValue>
}

export interface DnaRejectedStatement {
  id: number
  documentId: number | null
  reason: string
}

/** Something that was read but needed a decision or lost a detail; never fatal. */
export interface DnaWarning {
  /** Stable code for tests and grouping in the UI. */
  code:
    | 'line-endings-normalised'
    | 'unknown-coder'
    | 'missing-value'
    | 'unknown-variable'
    | 'unreadable-date'
    | 'dangling-entity-parent'
  message: string
  /** How many rows it concerns. */
  count: number
}

export interface DnaProject {
  format: DnaFormat
  /** As DNA wrote it in SETTINGS, e.g. '3.0.11.5' or '2.0 beta 25'. */
  version: string
  coders: DnaCoder[]
  documents: DnaDocument[]
  statementTypes: DnaStatementType[]
  entities: DnaEntity[]
  statements: DnaStatement[]
  rejected: DnaRejectedStatement[]
  warnings: DnaWarning[]
}

export type DnaReadResult =
  | { ok: true; project: DnaProject }
  | {
      ok: false
      /** One sentence for the analyst: what the file is, and what to do. */
      reason: string
    }
