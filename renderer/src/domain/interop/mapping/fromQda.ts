import { createAnchor } from '../../anchoring'
import { coderColor } from '../../coding/coders'
import { detectLanguage, directionOfLanguage, normaliseLanguageTag } from '../../import/language'
import { newId, type Article, type Attributes, type Claim, type Id, type Mention, type Stance } from '../../model'
import type { QdaCode, QdaProject, QdaReadReport, QdaSelection } from '../refiqda/types'
import { guidKey } from '../refiqda/xmlValues'
import { countOutcomes, emptyCounts, type ExistingQuery, type ExistingWorkspace, type InteropPlan, type ItemOutcome, groupReasons, type ReasonGroup } from './interopPlan'
import { ARTICLE_VARIABLES, fieldValues, parseDescription, stanceFromCodeName } from './qdaConventions'
import { ActorResolver, ArticleMatcher, CoderResolver, existingIds, IdAllocator, IssueResolver } from './resolvers'

// A REFI-QDA project in Standpoint's model, through the analyst's mapping: which group of codes
// holds the actors, which the stances, and (optionally) which group only gathers the issues.
// Every other code is an issue, the tree kept. A selection coded with one actor and at least
// one issue (and at most one stance) becomes a claim; one coded with actors only becomes a
// mention of each; every other selection, and every coding of a whole source, is reported with
// the reason. Text sources become articles, users coders.

export const QDA_SOURCE_PREFIX = 'qdpx:source:'
export const QDA_SELECTION_PREFIX = 'qdpx:selection:'

export interface QdaMapping {
  /** The code whose descendants are actors (its own codings are ignored). */
  actorsGuid: string | null
  /** The code whose descendants are stance codes. */
  stanceGuid: string | null
  /** A code that only groups the issues: its children become top-level issues. */
  issuesGuid: string | null
  /** Stance code (guidKey) → stance, or null to reject selections coded with it. */
  stanceValues: Record<string, Stance | null>
}

export interface QdaCodeSummary {
  guid: string
  name: string
  isCodable: boolean
  color?: string
  /** Selections and sources coded with it. */
  codings: number
  children: QdaCodeSummary[]
}

/** The project as the mapping step shows it: the code tree and which codes each selection has. */
export interface QdaOverview {
  name: string
  origin: string
  sources: number
  users: { guid: string; name: string }[]
  codes: QdaCodeSummary[]
  /** Per selection, the guidKeys of its codes. */
  selectionCodes: string[][]
  wholeSourceCodings: number
  /** What the reader left out (sources, selections, references, unread parts), as sentences. */
  readerNotes: string[]
}

export function qdaOverview(project: QdaProject, report: QdaReadReport): QdaOverview {
  const codings = new Map<string, number>()
  const selectionCodes: string[][] = []
  let wholeSourceCodings = 0
  for (const source of project.sources) {
    for (const selection of source.selections) {
      const codes = [...new Set(selection.codings.map((coding) => guidKey(coding.codeGuid)))]
      for (const code of codes) codings.set(code, (codings.get(code) ?? 0) + 1)
      selectionCodes.push(codes)
    }
    for (const coding of source.codings) {
      codings.set(guidKey(coding.codeGuid), (codings.get(guidKey(coding.codeGuid)) ?? 0) + 1)
      wholeSourceCodings++
    }
  }
  const summary = (code: QdaCode): QdaCodeSummary => ({
    guid: guidKey(code.guid),
    name: code.name,
    isCodable: code.isCodable,
    ...(code.color ? { color: code.color } : {}),
    codings: codings.get(guidKey(code.guid)) ?? 0,
    children: code.children.map(summary),
  })
  return {
    name: project.name,
    origin: project.origin ?? '',
    sources: project.sources.length,
    users: project.users.map((user) => ({ guid: guidKey(user.guid), name: user.name ?? user.id ?? '' })),
    codes: project.codes.map(summary),
    selectionCodes,
    wholeSourceCodings,
    readerNotes: readerNotes(report),
  }
}

function readerNotes(report: QdaReadReport): string[] {
  const notes: string[] = []
  for (const source of report.skippedSources) notes.push(`Source "${source.name}" (${source.kind}) left out: ${source.reason}`)
  if (report.droppedSelections.length > 0) notes.push(`${report.droppedSelections.length} selection${report.droppedSelections.length === 1 ? '' : 's'} could not be read (first: ${report.droppedSelections[0]!.reason})`)
  if (report.droppedReferences.length > 0) notes.push(`${report.droppedReferences.length} coding${report.droppedReferences.length === 1 ? '' : 's'} or note reference${report.droppedReferences.length === 1 ? '' : 's'} pointed to nothing and ${report.droppedReferences.length === 1 ? 'was' : 'were'} left out.`)
  for (const part of report.notRead) notes.push(`Not read (Standpoint has no place for ${part.count === 1 ? 'it' : 'them'}): ${part.count} × ${part.element}.`)
  for (const entry of report.archive) notes.push(`Archive entry ${entry.entry} ignored: ${entry.reason}`)
  notes.push(...report.warnings)
  return notes
}

function findCode(codes: readonly QdaCodeSummary[], test: (code: QdaCodeSummary) => boolean): QdaCodeSummary | undefined {
  for (const code of codes) {
    if (test(code)) return code
    const inner = findCode(code.children, test)
    if (inner) return inner
  }
  return undefined
}

/** Proposes the groups by name (Actors / Akteure / Acteurs…, Stance / Position…, Issues / Themes…), top level first. */
export function suggestQdaMapping(codes: readonly QdaCodeSummary[]): QdaMapping {
  const named = (pattern: RegExp): QdaCodeSummary | undefined =>
    codes.find((code) => pattern.test(code.name.trim()) && code.children.length > 0) ?? findCode(codes, (code) => pattern.test(code.name.trim()) && code.children.length > 0)
  const actors = named(/^(actors?|akteur(e|innen)?|acteurs?|actores|speakers?|claimants?)$/i)
  const stance = named(/^(stances?|positions?|haltung|polarity|agreement)$/i)
  const issues = named(/^(issues?|themes?|topics?|themen|codebook|concepts?)$/i)
  const mapping: QdaMapping = { actorsGuid: actors?.guid ?? null, stanceGuid: stance?.guid ?? null, issuesGuid: issues && issues !== actors && issues !== stance ? issues.guid : null, stanceValues: {} }
  mapping.stanceValues = defaultStanceValues(codes, mapping.stanceGuid)
  return mapping
}

/** Each stance code's reading of its own name ("−1 against" → −1); null where the name says nothing. */
export function defaultStanceValues(codes: readonly QdaCodeSummary[], stanceGuid: string | null): Record<string, Stance | null> {
  const values: Record<string, Stance | null> = {}
  for (const code of stanceCodes(codes, stanceGuid)) values[code.guid] = stanceFromCodeName(code.name)
  return values
}

/** The codes under the stance group, in tree order. */
export function stanceCodes(codes: readonly QdaCodeSummary[], stanceGuid: string | null): QdaCodeSummary[] {
  const group = stanceGuid === null ? undefined : findCode(codes, (code) => code.guid === stanceGuid)
  const result: QdaCodeSummary[] = []
  const walk = (code: QdaCodeSummary): void => {
    result.push(code)
    code.children.forEach(walk)
  }
  group?.children.forEach(walk)
  return result
}

export type CodeRole = 'actor' | 'actor group' | 'stance' | 'issue' | 'group'

/** What each code is under a mapping (by guidKey). */
export function codeRoles(codes: readonly QdaCodeSummary[] | readonly QdaCode[], mapping: Pick<QdaMapping, 'actorsGuid' | 'stanceGuid' | 'issuesGuid'>): Map<string, CodeRole> {
  const roles = new Map<string, CodeRole>()
  const walk = (code: QdaCodeSummary | QdaCode, inherited: 'actors' | 'stance' | null): void => {
    const guid = guidKey(code.guid)
    let under = inherited
    if (guid === mapping.actorsGuid || guid === mapping.stanceGuid || (guid === mapping.issuesGuid && inherited === null)) {
      roles.set(guid, 'group')
      under = guid === mapping.actorsGuid ? 'actors' : guid === mapping.stanceGuid ? 'stance' : null
    } else if (inherited === 'actors') roles.set(guid, code.isCodable || code.children.length === 0 ? 'actor' : 'actor group')
    else if (inherited === 'stance') roles.set(guid, 'stance')
    else roles.set(guid, 'issue')
    for (const child of code.children) walk(child, under)
  }
  for (const code of codes) walk(code, null)
  return roles
}

export type SelectionReading =
  | { kind: 'claim'; actor: string; issues: string[]; stance: Stance; remark: string }
  | { kind: 'mentions'; actors: string[] }
  | { kind: 'skipped'; reason: string }
  | { kind: 'rejected'; reason: string }

/** What one selection becomes, from its codes (guidKeys, in coding order). */
export function readSelection(codeGuids: readonly string[], roles: ReadonlyMap<string, CodeRole>, mapping: QdaMapping, names: ReadonlyMap<string, string>): SelectionReading {
  const codes = [...new Set(codeGuids)]
  const of = (role: CodeRole) => codes.filter((code) => roles.get(code) === role)
  const actors = of('actor')
  const issues = of('issue')
  const stances = of('stance')
  if (actors.length === 0) {
    if (issues.length > 0) return { kind: 'skipped', reason: 'It is coded with issues but no actor code.' }
    if (stances.length > 0) return { kind: 'skipped', reason: 'It is coded with a stance but no actor code.' }
    if (codes.length > 0) return { kind: 'skipped', reason: 'It is coded only with a group code (Actors, Stance or Issues itself).' }
    return { kind: 'skipped', reason: 'It has no codes.' }
  }
  if (issues.length === 0) {
    if (stances.length > 0) return { kind: 'skipped', reason: 'It is coded with an actor and a stance but no issue code.' }
    return { kind: 'mentions', actors }
  }
  if (actors.length > 1) return { kind: 'rejected', reason: `It is coded with ${actors.length} actors (${actors.map((actor) => names.get(actor) ?? actor).join(', ')}); a claim has one claimant.` }
  const values = new Set<Stance>()
  for (const code of stances) {
    const value = mapping.stanceValues[code]
    if (value === null || value === undefined) return { kind: 'rejected', reason: `Its stance code "${names.get(code) ?? code}" is set to be rejected.` }
    values.add(value)
  }
  if (values.size > 1) return { kind: 'rejected', reason: `It is coded with ${values.size} different stances.` }
  const stance = values.size === 1 ? [...values][0]! : 0
  return { kind: 'claim', actor: actors[0]!, issues, stance, remark: values.size === 0 ? 'No stance code: imported as neutral.' : '' }
}

export interface QdaPreview {
  claims: number
  mentions: number
  skipped: number
  rejected: number
  reasons: ReasonGroup[]
  issues: number
  actors: number
  neutralForLackOfStance: number
}

export function previewQdaImport(overview: QdaOverview, mapping: QdaMapping): QdaPreview {
  const roles = codeRoles(overview.codes, mapping)
  const names = codeNames(overview.codes)
  const preview: QdaPreview = { claims: 0, mentions: 0, skipped: 0, rejected: 0, reasons: [], issues: 0, actors: 0, neutralForLackOfStance: 0 }
  const reasons: string[] = []
  for (const codes of overview.selectionCodes) {
    const reading = readSelection(codes, roles, mapping, names)
    if (reading.kind === 'claim') {
      preview.claims++
      if (reading.remark !== '') preview.neutralForLackOfStance++
    } else if (reading.kind === 'mentions') preview.mentions += reading.actors.length
    else {
      preview[reading.kind]++
      reasons.push(reading.reason)
    }
  }
  preview.skipped += overview.wholeSourceCodings
  for (let index = 0; index < overview.wholeSourceCodings; index++) reasons.push(WHOLE_SOURCE)
  for (const role of roles.values()) {
    if (role === 'issue') preview.issues++
    else if (role === 'actor') preview.actors++
  }
  preview.reasons = groupReasons(reasons, (reason) => reason.replace(/\(.*\)/, '(…)').replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'n'))
  return preview
}

const WHOLE_SOURCE = 'It codes a whole source, not words in it.'

export function codeNames(codes: readonly (QdaCodeSummary | QdaCode)[]): Map<string, string> {
  const names = new Map<string, string>()
  const walk = (code: QdaCodeSummary | QdaCode): void => {
    names.set(guidKey(code.guid), code.name)
    code.children.forEach(walk)
  }
  codes.forEach(walk)
  return names
}

function externalIdVariable(project: QdaProject): string | undefined {
  return project.variables.find((variable) => variable.name.trim().toLowerCase() === 'external id')?.guid
}

/** The claim's external ID a selection carries: its "External ID" line, else (from another program) its GUID. */
function selectionExternalId(project: QdaProject, selection: QdaSelection): string {
  const field = parseDescription(selection.description).fields.find(([name]) => name === 'External ID')
  if (field) return field[1]
  return isFromStandpoint(project) ? '' : `${QDA_SELECTION_PREFIX}${guidKey(selection.guid)}`
}

/** A file Standpoint wrote: its GUIDs are record ids already, so no external ID is made up. */
function isFromStandpoint(project: QdaProject): boolean {
  return /^standpoint\b/i.test(project.origin ?? '')
}

function sourceExternalId(project: QdaProject, source: QdaProject['sources'][number]): string {
  const variable = externalIdVariable(project)
  const value = variable === undefined ? undefined : source.variableValues.find((entry) => guidKey(entry.variableGuid) === guidKey(variable))?.value
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  return isFromStandpoint(project) ? '' : `${QDA_SOURCE_PREFIX}${guidKey(source.guid)}`
}

/** The lookups an import of this project needs from the workspace. */
export function qdaExistingQuery(project: QdaProject, hashes: ReadonlyMap<string, string>): ExistingQuery {
  const selections = project.sources.flatMap((source) => source.selections)
  return {
    articleExternalIds: project.sources.map((source) => sourceExternalId(project, source)).filter((id) => id !== ''),
    contentHashes: [...new Set(hashes.values())],
    articleIds: project.sources.map((source) => guidKey(source.guid)),
    claimExternalIds: selections.map((selection) => selectionExternalId(project, selection)).filter((id) => id !== ''),
    claimIds: selections.map((selection) => guidKey(selection.guid)),
    mentionIds: selections.map((selection) => guidKey(selection.guid)),
  }
}

export interface QdaImportOptions {
  mapping: QdaMapping
  fileName: string
  now: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/
const ISO_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/

/**
 * The plan for importing `project` into a workspace holding `existing`. `hashes` holds each
 * source's content hash by guidKey (computed by the caller; it is async).
 */
export function planQdaImport(
  project: QdaProject,
  report: QdaReadReport,
  options: QdaImportOptions,
  existing: ExistingWorkspace,
  hashes: ReadonlyMap<string, string>,
  fresh: () => Id = newId,
): InteropPlan {
  const { mapping, now } = options
  const counts = emptyCounts()
  const ids = new IdAllocator(existingIds(existing), fresh)
  const actors = new ActorResolver(existing.actors, counts, ids, now)
  const issues = new IssueResolver(existing.issues, counts, ids, now)
  const coders = new CoderResolver(existing.coders, counts, ids, now)
  const roles = codeRoles(project.codes, mapping)
  const names = codeNames(project.codes)
  const notes = readerNotes(report)

  // Users → coders.
  const coderOfUser = new Map<string, Id>()
  project.users.forEach((user, index) => {
    const name = user.name?.trim() || user.id?.trim() || `User ${guidKey(user.guid).slice(0, 8)}`
    coderOfUser.set(guidKey(user.guid), coders.resolve(name, coderColor(existing.coders.length + index), guidKey(user.guid)).id)
  })
  const coderOf = (guid: string | undefined): Id => (guid === undefined ? '' : (coderOfUser.get(guidKey(guid)) ?? ''))

  // The code system: issues (tree kept) and actors.
  const issueOfCode = new Map<string, Id>()
  const actorOfCode = new Map<string, Id>()
  const walk = (code: QdaCode, parentIssue: Id | null, actorGroup: string | null): void => {
    const guid = guidKey(code.guid)
    const role = roles.get(guid)
    let nextParent: Id | null = null
    let nextGroup = actorGroup
    if (role === 'issue') {
      const parsed = parseDescription(code.description, 'Code')
      const issue = issues.resolve({ label: code.name, description: parsed.text, code: parsed.fields.find(([name]) => name === 'Code')?.[1] ?? '', parentId: parentIssue, preferredId: guid })
      issueOfCode.set(guid, issue.id)
      nextParent = issue.id
    } else if (role === 'actor') {
      const parsed = parseDescription(code.description, 'Kind')
      const fields = new Map<string, string>()
      const attributes: Attributes = {}
      for (const [name, value] of parsed.fields) {
        if (name === 'Kind' || name === 'Aliases') fields.set(name, value)
        else attributes[name] = fieldValues(value)
      }
      const actor = actors.resolve({
        name: code.name,
        kind: fields.get('Kind') ?? actorGroup ?? 'other',
        aliases: fieldValues(fields.get('Aliases') ?? ''),
        notes: parsed.text,
        attributes,
        preferredId: guid,
      })
      actorOfCode.set(guid, actor.id)
    } else if (role === 'actor group') nextGroup = code.name.trim()
    for (const child of code.children) walk(child, nextParent, nextGroup)
  }
  for (const code of project.codes) walk(code, null, null)

  // Sources → articles.
  const variables = new Map(project.variables.map((variable) => [guidKey(variable.guid), variable]))
  const matcher = new ArticleMatcher(existing.articles)
  const newArticles: Article[] = []
  const created = new Set<Id>()
  const existingClaimsById = new Map(existing.claims.map((claim) => [claim.id, claim]))
  const existingClaimsByExternalId = new Map<string, { id: Id; articleId: Id }[]>()
  for (const claim of existing.claims) if (claim.externalId !== '') existingClaimsByExternalId.set(claim.externalId, [...(existingClaimsByExternalId.get(claim.externalId) ?? []), claim])
  const mentionKeys = new Map(existing.mentions.map((mention) => [`${mention.articleId}\u0000${mention.actorId}\u0000${mention.anchor.start}\u0000${mention.anchor.end}`, mention.id]))
  const notesById = new Map(project.notes.map((note) => [guidKey(note.guid), note]))
  const claims: Claim[] = []
  const mentions: Mention[] = []
  const outcomes: ItemOutcome[] = []

  for (const source of project.sources) {
    const guid = guidKey(source.guid)
    const hash = hashes.get(guid) ?? ''
    const externalId = sourceExternalId(project, source)
    let article = matcher.find(externalId, hash, source.text, source.name)
    if (article) {
      if (!created.has(article.id)) counts.articlesMatched++
    } else {
      article = sourceArticle(source, variables, { id: ids.take(guid), hash, externalId, fileName: options.fileName, now })
      newArticles.push(article)
      created.add(article.id)
      matcher.add(article)
      counts.articlesCreated++
    }
    const body = article.body
    for (const selection of source.selections) {
      const selectionGuid = guidKey(selection.guid)
      const outcome = (status: ItemOutcome['status'], detail: string, claimId: Id = ''): void => {
        outcomes.push({ item: selectionGuid, document: source.name, status, detail, claimId })
      }
      const reading = readSelection(
        selection.codings.map((coding) => guidKey(coding.codeGuid)),
        roles,
        mapping,
        names,
      )
      if (reading.kind === 'skipped' || reading.kind === 'rejected') {
        outcome(reading.kind, reading.reason)
        continue
      }
      if (!(selection.start >= 0 && selection.start < selection.end && selection.end <= body.length)) {
        outcome('rejected', `Its positions ${selection.start}–${selection.end} lie outside the text of its source.`)
        continue
      }
      const anchor = createAnchor(body, selection.start, selection.end)
      const firstUser = selection.creatingUser ?? selection.codings.find((coding) => coding.creatingUser !== undefined)?.creatingUser
      const coderId = coderOf(firstUser)
      const createdAt = selection.creationDateTime !== undefined && ISO_STAMP.test(selection.creationDateTime) ? selection.creationDateTime : now
      if (reading.kind === 'mentions') {
        const made: string[] = []
        let duplicates = 0
        reading.actors.forEach((code, index) => {
          const actorId = actorOfCode.get(code)!
          const mentionKey = `${article.id}\u0000${actorId}\u0000${anchor.start}\u0000${anchor.end}`
          if (mentionKeys.has(mentionKey)) {
            duplicates++
            counts.mentionsMatched++
            return
          }
          const mention: Mention = { id: ids.take(index === 0 ? selectionGuid : undefined), articleId: article.id, actorId, anchor, createdAt, updatedAt: createdAt, coderId, updatedBy: coderId }
          mentions.push(mention)
          mentionKeys.set(mentionKey, mention.id)
          made.push(names.get(code) ?? code)
          counts.mentionsCreated++
        })
        if (made.length === 0) outcome('duplicate', 'Already in the workspace (a mention of the same actor on the same words).')
        else outcome('imported', `Mention of ${made.join(', ')}${duplicates > 0 ? ` (${duplicates} already there)` : ''}.`)
        continue
      }
      const claimExternalId = selectionExternalId(project, selection)
      const sameId = existingClaimsById.get(selectionGuid)
      const duplicate =
        (sameId && sameId.articleId === article.id ? sameId : undefined) ??
        (claimExternalId === '' ? undefined : existingClaimsByExternalId.get(claimExternalId)?.find((claim) => claim.articleId === article.id))
      if (duplicate) {
        outcome('duplicate', 'Already in the workspace (imported before).', duplicate.id)
        continue
      }
      const parsed = parseDescription(selection.description)
      const field = (name: string): string => parsed.fields.find(([fieldName]) => fieldName === name)?.[1] ?? ''
      const attributes: Attributes = {}
      for (const [name, value] of parsed.fields) if (name !== 'Date' && name !== 'Addressee' && name !== 'External ID') attributes[name] = fieldValues(value)
      const noteTexts = [...selection.noteGuids, ...selection.codings.flatMap((coding) => coding.noteGuids)]
        .map((noteGuid) => notesById.get(guidKey(noteGuid))?.text.trim() ?? '')
        .filter((text) => text !== '')
      if (parsed.text !== '') noteTexts.push(parsed.text)
      const date = DATE.test(field('Date')) ? field('Date') : article.publishedAt.slice(0, 10)
      const addressee = field('Addressee') === '' ? undefined : actors.find(field('Addressee'))
      const modifier = coderOf(selection.modifyingUser)
      const claim: Claim = {
        id: ids.take(selectionGuid),
        articleId: article.id,
        actorId: actorOfCode.get(reading.actor)!,
        issueIds: [...new Set(reading.issues.map((code) => issueOfCode.get(code)!))],
        stance: reading.stance,
        date,
        addresseeId: addressee?.id ?? null,
        note: [...new Set(noteTexts)].join('\n\n'),
        anchor,
        createdAt,
        updatedAt: selection.modifiedDateTime !== undefined && ISO_STAMP.test(selection.modifiedDateTime) ? selection.modifiedDateTime : createdAt,
        coderId,
        updatedBy: modifier || coderId,
        externalId: claimExternalId,
        attributes,
        adjudicatedFrom: [],
      }
      claims.push(claim)
      outcome('imported', reading.remark, claim.id)
    }
    for (const coding of source.codings) outcomes.push({ item: guidKey(coding.guid), document: source.name, status: 'skipped', detail: WHOLE_SOURCE, claimId: '' })
  }
  for (const dropped of report.droppedSelections) {
    const source = project.sources.find((candidate) => guidKey(candidate.guid) === guidKey(dropped.sourceGuid))
    outcomes.push({ item: guidKey(dropped.selectionGuid), document: source?.name ?? '', status: 'rejected', detail: dropped.reason, claimId: '' })
  }
  countOutcomes(counts, outcomes)
  return { coders: coders.created, actors: actors.created, issues: issues.created, articles: newArticles, claims, mentions, outcomes, counts, notes }
}

function sourceArticle(
  source: QdaProject['sources'][number],
  variables: ReadonlyMap<string, QdaProject['variables'][number]>,
  context: { id: Id; hash: string; externalId: string; fileName: string; now: string },
): Article {
  const fields: Partial<Record<(typeof ARTICLE_VARIABLES)[number]['field'], string>> = {}
  const meta: Record<string, string> = {}
  const byName = new Map<string, (typeof ARTICLE_VARIABLES)[number]['field']>([
    ...ARTICLE_VARIABLES.map((variable): [string, (typeof ARTICLE_VARIABLES)[number]['field']] => [variable.name.toLowerCase(), variable.field]),
    ['source', 'source'],
    ['published', 'publishedAt'],
    ['publication date', 'publishedAt'],
  ])
  for (const entry of source.variableValues) {
    const variable = variables.get(guidKey(entry.variableGuid))
    if (!variable) continue
    const value = String(entry.value).trim()
    if (value === '') continue
    const field = byName.get(variable.name.trim().toLowerCase())
    if (field && fields[field] === undefined) fields[field] = value
    else meta[variable.name.replace(/^meta\./, '')] = value
  }
  if (source.description?.trim()) meta.description = source.description.trim()
  const declared = normaliseLanguageTag(fields.language)
  const detected = detectLanguage(source.text)
  const language = declared !== '' ? declared : detected.language
  const dateTime = DATE_TIME.exec(fields.publishedAt ?? '')
  const publishedAt = DATE.test(fields.publishedAt ?? '') ? fields.publishedAt! : dateTime ? (dateTime[2] === '00:00:00' ? dateTime[1]! : `${dateTime[1]}T${dateTime[2]}`) : ''
  if (fields.publishedAt && publishedAt === '') meta.date = fields.publishedAt
  return {
    id: context.id,
    title: source.name.trim() || '(untitled)',
    source: fields.source ?? '',
    author: fields.author ?? '',
    publishedAt,
    url: fields.url ?? '',
    language,
    direction: (declared !== '' ? directionOfLanguage(declared) : null) ?? detected.direction,
    body: source.text,
    contentHash: context.hash,
    importedAt: context.now,
    origin: `qdpx:${context.fileName}#${guidKey(source.guid)}`,
    meta,
    updatedAt: context.now,
    externalId: context.externalId,
  }
}
