import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import { buildActorIndex, type ActorIndex } from '../../domain/actorMatching'
import type { TextSpan } from '../../domain/anchoring'
import type { Actor, Article, Claim, Id, Issue, Mention } from '../../domain/model'
import type { SuggestedMention } from '../../domain/suggestedMentions'
import { useRoute } from '../../shared/routing'
import type { Focus, PanelMode } from './focus'
import { buildHighlights, issueLabels, type Highlights } from './highlights'
import { useTaggingActions, type TaggingActions } from './useTaggingActions'
import { scrollSpanIntoView } from './text/domRanges'
import { useArticleRecords } from './useArticleRecords'
import { useLinkedClaim } from './useLinkedClaim'
import { useResolvedAnchors, type ResolvedAnchors } from './useResolvedAnchors'
import { useSuggestions } from './useSuggestions'
import { useTextSelection } from './useTextSelection'

/**
 * One reading-and-tagging session: the article, its claims and mentions where the text has
 * them, the suggestions, the selection, the panel's mode, the selected tag and what can be
 * done to them. The article text and the Tagging panel each read what they need from here.
 */
export interface ReaderSession {
  article: Article
  claims: readonly Claim[]
  mentions: readonly Mention[]
  actors: readonly Actor[]
  issues: readonly Issue[]
  actorIndex: ActorIndex
  actorName: (id: Id | null) => string
  /** A claim's issues by label, in the order they were coded. */
  issueLabel: (ids: readonly Id[]) => string
  /** Actors already tagged in this article: offered first in the actor pickers. */
  preferredActors: readonly Actor[]
  /** True once the tags, actors and codebook are read. */
  ready: boolean
  anchors: ResolvedAnchors
  /** null while they are still being looked for. */
  suggestions: readonly SuggestedMention[] | null
  highlights: Highlights
  /** The claim a link points to (#…?claim=<id>), if it is in this article. */
  linkedClaim: Claim | undefined
  selection: TextSpan | null
  clearSelection: () => void
  mode: PanelMode
  focus: Focus | null
  /** Selects a tag (null: none) and scrolls the text to it. */
  focusAndScroll: (focus: Focus | null) => void
  findOpen: boolean
  setFindOpen: (open: boolean) => void
  textRef: RefObject<HTMLDivElement | null>
  actions: TaggingActions
}

const SessionContext = createContext<ReaderSession | null>(null)

export function useReaderSession(): ReaderSession {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useReaderSession outside a ReaderSessionProvider')
  return session
}

export function ReaderSessionProvider({ article, children }: { article: Article; children: ReactNode }) {
  const claimParam = useRoute().params.get('claim')
  const records = useArticleRecords(article.id)
  const { claims, mentions, actors, issues, actorsById, issuesById, dismissed, ready } = records
  const anchorItems = useMemo(() => [...claims, ...mentions], [claims, mentions])
  const anchors = useResolvedAnchors(article.body, anchorItems)
  const suggestions = useSuggestions(article.body, ready ? actors : undefined, ready ? mentions : undefined, dismissed)
  const actorIndex = useMemo(() => buildActorIndex(actors), [actors])
  const highlights = useMemo(() => buildHighlights(claims, mentions, suggestions, anchors, actorsById, issuesById), [claims, mentions, suggestions, anchors, actorsById, issuesById])
  const preferredActors = useMemo(() => {
    const ids = new Set([...mentions.map((mention) => mention.actorId), ...claims.map((claim) => claim.actorId)])
    return [...ids].map((id) => actorsById.get(id)).filter((actor): actor is Actor => !!actor)
  }, [mentions, claims, actorsById])

  const textRef = useRef<HTMLDivElement>(null)
  const { selection, clearSelection } = useTextSelection(textRef, article.body)
  const [mode, setMode] = useState<PanelMode>({ kind: 'browse' })
  const [focus, setFocus] = useState<Focus | null>(null)
  const [findOpen, setFindOpen] = useState(false)
  const linkedClaim = useLinkedClaim(claimParam, claims, anchors, ready, textRef, setFocus)

  const focusText = useCallback(() => textRef.current?.focus({ preventScroll: true }), [])
  const focusAndScroll = useCallback(
    (target: Focus | null) => {
      setFocus(target)
      if (target) setMode({ kind: 'browse' })
      const span = !target ? null : target.kind === 'suggestion' ? suggestions?.find((suggestion) => suggestion.key === target.key) : anchors.get(target.id)
      if (span && textRef.current) scrollSpanIntoView(textRef.current, span, 'smooth')
    },
    [anchors, suggestions],
  )

  const actions = useTaggingActions({ article, claims, mentions, anchors, suggestions, dismissed, selection, clearSelection, focus, setFocus, setMode, focusAndScroll, focusText })

  const session = useMemo<ReaderSession>(
    () => ({
      article,
      claims,
      mentions,
      actors,
      issues,
      actorIndex,
      actorName: (id) => (id === null ? '' : (actorsById.get(id)?.name ?? 'Unknown actor')),
      issueLabel: (ids) => issueLabels(ids, issuesById),
      preferredActors,
      ready,
      anchors,
      suggestions,
      highlights,
      linkedClaim,
      selection,
      clearSelection,
      mode,
      focus,
      focusAndScroll,
      findOpen,
      setFindOpen,
      textRef,
      actions,
    }),
    [article, claims, mentions, actors, issues, actorIndex, actorsById, issuesById, preferredActors, ready, anchors, suggestions, highlights, linkedClaim, selection, clearSelection, mode, focus, focusAndScroll, findOpen, actions],
  )
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}
