import type { Actor, Article, Claim, Coder, Id, Issue, Mention } from '../../model'

// What an import from another tool (a DNA project, a REFI-QDA project) will write, worked out
// before anything is written: the new records, and what became of every item of the file
// (a DNA statement, a REFI-QDA selection). The db layer writes a plan in one transaction.

/** The part of the workspace an import compares its file with. */
export interface ExistingWorkspace {
  /** Articles that may be the file's documents: same external ID, content hash or id. */
  articles: Article[]
  /** Claims that may be the file's items: same external ID or id. */
  claims: Pick<Claim, 'id' | 'articleId' | 'externalId'>[]
  /** Mentions on the articles above. */
  mentions: Pick<Mention, 'id' | 'articleId' | 'actorId' | 'anchor'>[]
  actors: Actor[]
  issues: Issue[]
  coders: Coder[]
}

/** What the db layer must look up to fill an ExistingWorkspace for one file. */
export interface ExistingQuery {
  articleExternalIds: string[]
  contentHashes: string[]
  /** Record ids the file proposes to reuse (REFI-QDA GUIDs). */
  articleIds: Id[]
  claimExternalIds: string[]
  claimIds: Id[]
  mentionIds: Id[]
}

export const EMPTY_EXISTING: ExistingWorkspace = { articles: [], claims: [], mentions: [], actors: [], issues: [], coders: [] }

export type ItemStatus = 'imported' | 'duplicate' | 'skipped' | 'rejected'

/** One item of the file (a statement, a selection) and what became of it. */
export interface ItemOutcome {
  /** The item's id in the file: a DNA statement ID, a REFI-QDA selection GUID. */
  item: string
  /** The document it is in, as the file names it ('' when none). */
  document: string
  status: ItemStatus
  /** Why it was skipped or rejected, or a remark on an imported item; '' when none. */
  detail: string
  /** The claim it became or duplicates ('' when none). */
  claimId: Id
}

export interface InteropCounts {
  /** Items in the file (statements, coded selections). */
  items: number
  imported: number
  duplicates: number
  skipped: number
  rejected: number
  mentionsCreated: number
  mentionsMatched: number
  articlesCreated: number
  articlesMatched: number
  actorsCreated: number
  actorsMatched: number
  issuesCreated: number
  issuesMatched: number
  codersCreated: number
  codersMatched: number
}

export interface InteropPlan {
  /** New records only; matched ones are referred to by id. Issues parents first. */
  coders: Coder[]
  actors: Actor[]
  issues: Issue[]
  articles: Article[]
  claims: Claim[]
  mentions: Mention[]
  outcomes: ItemOutcome[]
  counts: InteropCounts
  /** Remarks on the file as a whole (what was read with a decision, what was left out). */
  notes: string[]
}

export function emptyCounts(): InteropCounts {
  return {
    items: 0,
    imported: 0,
    duplicates: 0,
    skipped: 0,
    rejected: 0,
    mentionsCreated: 0,
    mentionsMatched: 0,
    articlesCreated: 0,
    articlesMatched: 0,
    actorsCreated: 0,
    actorsMatched: 0,
    issuesCreated: 0,
    issuesMatched: 0,
    codersCreated: 0,
    codersMatched: 0,
  }
}

/** Counts the outcomes into the plan's counts. */
export function countOutcomes(counts: InteropCounts, outcomes: readonly ItemOutcome[]): void {
  counts.items = outcomes.length
  for (const outcome of outcomes) {
    if (outcome.status === 'imported') counts.imported++
    else if (outcome.status === 'duplicate') counts.duplicates++
    else if (outcome.status === 'skipped') counts.skipped++
    else counts.rejected++
  }
}

/** The plan's outcome table as CSV rows (item, document, status, detail, claim_id). */
export const OUTCOME_COLUMNS = ['item', 'document', 'status', 'detail', 'claim_id'] as const

export function outcomeRows(outcomes: readonly ItemOutcome[]): string[][] {
  return outcomes.map((outcome) => [outcome.item, outcome.document, outcome.status, outcome.detail, outcome.claimId])
}

/** Reasons alike but for their numbers and names, counted together; `example` is the first one met. */
export interface ReasonGroup {
  example: string
  count: number
  /** The group's reasons differ (in their numbers or names): `example` is one of several. */
  varied: boolean
}

export function groupReasons(reasons: Iterable<string>, shapeOf: (reason: string) => string = reasonShape): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>()
  for (const reason of reasons) {
    const shape = shapeOf(reason)
    const group = groups.get(shape)
    if (!group) groups.set(shape, { example: reason, count: 1, varied: false })
    else {
      group.count++
      if (reason !== group.example) group.varied = true
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count)
}

function reasonShape(reason: string): string {
  return reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'n')
}
