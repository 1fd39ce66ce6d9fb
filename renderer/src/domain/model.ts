// The workspace model. Pure types and small helpers: no DOM, no Dexie, no React.
// IDs are UUIDs so workspaces from several analysts can be merged without collisions.
// Timestamps are ISO 8601 strings (UTC); calendar dates are 'YYYY-MM-DD' (or '' when unknown).

export type Id = string

export type TextDirection = 'ltr' | 'rtl'

export interface Article {
  id: Id
  title: string
  /** The outlet: "Reuters", "Al-Akhbar". */
  source: string
  author: string
  /** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm:ss' when known; '' when the article gave no date. */
  publishedAt: string
  url: string
  /** BCP 47 tag when known ("en", "ar"), else ''. */
  language: string
  direction: TextDirection
  /** Plain text; newlines normalised to \n; paragraphs separated by a blank line. */
  body: string
  /** Hash of the normalised body, for duplicate detection. */
  contentHash: string
  importedAt: string
  /** Where it came from: "file:reports/a.txt", "paste", "csv:news.csv#12", "sample". */
  origin: string
  /** Columns an import kept that have no field of their own. */
  meta: Record<string, string>
  updatedAt: string
}

export const ACTOR_KINDS = ['person', 'organization', 'state', 'armed group', 'party', 'media', 'other'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

export interface Actor {
  id: Id
  name: string
  kind: ActorKind
  aliases: string[]
  notes: string
  createdAt: string
  updatedAt: string
}

/** A codebook entry: the question a stance is taken on. */
export interface Issue {
  id: Id
  label: string
  description: string
  parentId: Id | null
  createdAt: string
  updatedAt: string
}

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector, as Hypothesis stores them. */
export interface TextAnchor {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

export const STANCES = [-2, -1, 0, 1, 2] as const
export type Stance = (typeof STANCES)[number]

export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  [-2]: 'strongly against',
  [-1]: 'against',
  0: 'neutral',
  1: 'for',
  2: 'strongly for',
}

export interface Claim {
  id: Id
  articleId: Id
  /** The claimant. */
  actorId: Id
  issueId: Id
  stance: Stance
  /** When the claim was made: defaults to the article's date, editable. 'YYYY-MM-DD' or ''. */
  date: string
  addresseeId: Id | null
  note: string
  anchor: TextAnchor
  createdAt: string
  updatedAt: string
}

/** An actor tagged in a span of text without a claim. */
export interface Mention {
  id: Id
  articleId: Id
  actorId: Id
  anchor: TextAnchor
  createdAt: string
  updatedAt: string
}

/** Small persisted preferences (last CSV mapping, last time bucket, ...). */
export interface Setting {
  key: string
  value: unknown
}

export function isStance(value: unknown): value is Stance {
  return typeof value === 'number' && (STANCES as readonly number[]).includes(value)
}

export function isActorKind(value: unknown): value is ActorKind {
  return typeof value === 'string' && (ACTOR_KINDS as readonly string[]).includes(value)
}

export function newId(): Id {
  return crypto.randomUUID()
}

export function nowIso(): string {
  return new Date().toISOString()
}

/** The calendar date part of a stored date ('' stays ''). */
export function calendarDate(value: string): string {
  return value.slice(0, 10)
}
