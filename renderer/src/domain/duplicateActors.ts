import type { Actor, Id } from './model'
import { compareText } from './text/compare'
import { compactForm, editDistance, foldText, significantWords } from './text/folding'

// Warning before a coder creates the same actor twice ("al-Sudani" when "Mohammed Shia
// al-Sudani" exists), and listing likely duplicates already in the workspace for merging.
// Deliberately cautious: a warning the coder can dismiss, never a refusal.

export interface DuplicateCandidate {
  name: string
  aliases: readonly string[]
}

export interface LikelyDuplicate {
  actor: Actor
  /** Why we think so, for the warning: "same name as the alias “Nujaba”". */
  reason: string
  /** 3 = same name or alias, 2 = same letters, 1 = shares a distinctive word, 0.5 = similar spelling. */
  strength: number
}

interface Profile {
  terms: { term: string; folded: string; compact: string; words: string[] }[]
}

function profile(candidate: DuplicateCandidate): Profile {
  return {
    terms: [candidate.name, ...candidate.aliases]
      .filter((term) => term.trim() !== '')
      .map((term) => {
        const folded = foldText(term)
        return { term, folded, compact: compactForm(folded), words: significantWords(folded) }
      }),
  }
}

function compare(a: Profile, b: Profile): { reason: string; strength: number } | null {
  let best: { reason: string; strength: number } | null = null
  const consider = (reason: string, strength: number): void => {
    if (!best || strength > best.strength) best = { reason, strength }
  }
  for (const mine of a.terms) {
    for (const theirs of b.terms) {
      if (mine.folded === '' || theirs.folded === '') continue
      if (mine.folded === theirs.folded) {
        consider(`same name as “${theirs.term}”`, 3)
        continue
      }
      if (mine.compact === theirs.compact && mine.compact.length >= 3) {
        consider(`“${mine.term}” and “${theirs.term}” differ only in spacing or particles`, 2)
        continue
      }
      // "al-Sudani" within "Mohammed Shia al-Sudani": every distinctive word of the shorter
      // name appears in the longer one, and one of them is long enough to be telling.
      const [shorter, longer] = mine.words.length <= theirs.words.length ? [mine, theirs] : [theirs, mine]
      if (
        shorter.words.length > 0 &&
        shorter.words.every((word) => longer.words.includes(word)) &&
        shorter.words.some((word) => word.length >= 4)
      ) {
        consider(`“${shorter.term}” is part of “${longer.term}”`, 1)
        continue
      }
      const length = Math.max(mine.compact.length, theirs.compact.length)
      if (length >= 5) {
        const allowed = length >= 10 ? 2 : 1
        if (editDistance(mine.compact, theirs.compact, allowed) <= allowed) {
          consider(`“${mine.term}” is spelled almost like “${theirs.term}”`, 0.5)
        }
      }
    }
  }
  return best
}

/** Existing actors the candidate probably duplicates, strongest first. */
export function findLikelyDuplicates(actors: readonly Actor[], candidate: DuplicateCandidate, excludeId?: Id): LikelyDuplicate[] {
  const mine = profile(candidate)
  if (mine.terms.length === 0) return []
  const found: LikelyDuplicate[] = []
  for (const actor of actors) {
    if (actor.id === excludeId) continue
    const match = compare(mine, profile(actor))
    if (match) found.push({ actor, ...match })
  }
  return found.sort((a, b) => b.strength - a.strength || compareText(a.actor.name, b.actor.name))
}

export interface DuplicatePair {
  first: Actor
  second: Actor
  reason: string
  strength: number
}

/**
 * Pairs of existing actors that look like one actor, for the Actors screen. Only actors that
 * share a distinctive word or a compact form are compared, so thousands of actors stay quick.
 */
export function findDuplicatePairs(actors: readonly Actor[], minStrength = 1): DuplicatePair[] {
  const profiles = actors.map((actor) => profile(actor))
  const buckets = new Map<string, number[]>()
  profiles.forEach((entry, index) => {
    const keys = new Set<string>()
    for (const term of entry.terms) {
      keys.add(`c:${term.compact}`)
      for (const word of term.words) if (word.length >= 4) keys.add(`w:${word}`)
    }
    for (const key of keys) {
      const bucket = buckets.get(key)
      if (bucket) bucket.push(index)
      else buckets.set(key, [index])
    }
  })
  const seen = new Set<string>()
  const pairs: DuplicatePair[] = []
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || bucket.length > 50) continue // a word shared by 50 actors is not telling
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i]!
        const b = bucket[j]!
        const key = a < b ? `${a}:${b}` : `${b}:${a}`
        if (seen.has(key)) continue
        seen.add(key)
        const match = compare(profiles[a]!, profiles[b]!)
        if (match && match.strength >= minStrength) pairs.push({ first: actors[a]!, second: actors[b]!, ...match })
      }
    }
  }
  return pairs.sort((a, b) => b.strength - a.strength || compareText(a.first.name, b.first.name))
}
