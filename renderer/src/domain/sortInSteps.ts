// A sort that gives the thread back while it works (a generator for runSliced): sorting
// 100,000 claims out of time order in one call took 190-210 ms (measured in node), long enough
// to hold up a click were it run on the window's thread in the background. Runs of a few thousand are sorted natively,
// then merged pairwise a few thousand elements a step. Stable, as Array.prototype.sort is.

/** Elements sorted or merged between two chances to give the thread back. */
const STEP = 4_096

/** Sorts `list` in place by `compare`, yielding every few thousand elements. */
export function* sortInSteps<T>(list: T[], compare: (a: T, b: T) => number): Generator<void, void, void> {
  const length = list.length
  let sorted = true
  for (let index = 1; index < length && sorted; index++) {
    if (compare(list[index - 1]!, list[index]!) > 0) sorted = false
    if (index % (STEP * 8) === 0) yield
  }
  if (sorted) return
  let from: T[] = list
  for (let start = 0; start < length; start += STEP) {
    const run = from.slice(start, start + STEP).sort(compare)
    for (let offset = 0; offset < run.length; offset++) from[start + offset] = run[offset]!
    yield
  }
  let to: T[] = new Array<T>(length)
  let moved = 0
  for (let width = STEP; width < length; width *= 2) {
    for (let left = 0; left < length; left += 2 * width) {
      const middle = Math.min(left + width, length)
      const end = Math.min(left + 2 * width, length)
      let a = left
      let b = middle
      for (let at = left; at < end; at++) {
        // Ties take the left run's element first: stable.
        to[at] = a < middle && (b >= end || compare(from[a]!, from[b]!) <= 0) ? from[a++]! : from[b++]!
        if (++moved % STEP === 0) yield
      }
    }
    ;[from, to] = [to, from]
  }
  if (from !== list) for (let index = 0; index < length; index++) list[index] = from[index]!
}
