import { XMLBuilder } from 'fast-xml-parser'
import { utf16ToCodePoints } from './positions'
import type { QdaAudit, QdaCode, QdaCoding, QdaNote, QdaProject, QdaSelection, QdaTextSource, QdaVariable, QdaVariableValue } from './types'
import {
  CODEBOOK_NAMESPACE,
  guidKey,
  isDate,
  isDateTime,
  isGuid,
  isRgb,
  PROJECT_NAMESPACE,
  xmlAttribute,
  xmlContent,
  xsdDecimal,
} from './xmlValues'

// Writes a QdaProject as REFI-QDA XML: project.qde (Project.xsd) and a codebook .qdc
// (Codebook.xsd). Elements go in the order the schemas' sequences demand, and every value is
// checked first, so what is written validates; a project that cannot be written says every
// reason at once instead of producing a file another program would refuse.

export const DEFAULT_ORIGIN = 'Standpoint'

export interface QdaWriteOptions {
  /** Written as the origin attribute: which program made the file. */
  origin?: string
}

export class QdaWriteError extends Error {
  override name = 'QdaWriteError'
  constructor(readonly problems: string[]) {
    super(`The REFI-QDA export cannot be written: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`)
  }
}

/** Where a text source's plain text goes inside the .qdpx. */
export function sourceEntryName(source: Pick<QdaTextSource, 'guid'>): string {
  return `sources/${guidKey(source.guid)}.txt`
}

type XmlNode = Record<string, unknown>

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  // Left on, the builder writes isCodable="true" as a bare isCodable, which is not XML.
  suppressBooleanAttributes: false,
  processEntities: true,
})

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'

export function projectXml(project: QdaProject, options: QdaWriteOptions = {}): string {
  const problems = projectProblems(project)
  if (problems.length > 0) throw new QdaWriteError(problems)

  const root: XmlNode = {
    '@_xmlns': PROJECT_NAMESPACE,
    '@_name': xmlAttribute(project.name),
    '@_origin': xmlAttribute(options.origin ?? project.origin ?? DEFAULT_ORIGIN),
    ...optional('@_creatingUserGUID', project.creatingUser),
    ...optional('@_creationDateTime', project.creationDateTime),
    ...optional('@_modifyingUserGUID', project.modifyingUser),
    ...optional('@_modifiedDateTime', project.modifiedDateTime),
  }
  if (project.users.length > 0) {
    root.Users = {
      User: project.users.map((user) => ({ '@_guid': user.guid, ...optional('@_name', user.name, xmlAttribute), ...optional('@_id', user.id, xmlAttribute) })),
    }
  }
  if (project.codes.length > 0) root.CodeBook = { Codes: { Code: project.codes.map((code) => codeNode(code, true)) } }
  if (project.variables.length > 0) root.Variables = { Variable: project.variables.map(variableNode) }
  if (project.sources.length > 0) {
    const types = new Map(project.variables.map((variable) => [guidKey(variable.guid), variable.type]))
    root.Sources = { TextSource: project.sources.map((source) => sourceNode(source, types)) }
  }
  if (project.notes.length > 0) root.Notes = { Note: project.notes.map(noteNode) }
  if (project.description) root.Description = xmlContent(project.description)
  if (project.noteGuids.length > 0) root.NoteRef = refs(project.noteGuids)
  return DECLARATION + String(builder.build({ Project: root }))
}

/** The code system alone, as a .qdc file. */
export function codebookXml(codes: readonly QdaCode[], options: QdaWriteOptions = {}): string {
  const problems: string[] = []
  if (codes.length === 0) problems.push('A codebook needs at least one code.')
  const seen = new Set<string>()
  walkCodes(codes, (code) => checkCode(code, problems, seen))
  if (problems.length > 0) throw new QdaWriteError(problems)
  const root: XmlNode = {
    '@_xmlns': CODEBOOK_NAMESPACE,
    '@_origin': xmlAttribute(options.origin ?? DEFAULT_ORIGIN),
    Codes: { Code: codes.map((code) => codeNode(code, false)) },
  }
  return DECLARATION + String(builder.build({ CodeBook: root }))
}

function codeNode(code: QdaCode, withNotes: boolean): XmlNode {
  const node: XmlNode = {
    '@_guid': code.guid,
    '@_name': xmlAttribute(code.name),
    '@_isCodable': String(code.isCodable),
    ...optional('@_color', code.color),
  }
  if (code.description) node.Description = xmlContent(code.description)
  // Codebook.xsd has no NoteRef in a code; Project.xsd does.
  if (withNotes && code.noteGuids.length > 0) node.NoteRef = refs(code.noteGuids)
  if (code.children.length > 0) node.Code = code.children.map((child) => codeNode(child, withNotes))
  return node
}

function variableNode(variable: QdaVariable): XmlNode {
  return {
    '@_guid': variable.guid,
    '@_name': xmlAttribute(variable.name),
    '@_typeOfVariable': variable.type,
    ...(variable.description ? { Description: xmlContent(variable.description) } : {}),
  }
}

function sourceNode(source: QdaTextSource, types: Map<string, QdaVariable['type']>): XmlNode {
  const positions = utf16ToCodePoints(source.text, source.selections.flatMap((selection) => [selection.start, selection.end]))
  const node: XmlNode = {
    '@_guid': source.guid,
    '@_name': xmlAttribute(source.name),
    '@_plainTextPath': `internal://${guidKey(source.guid)}.txt`,
    ...audit(source),
  }
  if (source.description) node.Description = xmlContent(source.description)
  if (source.selections.length > 0) {
    node.PlainTextSelection = source.selections.map((selection) => selectionNode(selection, positions.get(selection.start)!, positions.get(selection.end)!))
  }
  if (source.codings.length > 0) node.Coding = source.codings.map(codingNode)
  if (source.noteGuids.length > 0) node.NoteRef = refs(source.noteGuids)
  if (source.variableValues.length > 0) node.VariableValue = source.variableValues.map((value) => variableValueNode(value, types.get(guidKey(value.variableGuid))!))
  return node
}

function selectionNode(selection: QdaSelection, start: number, end: number): XmlNode {
  const node: XmlNode = {
    '@_guid': selection.guid,
    ...optional('@_name', selection.name, xmlAttribute),
    '@_startPosition': String(start),
    '@_endPosition': String(end),
    ...audit(selection),
  }
  if (selection.description) node.Description = xmlContent(selection.description)
  if (selection.codings.length > 0) node.Coding = selection.codings.map(codingNode)
  if (selection.noteGuids.length > 0) node.NoteRef = refs(selection.noteGuids)
  return node
}

function codingNode(coding: QdaCoding): XmlNode {
  const node: XmlNode = {
    '@_guid': coding.guid,
    ...optional('@_creatingUser', coding.creatingUser),
    ...optional('@_creationDateTime', coding.creationDateTime),
    CodeRef: { '@_targetGUID': coding.codeGuid },
  }
  if (coding.noteGuids.length > 0) node.NoteRef = refs(coding.noteGuids)
  return node
}

function noteNode(note: QdaNote): XmlNode {
  const node: XmlNode = { '@_guid': note.guid, ...optional('@_name', note.name, xmlAttribute), ...audit(note) }
  if (note.description) node.Description = xmlContent(note.description)
  node.PlainTextContent = xmlContent(note.text)
  return node
}

function variableValueNode(value: QdaVariableValue, type: QdaVariable['type']): XmlNode {
  const node: XmlNode = { VariableRef: { '@_targetGUID': value.variableGuid } }
  const raw = value.value
  if (type === 'Text') node.TextValue = xmlContent(String(raw))
  else if (type === 'Boolean') node.BooleanValue = String(raw === true)
  else if (type === 'Integer') node.IntegerValue = String(raw)
  else if (type === 'Float') node.FloatValue = xsdDecimal(Number(raw))
  else if (type === 'Date') node.DateValue = String(raw)
  else node.DateTimeValue = String(raw)
  return node
}

function refs(guids: readonly string[]): XmlNode[] {
  return guids.map((guid) => ({ '@_targetGUID': guid }))
}

function audit(item: QdaAudit): XmlNode {
  return {
    ...optional('@_creatingUser', item.creatingUser),
    ...optional('@_creationDateTime', item.creationDateTime),
    ...optional('@_modifyingUser', item.modifyingUser),
    ...optional('@_modifiedDateTime', item.modifiedDateTime),
  }
}

function optional(key: string, value: string | undefined, transform: (value: string) => string = (same) => same): XmlNode {
  return value === undefined || value === '' ? {} : { [key]: transform(value) }
}

function walkCodes(codes: readonly QdaCode[], visit: (code: QdaCode) => void): void {
  const stack = [...codes]
  while (stack.length > 0) {
    const code = stack.pop()!
    visit(code)
    stack.push(...code.children)
  }
}

function checkCode(code: QdaCode, problems: string[], seen: Set<string>): void {
  claimGuid(code.guid, `Code "${code.name}"`, problems, seen)
  if (code.name.trim() === '') problems.push(`Code ${code.guid} has no name.`)
  if (code.color !== undefined && code.color !== '' && !isRgb(code.color)) problems.push(`Code "${code.name}" has colour "${code.color}", not #rrggbb.`)
}

function claimGuid(guid: string, what: string, problems: string[], seen: Set<string>): void {
  if (!isGuid(guid)) {
    problems.push(`${what} has "${guid}" as its GUID, which is not one.`)
    return
  }
  const key = guidKey(guid)
  if (seen.has(key)) problems.push(`${what} reuses GUID ${guid}.`)
  seen.add(key)
}

/** Every reason the project cannot be written as valid REFI-QDA; empty when it can. */
export function projectProblems(project: QdaProject): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  if (project.name.trim() === '') problems.push('The project has no name.')

  const checkAudit = (item: QdaAudit, what: string) => {
    for (const user of [item.creatingUser, item.modifyingUser]) if (user && !isGuid(user)) problems.push(`${what} names user "${user}", which is not a GUID.`)
    for (const stamp of [item.creationDateTime, item.modifiedDateTime]) if (stamp && !isDateTime(stamp)) problems.push(`${what} has "${stamp}" as a date and time, not ISO 8601.`)
  }
  checkAudit(project, 'The project')
  for (const user of project.users) claimGuid(user.guid, `User "${user.name ?? user.guid}"`, problems, seen)
  walkCodes(project.codes, (code) => checkCode(code, problems, seen))
  const variableTypes = new Map<string, QdaVariable['type']>()
  for (const variable of project.variables) {
    claimGuid(variable.guid, `Variable "${variable.name}"`, problems, seen)
    variableTypes.set(guidKey(variable.guid), variable.type)
  }
  for (const note of project.notes) {
    claimGuid(note.guid, `Note "${note.name ?? note.guid}"`, problems, seen)
    checkAudit(note, `Note "${note.name ?? note.guid}"`)
  }

  const codeGuids = new Set<string>()
  walkCodes(project.codes, (code) => codeGuids.add(guidKey(code.guid)))
  const noteGuids = new Set(project.notes.map((note) => guidKey(note.guid)))
  const checkNotes = (guids: readonly string[], what: string) => {
    for (const guid of guids) if (!noteGuids.has(guidKey(guid))) problems.push(`${what} refers to note ${guid}, which is not in the project.`)
  }
  const checkCodings = (codings: readonly QdaCoding[], what: string) => {
    for (const coding of codings) {
      claimGuid(coding.guid, `A coding of ${what}`, problems, seen)
      if (!codeGuids.has(guidKey(coding.codeGuid))) problems.push(`A coding of ${what} refers to code ${coding.codeGuid}, which is not in the code system.`)
      checkNotes(coding.noteGuids, `A coding of ${what}`)
      checkAudit(coding, `A coding of ${what}`)
    }
  }
  checkNotes(project.noteGuids, 'The project')
  walkCodes(project.codes, (code) => checkNotes(code.noteGuids, `Code "${code.name}"`))

  for (const source of project.sources) {
    const what = `Source "${source.name}"`
    claimGuid(source.guid, what, problems, seen)
    checkAudit(source, what)
    checkCodings(source.codings, what)
    checkNotes(source.noteGuids, what)
    const positions = utf16ToCodePoints(source.text, source.selections.flatMap((selection) => [selection.start, selection.end]))
    for (const selection of source.selections) {
      const where = `selection ${selection.start}–${selection.end} of ${what}`
      claimGuid(selection.guid, `The ${where}`, problems, seen)
      checkAudit(selection, `The ${where}`)
      if (!(selection.start <= selection.end) || positions.get(selection.start) == null || positions.get(selection.end) == null) {
        problems.push(`The ${where} does not lie within its ${source.text.length} characters (or splits a character in two).`)
      }
      checkCodings(selection.codings, `the ${where}`)
      checkNotes(selection.noteGuids, `The ${where}`)
    }
    for (const value of source.variableValues) {
      const type = variableTypes.get(guidKey(value.variableGuid))
      if (!type) problems.push(`${what} has a value for variable ${value.variableGuid}, which is not in the project.`)
      else if (!valueFits(value.value, type)) problems.push(`${what} has ${JSON.stringify(value.value)} for a ${type} variable.`)
    }
  }
  return problems
}

function valueFits(value: QdaVariableValue['value'], type: QdaVariable['type']): boolean {
  switch (type) {
    case 'Text':
      return typeof value === 'string'
    case 'Boolean':
      return typeof value === 'boolean'
    case 'Integer':
      return typeof value === 'number' && Number.isSafeInteger(value)
    case 'Float':
      return typeof value === 'number' && Number.isFinite(value)
    case 'Date':
      return typeof value === 'string' && isDate(value)
    case 'DateTime':
      return typeof value === 'string' && isDateTime(value)
  }
}
