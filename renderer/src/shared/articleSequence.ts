// The articles a library search listed, in the order shown, when one of them was opened: the
// reader's Next / Previous walk that list (keeping the search's words marked) rather than the
// whole library. Kept in memory only: after a reload the reader asks the search again.

let remembered: { query: string; ids: readonly string[] } | null = null

/** Called by the library when an article is opened from a search. */
export function rememberArticleSequence(query: string, ids: readonly string[]): void {
  remembered = { query, ids }
}

/** The list remembered for this search, or null when another search (or none) was last opened. */
export function rememberedSequence(query: string): readonly string[] | null {
  return remembered !== null && remembered.query === query ? remembered.ids : null
}

/**
 * The neighbour of `id` in `ids` (1: the next, -1: the previous); null at either end, undefined
 * when `id` is not in the list at all.
 */
export function adjacentInSequence(ids: readonly string[], id: string, direction: 1 | -1): string | null | undefined {
  const at = ids.indexOf(id)
  if (at < 0) return undefined
  return ids[at + direction] ?? null
}
