import type { Actor, Id, Issue } from '../model'
import { compareText } from '../text/compare'
import { foldText } from '../text/folding'

// Duplicates that team coding makes: two coders, each blind to the other, create "Hezbollah"
// and "hezbollah" as two actors, or the same issue twice under one parent. Nothing is merged
// silently; each group is proposed, and the analyst merges it or keeps it apart (remembered).
// Actors match on their folded names (case, accents, hyphens and Arabic letter variants do not
// count); issues on their folded labels under the same parent, since the same label may stand
// under two different parents on purpose.

export type ProposalTable = 'actors' | 'issues'

export interface DuplicateProposal {
  table: ProposalTable
  /** The folded name the records share. */
  key: string
  /** Two or more records, oldest first: the first is the suggested survivor. */
  records: (Actor | Issue)[]
}

/** The remembered decision for one pair: "actors:<id>|<id>", ids sorted. */
export function keptApartKey(table: ProposalTable, a: Id, b: Id): string {
  return `${table}:${a < b ? `${a}|${b}` : `${b}|${a}`}`
}

function byAge(a: Actor | Issue, b: Actor | Issue): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function groups<T extends Actor | Issue>(table: ProposalTable, records: readonly T[], keyOf: (record: T) => string, keptApart: ReadonlySet<string>): DuplicateProposal[] {
  const byKey = new Map<string, T[]>()
  for (const record of records) {
    const key = keyOf(record)
    if (key === '') continue
    const list = byKey.get(key)
    if (list) list.push(record)
    else byKey.set(key, [record])
  }
  const proposals: DuplicateProposal[] = []
  for (const [key, list] of byKey) {
    if (list.length < 2) continue
    // A record kept apart from every other in its group leaves the proposal.
    const open = list.filter((record) => list.some((other) => other.id !== record.id && !keptApart.has(keptApartKey(table, record.id, other.id))))
    if (open.length < 2) continue
    proposals.push({ table, key, records: open.sort(byAge) })
  }
  return proposals
}

export function findDuplicates(actors: readonly Actor[], issues: readonly Issue[], keptApart: readonly string[]): DuplicateProposal[] {
  const apart = new Set(keptApart)
  const actorGroups = groups('actors', actors, (actor) => foldText(actor.name), apart)
  const issueGroups = groups('issues', issues, (issue) => {
    const label = foldText(issue.label)
    return label === '' ? '' : `${issue.parentId ?? ''}\u0000${label}`
  }, apart)
  const name = (proposal: DuplicateProposal): string => {
    const first = proposal.records[0]!
    return 'name' in first ? first.name : first.label
  }
  return [...actorGroups, ...issueGroups].sort((a, b) => (a.table === b.table ? compareText(name(a), name(b)) : a.table === 'actors' ? -1 : 1))
}

/** Every pair of the proposal's records, as kept-apart keys. */
export function keptApartKeys(proposal: DuplicateProposal): string[] {
  const keys: string[] = []
  for (let i = 0; i < proposal.records.length; i++) for (let j = i + 1; j < proposal.records.length; j++) keys.push(keptApartKey(proposal.table, proposal.records[i]!.id, proposal.records[j]!.id))
  return keys
}
