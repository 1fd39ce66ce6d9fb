import { createAnchor } from '../anchoring'
import { contentHash } from '../contentHash'
import { detectLanguage } from '../import/language'
import { calendarDate, isStance, newId, type Actor, type ActorKind, type Article, type Claim, type Id, type Issue, type Stance, type TextAnchor } from '../model'
import { foldText } from '../text/folding'
import { parseDate, parseDocumentDate, type DateOrder } from './dates'
import type { ColumnMapping } from './mapping'
import { actorKindFrom, isUuid } from './names'
import { stanceKey, type StanceValueMap } from './stanceValues'

// Turns the rows of a coded-claims file into records to add, without touching storage:
// documents, actors and issues are matched to the workspace or created once each, claims are
// anchored to their quote where the document's text is known, and every row ends up imported,
// duplicate or rejected with a reason.

/** Key in Article.meta that keeps another tool's document id, so a later import matches it. */
export const SOURCE_DOCUMENT_ID = 'source_document_id'

export interface WorkspaceSnapshot {
  articles: readonly Article[]
  actors: readonly Actor[]
  issues: readonly Issue[]
  claims: readonly Claim[]
}

export interface ImportSettings {
  mapping: ColumnMapping
  stanceMap: StanceValueMap
  dateOrder: DateOrder
  /** Shown in the created articles' origin: "claims-csv:<file name>". */
  fileName: string
  now: string
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
  duplicates: number
  rejected: number
  articlesCreated: number
  articlesMatched: number
  actorsCreated: number
  actorsMatched: number
  issuesCreated: number
  issuesMatched: number
}

export interface ImportPlan {
  articles: Article[]
  actors: Actor[]
  issues: Issue[]
  claims: Claim[]
  outcomes: RowOutcome[]
  counts: ImportCounts
}

/** The remark on a claim whose document has no text: expected for title-only files, so summaries count it rather than list it. */
export const NO_TEXT_DETAIL = 'the document has no text; the claim keeps its quote unanchored'

/** The anchor of a claim whose place in the text is unknown: the quote alone. */
function quoteOnlyAnchor(quote: string, start: number | null, end: number | null): TextAnchor {
  const hasOffsets = start !== null && end !== null && end >= start
  return { exact: quote, prefix: '', suffix: '', start: hasOffsets ? start : 0, end: hasOffsets ? end : 0 }
}

function parseOffset(value: string): number | null {
  const text = value.trim()
  return /^\d+$/.test(text) ? Number(text) : null
}

/** Line endings as the workspace stores them. */
function normaliseBody(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

function firstLine(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? ''
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line
}

/** Every start of needle in haystack. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = []
  if (needle === '') return found
  for (let index = haystack.indexOf(needle); index >= 0; index = haystack.indexOf(needle, index + 1)) found.push(index)
  return found
}

export interface AnchorResult {
  anchor: TextAnchor
  anchored: boolean
  detail: string
}

/**
 * Anchors a quote in a document's text: the file's offsets when they still point at the quote,
 * else an exact search (the occurrence nearest the file's offset when there are several).
 */
export function anchorQuote(body: string, quote: string, start: number | null, end: number | null): AnchorResult {
  if (quote === '') return { anchor: quoteOnlyAnchor('', null, null), anchored: false, detail: 'the row has no quote; the claim is not anchored to the text' }
  if (body === '') return { anchor: quoteOnlyAnchor(quote, start, end), anchored: false, detail: NO_TEXT_DETAIL }
  if (start !== null && end !== null && end <= body.length && body.slice(start, end) === quote) {
    return { anchor: createAnchor(body, start, end), anchored: true, detail: '' }
  }
  for (const candidate of quote.trim() === quote ? [quote] : [quote, quote.trim()]) {
    const found = occurrences(body, candidate)
    if (found.length === 0) continue
    const best = start === null ? found[0]! : found.reduce((a, b) => (Math.abs(b - start) < Math.abs(a - start) ? b : a))
    return { anchor: createAnchor(body, best, best + candidate.length), anchored: true, detail: '' }
  }
  return {
    anchor: quoteOnlyAnchor(quote, start, end),
    anchored: false,
    detail: 'the quote was not found in the document text; the claim keeps its quote unanchored',
  }
}

/** Two claims are the same when these match; a claim's issues count as a set, in any order. */
function duplicateKey(articleId: Id, actorId: Id, issueIds: readonly Id[], stance: Stance, date: string, quote: string): string {
  return [articleId, actorId, [...new Set(issueIds)].sort().join('\u0001'), stance, date, quote.replace(/\s+/g, ' ').trim()].join('\u0000')
}

class Index<T> {
  private readonly map = new Map<string, T[]>()
  add(key: string, value: T): void {
    if (key === '') return
    const list = this.map.get(key)
    if (!list) this.map.set(key, [value])
    else if (!list.includes(value)) list.push(value)
  }
  get(key: string): T[] {
    return this.map.get(key) ?? []
  }
}

export async function planClaimsImport(rows: readonly string[][], rowNumbers: readonly number[], snapshot: WorkspaceSnapshot, settings: ImportSettings): Promise<ImportPlan> {
  const { mapping, stanceMap, dateOrder, now } = settings
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

  const articlesById = new Map(snapshot.articles.map((article) => [article.id, article]))
  const articlesBySourceId = new Index<Article>()
  const articlesByHash = new Index<Article>()
  const articlesByTitle = new Index<Article>()
  for (const article of snapshot.articles) {
    articlesBySourceId.add(article.meta?.[SOURCE_DOCUMENT_ID] ?? '', article)
    articlesByHash.add(article.contentHash, article)
    articlesByTitle.add(foldText(article.title), article)
  }
  const actorsByName = new Index<Actor>()
  for (const actor of snapshot.actors) {
    actorsByName.add(foldText(actor.name), actor)
    for (const alias of actor.aliases) actorsByName.add(foldText(alias), actor)
  }
  const issuesByLabel = new Index<Issue>()
  for (const issue of snapshot.issues) issuesByLabel.add(foldText(issue.label), issue)
  const claimIds = new Set(snapshot.claims.map((claim) => claim.id))
  const claimKeys = new Map<string, number | null>()
  for (const claim of snapshot.claims) {
    claimKeys.set(duplicateKey(claim.articleId, claim.actorId, claim.issueIds, claim.stance, claim.date, claim.anchor.exact), null)
  }
  const usedIds = new Set<Id>([...articlesById.keys(), ...snapshot.actors.map((a) => a.id), ...snapshot.issues.map((i) => i.id), ...claimIds])

  // Records this import creates, registered only when a row that needs them is imported.
  const plan: ImportPlan = {
    articles: [],
    actors: [],
    issues: [],
    claims: [],
    outcomes: [],
    counts: { rows: rows.length, imported: 0, anchored: 0, duplicates: 0, rejected: 0, articlesCreated: 0, articlesMatched: 0, actorsCreated: 0, actorsMatched: 0, issuesCreated: 0, issuesMatched: 0 },
  }
  const newArticleByKey = new Map<string, Article>()
  const newActorByKey = new Map<string, Actor>()
  /** Created actors whose kind the file stated (the others are 'other' until a row says). */
  const kindGiven = new Set<Id>()
  const newIssueByKey = new Map<string, Issue>()
  const claimRowById = new Map<Id, number>()
  const createdIds = new Set<Id>()
  const matchedIds = new Set<Id>()
  const emptyHash = await contentHash('')
  /** Counts a record as matched the first time a row uses it (records this import created are not matches). */
  const noteMatch = (id: Id): boolean => {
    if (createdIds.has(id) || matchedIds.has(id)) return false
    matchedIds.add(id)
    return true
  }

  const freshId = (candidate: string): Id => {
    const id = isUuid(candidate) && !usedIds.has(candidate.toLowerCase()) ? candidate.toLowerCase() : newId()
    usedIds.add(id)
    return id
  }

  type Resolved<T> = { record: T; created: boolean } | { error: string }

  const resolveArticle = (row: readonly string[], claimDate: string): Resolved<Article> => {
    const docId = cell(row, mapping.documentId).trim()
    const title = cell(row, mapping.documentTitle).trim()
    const rawText = cell(row, mapping.documentText)
    const text = rawText.trim() === '' ? '' : normaliseBody(rawText)
    if (docId === '' && title === '' && text === '') return { error: 'no document: the document cells are empty' }
    const docDateCell = cell(row, mapping.documentDate)
    const docDate = parseDocumentDate(docDateCell, dateOrder)

    if (docId !== '') {
      const existing = articlesById.get(docId) ?? articlesById.get(docId.toLowerCase())
      if (existing) return { record: existing, created: false }
      const bySource = articlesBySourceId.get(docId)
      if (bySource.length === 1) return { record: bySource[0]!, created: false }
      const pending = newArticleByKey.get(`id:${docId}`)
      if (pending) return { record: pending, created: false }
    }
    if (text !== '') {
      const hash = hashes.get(text)!
      const byHash = articlesByHash.get(hash)
      if (byHash.length >= 1) return { record: byHash[0]!, created: false }
      const pending = newArticleByKey.get(`hash:${hash}`)
      if (pending) return { record: pending, created: false }
    }
    if (title !== '') {
      let candidates = articlesByTitle.get(foldText(title))
      if (candidates.length > 1 && docDate) candidates = candidates.filter((article) => calendarDate(article.publishedAt) === calendarDate(docDate))
      if (candidates.length > 1) {
        return { error: `the title “${title}” matches ${candidates.length} documents in the workspace; map a document ID or date column to tell them apart` }
      }
      if (candidates.length === 1) return { record: candidates[0]!, created: false }
      // Only title-only rows share a created document by title: rows that carry an ID or a
      // text of their own name a document of their own.
      if (docId === '' && text === '') {
        const pending = newArticleByKey.get(`title:${foldText(title)}`)
        if (pending) return { record: pending, created: false }
      }
    }
    const { language, direction } = detectLanguage(text || title)
    const article: Article = {
      id: freshId(docId),
      title: title || firstLine(text) || `Document ${docId}`,
      source: cell(row, mapping.documentSource).trim(),
      author: '',
      publishedAt: docDate || claimDate,
      url: cell(row, mapping.documentUrl).trim(),
      language,
      direction,
      body: text,
      contentHash: '',
      importedAt: now,
      origin: `claims-csv:${settings.fileName}`,
      meta: docId !== '' && !isUuid(docId) ? { [SOURCE_DOCUMENT_ID]: docId } : {},
      updatedAt: now,
      externalId: docId !== '' && !isUuid(docId) ? docId : '',
    }
    return { record: article, created: true }
  }

  const registerArticle = (article: Article, row: readonly string[]): void => {
    const docId = cell(row, mapping.documentId).trim()
    const hash = article.body === '' ? '' : hashes.get(article.body)!
    if (docId !== '') newArticleByKey.set(`id:${docId}`, article)
    if (hash !== '') newArticleByKey.set(`hash:${hash}`, article)
    if (docId === '' && hash === '') newArticleByKey.set(`title:${foldText(article.title)}`, article)
    plan.articles.push(article)
  }

  const resolveActor = (name: string, kindText: string): Resolved<Actor> & { kindNote?: string } => {
    const key = foldText(name)
    const existing = actorsByName.get(key)
    if (existing.length > 1) return { error: `the actor “${name}” matches ${existing.length} actors in the workspace (names or aliases)` }
    if (existing.length === 1) return { record: existing[0]!, created: false }
    const pending = newActorByKey.get(key)
    if (pending) {
      // An actor first met as an addressee (no kind given) takes the kind a later row gives it.
      const kind = kindText.trim() === '' ? null : actorKindFrom(kindText)
      if (kind && !kindGiven.has(pending.id)) {
        pending.kind = kind
        kindGiven.add(pending.id)
      }
      return { record: pending, created: false }
    }
    const kind: ActorKind | null = kindText.trim() === '' ? 'other' : actorKindFrom(kindText)
    return {
      record: { id: freshId(''), name: name.replace(/\s+/g, ' ').trim(), kind: kind ?? 'other', aliases: [], notes: '', createdAt: now, updatedAt: now, attributes: {}, updatedBy: '' },
      created: true,
      ...(kind === null ? { kindNote: `actor kind “${kindText.trim()}” is not one Standpoint knows; ${name} was created as “other”` } : {}),
    }
  }

  const resolveIssue = (label: string): Resolved<Issue> => {
    const key = foldText(label)
    const existing = issuesByLabel.get(key)
    if (existing.length >= 1) return { record: existing[0]!, created: false }
    const pending = newIssueByKey.get(key)
    if (pending) return { record: pending, created: false }
    return {
      record: { id: freshId(''), label: label.replace(/\s+/g, ' ').trim(), description: '', parentId: null, createdAt: now, updatedAt: now, code: '', updatedBy: '' },
      created: true,
    }
  }

  const reject = (row: number, detail: string): void => {
    plan.outcomes.push({ row, status: 'rejected', detail, claimId: null })
    plan.counts.rejected++
  }

  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!
    const rowNumber = rowNumbers[index] ?? index + 2
    const actorName = cell(row, mapping.actor).trim()
    const issueLabel = cell(row, mapping.issue).trim()
    const stanceRaw = cell(row, mapping.stance)
    if (actorName === '') {
      reject(rowNumber, 'no actor: the actor cell is empty')
      continue
    }
    if (issueLabel === '') {
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
    const article = resolveArticle(row, parsedDate)
    if ('error' in article) {
      reject(rowNumber, article.error)
      continue
    }
    const actor = resolveActor(actorName, cell(row, mapping.actorKind))
    if ('error' in actor) {
      reject(rowNumber, actor.error)
      continue
    }
    const addresseeName = cell(row, mapping.addressee).trim()
    // The claimant and the addressee may be the same new actor: resolve it once.
    const addressee =
      addresseeName === '' ? null : foldText(addresseeName) === foldText(actorName) ? { ...actor, created: false } : resolveActor(addresseeName, '')
    if (addressee && 'error' in addressee) {
      reject(rowNumber, `addressee: ${addressee.error}`)
      continue
    }
    const issue = resolveIssue(issueLabel)
    if ('error' in issue) {
      reject(rowNumber, issue.error)
      continue
    }
    const date = parsedDate || calendarDate(article.record.publishedAt)
    const quote = cell(row, mapping.quote)
    const start = parseOffset(cell(row, mapping.quoteStart))
    const end = parseOffset(cell(row, mapping.quoteEnd))
    const anchored = anchorQuote(article.record.body, quote, start, end)

    const fileClaimId = cell(row, mapping.claimId).trim()
    if (fileClaimId !== '' && isUuid(fileClaimId)) {
      const id = fileClaimId.toLowerCase()
      if (claimIds.has(id)) {
        plan.outcomes.push({ row: rowNumber, status: 'duplicate', detail: 'a claim with this claim ID is already in the workspace', claimId: id })
        plan.counts.duplicates++
        continue
      }
      const earlier = claimRowById.get(id)
      if (earlier !== undefined) {
        plan.outcomes.push({ row: rowNumber, status: 'duplicate', detail: `same claim ID as row ${earlier}`, claimId: id })
        plan.counts.duplicates++
        continue
      }
    }
    const key = duplicateKey(article.record.id, actor.record.id, [issue.record.id], stance, date, anchored.anchor.exact)
    if (claimKeys.has(key)) {
      const earlier = claimKeys.get(key)
      plan.outcomes.push({
        row: rowNumber,
        status: 'duplicate',
        detail: earlier == null ? 'the workspace already has this claim (same document, actor, issue, stance, date and quote)' : `same claim as row ${earlier}`,
        claimId: null,
      })
      plan.counts.duplicates++
      continue
    }

    // The row is imported: what it needed now exists, once.
    if (article.created) {
      article.record.contentHash = article.record.body === '' ? emptyHash : hashes.get(article.record.body)!
      registerArticle(article.record, row)
      createdIds.add(article.record.id)
      plan.counts.articlesCreated++
    } else if (noteMatch(article.record.id)) {
      plan.counts.articlesMatched++
    }
    const notes: string[] = []
    for (const resolved of addressee ? [actor, addressee] : [actor]) {
      if (resolved.created) {
        newActorByKey.set(foldText(resolved.record.name), resolved.record)
        if (resolved === actor && actorKindFrom(cell(row, mapping.actorKind)) !== null) kindGiven.add(resolved.record.id)
        plan.actors.push(resolved.record)
        createdIds.add(resolved.record.id)
        plan.counts.actorsCreated++
        if ('kindNote' in resolved && resolved.kindNote) notes.push(resolved.kindNote)
      } else if (noteMatch(resolved.record.id)) {
        plan.counts.actorsMatched++
      }
    }
    if (issue.created) {
      newIssueByKey.set(foldText(issue.record.label), issue.record)
      plan.issues.push(issue.record)
      createdIds.add(issue.record.id)
      plan.counts.issuesCreated++
    } else if (noteMatch(issue.record.id)) {
      plan.counts.issuesMatched++
    }

    const claim: Claim = {
      id: freshId(fileClaimId),
      articleId: article.record.id,
      actorId: actor.record.id,
      issueIds: [issue.record.id],
      stance,
      date,
      addresseeId: addressee ? addressee.record.id : null,
      note: cell(row, mapping.note),
      anchor: anchored.anchor,
      createdAt: now,
      updatedAt: now,
      // The importing coder's, filled in when the import is written (applyClaimsImport).
      coderId: '',
      updatedBy: '',
      externalId: fileClaimId !== '' && !isUuid(fileClaimId) ? fileClaimId : '',
      attributes: {},
      adjudicatedFrom: [],
    }
    plan.claims.push(claim)
    claimKeys.set(key, rowNumber)
    claimRowById.set(claim.id, rowNumber)
    if (anchored.anchored) plan.counts.anchored++
    else if (anchored.detail) notes.push(anchored.detail)
    plan.counts.imported++
    plan.outcomes.push({ row: rowNumber, status: 'imported', detail: notes.join('; '), claimId: claim.id })
  }
  return plan
}
