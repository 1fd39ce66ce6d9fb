import type { Actor, Article, Claim, Coder, Id, Issue, Mention, Tombstone } from '../model'
import type { CodingPackage } from './codingPackage'
import { chooseVersion, stampTime, tombstoneKey, type MergeCase } from './mergeRules'

// Merging one coding package into a workspace, as a plan of writes (db/team applies it in one
// transaction). The rules of mergeRules.ts, record by record, plus what keeps the workspace
// whole: an actor, issue or article the package deletes is kept while records here still point
// at it, and one deleted here is brought back when the package's claims need it. Every such
// decision is a case the summary names.

export const MERGED_TABLES = ['coders', 'articles', 'issues', 'actors', 'claims', 'mentions'] as const
export type MergedTable = (typeof MERGED_TABLES)[number]

export interface MergedRecords {
  coders: Coder
  articles: Article
  issues: Issue
  actors: Actor
  claims: Claim
  mentions: Mention
}

type AnyRecord = MergedRecords[MergedTable]

/** A record here that points at an actor, issue or article. */
export interface ReferenceHolder {
  table: 'claims' | 'mentions' | 'issues'
  id: Id
}

/** What the planner needs of the workspace: only records the package names, and what points at what it deletes. */
export interface WorkspaceSlice {
  records: { [T in MergedTable]: ReadonlyMap<Id, MergedRecords[T]> }
  /** Tombstones here, keyed by tombstoneKey. */
  tombstones: ReadonlyMap<string, Tombstone>
  /** For each actor, issue or article the package marks deleted (keyed by tombstoneKey): the records here that point at it. */
  references: ReadonlyMap<string, readonly ReferenceHolder[]>
}

export interface TableCounts {
  /** Records the package had and this workspace did not. */
  added: number
  /** Records both had in different versions, where the package's won. */
  updated: number
  /** Records both had in different versions, where this workspace's won. */
  kept: number
  identical: number
  /** Records here that the package's coder deleted: deleted here too. */
  deleted: number
  /** Records in the package that were deleted here: they stay deleted. */
  stayedDeleted: number
}

export interface PackageMergePlan {
  puts: { [T in MergedTable]: MergedRecords[T][] }
  deletes: { [T in MergedTable]: Id[] }
  tombstonePuts: Tombstone[]
  /** Tombstones here of records brought back for the package's claims. */
  tombstoneDeletes: Tombstone[]
  counts: Record<MergedTable, TableCounts>
  cases: MergeCase[]
}

const emptyCounts = (): TableCounts => ({ added: 0, updated: 0, kept: 0, identical: 0, deleted: 0, stayedDeleted: 0 })

/** What the analyst recognises a record by, for the summary. */
export function recordLabel(table: string, record: unknown): string {
  const r = record as Partial<Actor & Article & Issue & Claim & Coder>
  switch (table) {
    case 'actors':
    case 'coders':
      return r.name ?? ''
    case 'issues':
      return r.label ?? ''
    case 'articles':
      return r.title || 'Untitled article'
    case 'claims':
    case 'mentions': {
      const quote = r.anchor?.exact ?? ''
      return quote.length > 80 ? `“${quote.slice(0, 79)}…”` : `“${quote}”`
    }
    default:
      return ''
  }
}

function updatedAtOf(record: unknown): string {
  const value = (record as { updatedAt?: unknown } | undefined)?.updatedAt
  return typeof value === 'string' ? value : ''
}

type Decision = { kind: 'put'; record: AnyRecord; restore?: Tombstone } | { kind: 'delete'; tombstone: Tombstone } | { kind: 'stays-deleted'; record: AnyRecord; tombstone: Tombstone }

/** The ids a record points at, by table. */
function referencesOf(table: MergedTable, record: AnyRecord): { table: 'actors' | 'issues' | 'articles'; id: Id }[] {
  if (table === 'claims') {
    const claim = record as Claim
    return [
      { table: 'articles', id: claim.articleId },
      { table: 'actors', id: claim.actorId },
      ...(claim.addresseeId === null ? [] : [{ table: 'actors' as const, id: claim.addresseeId }]),
      ...claim.issueIds.map((id) => ({ table: 'issues' as const, id })),
    ]
  }
  if (table === 'mentions') {
    const mention = record as Mention
    return [
      { table: 'articles', id: mention.articleId },
      { table: 'actors', id: mention.actorId },
    ]
  }
  if (table === 'issues') {
    const issue = record as Issue
    return issue.parentId === null ? [] : [{ table: 'issues', id: issue.parentId }]
  }
  return []
}

export function planPackageMerge(pkg: CodingPackage, here: WorkspaceSlice): PackageMergePlan {
  const decisions = new Map<string, { table: MergedTable; id: Id; decision: Decision }>()
  const counts = Object.fromEntries(MERGED_TABLES.map((table) => [table, emptyCounts()])) as Record<MergedTable, TableCounts>
  const cases: MergeCase[] = []
  const tombstonePuts: Tombstone[] = []
  const packageRecord = new Map<string, AnyRecord>()

  for (const table of MERGED_TABLES) {
    for (const incoming of pkg[table] as AnyRecord[]) {
      const key = tombstoneKey(table, incoming.id)
      packageRecord.set(key, incoming)
      const tombstone = here.tombstones.get(key)
      if (tombstone) {
        decisions.set(key, { table, id: incoming.id, decision: { kind: 'stays-deleted', record: incoming, tombstone } })
        continue
      }
      const current: AnyRecord | undefined = here.records[table].get(incoming.id)
      if (!current) {
        decisions.set(key, { table, id: incoming.id, decision: { kind: 'put', record: incoming } })
        counts[table].added++
        continue
      }
      const choice = chooseVersion(current, incoming)
      if (choice.identical) {
        counts[table].identical++
        continue
      }
      if (choice.winner === 'incoming') {
        decisions.set(key, { table, id: incoming.id, decision: { kind: 'put', record: incoming } })
        counts[table].updated++
      } else counts[table].kept++
      if (choice.bothEdited) {
        cases.push({
          kind: 'both-edited',
          table,
          id: incoming.id,
          label: recordLabel(table, choice.winner === 'incoming' ? incoming : current),
          kept: choice.winner,
          workspaceUpdatedAt: updatedAtOf(current),
          incomingUpdatedAt: updatedAtOf(incoming),
          reason: choice.reason,
        })
      }
    }
  }

  for (const tombstone of pkg.tombstones) {
    if (!(MERGED_TABLES as readonly string[]).includes(tombstone.table)) continue
    const table = tombstone.table as MergedTable
    const key = tombstoneKey(table, tombstone.id)
    if (here.tombstones.has(key)) continue
    const current: AnyRecord | undefined = here.records[table].get(tombstone.id)
    if (!current) {
      // Never seen here: the tombstone still travels, so a later copy does not bring it in.
      tombstonePuts.push(tombstone)
      continue
    }
    decisions.set(key, { table, id: tombstone.id, decision: { kind: 'delete', tombstone } })
  }

  // The final version of a record after the plan: undefined when deleted or absent.
  const finalRecord = (table: MergedTable, id: Id): AnyRecord | undefined => {
    const entry = decisions.get(tombstoneKey(table, id))
    if (!entry) return here.records[table].get(id)
    return entry.decision.kind === 'put' ? entry.decision.record : undefined
  }

  // Deleted here, but the package's surviving records point at it: bring it back (repeat: a
  // restored issue may need its parent).
  for (let changed = true; changed; ) {
    changed = false
    for (const { table, decision } of [...decisions.values()]) {
      if (decision.kind !== 'put') continue
      for (const target of referencesOf(table, decision.record)) {
        const key = tombstoneKey(target.table, target.id)
        const entry = decisions.get(key)
        if (entry?.decision.kind !== 'stays-deleted') continue
        entry.decision = { kind: 'put', record: entry.decision.record, restore: entry.decision.tombstone }
        changed = true
      }
    }
  }

  // Deleted in the package, but records here still point at it: keep it.
  for (const [key, { table, id, decision }] of decisions) {
    if (decision.kind !== 'delete' || table === 'claims' || table === 'mentions' || table === 'coders') continue
    const holders = (here.references.get(key) ?? []).filter((holder) => {
      // A holder the package leaves alone keeps pointing here; one it changes is judged by its new version.
      if (!decisions.has(tombstoneKey(holder.table, holder.id))) return true
      const record = finalRecord(holder.table, holder.id)
      return record !== undefined && referencesOf(holder.table, record).some((target) => target.table === table && target.id === id)
    })
    const fromPackage = [...decisions.values()].filter(
      (entry) => entry.decision.kind === 'put' && referencesOf(entry.table, entry.decision.record).some((target) => target.table === table && target.id === id),
    )
    const users = holders.length + fromPackage.filter((entry) => !holders.some((holder) => holder.table === entry.table && holder.id === entry.id)).length
    if (users === 0) continue
    decisions.delete(key)
    const current = here.records[table].get(id) as AnyRecord
    cases.push({
      kind: 'deletion-refused',
      table,
      id,
      label: recordLabel(table, current),
      kept: 'workspace',
      workspaceUpdatedAt: updatedAtOf(current),
      incomingUpdatedAt: decision.tombstone.deletedAt,
      reason: `deleted by the package’s coder, but ${users} record${users === 1 ? '' : 's'} here still use${users === 1 ? 's' : ''} it, so it was kept`,
    })
  }

  const puts = Object.fromEntries(MERGED_TABLES.map((table) => [table, []])) as unknown as PackageMergePlan['puts']
  const deletes = Object.fromEntries(MERGED_TABLES.map((table) => [table, []])) as unknown as PackageMergePlan['deletes']
  const tombstoneDeletes: Tombstone[] = []
  for (const { table, id, decision } of decisions.values()) {
    if (decision.kind === 'put') {
      ;(puts[table] as AnyRecord[]).push(decision.record)
      if (decision.restore) {
        tombstoneDeletes.push(decision.restore)
        counts[table].added++
        cases.push({
          kind: 'restored-for-references',
          table,
          id,
          label: recordLabel(table, decision.record),
          kept: 'incoming',
          workspaceUpdatedAt: decision.restore.deletedAt,
          incomingUpdatedAt: updatedAtOf(decision.record),
          reason: 'deleted here, but the package’s claims or mentions use it, so it was brought back',
        })
      }
    } else if (decision.kind === 'delete') {
      deletes[table].push(id)
      tombstonePuts.push(decision.tombstone)
      counts[table].deleted++
      const current = here.records[table].get(id) as AnyRecord
      if (stampTime(updatedAtOf(current)) > stampTime(decision.tombstone.deletedAt)) {
        cases.push({
          kind: 'edited-and-deleted',
          table,
          id,
          label: recordLabel(table, current),
          kept: 'deleted',
          workspaceUpdatedAt: updatedAtOf(current),
          incomingUpdatedAt: decision.tombstone.deletedAt,
          reason: 'edited here after the package’s coder deleted it; a deletion stays a deletion',
        })
      }
    } else {
      counts[table].stayedDeleted++
      if (stampTime(updatedAtOf(decision.record)) > stampTime(decision.tombstone.deletedAt)) {
        cases.push({
          kind: 'edited-and-deleted',
          table,
          id,
          label: recordLabel(table, decision.record),
          kept: 'deleted',
          workspaceUpdatedAt: decision.tombstone.deletedAt,
          incomingUpdatedAt: updatedAtOf(decision.record),
          reason: 'edited in the package after it was deleted here; a deletion stays a deletion',
        })
      }
    }
  }
  return { puts, deletes, tombstonePuts, tombstoneDeletes, counts, cases }
}

/** Whether the plan writes anything at all. */
export function planChangesNothing(plan: PackageMergePlan): boolean {
  return (
    plan.tombstonePuts.length === 0 &&
    plan.tombstoneDeletes.length === 0 &&
    MERGED_TABLES.every((table) => plan.puts[table].length === 0 && plan.deletes[table].length === 0)
  )
}
