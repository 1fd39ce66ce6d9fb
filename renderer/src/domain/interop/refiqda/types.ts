// A REFI-QDA project (the exchange standard of MAXQDA, ATLAS.ti, NVivo, QualCoder, Transana) as
// plain data that knows nothing of Standpoint's model: the writer turns it into a .qdpx/.qdc,
// the reader makes it from one, and a separate mapping step relates it to articles, actors,
// issues and claims. Only text sources are modelled: Standpoint reads text.
//
// Offsets here are UTF-16 offsets into `text`, start inclusive and end exclusive, like every
// offset in Standpoint; the writer and reader convert to and from the code points REFI-QDA
// counts. Every `guid` is a GUID ('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', any case, braces
// allowed), unique within the project.

export interface QdaAudit {
  /** GUID of a user. */
  creatingUser?: string
  /** ISO 8601 date and time ('2024-12-23T10:00:00Z'). */
  creationDateTime?: string
  modifyingUser?: string
  modifiedDateTime?: string
}

export interface QdaUser {
  guid: string
  name?: string
  /** A short ID some tools show, such as initials. */
  id?: string
}

export interface QdaCode {
  guid: string
  name: string
  /** False for a folder-like code that only groups others. */
  isCodable: boolean
  /** '#rrggbb' or '#rgb'. */
  color?: string
  description?: string
  noteGuids: string[]
  children: QdaCode[]
}

export interface QdaCoding {
  guid: string
  codeGuid: string
  creatingUser?: string
  creationDateTime?: string
  noteGuids: string[]
}

export interface QdaSelection extends QdaAudit {
  guid: string
  name?: string
  start: number
  end: number
  description?: string
  codings: QdaCoding[]
  noteGuids: string[]
}

export type QdaVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime'

export interface QdaVariable {
  guid: string
  name: string
  type: QdaVariableType
  description?: string
}

export interface QdaVariableValue {
  variableGuid: string
  /** Text: string; Boolean: boolean; Integer, Float: number; Date: 'YYYY-MM-DD'; DateTime: ISO 8601. */
  value: string | number | boolean
}

export interface QdaTextSource extends QdaAudit {
  guid: string
  name: string
  /** The plain text, lines separated by '\n'. */
  text: string
  description?: string
  selections: QdaSelection[]
  /** Codings of the whole source, not of a selection. */
  codings: QdaCoding[]
  noteGuids: string[]
  variableValues: QdaVariableValue[]
}

/** A memo: REFI-QDA calls it a note and stores it as a small text source. */
export interface QdaNote extends QdaAudit {
  guid: string
  name?: string
  text: string
  description?: string
}

export interface QdaProject extends QdaAudit {
  name: string
  /** The program that wrote the file, e.g. 'MAXQDA 24 (Release 24.7.0)'. */
  origin?: string
  description?: string
  users: QdaUser[]
  /** The code system: top-level codes, each with its children. */
  codes: QdaCode[]
  variables: QdaVariable[]
  sources: QdaTextSource[]
  notes: QdaNote[]
  /** Notes about the project as a whole. */
  noteGuids: string[]
}

/** What the reader left out, and why; shown to the analyst before anything is imported. */
export interface QdaReadReport {
  origin?: string
  /** How '\r\n' was counted in this file's positions. */
  lineEndings: 'two' | 'one'
  skippedSources: { guid: string; name: string; kind: string; reason: string }[]
  droppedSelections: { sourceGuid: string; selectionGuid: string; reason: string }[]
  /** Codings, and references to notes or variables, that point to nothing in the project. */
  droppedReferences: { guid: string; reason: string }[]
  /** Parts of the standard Standpoint does not read (cases, sets, links, graphs...), with counts. */
  notRead: { element: string; count: number }[]
  /** Zip entries ignored: unsafe paths, duplicates, files too large. */
  archive: { entry: string; reason: string }[]
  warnings: string[]
}

export type QdaReadResult =
  | { ok: true; project: QdaProject; report: QdaReadReport }
  | { ok: false; reason: string }

/** A .qdc file: the code system alone. */
export type QdcReadResult =
  | { ok: true; codes: QdaCode[]; origin?: string; warnings: string[] }
  | { ok: false; reason: string }
