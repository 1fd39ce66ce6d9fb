import type { Actor, Claim, Id, Issue, Mention } from '../../domain/model'
import type { SuggestedMention } from '../../domain/suggestedMentions'
import type { CoderMark } from '../team'
import type { HighlightSpan } from '../../domain/textLayout'
import { stanceText } from '../../shared/ui/stance'
import { highlightIdToFocus, type Focus } from './focus'
import type { ResolvedAnchors } from './useResolvedAnchors'

// What the article text marks: every located claim and mention, and every suggestion, as
// spans with ids ("c:<claim>", "m:<mention>", "s:<suggestion key>") and a look for each id.

export type HighlightLook =
  | {
      kind: 'claim'
      stance: Claim['stance']
      title: string
      /** Where the claim begins, for its stance sign. */
      start: number
      /** When coders are compared: whose claim it is (colour and name). */
      coder?: CoderMark
    }
  | { kind: 'mention'; title: string }
  | { kind: 'suggestion'; title: string }
  | { kind: 'search'; title: string }
  | { kind: 'pending' }

export interface Highlights {
  spans: HighlightSpan[]
  looks: Map<string, HighlightLook>
}

export function buildHighlights(
  claims: readonly Claim[],
  mentions: readonly Mention[],
  suggestions: readonly SuggestedMention[] | null,
  anchors: ResolvedAnchors,
  actorsById: ReadonlyMap<Id, Actor>,
  issuesById: ReadonlyMap<Id, Issue>,
  markOf: (claim: Claim) => CoderMark | null = () => null,
): Highlights {
  const spans: HighlightSpan[] = []
  const looks = new Map<string, HighlightLook>()
  for (const claim of claims) {
    const state = anchors.get(claim.id)
    if (!state) continue
    const id = `c:${claim.id}`
    spans.push({ id, start: state.start, end: state.end })
    const actor = actorsById.get(claim.actorId)?.name ?? 'Unknown actor'
    const issue = issueLabels(claim.issueIds, issuesById)
    const coder = markOf(claim)
    const title = `${actor} · ${issue} · ${stanceText(claim.stance)}`
    looks.set(id, coder ? { kind: 'claim', stance: claim.stance, start: state.start, title: `${coder.name}: ${title}`, coder } : { kind: 'claim', stance: claim.stance, start: state.start, title })
  }
  for (const mention of mentions) {
    const state = anchors.get(mention.id)
    if (!state) continue
    const id = `m:${mention.id}`
    spans.push({ id, start: state.start, end: state.end })
    looks.set(id, { kind: 'mention', title: `${actorsById.get(mention.actorId)?.name ?? 'Unknown actor'} (mention)` })
  }
  for (const suggestion of suggestions ?? []) {
    const id = `s:${suggestion.key}`
    spans.push({ id, start: suggestion.start, end: suggestion.end })
    looks.set(id, { kind: 'suggestion', title: `Suggested mention: ${actorsById.get(suggestion.actorId)?.name ?? ''} (Y accepts, X dismisses)` })
  }
  return { spans, looks }
}

/** Located claims and mentions in reading order, for J / K. */
export function tagsInReadingOrder(claims: readonly Claim[], mentions: readonly Mention[], anchors: ResolvedAnchors): { focus: Focus; start: number }[] {
  const list: { focus: Focus; start: number }[] = []
  for (const claim of claims) {
    const state = anchors.get(claim.id)
    if (state) list.push({ focus: { kind: 'claim', id: claim.id }, start: state.start })
  }
  for (const mention of mentions) {
    const state = anchors.get(mention.id)
    if (state) list.push({ focus: { kind: 'mention', id: mention.id }, start: state.start })
  }
  return list.sort((a, b) => a.start - b.start)
}

/**
 * The tag a click on overlapping highlights selects: claims (innermost first), then mentions,
 * then suggestions; a second click on the same place moves to the next one there.
 */
export function nextClickedFocus(ids: readonly string[], focusedId: string | null): Focus | null {
  const ranked = [...ids.filter((id) => id.startsWith('c:')).reverse(), ...ids.filter((id) => id.startsWith('m:')), ...ids.filter((id) => id.startsWith('s:'))]
  if (ranked.length === 0) return null
  const current = focusedId ? ranked.indexOf(focusedId) : -1
  return highlightIdToFocus(ranked[(current + 1) % ranked.length]!)
}

/** A claim's issues by label, in the order they were coded; a deleted one as "Unknown issue". */
export function issueLabels(ids: readonly Id[], issuesById: ReadonlyMap<Id, Issue>): string {
  return ids.map((id) => issuesById.get(id)?.label ?? 'Unknown issue').join(', ')
}
