import { anchorSpan } from '../../anchoring'
import { newId, STANCE_LABELS, STANCES, type Actor, type Article, type Claim, type Coder, type Id, type Issue, type Mention, type Stance } from '../../model'
import type { QdaCode, QdaCoding, QdaNote, QdaProject, QdaSelection, QdaTextSource, QdaVariable, QdaVariableValue } from '../refiqda/types'
import { isDateTime, isGuid } from '../refiqda/xmlValues'
import { ARTICLE_VARIABLES, descriptionLines, GROUP_GUIDS, STANCE_CODE_GUIDS, stanceCodeName } from './qdaConventions'

// A workspace as a REFI-QDA project. Articles with text become text sources (their outlet,
// date, author, URL, language, external ID and attributes as source variables); the code
// system holds three groups: "Issues" (the codebook, its tree kept), "Actors" (one code per
// actor, kind, aliases, attributes and notes in its description) and "Stance" (−2 … +2). A claim
// is one selection coded with its actor, its issues and its stance; its note is a memo; its
// date, addressee, external ID and attributes are lines of the selection's description. A
// mention is a selection coded with its actor alone. Coders are the project's users.
//
// Record ids are UUIDs, which are GUIDs, so they are used as they are: a project imported back
// keeps its ids. An id that is not a GUID (from a hand-made workspace) gets a fresh GUID.

export interface QdaExportInput {
  articles: readonly Article[]
  actors: readonly Actor[]
  issues: readonly Issue[]
  claims: readonly Claim[]
  mentions: readonly Mention[]
  coders: readonly Coder[]
  /** The coder exporting: the project's creating user. */
  currentCoderId: Id | null
  projectName: string
  origin: string
  now: string
}

export interface QdaLeftOut {
  /** 'articles', 'claims' or 'mentions'. */
  what: string
  /** Reads after the noun: "2 claims whose quote is no longer found…". */
  reason: string
  count: number
}

export interface QdaExportResult {
  project: QdaProject
  counts: { sources: number; claims: number; mentions: number; issues: number; actors: number; users: number }
  leftOut: QdaLeftOut[]
}

/** GUIDs for record ids: the id itself when it is one, else one fresh GUID per id. */
export class GuidMap {
  private readonly map = new Map<string, string>()
  constructor(private readonly fresh: () => string = newId) {}
  of(id: string): string {
    if (isGuid(id)) return id
    let guid = this.map.get(id)
    if (!guid) {
      guid = this.fresh()
      this.map.set(id, guid)
    }
    return guid
  }
}

/** The code system: Issues (the codebook tree), Actors, Stance. */
export function qdaCodeSystem(issues: readonly Issue[], actors: readonly Actor[], guids: GuidMap = new GuidMap()): QdaCode[] {
  const children = new Map<Id | null, Issue[]>()
  const known = new Set(issues.map((issue) => issue.id))
  for (const issue of issues) {
    const parent = issue.parentId !== null && known.has(issue.parentId) && issue.parentId !== issue.id ? issue.parentId : null
    const list = children.get(parent) ?? []
    list.push(issue)
    children.set(parent, list)
  }
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label)
  const visited = new Set<Id>()
  const issueCode = (issue: Issue): QdaCode => {
    visited.add(issue.id)
    const description = descriptionLines([['Code', issue.code]], issue.description)
    return {
      guid: guids.of(issue.id),
      name: issue.label.trim() || '(no label)',
      isCodable: true,
      ...(description ? { description } : {}),
      noteGuids: [],
      children: (children.get(issue.id) ?? [])
        .filter((child) => !visited.has(child.id))
        .sort(byLabel)
        .map(issueCode),
    }
  }
  const issueCodes = (children.get(null) ?? []).sort(byLabel).map(issueCode)
  // A cycle in a damaged codebook would leave issues unreached; they go to the top level.
  for (const issue of issues) if (!visited.has(issue.id)) issueCodes.push(issueCode(issue))

  const actorCodes = [...actors]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((actor): QdaCode => {
      const description = descriptionLines(
        [['Kind', actor.kind.trim() || 'other'], ['Aliases', actor.aliases.join(' | ')], ...Object.entries(actor.attributes).map(([name, values]): [string, string] => [name, values.join(' | ')])],
        actor.notes,
      )
      return { guid: guids.of(actor.id), name: actor.name.trim() || '(no name)', isCodable: true, ...(description ? { description } : {}), noteGuids: [], children: [] }
    })
  const stanceCodes = STANCES.map((stance): QdaCode => ({
    guid: STANCE_CODE_GUIDS[stance],
    name: stanceCodeName(stance),
    isCodable: true,
    color: STANCE_COLORS[stance],
    description: `Stance ${stance > 0 ? '+' : ''}${stance}: ${STANCE_LABELS[stance]}.`,
    noteGuids: [],
    children: [],
  }))
  return [
    { guid: GROUP_GUIDS.issues, name: 'Issues', isCodable: false, description: 'The codebook: the questions a claim takes a stance on.', noteGuids: [], children: issueCodes },
    { guid: GROUP_GUIDS.actors, name: 'Actors', isCodable: false, description: 'Who makes a claim or is mentioned.', noteGuids: [], children: actorCodes },
    { guid: GROUP_GUIDS.stance, name: 'Stance', isCodable: false, description: 'The claim’s stance on its issues, −2 (strongly against) to +2 (strongly for).', noteGuids: [], children: stanceCodes },
  ]
}

/** The scale of the positions table, so other programs colour stance codes the same way. */
const STANCE_COLORS: Record<Stance, string> = { [-2]: '#b2182b', [-1]: '#ef8a62', 0: '#9e9e9e', 1: '#67a9cf', 2: '#2166ac' }

export function workspaceToQda(input: QdaExportInput, fresh: () => string = newId): QdaExportResult {
  const guids = new GuidMap(fresh)
  const leftOut = new Map<string, QdaLeftOut>()
  const leave = (what: string, reason: string, count = 1): void => {
    const key = `${what}\u0000${reason}`
    const entry = leftOut.get(key) ?? { what, reason, count: 0 }
    entry.count += count
    leftOut.set(key, entry)
  }
  const coderIds = new Set(input.coders.map((coder) => coder.id))
  const actorIds = new Set(input.actors.map((actor) => actor.id))
  const issueIds = new Set(input.issues.map((issue) => issue.id))
  const actorName = new Map(input.actors.map((actor) => [actor.id, actor.name]))
  const userOf = (coderId: string): string | undefined => (coderIds.has(coderId) ? guids.of(coderId) : undefined)
  const stamp = (value: string): string | undefined => (isDateTime(value) ? value : undefined)

  // Source variables: the article's own fields, then every attribute key in use.
  const metaKeys = [...new Set(input.articles.flatMap((article) => Object.keys(article.meta)))].sort()
  const reserved = new Set(ARTICLE_VARIABLES.map((variable) => variable.name.toLowerCase()))
  const variables: (QdaVariable & { read: (article: Article) => string })[] = [
    ...ARTICLE_VARIABLES.map((variable) => ({ guid: variable.guid, name: variable.name, type: 'Text' as const, read: variable.read })),
    ...metaKeys.map((metaKey) => ({
      guid: fresh(),
      name: reserved.has(metaKey.toLowerCase()) ? `meta.${metaKey}` : metaKey,
      type: 'Text' as const,
      read: (article: Article) => article.meta[metaKey] ?? '',
    })),
  ]
  const usedVariables = new Set<string>()

  const claimsOf = groupBy(input.claims, (claim) => claim.articleId)
  const mentionsOf = groupBy(input.mentions, (mention) => mention.articleId)
  const notes: QdaNote[] = []
  const sources: QdaTextSource[] = []
  let claimCount = 0
  let mentionCount = 0

  for (const article of input.articles) {
    const claims = claimsOf.get(article.id) ?? []
    const mentions = mentionsOf.get(article.id) ?? []
    if (article.body === '') {
      leave('articles', 'without text (REFI-QDA sources are texts)')
      if (claims.length > 0) leave('claims', 'on an article without text', claims.length)
      if (mentions.length > 0) leave('mentions', 'on an article without text', mentions.length)
      continue
    }
    const selections: QdaSelection[] = []
    const spanOf = (anchor: Claim['anchor']): { start: number; end: number } | null => {
      const found = anchorSpan(article.body, anchor)
      if (!found || found.start >= found.end || splitsPair(article.body, found.start) || splitsPair(article.body, found.end)) return null
      return { start: found.start, end: found.end }
    }
    for (const claim of claims) {
      const span = spanOf(claim.anchor)
      if (!span) {
        leave('claims', claim.anchor.exact === '' ? 'without a quote' : 'whose quote is no longer found in its article (orphaned)')
        continue
      }
      if (!actorIds.has(claim.actorId)) {
        leave('claims', 'naming an actor that is not in the workspace')
        continue
      }
      const issues = claim.issueIds.filter((issueId) => issueIds.has(issueId))
      const user = userOf(claim.coderId)
      const coding = (codeGuid: string): QdaCoding => ({ guid: fresh(), codeGuid, ...(user ? { creatingUser: user } : {}), ...(stamp(claim.createdAt) ? { creationDateTime: stamp(claim.createdAt) } : {}), noteGuids: [] })
      const noteGuids: string[] = []
      if (claim.note.trim() !== '') {
        const note: QdaNote = { guid: fresh(), name: `Note on “${clip(claim.anchor.exact, 40)}”`, text: claim.note, ...(user ? { creatingUser: user } : {}), ...(stamp(claim.updatedAt) ? { creationDateTime: stamp(claim.updatedAt) } : {}) }
        notes.push(note)
        noteGuids.push(note.guid)
      }
      const description = descriptionLines([
        ['Date', claim.date],
        ['Addressee', claim.addresseeId === null ? '' : (actorName.get(claim.addresseeId) ?? '')],
        ['External ID', claim.externalId],
        ...Object.entries(claim.attributes).map(([name, values]): [string, string] => [name, values.join(' | ')]),
      ])
      const modifier = userOf(claim.updatedBy)
      selections.push({
        guid: guids.of(claim.id),
        name: clip(claim.anchor.exact, 80),
        start: span.start,
        end: span.end,
        ...(description ? { description } : {}),
        ...(user ? { creatingUser: user } : {}),
        ...(stamp(claim.createdAt) ? { creationDateTime: stamp(claim.createdAt) } : {}),
        ...(modifier ? { modifyingUser: modifier } : {}),
        ...(stamp(claim.updatedAt) ? { modifiedDateTime: stamp(claim.updatedAt) } : {}),
        codings: [coding(guids.of(claim.actorId)), ...issues.map((issueId) => coding(guids.of(issueId))), coding(STANCE_CODE_GUIDS[claim.stance])],
        noteGuids,
      })
      claimCount++
    }
    for (const mention of mentions) {
      const span = spanOf(mention.anchor)
      if (!span) {
        leave('mentions', 'whose quote is no longer found in its article (orphaned)')
        continue
      }
      if (!actorIds.has(mention.actorId)) {
        leave('mentions', 'naming an actor that is not in the workspace')
        continue
      }
      const user = userOf(mention.coderId)
      selections.push({
        guid: guids.of(mention.id),
        name: clip(mention.anchor.exact, 80),
        start: span.start,
        end: span.end,
        ...(user ? { creatingUser: user } : {}),
        ...(stamp(mention.createdAt) ? { creationDateTime: stamp(mention.createdAt) } : {}),
        codings: [{ guid: fresh(), codeGuid: guids.of(mention.actorId), ...(user ? { creatingUser: user } : {}), noteGuids: [] }],
        noteGuids: [],
      })
      mentionCount++
    }
    selections.sort((a, b) => a.start - b.start || a.end - b.end)
    const variableValues: QdaVariableValue[] = []
    for (const variable of variables) {
      const value = variable.read(article).trim()
      if (value === '') continue
      usedVariables.add(variable.guid)
      variableValues.push({ variableGuid: variable.guid, value })
    }
    sources.push({
      guid: guids.of(article.id),
      name: article.title.trim() || '(untitled)',
      text: article.body,
      ...(stamp(article.importedAt) ? { creationDateTime: stamp(article.importedAt) } : {}),
      ...(stamp(article.updatedAt) ? { modifiedDateTime: stamp(article.updatedAt) } : {}),
      selections,
      codings: [],
      noteGuids: [],
      variableValues,
    })
  }

  const codes = qdaCodeSystem(input.issues, input.actors, guids)
  const creator = input.currentCoderId === null ? undefined : userOf(input.currentCoderId)
  const project: QdaProject = {
    name: input.projectName,
    origin: input.origin,
    ...(creator ? { creatingUser: creator } : {}),
    creationDateTime: input.now,
    users: input.coders.map((coder) => ({ guid: guids.of(coder.id), name: coder.name })),
    codes,
    variables: variables.filter((variable) => usedVariables.has(variable.guid)).map(({ guid, name, type }) => ({ guid, name, type })),
    sources,
    notes,
    noteGuids: [],
  }
  return {
    project,
    counts: { sources: sources.length, claims: claimCount, mentions: mentionCount, issues: input.issues.length, actors: input.actors.length, users: input.coders.length },
    leftOut: [...leftOut.values()],
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const itemKey = keyOf(item)
    const list = map.get(itemKey)
    if (list) list.push(item)
    else map.set(itemKey, [item])
  }
  return map
}

/** Would an offset here cut a character outside the BMP in two? */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

function clip(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= length ? line : `${line.slice(0, length - 1)}…`
}
