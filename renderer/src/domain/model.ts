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
  /** Columns an import kept that have no field of their own: the document's attributes. */
  meta: v.record(v.string(), v.string('must be an object of text values'), 'must be an object of text values'),
  updatedAt: text(),
  /** The document's id in the tool or file it came from ('' when none). */
  externalId: text(),
})
export type Article = v.InferOutput<typeof ArticleSchema>

/** The kinds a new workspace offers; the analyst's list (settings `actorKinds`) can add others. */
export const DEFAULT_ACTOR_KINDS = ['person', 'organization', 'state', 'armed group', 'party', 'media', 'other'] as const
/** Free text from the workspace's editable list of kinds (see domain/actorKinds.ts). */
export type ActorKind = string

/** Named attributes with one or more values each: party, country, coalition, … */
const attributes = () =>
  v.record(
    v.string(),
    v.array(v.string('must be an object of lists of text'), 'must be an object of lists of text'),
    'must be an object of lists of text',
  )
export type Attributes = Record<string, string[]>

export const ActorSchema = record({
  id: id(),
  name: text(),
  kind: text(),
  aliases: v.array(v.string('must be a list of text'), 'must be a list of text'),
  notes: text(),
  createdAt: text(),
  updatedAt: text(),
  /** Keys keep the analyst's case; two keys that differ only in case are the same attribute. */
  attributes: attributes(),
  /** The coder who last edited the actor; '' when unknown (created before coders existed). */
  updatedBy: text(),
})
export type Actor = v.InferOutput<typeof ActorSchema>

/** A codebook entry: the question a stance is taken on. */
export const IssueSchema = record({
  id: id(),
  label: text(),
  description: text(),
  /** The parent in the codebook tree (never a cycle); null at the top level. */
  parentId: v.nullable(v.string('must be text or empty')),
  createdAt: text(),
  updatedAt: text(),
  /** The codebook's code ("1.2", "MIG-CEIL"); '' when none. Unique among non-empty codes (trimmed, any case). */
  code: text(),
  updatedBy: text(),
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
  /** The issues the claim is coded on: at least one, no repeats, in the order they were coded. */
  issueIds: v.pipe(
    v.array(v.string('must be a list of issue ids'), 'must be a list of issue ids'),
    v.minLength(1, 'must name at least one issue'),
    v.check((ids) => new Set(ids).size === ids.length, 'must not name an issue twice'),
  ),
  stance: v.picklist(STANCES, 'must be a whole number from −2 to +2'),
  /** When the claim was made: defaults to the article's date, editable. 'YYYY-MM-DD' or ''. */
  date: text(),
  addresseeId: v.nullable(v.string('must be text or empty')),
  note: text(),
  anchor: TextAnchorSchema,
  createdAt: text(),
  updatedAt: text(),
  /** The coder who coded the claim. */
  coderId: text(),
  /** The coder who last edited it. */
  updatedBy: text(),
  /** The claim's id in the file or tool it came from ('' when none). */
  externalId: text(),
  attributes: attributes(),
  /** Empty normally; an adjudicated claim lists the claims it was decided from. */
  adjudicatedFrom: v.array(v.string('must be a list of claim ids'), 'must be a list of claim ids'),
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
  coderId: text(),
  updatedBy: text(),
})
export type Mention = v.InferOutput<typeof MentionSchema>

export const CODER_ROLES = ['lead', 'coder'] as const
export type CoderRole = (typeof CODER_ROLES)[number]

/** Someone who codes in this workspace. A lead sees every coder's work and makes assignments. */
export const CoderSchema = record({
  id: id(),
  name: text(),
  color: v.pipe(text(), v.regex(/^#[0-9a-f]{6}$/i, 'must be a colour written #rrggbb')),
  role: v.picklist(CODER_ROLES, 'must be "lead" or "coder"'),
  createdAt: text(),
  updatedAt: text(),
})
export type Coder = v.InferOutput<typeof CoderSchema>

const idList = (what: string) => v.array(v.string(`must be a list of ${what} ids`), `must be a list of ${what} ids`)

/** Articles that several coders code independently; blind: none sees the others' coding there. */
export const AssignmentSchema = record({
  id: id(),
  name: text(),
  articleIds: idList('article'),
  coderIds: idList('coder'),
  blind: v.boolean('must be true or false'),
  createdBy: text(),
  createdAt: text(),
  updatedAt: text(),
  updatedBy: text(),
})
export type Assignment = v.InferOutput<typeof AssignmentSchema>

/** The tables whose records are shared between coders (merged, synced) and so leave tombstones. */
export const SYNCED_TABLES = ['articles', 'actors', 'issues', 'claims', 'mentions', 'coders', 'assignments'] as const
export type SyncedTable = (typeof SYNCED_TABLES)[number]

/** That a record was deleted, so a merge or a sync does not bring it back from the other side. */
export const TombstoneSchema = record({
  /** The deleted record's id. */
  id: id(),
  table: v.picklist(SYNCED_TABLES, (issue) => `${shown(issue.input)} is not a table that keeps deletions`),
  deletedAt: text(),
  /** The coder who deleted it; '' when unknown. */
  deletedBy: text(),
})
export type Tombstone = v.InferOutput<typeof TombstoneSchema>

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
  coders: CoderSchema,
  assignments: AssignmentSchema,
  tombstones: TombstoneSchema,
  settings: SettingSchema,
} as const

export function isStance(value: unknown): value is Stance {
  return v.is(ClaimSchema.entries.stance, value)
}

/** A usable actor kind: any text that is not blank. */
export function isActorKind(value: unknown): value is ActorKind {
  return typeof value === 'string' && value.trim() !== ''
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
