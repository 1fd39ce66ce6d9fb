import type { TextSpan } from '../../domain/anchoring'

/** What the tagging panel is doing: browsing the article's tags, or filling in a form. */
export type PanelMode =
  | { kind: 'browse' }
  | { kind: 'tag-actor'; span: TextSpan; mentionId?: string }
  | { kind: 'tag-claim'; span: TextSpan; claimId?: string }

/** The tag selected in the text and in the panel. */
export type Focus = { kind: 'claim'; id: string } | { kind: 'mention'; id: string } | { kind: 'suggestion'; key: string }

export function focusHighlightId(focus: Focus | null): string | null {
  if (!focus) return null
  return focus.kind === 'claim' ? `c:${focus.id}` : focus.kind === 'mention' ? `m:${focus.id}` : `s:${focus.key}`
}

export function highlightIdToFocus(id: string): Focus | null {
  const kind = id.slice(0, 2)
  const rest = id.slice(2)
  if (kind === 'c:') return { kind: 'claim', id: rest }
  if (kind === 'm:') return { kind: 'mention', id: rest }
  if (kind === 's:') return { kind: 'suggestion', key: rest }
  return null
}
