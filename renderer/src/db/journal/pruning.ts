// Where the journal may be cut: below the last `tail` entries (what live screens read) and
// below the lowest checkpoint any registered consumer (the sync outbox) has reached, so nothing
// a consumer has not processed is lost. A consumer that fell behind anyway (its checkpoint was
// removed, or is older than the journal) rescans; changesSince says when.

/**
 * The seq to prune through (entries with seq ≤ it go), or null when nothing more may go.
 * `checkpoints` and `prunedThrough` are raw stored values: anything not a number is ignored.
 */
export function pruneBound(lastSeq: number, tail: number, checkpoints: readonly unknown[], prunedThrough: unknown): number | null {
  let bound = lastSeq - tail
  for (const value of checkpoints) if (typeof value === 'number' && Number.isFinite(value)) bound = Math.min(bound, value)
  const already = typeof prunedThrough === 'number' && Number.isFinite(prunedThrough) ? prunedThrough : 0
  return bound > already ? bound : null
}
