// Where the journal may be cut: before the last `tail` records (what live screens read) and never
// past the lowest checkpoint any registered consumer (the sync outbox) has reached, so nothing a
// consumer has not processed is lost. A consumer that fell behind anyway (its checkpoint was
// removed, or is older than the journal) rescans; changesSince says when.

/**
 * The seq to prune through (rows with seq ≤ it go), or null when nothing more may go.
 * `tailSeq` is the last row wholly before the kept tail (0: none); `checkpoints` and
 * `prunedThrough` are raw stored values: anything not a number is ignored.
 */
export function pruneBound(tailSeq: number, checkpoints: readonly unknown[], prunedThrough: unknown): number | null {
  let bound = tailSeq
  for (const value of checkpoints) if (typeof value === 'number' && Number.isFinite(value)) bound = Math.min(bound, value)
  const already = typeof prunedThrough === 'number' && Number.isFinite(prunedThrough) ? prunedThrough : 0
  return bound > already ? bound : null
}
