import * as v from 'valibot'
import { ActorSchema, ArticleSchema, ClaimSchema, CoderSchema, IssueSchema, MentionSchema, TombstoneSchema, type Actor, type Article, type Claim, type Coder, type Id, type Issue, type Mention, type Tombstone } from '../model'
import { describeIssue } from '../validation'
import { errorText } from '../errorText'

// A coding package: what one coder hands the others when there is no server (Export my coding…,
// Merge coding…). One JSON file: a header, then the coder's claims and mentions, every actor,
// issue and article they point at (so the package merges into a workspace that lacks them), the
// actors and issues the coder last edited, the coder records they name, and the tombstones of
// what the coder deleted. Everything by UUID, so nothing is matched by name.

export const CODING_PACKAGE_FORMAT = 'standpoint-coding'
/** The layout of the file. A reader refuses a package with a later format: it cannot know what it would drop. */
export const CODING_PACKAGE_VERSION = 1
export const CODING_PACKAGE_EXTENSION = 'json'

export interface CodingPackageHeader {
  format: typeof CODING_PACKAGE_FORMAT
  formatVersion: number
  /** Identifies this export: merging it again is recognised (and changes nothing). */
  packageId: Id
  /** The Standpoint release that wrote it, and its workspace schema. */
  app: string
  schemaVersion: number
  createdAt: string
  /** The coder whose work this is. */
  coderId: Id
}

export interface CodingPackageRecords {
  coders: Coder[]
  articles: Article[]
  actors: Actor[]
  issues: Issue[]
  claims: Claim[]
  mentions: Mention[]
  tombstones: Tombstone[]
}

export type CodingPackage = CodingPackageHeader & CodingPackageRecords

export const PACKAGE_TABLES = ['coders', 'articles', 'actors', 'issues', 'claims', 'mentions', 'tombstones'] as const

/** Thrown for a file that must not be merged; the message says why, for the analyst. */
export class CodingPackageError extends Error {
  override name = 'CodingPackageError'
}

const whole = () => v.pipe(v.number('must be a whole number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'))

const HeaderSchema = v.object({
  format: v.literal(CODING_PACKAGE_FORMAT),
  formatVersion: whole(),
  packageId: v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty')),
  app: v.string('must be text'),
  schemaVersion: whole(),
  createdAt: v.string('must be text'),
  coderId: v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty')),
})

const list = <S extends v.GenericSchema>(schema: S, what: string) => v.array(schema, `${what} must be a list`)

const RecordsSchema = v.object({
  coders: list(CoderSchema, 'coders'),
  articles: list(ArticleSchema, 'articles'),
  actors: list(ActorSchema, 'actors'),
  issues: list(IssueSchema, 'issues'),
  claims: list(ClaimSchema, 'claims'),
  mentions: list(MentionSchema, 'mentions'),
  tombstones: list(TombstoneSchema, 'tombstones'),
})

export interface PackageReader {
  /** This release's version, for the message that refuses a newer package. */
  appVersion: string
  /** The workspace schema this release knows (db/schema.ts). */
  schemaVersion: number
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** "claims[3] stance must be …": the table and the entry, then the field. */
function describeRecordIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? []
  const table = path[0]?.key
  const index = path[1]?.key
  const rest = describeIssue({ ...issue, path: path.slice(2) as typeof issue.path })
  if (typeof table === 'string' && typeof index === 'number') return `${table}[${index}] ${rest}`
  if (typeof table === 'string') return `${table}: ${rest}`
  return rest
}

/**
 * Reads a package file's text, refusing with a CodingPackageError that says what is wrong: not
 * JSON, not a coding package, from a newer Standpoint, a record that breaks its schema, a
 * reference to a record the package does not hold, an id given twice.
 */
export function parseCodingPackage(text: string, reader: PackageReader): CodingPackage {
  let raw: unknown
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw new CodingPackageError(`it is not readable JSON (${errorText(error)}), so it is not a Standpoint coding package`)
  }
  if (!isObject(raw) || raw.format !== CODING_PACKAGE_FORMAT) {
    const what = isObject(raw) && raw.format === 'standpoint-backup' ? 'it is a workspace backup: restore or merge it with Backup & restore…' : 'it is not a Standpoint coding package (no "format": "standpoint-coding")'
    throw new CodingPackageError(what)
  }
  const header = v.safeParse(HeaderSchema, raw, { abortEarly: true })
  if (!header.success) throw new CodingPackageError(`its header is damaged: ${describeIssue(header.issues[0])}`)
  const { formatVersion, schemaVersion, app } = header.output
  if (formatVersion > CODING_PACKAGE_VERSION || schemaVersion > reader.schemaVersion) {
    throw new CodingPackageError(
      `it was written by a newer Standpoint (${app || 'unknown version'}: package format ${formatVersion}, workspace schema v${schemaVersion}); ` +
        `this Standpoint (${reader.appVersion}) reads package format ${CODING_PACKAGE_VERSION} and schema v${reader.schemaVersion} at most. Update Standpoint, then merge it again.`,
    )
  }
  const records = v.safeParse(RecordsSchema, raw, { abortEarly: true })
  if (!records.success) throw new CodingPackageError(`a record is damaged: ${describeRecordIssue(records.issues[0])}`)
  const parsed: CodingPackage = { ...header.output, format: CODING_PACKAGE_FORMAT, ...records.output }
  const problem = referenceProblem(parsed)
  if (problem) throw new CodingPackageError(problem)
  return parsed
}

/** The first record that points at something the package lacks, or an id given twice; null when whole. */
export function referenceProblem(pkg: CodingPackage): string | null {
  const ids = {} as Record<(typeof PACKAGE_TABLES)[number], Set<Id>>
  for (const table of PACKAGE_TABLES) {
    const seen = new Set<Id>()
    for (const record of pkg[table]) {
      const key = table === 'tombstones' ? `${(record as Tombstone).table}:${record.id}` : record.id
      if (seen.has(key)) return `${table} holds the id ${record.id} twice`
      seen.add(key)
    }
    ids[table] = new Set(pkg[table].map((record) => record.id))
  }
  if (!ids.coders.has(pkg.coderId)) return `the coder ${pkg.coderId} who exported it is not among its coders`
  for (const tombstone of pkg.tombstones) {
    const table = tombstone.table as (typeof PACKAGE_TABLES)[number]
    if (table in ids && table !== 'tombstones' && ids[table].has(tombstone.id)) return `${tombstone.table} ${tombstone.id} is both in the package and marked deleted`
  }
  const lacking = (what: string, id: Id, target: Set<Id>): string | null => (target.has(id) ? null : `${what} ${id}, which the package does not hold`)
  for (const claim of pkg.claims) {
    const problem =
      lacking('is on article', claim.articleId, ids.articles) ??
      lacking('names the actor', claim.actorId, ids.actors) ??
      (claim.addresseeId === null ? null : lacking('names the addressee', claim.addresseeId, ids.actors)) ??
      claim.issueIds.map((issueId) => lacking('names the issue', issueId, ids.issues)).find((entry) => entry !== null) ??
      lacking('was coded by', claim.coderId, ids.coders)
    if (problem) return `claim ${claim.id} ${problem}`
  }
  for (const mention of pkg.mentions) {
    const problem = lacking('is on article', mention.articleId, ids.articles) ?? lacking('names the actor', mention.actorId, ids.actors) ?? lacking('was coded by', mention.coderId, ids.coders)
    if (problem) return `mention ${mention.id} ${problem}`
  }
  for (const issue of pkg.issues) {
    if (issue.parentId !== null && !ids.issues.has(issue.parentId)) return `issue ${issue.id} has the parent issue ${issue.parentId}, which the package does not hold`
  }
  return null
}

/** What a package is built from: the workspace's records (db/ reads them). */
export interface PackageSource {
  coders: readonly Coder[]
  articles: readonly Article[]
  actors: readonly Actor[]
  issues: readonly Issue[]
  /** The coder's claims and mentions (db/ reads them by coderId). */
  claims: readonly Claim[]
  mentions: readonly Mention[]
  /** Deletions the coder made. */
  tombstones: readonly Tombstone[]
}

export interface PackageMeta {
  packageId: Id
  app: string
  schemaVersion: number
  createdAt: string
}

/**
 * The package of one coder's work. Actors and issues: those the claims and mentions point at
 * (with each issue's ancestors, so the codebook tree arrives whole) and those the coder last
 * edited (the ones they created, unless someone edited them since). Articles: those the claims
 * and mentions are on. Coders: the exporter and everyone the records name.
 */
export function buildCodingPackage(coderId: Id, source: PackageSource, meta: PackageMeta): CodingPackage {
  const claims = source.claims.filter((claim) => claim.coderId === coderId)
  const mentions = source.mentions.filter((mention) => mention.coderId === coderId)
  const actorIds = new Set<Id>()
  const issueIds = new Set<Id>()
  const articleIds = new Set<Id>()
  for (const claim of claims) {
    articleIds.add(claim.articleId)
    actorIds.add(claim.actorId)
    if (claim.addresseeId !== null) actorIds.add(claim.addresseeId)
    for (const issueId of claim.issueIds) issueIds.add(issueId)
  }
  for (const mention of mentions) {
    articleIds.add(mention.articleId)
    actorIds.add(mention.actorId)
  }
  for (const actor of source.actors) if (actor.updatedBy === coderId) actorIds.add(actor.id)
  for (const issue of source.issues) if (issue.updatedBy === coderId) issueIds.add(issue.id)
  const issuesById = new Map(source.issues.map((issue) => [issue.id, issue]))
  for (const id of [...issueIds]) {
    let parent = issuesById.get(id)?.parentId ?? null
    const seen = new Set<Id>([id])
    while (parent !== null && !seen.has(parent) && issuesById.has(parent)) {
      seen.add(parent)
      issueIds.add(parent)
      parent = issuesById.get(parent)!.parentId
    }
  }
  const actors = source.actors.filter((actor) => actorIds.has(actor.id))
  const issues = source.issues.filter((issue) => issueIds.has(issue.id))
  const articles = source.articles.filter((article) => articleIds.has(article.id))
  const tombstones = source.tombstones.filter((tombstone) => tombstone.deletedBy === coderId)
  const coderIds = new Set<Id>([coderId])
  for (const record of [...claims, ...mentions]) {
    coderIds.add(record.coderId)
    if (record.updatedBy !== '') coderIds.add(record.updatedBy)
  }
  for (const record of [...actors, ...issues]) if (record.updatedBy !== '') coderIds.add(record.updatedBy)
  const coders = source.coders.filter((coder) => coderIds.has(coder.id))
  // An issue whose parent is missing from the workspace keeps its place as a top-level issue here.
  const held = new Set(issues.map((issue) => issue.id))
  const wholeIssues = issues.map((issue) => (issue.parentId !== null && !held.has(issue.parentId) ? { ...issue, parentId: null } : issue))
  return {
    format: CODING_PACKAGE_FORMAT,
    formatVersion: CODING_PACKAGE_VERSION,
    packageId: meta.packageId,
    app: meta.app,
    schemaVersion: meta.schemaVersion,
    createdAt: meta.createdAt,
    coderId,
    coders: [...coders],
    articles: [...articles],
    actors: [...actors],
    issues: wholeIssues,
    claims: [...claims],
    mentions: [...mentions],
    tombstones: [...tombstones],
  }
}

/** The package as the file's text: indented lightly so a person can read what it holds. */
export function codingPackageText(pkg: CodingPackage): string {
  return `${JSON.stringify(pkg, null, 1)}\n`
}

/** "standpoint-coding-ali-2025-01-20.json" */
export function codingPackageFileName(coderName: string, now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  const slug =
    coderName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'coder'
  return `standpoint-coding-${slug}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${CODING_PACKAGE_EXTENSION}`
}
