import { actorKindKey } from '../actorKinds'
import { addAttributeValues, attributesKey, formatValues, mergeAttributes } from '../attributes'
import { coderColor, newCoderRecord } from '../coding/coders'
import { contentHash } from '../contentHash'
import { calendarDate, isStance, newId, type Actor, type ActorKind, type Article, type Attributes, type Claim, type Coder, type Id, type Issue, type Stance } from '../model'
import { foldText } from '../text/folding'
import { foldedNameGroups, spelling, type FoldedNameGroup } from './actors'
import { parseDate, parseDocumentDate, type DateOrder } from './dates'
import { documentResolver, type DocumentCells } from './documents'
import { issueResolver } from './issues'
import type { ColumnMapping } from './mapping'
import { actorKindFrom, isUuid } from './names'
import { attributeKeyFor, splitCell, type IssueMatch, type IssueSeparator, type KeepColumns } from './options'
import { anchorQuote } from './quoteAnchor'
import { stanceKey, type StanceValueMap } from './stanceValues'

export { anchorQuote, NO_TEXT_DETAIL, type AnchorResult } from './quoteAnchor'
export { SOURCE_DOCUMENT_ID } from './documents'
export type { FoldedNameGroup } from './actors'

// Turns the rows of a coded-claims file into records to add, without touching storage:
// documents, actors, issues and coders are matched to the workspace or created once each,
// claims are anchored to their quote where the document's text is known, columns the analyst
// chose to keep become attributes, and every row ends up imported, duplicate or rejected with
// a reason.

export interface WorkspaceSnapshot {
  articles: readonly Article[]
  actors: readonly Actor[]
  issues: readonly Issue[]
  claims: readonly Claim[]
  coders?: readonly Coder[]
  /** The workspace's actor kinds (its list and those in use): a file's kind is matched to them. */
  actorKinds?: readonly ActorKind[]
}

export interface ImportSettings {
  mapping: ColumnMapping
  stanceMap: StanceValueMap
  dateOrder: DateOrder
  /** Shown in the created articles' origin: "claims-csv:<file name>". */
  fileName: string
  now: string
  /** Splits a cell into several issues, and kept columns into several values ('' or absent: none). */
  issueSeparator?: IssueSeparator
  /** Issues are looked up by label (the default) or by code, each falling back to the other. */
  issueMatch?: IssueMatch
  /** The file's header: kept columns are stored under their names. */
  header?: readonly string[]
  keep?: KeepColumns
  /** Folded actor names whose spellings the analyst keeps apart (see actors.ts). */
  keepApart?: ReadonlySet<string>
}

export type RowStatus = 'imported' | 'duplicate' | 'rejected'

export interface RowOutcome {
  /** Spreadsheet row number (the header is row 1). */
  row: number
  status: RowStatus
  /** Why a row was rejected or counted as a duplicate; for an imported row, anything worth knowing. */
  detail: string
  claimId: Id | null
}

export interface ImportCounts {
  rows: number
  imported: number
  anchored: number
  /** Imported claims whose document has no text yet: they wait for it. */
  waitingForText: number
  duplicates: number
  rejected: number
  articlesCreated: number
  articlesMatched: number
  /** Workspace documents given attributes they did not have. */
  articlesUpdated: number
  actorsCreated: number
  actorsMatched: number
  /** Workspace actors given attributes (or values) they did not have. */
  actorsUpdated: number
  issuesCreated: number
  issuesMatched: number
  codersCreated: number
  codersMatched: number
  /** Source claim IDs that several imported rows share (one annotation, several actors). */
  sharedIds: number
  /** The imported rows that share them. */
  sharedIdRows: number
}

export interface ImportPlan {
  articles: Article[]
  actors: Actor[]
  issues: Issue[]
  claims: Claim[]
  coders: Coder[]
  /** Workspace actors with attributes added (whole records, to put). */
  actorUpdates: Actor[]
  /** Workspace documents with attributes added. */
  articleUpdates: Article[]
  outcomes: RowOutcome[]
  counts: ImportCounts
  /** Actor names folded together, for the analyst to confirm or keep apart. */
  foldedNames: FoldedNameGroup[]
}

function parseOffset(value: string): number | null {
  const text = value.trim()
  return /^\d+$/.test(text) ? Number(text) : null
}

/** Line endings as the workspace stores them. */
function normaliseBody(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

const normaliseQuote = (quote: string): string => quote.replace(/\s+/g, ' ').trim()

/**
 * Two claims are the same when everything a file can say about them matches: document, actor,
 * issues (as a set), stance, date, quote, note, addressee, kept claim attributes and, when the
 * file names coders, the coder. The source's claim ID is compared apart (see `sameSource`).
 */
function contentKey(claim: Pick<Claim, 'articleId' | 'actorId' | 'issueIds' | 'stance' | 'date' | 'note' | 'addresseeId' | 'attributes'> & { quote: string }, coderId: Id | null): string {
  return [
    claim.articleId,
    claim.actorId,
    [...new Set(claim.issueIds)].sort().join('\u0001'),
    claim.stance,
    claim.date,
    normaliseQuote(claim.quote),
    claim.note.trim(),
    claim.addresseeId ?? '',
    attributesKey(claim.attributes),
    coderId ?? '',
  ].join('\u0000')
}

interface KnownClaim {
  id: Id
  externalId: string
}

/** Does a claim the workspace or file has come from the row's source claim (or does the row name none)? */
function sameSource(known: KnownClaim, rowId: string): boolean {
  return rowId === '' || known.id === rowId || known.id === rowId.toLowerCase() || known.externalId === rowId
}

export async function planClaimsImport(rows: readonly string[][], rowNumbers: readonly number[], snapshot: WorkspaceSnapshot, settings: ImportSettings): Promise<ImportPlan> {
  const { mapping, stanceMap, dateOrder, now } = settings
  const separator = settings.issueSeparator ?? ''
  const keepApart = settings.keepApart ?? new Set<string>()
  const cell = (row: readonly string[], column: number | null): string => (column === null ? '' : (row[column] ?? ''))

  // Hash every distinct document text once, up front: the rest of the plan is synchronous.
  const hashes = new Map<string, string>()
  if (mapping.documentText !== null) {
    for (const row of rows) {
      const text = normaliseBody(cell(row, mapping.documentText))
      if (text.trim() !== '' && !hashes.has(text)) hashes.set(text, '')
    }
    for (const text of hashes.keys()) hashes.set(text, await contentHash(text))
  }
  const emptyHash = await contentHash('')

  const usedIds = new Set<Id>([
    ...snapshot.articles.map((article) => article.id),
    ...snapshot.actors.map((actor) => actor.id),
    ...snapshot.issues.map((issue) => issue.id),
    ...snapshot.claims.map((claim) => claim.id),
    ...(snapshot.coders ?? []).map((coder) => coder.id),
  ])
  const freshId = (candidate: string): Id => {
    const id = isUuid(candidate) && !usedIds.has(candidate.toLowerCase()) ? candidate.toLowerCase() : newId()
    usedIds.add(id)
    return id
  }

  const plan: ImportPlan = {
    articles: [],
    actors: [],
    issues: [],
    claims: [],
    coders: [],
    actorUpdates: [],
    articleUpdates: [],
    outcomes: [],
    foldedNames: [],
    counts: {
      rows: rows.length,
      imported: 0,
      anchored: 0,
      waitingForText: 0,
      duplicates: 0,
      rejected: 0,
      articlesCreated: 0,
      articlesMatched: 0,
      articlesUpdated: 0,
      actorsCreated: 0,
      actorsMatched: 0,
      actorsUpdated: 0,
      issuesCreated: 0,
      issuesMatched: 0,
      codersCreated: 0,
      codersMatched: 0,
      sharedIds: 0,
      sharedIdRows: 0,
    },
  }
  const createdIds = new Set<Id>()
  const matchedIds = new Set<Id>()
  /** Counts a record as matched the first time a row uses it (records this import created are not matches). */
  const noteMatch = (id: Id): boolean => {
    if (createdIds.has(id) || matchedIds.has(id)) return false
    matchedIds.add(id)
    return true
  }

  // Documents.
  const documents = documentResolver(snapshot.articles, { fileName: settings.fileName, now, freshId })
  const documentCells = (row: readonly string[]): DocumentCells => {
    const raw = cell(row, mapping.documentText)
    const text = raw.trim() === '' ? '' : normaliseBody(raw)
    return {
      id: cell(row, mapping.documentId).trim(),
      externalId: cell(row, mapping.documentExternalId).trim(),
      title: cell(row, mapping.documentTitle).trim(),
      text,
      hash: text === '' ? emptyHash : hashes.get(text)!,
      date: parseDocumentDate(cell(row, mapping.documentDate), dateOrder),
      source: cell(row, mapping.documentSource).trim(),
      url: cell(row, mapping.documentUrl).trim(),
    }
  }

  // Actors: names folded together, unless the analyst keeps a name's spellings apart.
  const actorsByName = new Map<string, Actor[]>()
  for (const actor of snapshot.actors) {
    for (const term of [actor.name, ...actor.aliases]) {
      const key = foldText(term)
      if (key === '') continue
      const list = actorsByName.get(key) ?? []
      if (!list.includes(actor)) list.push(actor)
      actorsByName.set(key, list)
    }
  }
  plan.foldedNames = foldedNameGroups(
    (function* () {
      for (const row of rows) {
        yield cell(row, mapping.actor)
        yield cell(row, mapping.addressee)
      }
    })(),
    (key) => actorsByName.get(key) ?? [],
    keepApart,
  )
  const mergedName = new Map(plan.foldedNames.filter((group) => !group.keptApart).map((group) => [group.key, group.into]))
  const kinds = new Map<string, ActorKind>()
  for (const kind of snapshot.actorKinds ?? []) kinds.set(actorKindKey(kind), kind)
  const newKinds = new Set<string>()
  const newActorByKey = new Map<string, Actor>()
  /** Created actors whose kind the file stated (the others are 'other' until a row says). */
  const kindGiven = new Set<Id>()

  /** The kind a cell names: the workspace's spelling, a known synonym, or the cell's own words. */
  const kindFor = (text: string): { kind: ActorKind; isNew: boolean } | null => {
    const typed = text.trim().replace(/\s+/g, ' ')
    if (typed === '') return null
    const known = kinds.get(actorKindKey(typed))
    if (known) return { kind: known, isNew: false }
    const synonym = actorKindFrom(typed)
    if (synonym) return { kind: kinds.get(actorKindKey(synonym)) ?? synonym, isNew: false }
    return { kind: typed, isNew: true }
  }

  type ActorResult = { record: Actor; created: boolean; kindNote?: string } | { error: string }
  const resolveActor = (name: string, kindText: string): ActorResult => {
    const written = spelling(name)
    const folded = foldText(written)
    const apart = keepApart.has(folded)
    const answersExactly = (actor: Actor): boolean => [actor.name, ...actor.aliases].some((term) => spelling(term) === written)
    let existing = actorsByName.get(folded) ?? []
    if (apart) existing = existing.filter(answersExactly)
    if (existing.length > 1) {
      const exact = existing.filter(answersExactly)
      if (exact.length !== 1) return { error: `the actor “${written}” matches ${existing.length} actors in the workspace (names or aliases)` }
      existing = exact
    }
    if (existing.length === 1) return { record: existing[0]!, created: false }
    const key = apart ? `${folded}\u0000${written}` : folded
    const kind = kindFor(kindText)
    const pending = newActorByKey.get(key)
    if (pending) {
      // An actor first met as an addressee (no kind given) takes the kind a later row gives it.
      if (kind && !kindGiven.has(pending.id)) {
        pending.kind = kind.kind
        kindGiven.add(pending.id)
      }
      return { record: pending, created: false }
    }
    const record: Actor = {
      id: freshId(''),
      name: apart ? written : (mergedName.get(folded) ?? written),
      kind: kind?.kind ?? 'other',
      aliases: [],
      notes: '',
      createdAt: now,
      updatedAt: now,
      attributes: {},
      updatedBy: '',
    }
    const kindNote = kind?.isNew && !newKinds.has(actorKindKey(kind.kind)) ? `actor kind “${kind.kind}” is new to the workspace and was added to its kinds` : undefined
    return { record, created: true, ...(kindNote ? { kindNote } : {}) }
  }
  const registerActor = (result: { record: Actor; kindNote?: string }, kindText: string): void => {
    const folded = foldText(spelling(result.record.name))
    const key = keepApart.has(folded) ? `${folded}\u0000${spelling(result.record.name)}` : folded
    newActorByKey.set(key, result.record)
    const kind = kindFor(kindText)
    if (kind) {
      kindGiven.add(result.record.id)
      if (kind.isNew) {
        newKinds.add(actorKindKey(kind.kind))
        kinds.set(actorKindKey(kind.kind), kind.kind)
      }
    }
    plan.actors.push(result.record)
    createdIds.add(result.record.id)
    plan.counts.actorsCreated++
  }

  // Issues.
  const issues = issueResolver(snapshot.issues, settings.issueMatch ?? 'label', (label, code) => ({
    id: freshId(''),
    label: label.replace(/\s+/g, ' ').trim(),
    description: '',
    parentId: null,
    createdAt: now,
    updatedAt: now,
    code: code.trim(),
    updatedBy: '',
  }))

  // Coders, by name (any case).
  const codersByName = new Map<string, Coder>()
  for (const coder of snapshot.coders ?? []) if (!codersByName.has(foldText(coder.name))) codersByName.set(foldText(coder.name), coder)
  let coderCount = snapshot.coders?.length ?? 0
  const resolveCoder = (name: string): { record: Coder; created: boolean } | null => {
    const written = spelling(name)
    if (written === '') return null
    const known = codersByName.get(foldText(written))
    if (known) return { record: known, created: false }
    return { record: newCoderRecord({ name: written, role: 'coder', color: coderColor(coderCount) }, now, freshId('')), created: true }
  }

  // Kept columns.
  const header = settings.header ?? []
  const kept = Object.entries(settings.keep ?? {})
    .map(([column, target]) => ({ column: Number(column), target, key: attributeKeyFor(header[Number(column)] ?? '', Number(column)) }))
    .filter((entry) => entry.target !== 'nothing' && Number.isInteger(entry.column))
  const keptValues = (row: readonly string[], target: 'actor' | 'claim' | 'document'): Attributes => {
    let attributes: Attributes = {}
    for (const entry of kept) if (entry.target === target) attributes = addAttributeValues(attributes, entry.key, splitCell(cell(row, entry.column), separator))
    return attributes
  }
  const actorUpdates = new Map<Id, Actor>()
  const articleUpdates = new Map<Id, Article>()
  /** Adds a row's actor attributes to its claimant; a workspace actor is updated once, whole. */
  const applyActorAttributes = (actor: Actor, created: boolean, attributes: Attributes): void => {
    if (Object.keys(attributes).length === 0) return
    if (created || createdIds.has(actor.id)) {
      actor.attributes = mergeAttributes(actor.attributes, attributes)
      return
    }
    const current = actorUpdates.get(actor.id) ?? actor
    const next = mergeAttributes(current.attributes ?? {}, attributes)
    if (next !== current.attributes) actorUpdates.set(actor.id, { ...current, attributes: next, updatedAt: now, updatedBy: '' })
  }
  /** Document attributes fill keys the document does not have; its own values are never overwritten. */
  const applyDocumentAttributes = (article: Article, created: boolean, attributes: Attributes): void => {
    const ours = created || createdIds.has(article.id)
    const current = ours ? article : (articleUpdates.get(article.id) ?? article)
    const meta = { ...current.meta }
    let changed = false
    for (const [key, values] of Object.entries(attributes)) {
      if (Object.keys(meta).some((name) => name.trim().toLowerCase() === key.trim().toLowerCase())) continue
      meta[key] = formatValues(values)
      changed = true
    }
    if (!changed) return
    if (ours) article.meta = meta
    else articleUpdates.set(article.id, { ...current, meta, updatedAt: now })
  }

  // Duplicates: what the workspace already holds, by content; within the file, by content and source ID.
  const coderMapped = mapping.coder !== null
  const known = new Map<string, KnownClaim[]>()
  const remember = (key: string, claim: KnownClaim): void => {
    const list = known.get(key)
    if (list) list.push(claim)
    else known.set(key, [claim])
  }
  for (const claim of snapshot.claims) {
    const content = { ...claim, quote: claim.anchor.exact, attributes: claim.attributes ?? {} }
    remember(contentKey(content, null), { id: claim.id, externalId: claim.externalId ?? '' })
    if (coderMapped) remember(contentKey(content, claim.coderId), { id: claim.id, externalId: claim.externalId ?? '' })
  }
  const claimIds = new Set(snapshot.claims.map((claim) => claim.id))
  const fileRows = new Map<string, number>()
  const rowsPerSourceId = new Map<string, number>()

  const reject = (row: number, detail: string): void => {
    plan.outcomes.push({ row, status: 'rejected', detail, claimId: null })
    plan.counts.rejected++
  }
  const duplicate = (row: number, detail: string, claimId: Id | null): void => {
    plan.outcomes.push({ row, status: 'duplicate', detail, claimId })
    plan.counts.duplicates++
  }

  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!
    const rowNumber = rowNumbers[index] ?? index + 2
    const actorName = spelling(cell(row, mapping.actor))
    const issueValues = splitCell(cell(row, mapping.issue), separator, true)
    const stanceRaw = cell(row, mapping.stance)
    if (actorName === '') {
      reject(rowNumber, 'no actor: the actor cell is empty')
      continue
    }
    if (issueValues.length === 0) {
      reject(rowNumber, 'no issue: the issue cell is empty')
      continue
    }
    const stanceValue = stanceKey(stanceRaw)
    // Only a stance the map itself gives: never something Object.prototype answers to.
    const mapped: unknown = Object.hasOwn(stanceMap, stanceValue) ? stanceMap[stanceValue] : undefined
    if (!isStance(mapped)) {
      reject(rowNumber, stanceRaw.trim() === '' ? 'no stance: the stance cell is empty' : `stance value “${stanceRaw.trim()}” is not mapped to a stance`)
      continue
    }
    const stance: Stance = mapped
    const dateCell = cell(row, mapping.date)
    const parsedDate = parseDate(dateCell, dateOrder)
    if (parsedDate === null) {
      reject(rowNumber, `date “${dateCell.trim()}” cannot be read as a ${dateOrder === 'iso' ? 'year-first' : dateOrder === 'dmy' ? 'day-first' : 'month-first'} date`)
      continue
    }
    const cells = documentCells(row)
    const article = documents.resolve(cells, parsedDate)
    if ('error' in article) {
      reject(rowNumber, article.error)
      continue
    }
    const kindText = cell(row, mapping.actorKind)
    const actor = resolveActor(actorName, kindText)
    if ('error' in actor) {
      reject(rowNumber, actor.error)
      continue
    }
    const addresseeName = spelling(cell(row, mapping.addressee))
    // The claimant and the addressee may be the same new actor: resolve it once.
    const sameActor = addresseeName !== '' && foldText(addresseeName) === foldText(actorName) && (!keepApart.has(foldText(actorName)) || addresseeName === actorName)
    const addressee = addresseeName === '' ? null : sameActor ? { ...actor, created: false } : resolveActor(addresseeName, '')
    if (addressee && 'error' in addressee) {
      reject(rowNumber, `addressee: ${addressee.error}`)
      continue
    }
    const issueResult = issues.resolve(issueValues)
    if ('error' in issueResult) {
      reject(rowNumber, issueResult.error)
      continue
    }
    const coder = resolveCoder(cell(row, mapping.coder))
    const date = parsedDate || calendarDate(article.record.publishedAt)
    const quote = cell(row, mapping.quote)
    const anchored = anchorQuote(article.record.body, quote, parseOffset(cell(row, mapping.quoteStart)), parseOffset(cell(row, mapping.quoteEnd)))
    const claimAttributes = keptValues(row, 'claim')
    const actorAttributes = keptValues(row, 'actor')
    const documentAttributes = keptValues(row, 'document')
    const note = cell(row, mapping.note)
    const sourceId = cell(row, mapping.claimId).trim()
    const externalId = cell(row, mapping.externalId).trim() || (sourceId !== '' && !isUuid(sourceId) ? sourceId : '')

    const content = {
      articleId: article.record.id,
      actorId: actor.record.id,
      issueIds: issueResult.ids,
      stance,
      date,
      note,
      addresseeId: addressee ? addressee.record.id : null,
      attributes: claimAttributes,
      quote: anchored.anchor.exact,
    }
    const key = contentKey(content, coderMapped && coder ? coder.record.id : null)
    const uuid = sourceId !== '' && isUuid(sourceId) ? sourceId.toLowerCase() : ''
    const already = uuid !== '' && claimIds.has(uuid) ? { id: uuid, externalId: '' } : (known.get(key) ?? []).find((claim) => sameSource(claim, sourceId) || (externalId !== '' && claim.externalId === externalId))
    const earlierRow = fileRows.get(`${key}\u0002${sourceId}`)
    if (already || earlierRow !== undefined) {
      // A duplicate still tells us about the actor and the document it names.
      if (!actor.created) applyActorAttributes(actor.record, false, actorAttributes)
      if (!article.created) applyDocumentAttributes(article.record, false, documentAttributes)
      if (earlierRow !== undefined) duplicate(rowNumber, `same claim as row ${earlierRow}`, null)
      else if (uuid !== '' && claimIds.has(uuid)) duplicate(rowNumber, 'a claim with this claim ID is already in the workspace', uuid)
      else duplicate(rowNumber, 'the workspace already has this claim (every mapped column is the same)', already!.id)
      continue
    }

    // The row is imported: what it needed now exists, once.
    if (article.created) {
      documents.register(article.record, cells)
      plan.articles.push(article.record)
      createdIds.add(article.record.id)
      plan.counts.articlesCreated++
    } else if (noteMatch(article.record.id)) {
      plan.counts.articlesMatched++
    }
    applyDocumentAttributes(article.record, article.created, documentAttributes)
    const notes: string[] = []
    const takeActor = (resolved: { record: Actor; created: boolean; kindNote?: string }, kind: string): void => {
      if (resolved.created) {
        registerActor(resolved, kind)
        if (resolved.kindNote) notes.push(resolved.kindNote)
      } else if (noteMatch(resolved.record.id)) {
        plan.counts.actorsMatched++
      }
    }
    takeActor(actor, kindText)
    if (addressee) takeActor(addressee, '')
    applyActorAttributes(actor.record, actor.created, actorAttributes)
    issues.register(issueResult.created)
    for (const issue of issueResult.created) {
      plan.issues.push(issue)
      createdIds.add(issue.id)
      plan.counts.issuesCreated++
    }
    for (const id of issueResult.ids) if (!issueResult.created.some((issue) => issue.id === id) && noteMatch(id)) plan.counts.issuesMatched++
    notes.push(...issueResult.notes)
    if (coder?.created) {
      codersByName.set(foldText(coder.record.name), coder.record)
      plan.coders.push(coder.record)
      createdIds.add(coder.record.id)
      coderCount++
      plan.counts.codersCreated++
    } else if (coder && noteMatch(coder.record.id)) {
      plan.counts.codersMatched++
    }

    const claim: Claim = {
      id: freshId(sourceId),
      articleId: article.record.id,
      actorId: actor.record.id,
      issueIds: issueResult.ids,
      stance,
      date,
      addresseeId: addressee ? addressee.record.id : null,
      note,
      anchor: anchored.anchor,
      createdAt: now,
      updatedAt: now,
      // '' is the importing coder's, filled in when the import is written (applyClaimsImport).
      coderId: coder?.record.id ?? '',
      updatedBy: '',
      externalId,
      attributes: claimAttributes,
      adjudicatedFrom: [],
    }
    plan.claims.push(claim)
    fileRows.set(`${key}\u0002${sourceId}`, rowNumber)
    if (sourceId !== '') rowsPerSourceId.set(sourceId, (rowsPerSourceId.get(sourceId) ?? 0) + 1)
    if (anchored.anchored) plan.counts.anchored++
    else if (article.record.body === '' && quote !== '') plan.counts.waitingForText++
    if (!anchored.anchored && anchored.detail) notes.push(anchored.detail)
    plan.counts.imported++
    plan.outcomes.push({ row: rowNumber, status: 'imported', detail: notes.join('; '), claimId: claim.id })
  }

  for (const count of rowsPerSourceId.values()) {
    if (count < 2) continue
    plan.counts.sharedIds++
    plan.counts.sharedIdRows += count
  }
  plan.actorUpdates = [...actorUpdates.values()]
  plan.articleUpdates = [...articleUpdates.values()]
  plan.counts.actorsUpdated = plan.actorUpdates.length
  plan.counts.articlesUpdated = plan.articleUpdates.length
  return plan
}
