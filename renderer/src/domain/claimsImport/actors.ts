import type { Actor } from '../model'
import { foldText } from '../text/folding'

// Actor names in a coded-claims file are compared folded (case, accents, hyphens aside), so
// "AfD" and "AFD", or "Al-Sudani" and "al Sudani", are one actor. That is usually right and
// sometimes not, so the import reports every name it folded together, before anything is
// written, and the analyst can keep a group's spellings apart: each spelling then is its own
// actor (matching a workspace actor only when spelt exactly like it).

/** A name as written, with runs of spaces made one. */
export function spelling(name: string): string {
  return name.replace(/\s+/g, ' ').trim()
}

export interface FoldedSpelling {
  name: string
  /** Rows of the file that use it (as claimant or addressee). */
  rows: number
}

/** Names that fold to one actor. */
export interface FoldedNameGroup {
  /** The folded name: the key of the group (and of the "keep apart" choice). */
  key: string
  /** The file's spellings, most used first. */
  spellings: FoldedSpelling[]
  /** The workspace actor they were matched to, if any. */
  existing: string | null
  /** The name the merged actor goes by: the workspace actor's, else the commonest spelling. */
  into: string
  keptApart: boolean
}

/**
 * Every folded name of the file that more than one spelling shares, or whose one spelling
 * differs from the workspace actor it matches. `names` yields each row's actor and addressee
 * cells.
 */
export function foldedNameGroups(names: Iterable<string>, findExisting: (folded: string) => readonly Actor[], keepApart: ReadonlySet<string>): FoldedNameGroup[] {
  const byKey = new Map<string, Map<string, number>>()
  for (const raw of names) {
    const name = spelling(raw)
    const key = foldText(name)
    if (key === '') continue
    let spellings = byKey.get(key)
    if (!spellings) byKey.set(key, (spellings = new Map<string, number>()))
    spellings.set(name, (spellings.get(name) ?? 0) + 1)
  }
  const groups: FoldedNameGroup[] = []
  for (const [key, counts] of byKey) {
    const spellings = [...counts].map(([name, rows]) => ({ name, rows })).sort((a, b) => b.rows - a.rows || (a.name < b.name ? -1 : 1))
    const existing = findExisting(key)
    const known = existing.length === 1 ? existing[0]! : null
    const knownTerms = known ? [known.name, ...known.aliases].map(spelling) : []
    const differs = known !== null && spellings.some((entry) => !knownTerms.includes(entry.name))
    if (spellings.length < 2 && !differs) continue
    groups.push({ key, spellings, existing: known?.name ?? null, into: known?.name ?? spellings[0]!.name, keptApart: keepApart.has(key) })
  }
  return groups.sort((a, b) => (a.into.toLowerCase() < b.into.toLowerCase() ? -1 : a.into.toLowerCase() > b.into.toLowerCase() ? 1 : 0))
}
