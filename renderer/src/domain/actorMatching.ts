import Fuse from 'fuse.js'
import type { Actor } from './model'
import { compareText } from './text/compare'
import { compactForm, foldText } from './text/folding'

// Finding actors by name or alias, the way a coder types them: "sudani" finds "Mohammed Shia
// al-Sudani", "nujaba" finds "Al-Nujaba Movement" by its alias, "sūdānī" and "SUDANI" find the
// same. Exact and word-prefix matches on folded text rank first and are deterministic; Fuse
// adds typo-tolerant matches after them.

export interface ActorMatch {
  actor: Actor
  /** The name or alias that matched, as written on the actor. */
  matched: string
  /** 0 is a perfect match; larger is weaker. */
  score: number
}

interface IndexedTerm {
  actor: Actor
  term: string
  folded: string
  compact: string
  words: string[]
}

export interface ActorIndex {
  search(query: string, limit?: number): ActorMatch[]
  /** Actors whose name or an alias is exactly this (after folding). */
  exact(query: string): Actor[]
}

function termsOf(actor: Actor): string[] {
  return [actor.name, ...actor.aliases].filter((term) => term.trim() !== '')
}

/** How well a folded query matches one folded term; null when it does not without fuzziness. */
function directScore(query: string, queryCompact: string, entry: IndexedTerm): number | null {
  if (entry.folded === query) return 0
  if (entry.compact === queryCompact && queryCompact !== '') return 0.05
  if (entry.folded.startsWith(query)) return 0.1
  if (entry.words.some((word) => word.startsWith(query))) return 0.2
  if (query.includes(' ') && entry.folded.includes(query)) return 0.25
  if (queryCompact.length >= 3 && entry.compact.includes(queryCompact)) return 0.3
  return null
}

export function buildActorIndex(actors: readonly Actor[]): ActorIndex {
  const entries: IndexedTerm[] = actors.flatMap((actor) =>
    termsOf(actor).map((term) => {
      const folded = foldText(term)
      return { actor, term, folded, compact: compactForm(folded), words: folded.split(' ') }
    }),
  )
  let fuse: Fuse<IndexedTerm> | null = null
  const fuzzy = (): Fuse<IndexedTerm> =>
    (fuse ??= new Fuse(entries, {
      keys: ['folded'],
      includeScore: true,
      ignoreLocation: true,
      ignoreDiacritics: true,
      threshold: 0.34,
      minMatchCharLength: 2,
    }))
  const byName = (a: Actor, b: Actor): number => compareText(a.name, b.name)

  return {
    search(query, limit = 20) {
      const folded = foldText(query)
      if (folded === '') {
        return [...actors].sort(byName).slice(0, limit).map((actor) => ({ actor, matched: actor.name, score: 1 }))
      }
      const compact = compactForm(folded)
      const best = new Map<string, ActorMatch>()
      const offer = (entry: IndexedTerm, score: number): void => {
        const known = best.get(entry.actor.id)
        // Prefer reporting the name itself when it ties with an alias.
        if (!known || score < known.score || (score === known.score && entry.term === entry.actor.name)) {
          best.set(entry.actor.id, { actor: entry.actor, matched: entry.term, score })
        }
      }
      for (const entry of entries) {
        const score = directScore(folded, compact, entry)
        if (score !== null) offer(entry, score)
      }
      if (folded.length >= 3) {
        for (const result of fuzzy().search(folded, { limit: limit * 3 })) {
          offer(result.item, 0.4 + (result.score ?? 1) * 0.6)
        }
      }
      return [...best.values()].sort((a, b) => a.score - b.score || byName(a.actor, b.actor)).slice(0, limit)
    },
    exact(query) {
      const folded = foldText(query)
      const found = new Map<string, Actor>()
      for (const entry of entries) if (entry.folded === folded) found.set(entry.actor.id, entry.actor)
      return [...found.values()]
    },
  }
}

/** Does the actor go by this name (its name or one of its aliases, folded)? */
export function actorAnswersTo(actor: Actor, name: string): boolean {
  const folded = foldText(name)
  return folded !== '' && termsOf(actor).some((term) => foldText(term) === folded)
}

/** Splits an aliases field ("Nujaba; al-Nujaba, النجباء") into distinct aliases. */
export function parseAliases(text: string): string[] {
  return uniqueNames(text.split(/[;,\n،]/u))
}

/** Trimmed, non-empty names without folded duplicates, first spelling kept. */
export function uniqueNames(names: Iterable<string>, exclude: Iterable<string> = []): string[] {
  const seen = new Set<string>()
  for (const name of exclude) seen.add(foldText(name))
  const result: string[] = []
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ')
    const folded = foldText(name)
    if (folded === '' || seen.has(folded)) continue
    seen.add(folded)
    result.push(name)
  }
  return result
}
