import type { Id, SyncedTable, Tombstone } from '../model'
import { canonicalText } from './canonical'

// How two copies of one record are reconciled when coding from different machines meets
// (Merge coding…, a backup merged into a workspace):
// - a deletion stays a deletion: a record one side deleted (it has a tombstone) is not brought
//   back by the other side's copy;
// - of two different versions, the one with the later updatedAt wins; on equal times the
//   version whose canonical text sorts last wins, so every machine that merges the same two
//   versions keeps the same one, whichever side it is on;
// - the same version on both sides changes nothing, so merging a package twice is a no-op.
//
// Whether BOTH sides changed a record cannot be known for sure without the version they
// started from, which neither side keeps. The rule here errs towards telling: a record counts as
// changed on a side when its version there was edited after it was created (updatedAt later
// than createdAt). Two differing versions that were both edited are reported; a record edited
// on one side only, whose other copy is the untouched original, is not.

/** Milliseconds of an ISO time; -Infinity when missing or unreadable (it then loses to any time). */
export function stampTime(value: unknown): number {
  if (typeof value !== 'string' || value === '') return -Infinity
  const time = Date.parse(value)
  return Number.isNaN(time) ? -Infinity : time
}

interface Stamped {
  updatedAt?: unknown
  createdAt?: unknown
  importedAt?: unknown
}

/** Edited since it was made: updatedAt differs from createdAt (an article's importedAt). Unknown counts as edited. */
export function wasEdited(record: unknown): boolean {
  const { updatedAt, createdAt, importedAt } = record as Stamped
  const made = createdAt ?? importedAt
  if (typeof made !== 'string' || typeof updatedAt !== 'string') return true
  return stampTime(updatedAt) !== stampTime(made)
}

export type Side = 'workspace' | 'incoming'

export type VersionChoice =
  | { identical: true }
  | {
      identical: false
      winner: Side
      /** Why that side won, in words for the merge summary. */
      reason: string
      /** Both versions were edited since the record was made: a case the summary names. */
      bothEdited: boolean
    }

/** Which of two versions of one record to keep. */
export function chooseVersion(workspace: unknown, incoming: unknown): VersionChoice {
  const here = canonicalText(workspace)
  const there = canonicalText(incoming)
  if (here === there) return { identical: true }
  const bothEdited = wasEdited(workspace) && wasEdited(incoming)
  const hereTime = stampTime((workspace as Stamped).updatedAt)
  const thereTime = stampTime((incoming as Stamped).updatedAt)
  if (hereTime !== thereTime) {
    const winner: Side = thereTime > hereTime ? 'incoming' : 'workspace'
    return { identical: false, winner, bothEdited, reason: winner === 'incoming' ? 'the incoming version is newer' : 'this workspace’s version is newer' }
  }
  const winner: Side = there > here ? 'incoming' : 'workspace'
  return {
    identical: false,
    winner,
    bothEdited,
    reason: `both versions have the same update time; the ${winner === 'incoming' ? 'incoming' : 'workspace’s'} version was kept by a fixed rule every machine applies alike`,
  }
}

export type MergeCaseKind =
  /** Both sides edited the record; one version was kept. */
  | 'both-edited'
  /** One side deleted the record, the other edited it: it stays deleted. */
  | 'edited-and-deleted'
  /** The incoming side deleted the record, but records here still use it: it was kept. */
  | 'deletion-refused'
  /** Deleted here, but incoming records use it: it was brought back. */
  | 'restored-for-references'

/** A record the merge summary names, with what was kept and why. */
export interface MergeCase {
  kind: MergeCaseKind
  table: SyncedTable
  id: Id
  /** What the analyst recognises the record by: an actor's name, a claim's quote. */
  label: string
  kept: 'workspace' | 'incoming' | 'deleted'
  workspaceUpdatedAt: string
  incomingUpdatedAt: string
  reason: string
}

/** Keyed by table and id: tombstones of different tables never collide. */
export function tombstoneKey(table: string, id: Id): string {
  return `${table}\u0000${id}`
}

export function tombstoneMap(tombstones: Iterable<Tombstone>): Map<string, Tombstone> {
  const map = new Map<string, Tombstone>()
  for (const tombstone of tombstones) map.set(tombstoneKey(tombstone.table, tombstone.id), tombstone)
  return map
}
