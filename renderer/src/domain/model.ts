// The workspace model. Pure types and small helpers: no DOM, no Dexie, no React.
// IDs are UUIDs so workspaces from several analysts can be merged without collisions.
// Timestamps are ISO 8601 strings (UTC); calendar dates are 'YYYY-MM-DD' (or '' when unknown).
import * as v from 'valibot'
import { record, shown, text } from './validation'

// One schema per record type: the TypeScript type is inferred from it, and the same schema
// checks records wherever they cross a trust boundary (a backup being restored, above all).
// Unknown fields pass the check, so a backup from a later schema keeps them.

export type Id = string

const id = text

export const TEXT_DIRECTIONS = ['ltr', 'rtl'] as const
export type TextDirection = (typeof TEXT_DIRECTIONS)[number]

export const ArticleSchema = record({
  id: id(),
  title: text(),
  /** The outlet: "Reuters", "Al-Akhbar". */
  source: text(),
  author: text(),
  /** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm:ss' when known; '' when the article gave no date. */
  publishedAt: text(),
  url: text(),
  /** BCP 47 tag when known ("en", "ar"), else ''. */
  language: text(),
  direction: v.picklist(TEXT_DIRECTIONS, 'must be "ltr" or "rtl"'),
  /** Plain text; newlines normalised to \n; paragraphs separated by a blank line. */
  body: text(),
  /** Hash of the normalised body, for duplicate detection. */
  contentHash: text(),
  importedAt: text(),
  /** Where it came from: "file:reports/a.txt", "paste", "csv:news.csv#12", "sample". */
  origin: text(),
  /** Columns an import kept that have no field of their own. */
  meta: v.record(v.string(), v.string('must be an object of text values'), 'must be an object of text values'),
  updatedAt: text(),
})
export type Article = v.InferOutput<typeof ArticleSchema>

export const ACTOR_KINDS = ['person', 'organization', 'state', 'armed group', 'party', 'media', 'other'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

export const ActorSchema = record({
  id: id(),
  name: text(),
  kind: v.picklist(ACTOR_KINDS, (issue) => `${shown(issue.input)} is not an actor kind`),
  aliases: v.array(v.string('must be a list of text'), 'must be a list of text'),
  notes: text(),
  createdAt: text(),
  updatedAt: text(),
})
export type Actor = v.InferOutput<typeof ActorSchema>

/** A codebook entry: the question a stance is taken on. */
export const IssueSchema = record({
  id: id(),
  label: text(),
  description: text(),
  parentId: v.nullable(v.string('must be text or empty')),
  createdAt: text(),
  updatedAt: text(),
})
export type Issue = v.InferOutput<typeof IssueSchema>

const offset = () => v.pipe(v.number('must be a whole number of at least 0'), v.integer('must be a whole number of at least 0'), v.minValue(0, 'must be a whole number of at least 0'))

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector, as Hypothesis stores them. */
export const TextAnchorSchema = v.pipe(
  record({ exact: text(), prefix: text(), suffix: text(), start: offset(), end: offset() }, 'must be an object'),
  v.check((anchor) => anchor.start <= anchor.end, 'must not end before it starts'),
)
export type TextAnchor = v.InferOutput<typeof TextAnchorSchema>

export const STANCES = [-2, -1, 0, 1, 2] as const
export type Stance = (typeof STANCES)[number]

export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  [-2]: 'strongly against',
  [-1]: 'against',
  0: 'neutral',
  1: 'for',
  2: 'strongly for',
}

export const ClaimSchema = record({
  id: id(),
  articleId: id(),
  /** The claimant. */
  actorId: id(),
  issueId: id(),
  stance: v.picklist(STANCES, 'must be a whole number from −2 to +2'),
  /** When the claim was made: defaults to the article's date, editable. 'YYYY-MM-DD' or ''. */
  date: text(),
  addresseeId: v.nullable(v.string('must be text or empty')),
  note: text(),
  anchor: TextAnchorSchema,
  createdAt: text(),
  updatedAt: text(),
})
export type Claim = v.InferOutput<typeof ClaimSchema>

/** An actor tagged in a span of text without a claim. */
export const MentionSchema = record({
  id: id(),
  articleId: id(),
  actorId: id(),
  anchor: TextAnchorSchema,
  createdAt: text(),
  updatedAt: text(),
})
export type Mention = v.InferOutput<typeof MentionSchema>

/** Small persisted preferences (last CSV mapping, last time bucket, ...); see settings.ts for their values. */
export const SettingSchema = record({ key: text(), value: v.optional(v.unknown()) })
export type Setting = v.InferOutput<typeof SettingSchema>

/** The schema of each workspace table's records, by table name. */
export const RECORD_SCHEMAS = {
  articles: ArticleSchema,
  actors: ActorSchema,
  issues: IssueSchema,
  claims: ClaimSchema,
  mentions: MentionSchema,
  settings: SettingSchema,
} as const

export function isStance(value: unknown): value is Stance {
  return v.is(ClaimSchema.entries.stance, value)
}

export function isActorKind(value: unknown): value is ActorKind {
  return v.is(ActorSchema.entries.kind, value)
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
