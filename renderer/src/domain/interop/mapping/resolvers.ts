import { uniqueNames } from '../../actorMatching'
import type { Actor, Article, Attributes, Coder, Id, Issue } from '../../model'
import { foldText } from '../../text/folding'
import type { ExistingWorkspace, InteropCounts } from './interopPlan'

// Finding a file's actors, issues, coders and documents in the workspace, and creating each
// missing one once. Matching is what makes opening the same file twice add nothing: actors by
// name or alias, issues by label under the same parent, coders by name, documents by external
// ID or content with the very same text (offsets point into it).

const clean = (text: string): string => text.trim().replace(/\s+/g, ' ')
const key = (text: string): string => foldText(clean(text))

export interface ActorDraft {
  name: string
  kind: string
  aliases: string[]
  notes: string
  attributes: Attributes
  /** A record id to use when no record has it yet (a REFI-QDA code's GUID). */
  preferredId?: Id
}

export class ActorResolver {
  private readonly byName = new Map<string, Actor>()
  readonly created: Actor[] = []
  private readonly matched = new Set<Id>()

  constructor(
    existing: readonly Actor[],
    private readonly counts: InteropCounts,
    private readonly ids: IdAllocator,
    private readonly now: string,
  ) {
    // Names first, then aliases: a name wins over another actor's alias.
    for (const actor of existing) if (!this.byName.has(key(actor.name))) this.byName.set(key(actor.name), actor)
    for (const actor of existing) for (const alias of actor.aliases) if (!this.byName.has(key(alias))) this.byName.set(key(alias), actor)
  }

  find(name: string): Actor | undefined {
    return this.byName.get(key(name))
  }

  resolve(draft: ActorDraft): Actor {
    const found = this.find(draft.name)
    if (found) {
      if (!this.created.includes(found) && !this.matched.has(found.id)) {
        this.matched.add(found.id)
        this.counts.actorsMatched++
      }
      return found
    }
    const name = clean(draft.name)
    const actor: Actor = {
      id: this.ids.take(draft.preferredId),
      name,
      kind: clean(draft.kind) || 'other',
      aliases: uniqueNames(draft.aliases, [name]),
      notes: draft.notes.trim(),
      createdAt: this.now,
      updatedAt: this.now,
      attributes: cleanAttributes(draft.attributes),
      updatedBy: '',
    }
    this.created.push(actor)
    this.counts.actorsCreated++
    this.byName.set(key(name), actor)
    for (const alias of actor.aliases) if (!this.byName.has(key(alias))) this.byName.set(key(alias), actor)
    return actor
  }
}

export interface IssueDraft {
  label: string
  description: string
  code: string
  parentId: Id | null
  preferredId?: Id
}

export class IssueResolver {
  private readonly all: Issue[]
  readonly created: Issue[] = []
  private readonly matched = new Set<Id>()
  private readonly usedCodes = new Set<string>()

  constructor(
    existing: readonly Issue[],
    private readonly counts: InteropCounts,
    private readonly ids: IdAllocator,
    private readonly now: string,
  ) {
    this.all = [...existing]
    for (const issue of existing) if (issue.code.trim() !== '') this.usedCodes.add(issue.code.trim().toLowerCase())
  }

  /**
   * The issue with this label under this parent; else the only issue anywhere with the label
   * (the analyst's codebook may file it elsewhere); else a new one.
   */
  resolve(draft: IssueDraft): Issue {
    const label = key(draft.label)
    const same = this.all.filter((issue) => key(issue.label) === label)
    const found = same.find((issue) => issue.parentId === draft.parentId) ?? (same.length === 1 ? same[0] : undefined)
    if (found) {
      if (!this.created.includes(found) && !this.matched.has(found.id)) {
        this.matched.add(found.id)
        this.counts.issuesMatched++
      }
      return found
    }
    // Codes are unique in a codebook; a clashing one is left out rather than refuse the issue.
    const code = draft.code.trim()
    const codeFree = code !== '' && !this.usedCodes.has(code.toLowerCase())
    if (codeFree) this.usedCodes.add(code.toLowerCase())
    const issue: Issue = {
      id: this.ids.take(draft.preferredId),
      label: clean(draft.label),
      description: draft.description.trim(),
      parentId: draft.parentId,
      createdAt: this.now,
      updatedAt: this.now,
      code: codeFree ? code : '',
      updatedBy: '',
    }
    this.all.push(issue)
    this.created.push(issue)
    this.counts.issuesCreated++
    return issue
  }
}

export class CoderResolver {
  private readonly byName = new Map<string, Coder>()
  readonly created: Coder[] = []
  private readonly matched = new Set<Id>()

  constructor(
    existing: readonly Coder[],
    private readonly counts: InteropCounts,
    private readonly ids: IdAllocator,
    private readonly now: string,
  ) {
    for (const coder of existing) if (!this.byName.has(key(coder.name))) this.byName.set(key(coder.name), coder)
  }

  resolve(name: string, color: string, preferredId?: Id): Coder {
    const found = this.byName.get(key(name))
    if (found) {
      if (!this.created.includes(found) && !this.matched.has(found.id)) {
        this.matched.add(found.id)
        this.counts.codersMatched++
      }
      return found
    }
    const coder: Coder = {
      id: this.ids.take(preferredId),
      name: clean(name),
      color: /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : '#000000',
      role: 'coder',
      createdAt: this.now,
      updatedAt: this.now,
    }
    this.created.push(coder)
    this.counts.codersCreated++
    this.byName.set(key(name), coder)
    return coder
  }
}

/**
 * Record ids for new records: a proposed id (a REFI-QDA GUID, so a project exported and
 * imported again keeps its ids) when no record has it, else a fresh UUID.
 */
export class IdAllocator {
  private readonly taken: Set<string>

  constructor(
    taken: Iterable<string>,
    private readonly fresh: () => Id,
  ) {
    this.taken = new Set(taken)
  }

  isTaken(id: Id): boolean {
    return this.taken.has(id)
  }

  take(preferred?: Id): Id {
    const id = preferred !== undefined && preferred !== '' && !this.taken.has(preferred) ? preferred : this.fresh()
    this.taken.add(id)
    return id
  }
}

/** Every id the existing records hold, for an IdAllocator. */
export function existingIds(existing: ExistingWorkspace): string[] {
  return [existing.articles, existing.claims, existing.mentions, existing.actors, existing.issues, existing.coders].flatMap((records) => records.map((record) => record.id))
}

/**
 * Documents by identity: an article with the same external ID and the same text, else one
 * with the same text (imported before from elsewhere). The text must be identical, not just
 * hash-equal, because the file's offsets point into it.
 */
export class ArticleMatcher {
  private readonly byExternalId = new Map<string, Article[]>()
  private readonly byHash = new Map<string, Article[]>()

  constructor(existing: readonly Article[]) {
    for (const article of existing) this.add(article)
  }

  add(article: Article): void {
    if (article.externalId !== '') push(this.byExternalId, article.externalId, article)
    if (article.body !== '') push(this.byHash, article.contentHash, article)
  }

  find(externalId: string, contentHash: string, body: string, title: string): Article | undefined {
    const sameText = (article: Article): boolean => article.body === body && (body !== '' || article.title === title)
    return (externalId === '' ? undefined : this.byExternalId.get(externalId)?.find(sameText)) ?? (body === '' ? undefined : this.byHash.get(contentHash)?.find(sameText))
  }
}

function push<K, V>(map: Map<K, V[]>, mapKey: K, value: V): void {
  const list = map.get(mapKey)
  if (list) list.push(value)
  else map.set(mapKey, [value])
}

/** Attribute keys trimmed, values trimmed and de-duplicated, empty ones dropped. */
export function cleanAttributes(attributes: Attributes): Attributes {
  const result: Attributes = {}
  for (const [name, values] of Object.entries(attributes)) {
    const attributeKey = clean(name)
    const kept = uniqueValues(values)
    if (attributeKey === '' || kept.length === 0) continue
    const same = Object.keys(result).find((existing) => existing.toLowerCase() === attributeKey.toLowerCase())
    if (same) result[same] = uniqueValues([...result[same]!, ...kept])
    else result[attributeKey] = kept
  }
  return result
}

function uniqueValues(values: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const value of values) {
    const trimmed = value.trim()
    if (trimmed === '' || seen.has(trimmed)) continue
    seen.add(trimmed)
    result.push(trimmed)
  }
  return result
}
