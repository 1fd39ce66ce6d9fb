import { XMLParser } from 'fast-xml-parser'
import { filePositionsToUtf16, normaliseLineEndings, type LineEndingCount } from './positions'
import { extractEntries, listZip } from './safeUnzip'
import type {
  QdaCode,
  QdaCoding,
  QdaNote,
  QdaProject,
  QdaReadReport,
  QdaReadResult,
  QdaSelection,
  QdaTextSource,
  QdaUser,
  QdaVariable,
  QdaVariableType,
  QdaVariableValue,
  QdcReadResult,
} from './types'
import { guidKey, isGuid } from './xmlValues'

// Reads a .qdpx (zip: project.qde + sources/) or a .qdc (codebook XML) written by any REFI-QDA
// program into a QdaProject. Text sources come with their plain text and their coded
// selections; everything else the standard can carry (pictures, audio, video, PDF pages,
// cases, sets, links, graphs) is named in the report with the reason it was left out. Nothing
// is trusted: zip entries are capped, XML may not declare a DTD, text must be UTF-8, and every
// reference is checked against what the file actually contains.

export interface QdpxReadOptions {
  /**
   * How '\r\n' in source texts is counted in positions. 'auto' follows the standard (two code
   * points) except for files from ATLAS.ti, which counts one.
   */
  lineEndings?: 'auto' | LineEndingCount
  maxEntries?: number
  maxProjectXmlBytes?: number
  maxSourceBytes?: number
  maxTotalBytes?: number
}

type Limits = Required<Pick<QdpxReadOptions, 'maxEntries' | 'maxProjectXmlBytes' | 'maxSourceBytes' | 'maxTotalBytes'>>

export const QDPX_LIMITS: Readonly<Limits> = {
  maxEntries: 20_000,
  maxProjectXmlBytes: 200 * 1024 * 1024,
  maxSourceBytes: 50 * 1024 * 1024,
  maxTotalBytes: 600 * 1024 * 1024,
}

const MAX_CODE_DEPTH = 64

const ARRAYS = new Set([
  'User', 'Code', 'Variable', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection',
  'PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection', 'Transcript', 'Coding', 'NoteRef', 'VariableValue',
  'Note', 'Case', 'Set', 'Link', 'Graph',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Numeric character references (&#10;, &#x1F600;) are decoded; DTD entities never are.
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
})

type Node = Record<string, unknown>

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function readQdpx(bytes: Uint8Array, options: QdpxReadOptions = {}): QdaReadResult {
  const limits = { ...QDPX_LIMITS, ...definedOnly(options) }
  const listing = listZip(bytes, limits.maxEntries)
  if (!listing.ok) return { ok: false, reason: listing.reason }
  const qdeEntries = listing.entries.filter((entry) => !entry.name.includes('/') && entry.name.toLowerCase().endsWith('.qde'))
  const qde = qdeEntries.find((entry) => entry.name.toLowerCase() === 'project.qde') ?? (qdeEntries.length === 1 ? qdeEntries[0] : undefined)
  if (!qde) {
    return { ok: false, reason: qdeEntries.length > 1 ? 'The archive holds several .qde files and no project.qde.' : 'The archive has no project.qde, so it is not a REFI-QDA project.' }
  }
  const extracted = extractEntries(bytes, new Map([[qde.name, limits.maxProjectXmlBytes]]), limits.maxTotalBytes).get(qde.name)!
  if (!extracted.ok) return { ok: false, reason: `project.qde cannot be read: ${extracted.reason}` }
  let xml: string
  try {
    xml = utf8.decode(extracted.data)
  } catch {
    return { ok: false, reason: 'project.qde is not UTF-8 text, as the standard requires.' }
  }

  const parsed = parseXml(xml, 'Project')
  if (!parsed.ok) return parsed
  const root = parsed.node

  // Source texts named as internal://<file> live in sources/<file>; the folder's case varies.
  const sourceEntries = new Map<string, string>()
  for (const entry of listing.entries) {
    const match = /^sources\/([^/]+)$/i.exec(entry.name)
    if (match) sourceEntries.set(match[1]!.toLowerCase(), entry.name)
  }
  const report = emptyReport(attr(root, 'origin'), resolveLineEndings(options.lineEndings ?? 'auto', attr(root, 'origin')))
  report.archive.push(...listing.ignored)

  // First pass: which internal text files the project needs, so only those are inflated.
  const wanted = new Map<string, number>()
  const plainTextFiles: PlainTextLookup = (path) => {
    const internal = /^internal:\/\/(.+)$/i.exec(path.trim())
    if (!internal) return { ok: false, reason: 'Its text is kept outside the project file (an external source); export it with sources embedded.' }
    const file = decodeURIComponentSafe(internal[1]!)
    if (file.includes('/') || file.includes('\\') || file === '..') return { ok: false, reason: `Its text path "${path.slice(0, 80)}" climbs out of the sources folder.` }
    const entry = sourceEntries.get(file.toLowerCase())
    if (!entry) return { ok: false, reason: `Its text file sources/${file} is missing from the archive.` }
    return { ok: true, entry }
  }
  for (const source of textSourcesOf(root)) {
    const path = attr(source.node, 'plainTextPath')
    if (path !== undefined && text(source.node, 'PlainTextContent') === undefined) {
      const found = plainTextFiles(path)
      if (found.ok) wanted.set(found.entry, limits.maxSourceBytes)
    }
  }
  for (const note of list(child(root, 'Notes'), 'Note')) {
    const path = attr(note, 'plainTextPath')
    if (path !== undefined && text(note, 'PlainTextContent') === undefined) {
      const found = plainTextFiles(path)
      if (found.ok) wanted.set(found.entry, limits.maxSourceBytes)
    }
  }
  const files = extractEntries(bytes, wanted, limits.maxTotalBytes - extracted.data.length)
  const project = readProjectNode(root, report, (path) => {
    const found = plainTextFiles(path)
    if (!found.ok) return found
    const file = files.get(found.entry)!
    if (!file.ok) return { ok: false, reason: `Its text file cannot be read: ${file.reason}` }
    try {
      return { ok: true, text: utf8.decode(file.data) }
    } catch {
      return { ok: false, reason: 'Its text file is not UTF-8, as the standard requires; it is left out rather than read wrongly.' }
    }
  })
  return { ok: true, project, report }
}

/** Reads a bare project.qde (no archive): only sources with their text inline can be read. */
export function readQde(xml: string, options: Pick<QdpxReadOptions, 'lineEndings'> = {}): QdaReadResult {
  const parsed = parseXml(xml, 'Project')
  if (!parsed.ok) return parsed
  const report = emptyReport(attr(parsed.node, 'origin'), resolveLineEndings(options.lineEndings ?? 'auto', attr(parsed.node, 'origin')))
  const project = readProjectNode(parsed.node, report, () => ({ ok: false, reason: 'Its text is in a separate file; open the .qdpx archive instead.' }))
  return { ok: true, project, report }
}

export function readQdc(input: Uint8Array | string): QdcReadResult {
  let xml: string
  try {
    xml = typeof input === 'string' ? input : utf8.decode(input)
  } catch {
    return { ok: false, reason: 'The codebook is not UTF-8 text, as the standard requires.' }
  }
  const parsed = parseXml(xml, 'CodeBook')
  if (!parsed.ok) return parsed
  const report = emptyReport(attr(parsed.node, 'origin'), 'two')
  const codes = readCodes(list(child(parsed.node, 'Codes'), 'Code'), report, new Set(), 0)
  if (codes.length === 0) return { ok: false, reason: 'The codebook has no codes.' }
  return { ok: true, codes, origin: attr(parsed.node, 'origin'), warnings: [...report.warnings, ...report.droppedReferences.map((dropped) => dropped.reason)] }
}

function parseXml(xml: string, rootName: 'Project' | 'CodeBook'): { ok: true; node: Node } | { ok: false; reason: string } {
  const what = rootName === 'Project' ? 'project.qde' : 'The codebook'
  // REFI-QDA files never declare a DTD; one that does is refused rather than expanded.
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || /<!ENTITY/i.test(xml)) return { ok: false, reason: `${what} declares a DTD or entities, which REFI-QDA files never do; it is not read.` }
  let document: Node
  try {
    // XML readers treat '\r\n' and '\r' in the file as '\n' (XML 1.0, §2.11).
    document = parser.parse(xml.replace(/\r\n?/g, '\n')) as Node
  } catch (error) {
    return { ok: false, reason: `${what} is not well-formed XML (${error instanceof Error ? error.message.slice(0, 160) : String(error)}).` }
  }
  const node = document[rootName]
  if (!isNode(node)) {
    const other = rootName === 'Project' ? 'CodeBook' : 'Project'
    if (isNode(document[other])) {
      return { ok: false, reason: rootName === 'Project' ? 'This is a REFI-QDA codebook (.qdc), not a project; import it as a codebook.' : 'This is a REFI-QDA project, not a codebook.' }
    }
    return { ok: false, reason: `${what} has no ${rootName} element, so it is not REFI-QDA.` }
  }
  return { ok: true, node }
}

type PlainTextLookup = (path: string) => { ok: true; entry: string } | { ok: false; reason: string }
type TextLookup = (path: string) => { ok: true; text: string } | { ok: false; reason: string }

function readProjectNode(root: Node, report: QdaReadReport, readText: TextLookup): QdaProject {
  const seen = new Set<string>()
  const users: QdaUser[] = []
  for (const node of list(child(root, 'Users'), 'User')) {
    const guid = uniqueGuid(node, 'user', report, seen)
    if (guid) users.push(compact({ guid, name: attr(node, 'name'), id: attr(node, 'id') }))
  }
  const codes = readCodes(list(child(child(root, 'CodeBook'), 'Codes'), 'Code'), report, seen, 0)

  const variables: QdaVariable[] = []
  for (const node of list(child(root, 'Variables'), 'Variable')) {
    const guid = uniqueGuid(node, 'variable', report, seen)
    const type = attr(node, 'typeOfVariable') as QdaVariableType | undefined
    if (!guid) continue
    if (!type || !['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'].includes(type)) {
      report.warnings.push(`Variable "${attr(node, 'name') ?? guid}" has an unknown type and is left out.`)
      continue
    }
    variables.push(compact({ guid, name: attr(node, 'name') ?? '', type, description: text(node, 'Description') || undefined }))
  }

  const notes: QdaNote[] = []
  for (const node of list(child(root, 'Notes'), 'Note')) {
    const guid = uniqueGuid(node, 'note', report, seen)
    if (!guid) continue
    const inline = text(node, 'PlainTextContent')
    let body = inline
    if (body === undefined) {
      const path = attr(node, 'plainTextPath')
      const found = path === undefined ? null : readText(path)
      if (found?.ok) body = found.text
      else report.warnings.push(`Note "${attr(node, 'name') ?? guid}" has no readable text${found ? `: ${found.reason}` : ''}; it is kept empty.`)
    }
    notes.push(compact({ guid, name: attr(node, 'name'), text: normaliseLineEndings(body ?? ''), description: text(node, 'Description') || undefined, ...auditOf(node) }))
  }

  const sources: QdaTextSource[] = []
  const sourcesNode = child(root, 'Sources')
  for (const { node, kind, name, representationOf } of textSourcesOf(root)) {
    const guid = uniqueGuid(node, 'source', report, seen)
    if (!guid) continue
    const inline = text(node, 'PlainTextContent')
    const path = attr(node, 'plainTextPath')
    let raw: string | undefined = inline
    if (raw === undefined) {
      if (path === undefined) {
        const rich = attr(node, 'richTextPath')
        report.skippedSources.push({ guid, name, kind, reason: rich ? 'It has only a formatted (Word) version and no plain text to anchor codings in.' : 'It has no text.' })
        continue
      }
      const found = readText(path)
      if (!found.ok) {
        report.skippedSources.push({ guid, name, kind, reason: found.reason })
        continue
      }
      raw = found.text
    }
    if (representationOf) report.warnings.push(`PDF "${name}" is read as its plain-text representation; codings of areas on its pages are left out.`)
    sources.push(readTextSource(node, guid, name, raw, report, seen))
  }
  for (const kind of ['PictureSource', 'AudioSource', 'VideoSource'] as const) {
    for (const node of list(sourcesNode, kind)) {
      const name = attr(node, 'name') ?? attr(node, 'guid') ?? '(unnamed)'
      const what = { PictureSource: 'a picture', AudioSource: 'an audio recording', VideoSource: 'a video' }[kind]
      const transcripts = list(node, 'Transcript').length
      report.skippedSources.push({
        guid: attr(node, 'guid') ?? '',
        name,
        kind,
        reason: `It is ${what}; Standpoint reads text only${transcripts > 0 ? ` (its ${transcripts} transcript${transcripts === 1 ? ' is' : 's are'} left out too)` : ''}.`,
      })
    }
  }
  for (const node of list(sourcesNode, 'PDFSource')) {
    if (isNode(child(node, 'Representation'))) continue
    report.skippedSources.push({ guid: attr(node, 'guid') ?? '', name: attr(node, 'name') ?? '(unnamed)', kind: 'PDFSource', reason: 'It is a PDF without a plain-text representation; import the PDF itself as an article instead.' })
  }

  for (const element of ['Cases', 'Sets', 'Links', 'Graphs'] as const) {
    const inner = { Cases: 'Case', Sets: 'Set', Links: 'Link', Graphs: 'Graph' }[element]
    const count = list(child(root, element), inner).length
    if (count > 0) report.notRead.push({ element: inner, count })
  }

  const project: QdaProject = compact({
    name: attr(root, 'name') ?? '',
    origin: attr(root, 'origin'),
    description: text(root, 'Description') || undefined,
    creatingUser: attr(root, 'creatingUserGUID'),
    creationDateTime: attr(root, 'creationDateTime'),
    modifyingUser: attr(root, 'modifyingUserGUID'),
    modifiedDateTime: attr(root, 'modifiedDateTime'),
    users,
    codes,
    variables,
    sources,
    notes,
    noteGuids: noteRefs(root),
  })
  checkReferences(project, report)
  return project
}

interface FoundTextSource {
  node: Node
  kind: string
  name: string
  representationOf?: string
}

/** TextSources, and the plain-text representations of PDFs, in file order. */
function textSourcesOf(root: Node): FoundTextSource[] {
  const sources = child(root, 'Sources')
  const found: FoundTextSource[] = list(sources, 'TextSource').map((node) => ({ node, kind: 'TextSource', name: attr(node, 'name') ?? '(unnamed)' }))
  for (const pdf of list(sources, 'PDFSource')) {
    const representation = child(pdf, 'Representation')
    if (!isNode(representation)) continue
    const name = attr(pdf, 'name') ?? attr(representation, 'name') ?? '(unnamed)'
    found.push({ node: representation, kind: 'PDFSource', name, representationOf: attr(pdf, 'guid') })
  }
  return found
}

function readTextSource(node: Node, guid: string, name: string, raw: string, report: QdaReadReport, seen: Set<string>): QdaTextSource {
  const selectionNodes = list(node, 'PlainTextSelection')
  const bounds = selectionNodes.map((selection) => [integerAttr(selection, 'startPosition'), integerAttr(selection, 'endPosition')] as const)
  const positions = filePositionsToUtf16(raw, bounds.flat().filter((value): value is number => value !== null), report.lineEndings)
  const selections: QdaSelection[] = []
  selectionNodes.forEach((selectionNode, index) => {
    const selectionGuid = uniqueGuid(selectionNode, 'selection', report, seen)
    if (!selectionGuid) return
    const [startPosition, endPosition] = bounds[index]!
    const drop = (reason: string) => report.droppedSelections.push({ sourceGuid: guid, selectionGuid, reason })
    if (startPosition === null || endPosition === null) return drop('Its start or end position is not a whole number.')
    const start = positions.get(startPosition)
    const end = positions.get(endPosition)
    if (start == null || end == null) return drop(`Its positions ${startPosition}–${endPosition} lie outside the text of "${name}".`)
    if (end <= start) return drop(`Its positions ${startPosition}–${endPosition} select no text.`)
    selections.push(
      compact({
        guid: selectionGuid,
        name: attr(selectionNode, 'name'),
        start,
        end,
        description: text(selectionNode, 'Description') || undefined,
        codings: readCodings(selectionNode, report, seen),
        noteGuids: noteRefs(selectionNode),
        ...auditOf(selectionNode),
      }),
    )
  })
  return compact({
    guid,
    name,
    text: normaliseLineEndings(raw),
    description: text(node, 'Description') || undefined,
    selections,
    codings: readCodings(node, report, seen),
    noteGuids: noteRefs(node),
    variableValues: list(node, 'VariableValue').flatMap((value) => variableValue(value, report)),
    ...auditOf(node),
  })
}

function readCodes(nodes: Node[], report: QdaReadReport, seen: Set<string>, depth: number): QdaCode[] {
  if (depth >= MAX_CODE_DEPTH) {
    if (nodes.length > 0) report.warnings.push(`Codes nested deeper than ${MAX_CODE_DEPTH} levels are left out.`)
    return []
  }
  const codes: QdaCode[] = []
  for (const node of nodes) {
    const guid = uniqueGuid(node, 'code', report, seen)
    if (!guid) continue
    const color = attr(node, 'color')
    codes.push(
      compact({
        guid,
        name: attr(node, 'name') ?? '',
        isCodable: attr(node, 'isCodable') !== 'false' && attr(node, 'isCodable') !== '0',
        color: color && /^#(?:[0-9a-f]{6}|[0-9a-f]{3})$/i.test(color.trim()) ? color.trim() : undefined,
        description: text(node, 'Description') || undefined,
        noteGuids: noteRefs(node),
        children: readCodes(list(node, 'Code'), report, seen, depth + 1),
      }),
    )
  }
  return codes
}

function readCodings(node: Node, report: QdaReadReport, seen: Set<string>): QdaCoding[] {
  return list(node, 'Coding').flatMap((coding) => {
    const guid = uniqueGuid(coding, 'coding', report, seen)
    const codeGuid = attr(child(coding, 'CodeRef'), 'targetGUID')
    if (!guid) return []
    if (!codeGuid) {
      report.droppedReferences.push({ guid, reason: 'A coding names no code.' })
      return []
    }
    return [compact({ guid, codeGuid, creatingUser: attr(coding, 'creatingUser'), creationDateTime: attr(coding, 'creationDateTime'), noteGuids: noteRefs(coding) })]
  })
}

function variableValue(node: Node, report: QdaReadReport): QdaVariableValue[] {
  const variableGuid = attr(child(node, 'VariableRef'), 'targetGUID')
  if (!variableGuid) return []
  const pick = (key: string) => text(node, key)
  const textValue = pick('TextValue')
  if (textValue !== undefined) return [{ variableGuid, value: textValue }]
  const booleanValue = pick('BooleanValue')
  if (booleanValue !== undefined) return [{ variableGuid, value: booleanValue.trim() === 'true' || booleanValue.trim() === '1' }]
  for (const key of ['IntegerValue', 'FloatValue']) {
    const raw = pick(key)
    if (raw === undefined) continue
    const number = Number(raw.trim())
    if (raw.trim() !== '' && Number.isFinite(number)) return [{ variableGuid, value: number }]
    report.warnings.push(`A variable value "${raw.slice(0, 40)}" is not a number and is left out.`)
    return []
  }
  for (const key of ['DateValue', 'DateTimeValue']) {
    const raw = pick(key)
    if (raw !== undefined) return [{ variableGuid, value: raw.trim() }]
  }
  return []
}

/** Drops codings, note references and variable values that point to nothing in the project. */
function checkReferences(project: QdaProject, report: QdaReadReport): void {
  const codes = new Set<string>()
  const walk = (list: QdaCode[]) => {
    for (const code of list) {
      codes.add(guidKey(code.guid))
      walk(code.children)
    }
  }
  walk(project.codes)
  const notes = new Set(project.notes.map((note) => guidKey(note.guid)))
  const variables = new Set(project.variables.map((variable) => guidKey(variable.guid)))
  const keepNotes = (guids: string[], owner: string) =>
    guids.filter((guid) => {
      if (notes.has(guidKey(guid))) return true
      report.droppedReferences.push({ guid, reason: `${owner} refers to note ${guid}, which is not in the project.` })
      return false
    })
  const keepCodings = (codings: QdaCoding[], owner: string) =>
    codings.filter((coding) => {
      coding.noteGuids = keepNotes(coding.noteGuids, 'A coding')
      if (codes.has(guidKey(coding.codeGuid))) return true
      report.droppedReferences.push({ guid: coding.guid, reason: `A coding of ${owner} refers to code ${coding.codeGuid}, which is not in the code system.` })
      return false
    })
  project.noteGuids = keepNotes(project.noteGuids, 'The project')
  const walkNotes = (list: QdaCode[]) => {
    for (const code of list) {
      code.noteGuids = keepNotes(code.noteGuids, `Code "${code.name}"`)
      walkNotes(code.children)
    }
  }
  walkNotes(project.codes)
  for (const source of project.sources) {
    source.codings = keepCodings(source.codings, `"${source.name}"`)
    source.noteGuids = keepNotes(source.noteGuids, `Source "${source.name}"`)
    source.variableValues = source.variableValues.filter((value) => {
      if (variables.has(guidKey(value.variableGuid))) return true
      report.droppedReferences.push({ guid: value.variableGuid, reason: `Source "${source.name}" has a value for variable ${value.variableGuid}, which is not in the project.` })
      return false
    })
    for (const selection of source.selections) {
      selection.codings = keepCodings(selection.codings, `a selection in "${source.name}"`)
      selection.noteGuids = keepNotes(selection.noteGuids, `A selection in "${source.name}"`)
    }
  }
}

function uniqueGuid(node: Node, what: string, report: QdaReadReport, seen: Set<string>): string | null {
  const guid = attr(node, 'guid')?.trim()
  if (!guid || !isGuid(guid)) {
    report.warnings.push(`A ${what} without a valid GUID ("${(guid ?? '').slice(0, 40)}") is left out.`)
    return null
  }
  const key = guidKey(guid)
  if (seen.has(key)) {
    report.warnings.push(`A ${what} reuses GUID ${guid}; only the first object with it is kept.`)
    return null
  }
  seen.add(key)
  return guid
}

function noteRefs(node: Node): string[] {
  return list(node, 'NoteRef').flatMap((ref) => {
    const target = attr(ref, 'targetGUID')
    return target ? [target] : []
  })
}

function auditOf(node: Node): Pick<QdaSelection, 'creatingUser' | 'creationDateTime' | 'modifyingUser' | 'modifiedDateTime'> {
  return {
    creatingUser: attr(node, 'creatingUser'),
    creationDateTime: attr(node, 'creationDateTime'),
    modifyingUser: attr(node, 'modifyingUser'),
    modifiedDateTime: attr(node, 'modifiedDateTime'),
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function child(node: unknown, name: string): Node | undefined {
  if (!isNode(node)) return undefined
  const value = node[name]
  if (Array.isArray(value)) return isNode(value[0]) ? value[0] : undefined
  return isNode(value) ? value : undefined
}

function list(node: unknown, name: string): Node[] {
  if (!isNode(node)) return []
  const value = node[name]
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value]
  // An empty element (<Code .../>) parses as '' when it has no attributes; treat it as a node.
  return items.map((item) => (isNode(item) ? item : {}))
}

function attr(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined
  const value = node[`@_${name}`]
  return typeof value === 'string' ? value : undefined
}

/** An element's text content, undefined when the element is absent. */
function text(node: unknown, name: string): string | undefined {
  if (!isNode(node) || !(name in node)) return undefined
  const value = node[name]
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value
  if (typeof first === 'string') return first
  if (isNode(first)) return typeof first['#text'] === 'string' ? first['#text'] : ''
  if (typeof first === 'number' || typeof first === 'boolean') return String(first)
  return ''
}

function integerAttr(node: Node, name: string): number | null {
  const raw = attr(node, name)?.trim()
  if (raw === undefined || !/^-?\d+$/.test(raw)) return null
  const value = Number(raw)
  return Number.isSafeInteger(value) ? value : null
}

function resolveLineEndings(choice: 'auto' | LineEndingCount, origin: string | undefined): LineEndingCount {
  if (choice !== 'auto') return choice
  return origin && /atlas\.ti/i.test(origin) ? 'one' : 'two'
}

function emptyReport(origin: string | undefined, lineEndings: LineEndingCount): QdaReadReport {
  return compact({ origin, lineEndings, skippedSources: [], droppedSelections: [], droppedReferences: [], notRead: [], archive: [], warnings: [] })
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The object without its undefined properties, so results compare and serialise cleanly. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key]
  return value
}

function definedOnly(options: QdpxReadOptions): Partial<Limits> {
  const out: Partial<Limits> = {}
  for (const key of Object.keys(QDPX_LIMITS) as (keyof Limits)[]) if (options[key] !== undefined) out[key] = options[key]
  return out
}
