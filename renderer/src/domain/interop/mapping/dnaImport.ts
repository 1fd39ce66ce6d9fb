import { parseAliases } from '../../actorMatching'
import { detectLanguage } from '../../import/language'
import { createAnchor } from '../../anchoring'
import { newId, type Article, type Attributes, type Claim, type Id, type Stance } from '../../model'
import { planClaims, type DnaClaimChoice } from '../dna/dnaClaims'
import type { DnaDataType, DnaEntity, DnaProject, DnaValue, DnaVariable, DnaWarning } from '../dna/types'
import { countOutcomes, emptyCounts, EMPTY_EXISTING, type ExistingQuery, type ExistingWorkspace, type InteropPlan, type ItemOutcome, groupReasons, type ReasonGroup } from './interopPlan'
import { ActorResolver, ArticleMatcher, CoderResolver, existingIds, IdAllocator, IssueResolver } from './resolvers'

// A Discourse Network Analyzer project in Standpoint's model. Documents become articles (with
// section, type and notes as document attributes), statements of the chosen type claims
// anchored at DNA's own offsets, the claimant variable's entities (and the other person or
// organisation variable's) actors, the issue variable's entities issues, DNA's coders coders.
// Everything else a statement holds is kept on the claim as an attribute. Every statement ends
// imported, already imported, skipped (another statement type) or rejected, with the reason.

export const DNA_DOCUMENT_PREFIX = 'dna:document:'
export const DNA_STATEMENT_PREFIX = 'dna:statement:'

/** What a stance value of the chosen variable becomes: a stance, or null to reject those statements. */
export type DnaStanceMap = Record<string, Stance | null>

export interface DnaImportOptions {
  /** Which type, claimant, issue and stance variable; its stanceWhenTrue/False are not used (see stanceMap). */
  choice: DnaClaimChoice
  stanceMap: DnaStanceMap
  fileName: string
  now: string
}

export interface DnaStanceValue {
  key: string
  label: string
  count: number
}

export interface DnaVariableOverview extends DnaVariable {
  /** Non-empty entities (short text only). */
  entities: number
}

/** The project as the confirmation step shows it: no texts, only what the choices need. */
export interface DnaOverview {
  format: DnaProject['format']
  version: string
  documents: number
  /** Statements the reader could read (of every type). */
  statements: number
  /** Statements the reader had to reject (broken offsets, missing document...). */
  unreadable: number
  coders: { id: number; name: string; color: string; statements: number }[]
  statementTypes: { id: number; label: string; statements: number; variables: DnaVariableOverview[] }[]
  /** Distinct values of each boolean or integer variable, with how many statements hold each. */
  stanceValues: Record<number, DnaStanceValue[]>
  warnings: DnaWarning[]
  suggestion: DnaClaimChoice | null
}

export function dnaOverview(project: DnaProject, suggestion: DnaClaimChoice | null): DnaOverview {
  const statementsOfType = new Map<number, number>()
  const byCoder = new Map<number, number>()
  const values = new Map<number, Map<string, DnaStanceValue>>()
  for (const statement of project.statements) {
    statementsOfType.set(statement.statementTypeId, (statementsOfType.get(statement.statementTypeId) ?? 0) + 1)
    if (statement.coderId !== null) byCoder.set(statement.coderId, (byCoder.get(statement.coderId) ?? 0) + 1)
    for (const [variableId, value] of Object.entries(statement.values)) {
      if (value.dataType !== 'boolean' && value.dataType !== 'integer') continue
      const stanceKey = dnaStanceKey(value)
      const perVariable = values.get(Number(variableId)) ?? new Map<string, DnaStanceValue>()
      values.set(Number(variableId), perVariable)
      const entry = perVariable.get(stanceKey) ?? { key: stanceKey, label: stanceValueLabel(value), count: 0 }
      entry.count++
      perVariable.set(stanceKey, entry)
    }
  }
  const entitiesOf = new Map<number, number>()
  for (const entity of project.entities) if (entity.value.trim() !== '') entitiesOf.set(entity.variableId, (entitiesOf.get(entity.variableId) ?? 0) + 1)
  const stanceValues: Record<number, DnaStanceValue[]> = {}
  for (const [variableId, perVariable] of values) stanceValues[variableId] = [...perVariable.values()].sort((a, b) => Number(a.key) - Number(b.key))
  return {
    format: project.format,
    version: project.version,
    documents: project.documents.length,
    statements: project.statements.length,
    unreadable: project.rejected.length,
    coders: project.coders.map((coder) => ({ ...coder, statements: byCoder.get(coder.id) ?? 0 })),
    statementTypes: project.statementTypes.map((type) => ({
      id: type.id,
      label: type.label,
      statements: statementsOfType.get(type.id) ?? 0,
      variables: type.variables.map((variable) => ({ ...variable, entities: entitiesOf.get(variable.id) ?? 0 })),
    })),
    stanceValues,
    warnings: project.warnings,
    suggestion,
  }
}

function dnaStanceKey(value: Extract<DnaValue, { dataType: 'boolean' | 'integer' }>): string {
  return value.dataType === 'boolean' ? (value.value ? '1' : '0') : String(value.value)
}

function stanceValueLabel(value: Extract<DnaValue, { dataType: 'boolean' | 'integer' }>): string {
  return value.dataType === 'boolean' ? (value.value ? '1 (yes)' : '0 (no)') : String(value.value)
}

/**
 * DNA's convention, shown for confirmation: a boolean (agreement) 1 → +1 and 0 → −1; an
 * integer −2…+2 as itself, any other value rejected.
 */
export function defaultDnaStanceMap(dataType: DnaDataType | null, values: readonly DnaStanceValue[]): DnaStanceMap {
  const map: DnaStanceMap = {}
  if (dataType === 'boolean') return { '1': 1, '0': -1 }
  for (const value of values) {
    const number = Number(value.key)
    map[value.key] = Number.isInteger(number) && number >= -2 && number <= 2 ? (number as Stance) : null
  }
  return map
}

/** Which short-text variables of the chosen type name actors: the claimant, and the other person or organisation. */
export function actorVariables(project: DnaProject, choice: DnaClaimChoice): DnaVariable[] {
  const type = project.statementTypes.find((candidate) => candidate.id === choice.statementTypeId)
  if (!type) return []
  return type.variables.filter(
    (variable) =>
      variable.dataType === 'short text' &&
      variable.id !== choice.issueVariableId &&
      (variable.id === choice.claimantVariableId || actorKindOf(variable.name) !== null),
  )
}

/** person → person, organisation/organization → organization; other variables name no kind. */
export function actorKindOf(variableName: string): string | null {
  const name = variableName.trim().toLowerCase()
  if (name === 'person' || name === 'persons' || name === 'people') return 'person'
  if (/^organi[sz]ations?$/.test(name)) return 'organization'
  return null
}

/** The lookups an import of this project needs from the workspace. */
export function dnaExistingQuery(project: DnaProject, hashes: ReadonlyMap<number, string>): ExistingQuery {
  return {
    articleExternalIds: project.documents.map((document) => `${DNA_DOCUMENT_PREFIX}${document.id}`),
    contentHashes: [...new Set(hashes.values())],
    articleIds: [],
    claimExternalIds: project.statements.map((statement) => `${DNA_STATEMENT_PREFIX}${statement.id}`),
    claimIds: [],
    mentionIds: [],
  }
}

/** How many statements would become claims, be skipped or rejected, and the commonest reasons. */
export interface DnaPreview {
  claims: number
  skipped: number
  rejected: number
  reasons: ReasonGroup[]
  /** Variables whose values become claim attributes. */
  attributeVariables: string[]
  actorVariables: { name: string; kind: string; entities: number }[]
  issueEntities: number
}

export function previewDnaImport(project: DnaProject, choice: DnaClaimChoice, stanceMap: DnaStanceMap): DnaPreview {
  let counter = 0
  const plan = planDnaImport(project, { choice, stanceMap, fileName: '', now: '' }, EMPTY_EXISTING, new Map(), () => `preview-${++counter}`)
  const type = project.statementTypes.find((candidate) => candidate.id === choice.statementTypeId)
  const chosen = new Set([choice.claimantVariableId, choice.issueVariableId, choice.stanceVariableId])
  const entitiesOf = (variableId: number) => project.entities.filter((entity) => entity.variableId === variableId && entity.value.trim() !== '').length
  return {
    claims: plan.counts.imported,
    skipped: plan.counts.skipped,
    rejected: plan.counts.rejected,
    // Grouped apart from their numbers only: statement types and documents stay apart.
    reasons: groupReasons(
      plan.outcomes.filter((outcome) => outcome.status !== 'imported').map((outcome) => outcome.detail),
      (reason) => reason.replace(/\d+/g, 'n'),
    ),
    attributeVariables: (type?.variables ?? []).filter((variable) => !chosen.has(variable.id)).map((variable) => variable.name),
    actorVariables: actorVariables(project, choice).map((variable) => ({ name: variable.name, kind: actorKindOf(variable.name) ?? variable.name, entities: entitiesOf(variable.id) })),
    issueEntities: entitiesOf(choice.issueVariableId),
  }
}

/**
 * The plan for importing `project` into a workspace holding `existing`. `hashes` is each
 * document's content hash (by DNA document ID), computed by the caller (it is async).
 */
export function planDnaImport(
  project: DnaProject,
  options: DnaImportOptions,
  existing: ExistingWorkspace,
  hashes: ReadonlyMap<number, string>,
  fresh: () => Id = newId,
): InteropPlan {
  const { choice, stanceMap, now } = options
  const counts = emptyCounts()
  const ids = new IdAllocator(existingIds(existing), fresh)
  const actors = new ActorResolver(existing.actors, counts, ids, now)
  const issues = new IssueResolver(existing.issues, counts, ids, now)
  const coders = new CoderResolver(existing.coders, counts, ids, now)
  const notes: string[] = []
  const entityById = new Map(project.entities.map((entity) => [entity.id, entity]))
  const variables = new Map(project.statementTypes.flatMap((type) => type.variables).map((variable) => [variable.id, variable]))
  const type = project.statementTypes.find((candidate) => candidate.id === choice.statementTypeId)

  // Actors: every entity of the claimant variable and of the other person/organisation one.
  const actorOfEntity = new Map<number, Id>()
  for (const variable of actorVariables(project, choice)) {
    const kind = actorKindOf(variable.name) ?? variable.name
    for (const entity of project.entities) {
      if (entity.variableId !== variable.id || entity.value.trim() === '') continue
      const attributes = entityAttributes(entity)
      const parent = entity.parentId === null ? undefined : entityById.get(entity.parentId)
      if (parent && parent.value.trim() !== '') attributes.Parent = [parent.value]
      const actor = actors.resolve({
        name: entity.value,
        kind,
        aliases: parseAliases(attribute(entity, 'alias')),
        notes: attribute(entity, 'notes'),
        attributes,
      })
      actorOfEntity.set(entity.id, actor.id)
    }
  }

  // Issues: the issue variable's entities, parents before children, the tree kept.
  const issueOfEntity = new Map<number, Id>()
  const issueEntities = project.entities.filter((entity) => entity.variableId === choice.issueVariableId && entity.value.trim() !== '')
  const resolveIssue = (entity: DnaEntity, path: Set<number>): Id => {
    const known = issueOfEntity.get(entity.id)
    if (known) return known
    path.add(entity.id)
    const parent = entity.parentId === null ? undefined : entityById.get(entity.parentId)
    const parentId = parent && parent.variableId === entity.variableId && parent.value.trim() !== '' && !path.has(parent.id) ? resolveIssue(parent, path) : null
    const description = [attribute(entity, 'notes'), ...Object.entries(entity.attributes).filter(([name, value]) => !/^(notes|alias)$/i.test(name) && value.trim() !== '').map(([name, value]) => `${name}: ${value.trim()}`)]
      .filter((line) => line.trim() !== '')
      .join('\n')
    const issue = issues.resolve({ label: entity.value, description, code: '', parentId })
    issueOfEntity.set(entity.id, issue.id)
    return issue.id
  }
  for (const entity of issueEntities) resolveIssue(entity, new Set())

  // Documents: every one, with or without statements.
  const matcher = new ArticleMatcher(existing.articles)
  const articleOfDocument = new Map<number, Article>()
  const newArticles: Article[] = []
  const createdArticleIds = new Set<Id>()
  for (const document of project.documents) {
    const externalId = `${DNA_DOCUMENT_PREFIX}${document.id}`
    const hash = hashes.get(document.id) ?? ''
    const found = matcher.find(externalId, hash, document.text, document.title)
    if (found) {
      articleOfDocument.set(document.id, found)
      if (!createdArticleIds.has(found.id)) counts.articlesMatched++
      continue
    }
    const language = detectLanguage(document.text)
    const meta: Record<string, string> = {}
    if (document.section.trim() !== '') meta.section = document.section.trim()
    if (document.type.trim() !== '') meta.type = document.type.trim()
    if (document.notes.trim() !== '') meta.notes = document.notes.trim()
    const coder = document.coderId === null ? undefined : project.coders.find((candidate) => candidate.id === document.coderId)
    if (coder) meta.coder = coder.name
    const article: Article = {
      id: ids.take(),
      title: document.title.trim() || `DNA document ${document.id}`,
      source: document.source.trim(),
      author: document.author.trim(),
      publishedAt: publishedAt(document.date),
      url: '',
      language: language.language,
      direction: language.direction,
      body: document.text,
      contentHash: hash,
      importedAt: now,
      origin: `dna:${options.fileName}#${document.id}`,
      meta,
      updatedAt: now,
      externalId,
    }
    newArticles.push(article)
    createdArticleIds.add(article.id)
    matcher.add(article)
    articleOfDocument.set(document.id, article)
    counts.articlesCreated++
  }

  // Statements.
  const existingClaims = new Map<string, { id: Id; articleId: Id }[]>()
  for (const claim of existing.claims) {
    if (claim.externalId === '') continue
    const list = existingClaims.get(claim.externalId) ?? []
    list.push(claim)
    existingClaims.set(claim.externalId, list)
  }
  const stanceVariable = choice.stanceVariableId === null ? undefined : variables.get(choice.stanceVariableId)
  const plan = planClaims(project, { ...choice, stanceVariableId: null })
  const draftOf = new Map(plan.drafts.map((draft) => [draft.statement.id, draft]))
  const skippedOf = new Map(plan.skipped.map((skip) => [skip.statementId, skip.reason]))
  const documentTitle = new Map(project.documents.map((document) => [document.id, document.title]))
  const claims: Claim[] = []
  const outcomes: ItemOutcome[] = []
  const outcome = (statementId: number, documentId: number | null, status: ItemOutcome['status'], detail: string, claimId: Id = ''): void => {
    outcomes.push({ item: String(statementId), document: documentId === null ? '' : (documentTitle.get(documentId) ?? `document ${documentId}`), status, detail, claimId })
  }
  const otherTypes = new Map<string, number>()

  for (const statement of project.statements) {
    const draft = draftOf.get(statement.id)
    if (!draft) {
      const reason = skippedOf.get(statement.id) ?? 'It could not be read as a claim.'
      const isOtherType = statement.statementTypeId !== choice.statementTypeId
      if (isOtherType) {
        const label = project.statementTypes.find((candidate) => candidate.id === statement.statementTypeId)?.label ?? String(statement.statementTypeId)
        otherTypes.set(label, (otherTypes.get(label) ?? 0) + 1)
      }
      outcome(statement.id, statement.documentId, isOtherType ? 'skipped' : 'rejected', reason)
      continue
    }
    let stance: Stance = 0
    if (stanceVariable) {
      const value = statement.values[stanceVariable.id]
      if (value?.dataType !== 'boolean' && value?.dataType !== 'integer') {
        outcome(statement.id, statement.documentId, 'rejected', `It has no ${stanceVariable.name}, the stance.`)
        continue
      }
      const mapped = stanceMap[dnaStanceKey(value)]
      if (mapped === undefined || mapped === null) {
        outcome(statement.id, statement.documentId, 'rejected', `Its ${stanceVariable.name} is ${dnaStanceKey(value)}, which you chose to reject.`)
        continue
      }
      stance = mapped
    }
    const article = articleOfDocument.get(statement.documentId)
    const actorId = actorOfEntity.get(draft.claimant.id)
    const issueId = issueOfEntity.get(draft.issue.id)
    if (!article || !actorId || !issueId) {
      outcome(statement.id, statement.documentId, 'rejected', 'Its document, claimant or issue could not be matched.')
      continue
    }
    const externalId = `${DNA_STATEMENT_PREFIX}${statement.id}`
    const duplicate = existingClaims.get(externalId)?.find((claim) => claim.articleId === article.id)
    if (duplicate) {
      outcome(statement.id, statement.documentId, 'duplicate', 'Already in the workspace (imported before).', duplicate.id)
      continue
    }
    const coder = statement.coderId === null ? undefined : project.coders.find((candidate) => candidate.id === statement.coderId)
    const coderId = coder ? coders.resolve(coder.name, coder.color).id : ''
    const claim: Claim = {
      id: ids.take(),
      articleId: article.id,
      actorId,
      issueIds: [issueId],
      stance,
      date: article.publishedAt.slice(0, 10),
      addresseeId: null,
      note: '',
      anchor: createAnchor(article.body, statement.start, statement.stop),
      createdAt: now,
      updatedAt: now,
      coderId,
      updatedBy: coderId,
      externalId,
      attributes: claimAttributes(draft.extra, stanceVariable?.name),
      adjudicatedFrom: [],
    }
    claims.push(claim)
    outcome(statement.id, statement.documentId, 'imported', stanceVariable ? '' : 'No stance variable chosen: imported as neutral.', claim.id)
  }
  for (const rejected of project.rejected) outcome(rejected.id, rejected.documentId, 'rejected', rejected.reason)
  outcomes.sort((a, b) => Number(a.item) - Number(b.item))
  countOutcomes(counts, outcomes)

  if (type && otherTypes.size > 0) {
    notes.push(`Claims come from "${type.label}" statements; ${[...otherTypes].map(([label, count]) => `${count} "${label}"`).join(', ')} statement${counts.skipped === 1 ? ' was' : 's were'} skipped.`)
  }
  for (const warning of project.warnings) notes.push(warning.message)

  return { coders: coders.created, actors: actors.created, issues: issues.created, articles: newArticles, claims, mentions: [], outcomes, counts, notes }
}

function attribute(entity: DnaEntity, name: string): string {
  const found = Object.entries(entity.attributes).find(([attributeName]) => attributeName.trim().toLowerCase() === name)
  return found ? found[1].trim() : ''
}

function entityAttributes(entity: DnaEntity): Attributes {
  const result: Attributes = {}
  for (const [name, value] of Object.entries(entity.attributes)) if (value.trim() !== '') result[name] = [value.trim()]
  return result
}

function claimAttributes(extra: Record<string, string | number | boolean>, stanceName: string | undefined): Attributes {
  const result: Attributes = {}
  for (const [name, value] of Object.entries(extra)) {
    if (name === stanceName) continue
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value)
    if (text.trim() !== '') result[name] = [text]
  }
  return result
}

/** DNA dates are UTC instants; a midnight one is a calendar date. */
function publishedAt(date: string | null): string {
  if (date === null) return ''
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(date)
  if (!match) return ''
  return match[2] === '00:00:00' ? match[1]! : `${match[1]}T${match[2]}`
}

/** The statement a claim came from, for tests and reports: 'dna:statement:42' → 42. */
export function dnaStatementId(externalId: string): number | null {
  return externalId.startsWith(DNA_STATEMENT_PREFIX) ? Number(externalId.slice(DNA_STATEMENT_PREFIX.length)) : null
}

/**
 * DNA's conventions for one statement type, for when the analyst picks another type: the
 * organisation (else the person, else the first short-text variable) as claimant, the concept
 * (else another short-text variable) as issue, the agreement (else a boolean or integer) as stance.
 */
export function suggestChoiceForType(type: { id: number; variables: readonly DnaVariable[] }): DnaClaimChoice | null {
  const texts = type.variables.filter((variable) => variable.dataType === 'short text')
  if (texts.length < 2) return null
  const named = (...names: string[]) => texts.find((variable) => names.includes(variable.name.trim().toLowerCase()))
  const claimant = named('organization', 'organisation') ?? named('person') ?? texts[0]!
  const issue = named('concept') ?? texts.find((variable) => variable !== claimant)!
  const stance =
    type.variables.find((variable) => variable.dataType === 'boolean' && variable.name.trim().toLowerCase() === 'agreement') ??
    type.variables.find((variable) => variable.dataType === 'boolean' || variable.dataType === 'integer') ??
    null
  return { statementTypeId: type.id, claimantVariableId: claimant.id, issueVariableId: issue.id, stanceVariableId: stance?.id ?? null, stanceWhenTrue: 1, stanceWhenFalse: -1 }
}
