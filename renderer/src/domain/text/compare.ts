// The one order for names, labels and titles, on screens and in files alike: case and accents
// aside, numbers by value ("Issue 2" before "Issue 10"). English rules, so an export, the
// library and the reader's next/previous agree with each other on every machine.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

export function compareText(a: string, b: string): number {
  return collator.compare(a, b)
}

/**
 * Each text's rank, for texts already in compareText's order: texts the collator calls equal
 * ("AfD", "AFD") share one, so a sort on ranks leaves them to its next key. Comparing ranks
 * then orders as compareText does, without the collator at every comparison.
 */
export function ranksOfSorted(sorted: readonly string[]): Map<string, number> {
  const ranks = new Map<string, number>()
  for (let index = 0; index < sorted.length; index++) {
    const text = sorted[index]!
    const previous = index > 0 ? sorted[index - 1]! : undefined
    ranks.set(text, previous !== undefined && (previous === text || compareText(previous, text) === 0) ? ranks.get(previous)! : index)
  }
  return ranks
}

/** Each distinct text's rank in compareText's order (see ranksOfSorted): one collator sort. */
export function textRanks(texts: Iterable<string>): Map<string, number> {
  return ranksOfSorted([...new Set(texts)].sort(compareText))
}
