import type { AnchorState, ResolvedAnchors } from '../useResolvedAnchors'

/** Text on one line, cut to `max` characters with an ellipsis. */
export function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** What the panel says about a tag whose words moved or went: null when they are where they were. */
export function anchorNote(state: AnchorState, stored: string, body: string): string | null {
  if (state === undefined) return 'Locating this quote in the text…'
  if (state === null && body.trim() === '') return `Waiting for text: “${excerpt(stored, 120)}” is placed by its quote once the document’s text is added.`
  if (state === null) return `Orphaned: “${excerpt(stored, 120)}” is no longer in this text. Select the words it belongs to and re-attach it, or delete it.`
  if (state.method === 'quote') return 'Found again by its quote and context: the text has moved since this was tagged.'
  if (state.method === 'fuzzy') return `Found approximately: the words changed since this was tagged (was “${excerpt(stored, 100)}”, now “${excerpt(body.slice(state.start, state.end), 100)}”).`
  return null
}

/** The records found in the text, in reading order, with where they were found. */
export function located<T extends { id: string }>(records: readonly T[], anchors: ResolvedAnchors) {
  return records
    .map((record) => ({ record, state: anchors.get(record.id) }))
    .filter((entry) => entry.state)
    .sort((a, b) => a.state!.start - b.state!.start || a.state!.end - b.state!.end)
}
