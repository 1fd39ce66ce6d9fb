import type { Article } from './model'
import { compareText } from './text/compare'

// The order "next article" and "previous article" walk in: newest first (as the library lists
// them), then by title, then by id so that two articles never tie. Articles without a date
// come last.

export type ReadingKey = Pick<Article, 'id' | 'title' | 'publishedAt'>

export function compareReadingOrder(a: ReadingKey, b: ReadingKey): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === '') return 1
    if (b.publishedAt === '') return -1
    return a.publishedAt < b.publishedAt ? 1 : -1
  }
  return compareText(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The neighbour of `current` in reading order among `candidates`, or undefined at either end. */
export function adjacentInReadingOrder<T extends ReadingKey>(candidates: readonly T[], current: ReadingKey, direction: 1 | -1): T | undefined {
  let best: T | undefined
  for (const candidate of candidates) {
    if (candidate.id === current.id) continue
    const order = compareReadingOrder(candidate, current)
    if (direction === 1 ? order <= 0 : order >= 0) continue
    if (!best || (direction === 1 ? compareReadingOrder(candidate, best) < 0 : compareReadingOrder(candidate, best) > 0)) best = candidate
  }
  return best
}
