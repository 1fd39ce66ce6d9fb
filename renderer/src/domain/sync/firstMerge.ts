import { sameState, type RecordState } from './documents'

// The first connection of a workspace that has data to a database that has other data: after
// the member agreed, the two are merged by UUID with the team-coding rules (issue 13):
// - a record only one side has is kept;
// - a deletion on either side stays deleted (the tombstone wins);
// - otherwise the later edit (updatedAt) wins; a tie goes to the server's version, which the
//   other members already have;
// - every record both sides changed differently is reported.

export type FirstMergeDecision =
  /** Both sides say the same: nothing to write. */
  | { keep: 'same' }
  /** Only the workspace has it, or its version wins: it goes to the server. */
  | { keep: 'local'; bothChanged: boolean }
  /** The server's version wins: it comes into the workspace. */
  | { keep: 'remote'; bothChanged: boolean }

function editedAt(state: RecordState): string {
  if (state.kind === 'deleted') return state.tombstone.deletedAt
  const updatedAt = state.record.updatedAt
  return typeof updatedAt === 'string' ? updatedAt : ''
}

export function decideFirstMerge(local: RecordState | null, remote: RecordState | null): FirstMergeDecision {
  if (sameState(local, remote)) return { keep: 'same' }
  if (remote === null) return { keep: 'local', bothChanged: false }
  if (local === null) return { keep: 'remote', bothChanged: false }
  if (local.kind === 'deleted' && remote.kind === 'deleted') return { keep: 'same' }
  // A deletion on one side against a record on the other: the deletion stays.
  if (local.kind === 'deleted') return { keep: 'local', bothChanged: true }
  if (remote.kind === 'deleted') return { keep: 'remote', bothChanged: true }
  return editedAt(local) > editedAt(remote) ? { keep: 'local', bothChanged: true } : { keep: 'remote', bothChanged: true }
}

/** One record both sides changed, for the merge summary. */
export interface MergeReportEntry {
  table: string
  id: string
  /** A name a member recognises: the record's name, label or title, else its id. */
  label: string
  kept: 'this workspace' | 'the server'
  why: 'deleted' | 'newer edit'
}

export function describeRecord(state: RecordState): string {
  if (state.kind === 'deleted') return state.id
  const record = state.record
  for (const field of ['name', 'label', 'title']) {
    const value = record[field]
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 80)
  }
  const anchor = record.anchor as { exact?: unknown } | undefined
  if (anchor && typeof anchor.exact === 'string' && anchor.exact !== '') return `“${anchor.exact.slice(0, 60)}”`
  return state.id
}

export function reportEntry(local: RecordState, remote: RecordState, decision: FirstMergeDecision): MergeReportEntry | null {
  if (decision.keep === 'same' || !decision.bothChanged) return null
  const kept = decision.keep === 'local' ? local : remote
  return {
    table: local.table,
    id: local.id,
    label: describeRecord(local.kind === 'record' ? local : remote),
    kept: decision.keep === 'local' ? 'this workspace' : 'the server',
    why: kept.kind === 'deleted' ? 'deleted' : 'newer edit',
  }
}
