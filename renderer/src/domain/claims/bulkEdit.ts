import type { Claim, Id, Stance } from '../model'
import { plural } from '../text/plural'

// Bulk edit of the claims selected in the claims table: one issue replaced, added or removed,
// and the stance, claimant and date set, on every selected claim at once. Planned here (pure),
// written by db/ in one transaction, undone as one step.

export type IssueEditMode = 'replace' | 'add' | 'remove'

export interface BulkEdit {
  issue?: { mode: IssueEditMode; issueId: Id }
  stance?: Stance
  actorId?: Id
  /** 'YYYY-MM-DD', or '' to clear the claim's own date (it then takes its article's). */
  date?: string
}

export interface BulkEditPlan {
  /** The claims that change, as they will be stored. */
  updated: Claim[]
  /** Selected claims this edit leaves as they were. */
  unchanged: number
  /** Claims that would have lost their only issue: their issues stay. */
  keptOnlyIssue: number
  /** What changed, one line per field, for the summary the analyst sees. */
  summary: string[]
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Why the edit cannot be made ('' when it can). */
export function bulkEditProblem(edit: BulkEdit): string {
  if (edit.issue === undefined && edit.stance === undefined && edit.actorId === undefined && edit.date === undefined) return 'Choose at least one thing to change.'
  if (edit.date !== undefined && edit.date !== '') {
    if (!DATE.test(edit.date) || Number.isNaN(Date.parse(`${edit.date}T00:00:00Z`)) || new Date(`${edit.date}T00:00:00Z`).toISOString().slice(0, 10) !== edit.date) {
      return 'The date must be a real day written YYYY-MM-DD.'
    }
  }
  return ''
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index])
}

/** Names for the summary: the issue's path, the actor's name. */
export interface BulkEditNames {
  issue: (id: Id) => string
  actor: (id: Id) => string
}

/**
 * What the edit does to these claims. A claim that would be left without an issue keeps its
 * issues (and takes the other changes); a claim the edit would not change is left alone, so
 * its updatedAt and updatedBy still say who last really edited it.
 */
export function planBulkEdit(claims: readonly Claim[], edit: BulkEdit, stamp: { now: string; coderId: Id }, names: BulkEditNames): BulkEditPlan {
  const problem = bulkEditProblem(edit)
  if (problem) throw new Error(problem)
  const updated: Claim[] = []
  let keptOnlyIssue = 0
  let issueChanged = 0
  let issueAlready = 0
  let stanceChanged = 0
  let actorChanged = 0
  let dateChanged = 0
  for (const claim of claims) {
    let issueIds = claim.issueIds
    if (edit.issue) {
      const { mode, issueId } = edit.issue
      if (mode === 'replace') issueIds = [issueId]
      else if (mode === 'add') issueIds = claim.issueIds.includes(issueId) ? claim.issueIds : [...claim.issueIds, issueId]
      else {
        const rest = claim.issueIds.filter((id) => id !== issueId)
        if (rest.length === 0) keptOnlyIssue++
        else issueIds = rest
      }
      if (!sameList(issueIds, claim.issueIds)) issueChanged++
      else {
        issueIds = claim.issueIds
        if (mode !== 'remove' || !claim.issueIds.includes(issueId)) issueAlready++
      }
    }
    const stance = edit.stance ?? claim.stance
    const actorId = edit.actorId ?? claim.actorId
    const date = edit.date ?? claim.date
    if (stance !== claim.stance) stanceChanged++
    if (actorId !== claim.actorId) actorChanged++
    if (date !== claim.date) dateChanged++
    if (issueIds === claim.issueIds && stance === claim.stance && actorId === claim.actorId && date === claim.date) continue
    updated.push({ ...claim, issueIds: [...issueIds], stance, actorId, date, updatedAt: stamp.now, updatedBy: stamp.coderId })
  }
  const summary: string[] = []
  if (edit.issue) {
    const label = `“${names.issue(edit.issue.issueId)}”`
    const already = issueAlready > 0 ? ` (${plural(issueAlready, 'claim')} already ${edit.issue.mode === 'remove' ? 'without it' : edit.issue.mode === 'add' ? 'had it' : 'had only it'})` : ''
    if (edit.issue.mode === 'replace') summary.push(`Issues replaced by ${label} on ${plural(issueChanged, 'claim')}${already}.`)
    else if (edit.issue.mode === 'add') summary.push(`Issue ${label} added to ${plural(issueChanged, 'claim')}${already}.`)
    else {
      summary.push(`Issue ${label} removed from ${plural(issueChanged, 'claim')}${already}.`)
      if (keptOnlyIssue > 0) summary.push(`${plural(keptOnlyIssue, 'claim')} kept it: a claim needs at least one issue.`)
    }
  }
  if (edit.stance !== undefined) summary.push(`Stance set to ${edit.stance > 0 ? '+' : ''}${edit.stance} on ${plural(stanceChanged, 'claim')}.`)
  if (edit.actorId !== undefined) summary.push(`Actor set to “${names.actor(edit.actorId)}” on ${plural(actorChanged, 'claim')}.`)
  if (edit.date !== undefined) summary.push(edit.date === '' ? `Own date cleared on ${plural(dateChanged, 'claim')}.` : `Date set to ${edit.date} on ${plural(dateChanged, 'claim')}.`)
  return { updated, unchanged: claims.length - updated.length, keptOnlyIssue, summary }
}
