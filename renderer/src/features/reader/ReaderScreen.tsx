import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { notify } from '../../shared/notices'
import { navigate, useRoute } from '../../shared/routing'
import { defineShortcuts, isTypingTarget } from '../../shared/shortcuts'
import { Screen } from '../../shared/ui/Screen'
import { db } from '../../db/instance'
import { adjacentArticleId } from '../../db/repositories/articleOrder'
import { deleteClaim, reattachClaim, saveClaimDraft } from '../../db/repositories/claims'
import { acceptSuggestions, deleteMention, setDismissedSuggestions } from '../../db/repositories/mentions'
import { writeEdits } from '../../db/repositories/recordChanges'
import { describeStorageError } from '../../db/storageErrors'
import { buildActorIndex } from '../../domain/actorMatching'
import { describeSpan, trimSpan, type TextSpan } from '../../domain/anchoring'
import { putEdit } from '../../domain/changeHistory'
import { calendarDate, nowIso, type Actor, type Article, type Claim, type Mention, type Stance } from '../../domain/model'
import type { SuggestedMention } from '../../domain/suggestedMentions'
import { overlaySpan, paragraphAt, segmentParagraphs, splitParagraphs, type HighlightSpan } from '../../domain/textLayout'
import { performTagging } from '../../shared/undo/history'
import { UndoRedoButtons } from '../../shared/undo/UndoRedoButtons'
import { stanceForKey, stanceText } from '../../shared/ui/stance'
import { TaggingPanel } from './tagging/TaggingPanel'
import { focusHighlightId, highlightIdToFocus, type Focus, type PanelMode } from './focus'
import { ArticleText, type HighlightLook } from './text/ArticleText'
import { scrollSpanIntoView, selectSpan, selectionSpan } from './text/domRanges'
import { FindBar } from './text/FindBar'
import { handleSelectionKey } from './text/keyboardSelection'
import { useResolvedAnchors } from './useResolvedAnchors'
import { useSuggestions } from './useSuggestions'

defineShortcuts('Reader and tagging', [
  { keys: 'Shift+arrows, Ctrl+Shift+←/→', action: 'Select text in the article by character, line or word' },
  { keys: '/', action: 'Find words in the article and select them (Enter)' },
  { keys: 'A', action: 'Tag actor: the selected words name an actor' },
  { keys: 'C', action: 'Tag claim: the selected words are a claim' },
  { keys: '1 … 5', action: 'Stance −2 … +2 (in the claim form, or on the selected claim)' },
  { keys: 'Ctrl+Enter', action: 'Save the claim or mention' },
  { keys: 'Esc', action: 'Cancel the form; clear the selection' },
  { keys: 'J / K', action: 'Next / previous tag in the text' },
  { keys: 'E', action: 'Edit the selected claim or mention' },
  { keys: 'Delete', action: 'Delete the selected claim or mention (undo with Ctrl+Z)' },
  { keys: 'Y / X', action: 'Accept / dismiss the current suggested mention' },
  { keys: 'N / P', action: 'Next / previous article (newest first, then by title)' },
])

export function ReaderScreen({ articleId }: { articleId: string }) {
  const article = useLiveQuery(() => db.articles.get(articleId), [articleId], null)
  const back = (
    <button type="button" onClick={() => navigate('library')}>
      ← Library
    </button>
  )
  if (article === null) return null
  if (article === undefined) {
    return (
      <Screen title="Article not found" actions={back}>
        <p>This article is no longer in the workspace.</p>
      </Screen>
    )
  }
  return <ReaderWorkspace key={article.id} article={article} />
}

const sameSpan = (a: TextSpan | null, b: TextSpan | null): boolean => a === b || (!!a && !!b && a.start === b.start && a.end === b.end)

function useArticleTags(articleId: string) {
  return useLiveQuery(
    async () => {
      const [claims, mentions, dismissed] = await Promise.all([
        db.claims.where('articleId').equals(articleId).toArray(),
        db.mentions.where('articleId').equals(articleId).toArray(),
        db.settings.get(`dismissedSuggestions:${articleId}`),
      ])
      // Settings are free-form: anything but a list of keys counts as none dismissed.
      const keys = Array.isArray(dismissed?.value) ? (dismissed.value as unknown[]).filter((key): key is string => typeof key === 'string') : []
      return { claims, mentions, dismissed: keys }
    },
    [articleId],
  )
}

function ReaderWorkspace({ article }: { article: Article }) {
  const route = useRoute()
  const claimParam = route.params.get('claim')
  const tags = useArticleTags(article.id)
  const actors = useLiveQuery(() => db.actors.toArray(), [])
  const issues = useLiveQuery(() => db.issues.toArray(), [])

  const claims = useMemo(() => tags?.claims ?? [], [tags])
  const mentions = useMemo(() => tags?.mentions ?? [], [tags])
  const anchorItems = useMemo(() => [...claims, ...mentions], [claims, mentions])
  const anchors = useResolvedAnchors(article.body, anchorItems)
  const suggestions = useSuggestions(article.body, actors, tags?.mentions, tags?.dismissed)
  const actorIndex = useMemo(() => buildActorIndex(actors ?? []), [actors])
  const actorsById = useMemo(() => new Map((actors ?? []).map((actor) => [actor.id, actor])), [actors])
  const issuesById = useMemo(() => new Map((issues ?? []).map((issue) => [issue.id, issue])), [issues])
  const paragraphs = useMemo(() => splitParagraphs(article.body), [article.body])

  const [selection, setSelection] = useState<TextSpan | null>(null)
  const [mode, setMode] = useState<PanelMode>({ kind: 'browse' })
  const [focus, setFocus] = useState<Focus | null>(null)
  const [findOpen, setFindOpen] = useState(false)
  const textRef = useRef<HTMLDivElement>(null)
  // The panel comes a task after the article, so opening a long article is two short tasks.
  const [panelReady, setPanelReady] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setPanelReady(true), 0)
    return () => clearTimeout(timer)
  }, [])

  // Tracks the reader's text selection as body offsets.
  useEffect(() => {
    const update = (): void => {
      const root = textRef.current
      if (!root) return
      const raw = selectionSpan(root)
      const span = raw ? trimSpan(article.body, raw) : null
      const next = span && span.end > span.start ? span : null
      setSelection((current) => (sameSpan(current, next) ? current : next))
    }
    document.addEventListener('selectionchange', update)
    return () => document.removeEventListener('selectionchange', update)
  }, [article.body])

  const focusedId = focusHighlightId(focus)
  const focusedSet = useMemo(() => new Set(focusedId ? [focusedId] : []), [focusedId])

  const { highlights, looks } = useMemo(() => {
    const highlights: HighlightSpan[] = []
    const looks = new Map<string, HighlightLook>()
    for (const claim of claims) {
      const state = anchors.get(claim.id)
      if (!state) continue
      const id = `c:${claim.id}`
      highlights.push({ id, start: state.start, end: state.end })
      const actor = actorsById.get(claim.actorId)?.name ?? 'Unknown actor'
      const issue = issuesById.get(claim.issueId)?.label ?? 'Unknown issue'
      looks.set(id, { kind: 'claim', stance: claim.stance, start: state.start, title: `${actor} · ${issue} · ${stanceText(claim.stance)}` })
    }
    for (const mention of mentions) {
      const state = anchors.get(mention.id)
      if (!state) continue
      const id = `m:${mention.id}`
      highlights.push({ id, start: state.start, end: state.end })
      looks.set(id, { kind: 'mention', title: `${actorsById.get(mention.actorId)?.name ?? 'Unknown actor'} (mention)` })
    }
    for (const suggestion of suggestions ?? []) {
      const id = `s:${suggestion.key}`
      highlights.push({ id, start: suggestion.start, end: suggestion.end })
      looks.set(id, { kind: 'suggestion', title: `Suggested mention: ${actorsById.get(suggestion.actorId)?.name ?? ''} (Y accepts, X dismisses)` })
    }
    return { highlights, looks }
  }, [claims, mentions, suggestions, anchors, actorsById, issuesById])

  const baseSegments = useMemo(() => segmentParagraphs(paragraphs, highlights), [paragraphs, highlights])
  // The words a form is tagging stay marked while the form is open; only their paragraphs redraw.
  const pendingSpan = mode.kind === 'browse' ? null : mode.span
  const segments = useMemo(
    () => (pendingSpan ? overlaySpan(paragraphs, baseSegments, highlights, { id: 'pending', start: pendingSpan.start, end: pendingSpan.end }) : baseSegments),
    [paragraphs, baseSegments, highlights, pendingSpan],
  )

  const spanOf = useCallback(
    (target: Focus): TextSpan | null => {
      if (target.kind === 'suggestion') return suggestions?.find((suggestion) => suggestion.key === target.key) ?? null
      return anchors.get(target.id) ?? null
    },
    [anchors, suggestions],
  )

  const focusAndScroll = useCallback(
    (target: Focus | null) => {
      setFocus(target)
      if (target) setMode({ kind: 'browse' })
      const span = target ? spanOf(target) : null
      if (span && textRef.current) scrollSpanIntoView(textRef.current, span, 'smooth')
    },
    [spanOf],
  )

  // #/library/article/<id>?claim=<claimId>: scroll to that claim and select it, once.
  const handledParam = useRef<string | null>(null)
  const linkedClaim = claimParam ? claims.find((claim) => claim.id === claimParam) : undefined
  const linkedState = linkedClaim ? anchors.get(linkedClaim.id) : undefined
  const ready = tags !== undefined && actors !== undefined && issues !== undefined
  useEffect(() => {
    if (!claimParam || handledParam.current === claimParam || !ready) return
    if (!linkedClaim) {
      handledParam.current = claimParam
      notify('warning', 'The linked claim is no longer in this article.')
      return
    }
    if (linkedState === undefined) return
    // In the frame after the text is drawn, so there is something to scroll to. Marked as done
    // only then: a re-run that cancels this frame schedules its own.
    const frame = requestAnimationFrame(() => {
      const root = textRef.current
      if (!root) return
      handledParam.current = claimParam
      setFocus({ kind: 'claim', id: linkedClaim.id })
      if (linkedState) scrollSpanIntoView(root, linkedState)
    })
    return () => cancelAnimationFrame(frame)
  }, [claimParam, linkedClaim, linkedState, ready])

  const priorityParagraph = useMemo(() => {
    const start = linkedClaim?.anchor.start
    return start === undefined ? 0 : (paragraphAt(paragraphs, start)?.index ?? 0)
  }, [linkedClaim, paragraphs])

  const clearSelection = (): void => {
    document.getSelection()?.removeAllRanges()
    setSelection(null)
  }

  const startTagging = (kind: 'tag-actor' | 'tag-claim'): void => {
    if (!selection) {
      notify('info', 'Select the words to tag first: drag over them, use Shift+arrows, or press / to find them.')
      return
    }
    setFocus(null)
    setMode({ kind, span: selection })
  }

  const onHighlightClick = (ids: string[]): void => {
    // Prefer claims (innermost first), then mentions, then suggestions; a second click on an
    // overlap moves to the next highlight there.
    const ranked = [...ids.filter((id) => id.startsWith('c:')).reverse(), ...ids.filter((id) => id.startsWith('m:')), ...ids.filter((id) => id.startsWith('s:'))]
    if (ranked.length === 0) return
    const current = focusedId ? ranked.indexOf(focusedId) : -1
    const next = highlightIdToFocus(ranked[(current + 1) % ranked.length]!)
    setFocus(next)
    setMode({ kind: 'browse' })
  }

  const orderedTags = useMemo(() => {
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
  }, [claims, mentions, anchors])

  const stepTag = (direction: 1 | -1): void => {
    if (orderedTags.length === 0) return
    const current = orderedTags.findIndex((entry) => focusHighlightId(entry.focus) === focusedId)
    const index = current < 0 ? (direction === 1 ? 0 : orderedTags.length - 1) : (current + direction + orderedTags.length) % orderedTags.length
    focusAndScroll(orderedTags[index]!.focus)
  }

  const goToArticle = async (direction: 1 | -1): Promise<void> => {
    const id = await adjacentArticleId(db, article, direction)
    if (id) navigate('library', ['article', id])
    else notify('info', direction === 1 ? 'This is the last article (oldest).' : 'This is the first article (newest).')
  }

  const onClaimSaved = (claim: Claim): void => {
    setMode({ kind: 'browse' })
    clearSelection()
    setFocus({ kind: 'claim', id: claim.id })
    textRef.current?.focus({ preventScroll: true })
  }

  const onMentionSaved = (mention: Mention): void => {
    setMode({ kind: 'browse' })
    clearSelection()
    setFocus({ kind: 'mention', id: mention.id })
    textRef.current?.focus({ preventScroll: true })
  }

  const removeClaim = async (claim: Claim): Promise<void> => {
    if (await performTagging('delete the claim', () => deleteClaim(db, claim.id))) {
      setFocus(null)
      notify('info', 'Claim deleted. Ctrl+Z brings it back.')
    }
  }

  const removeMention = async (mention: Mention): Promise<void> => {
    if (await performTagging('delete the mention', () => deleteMention(db, mention.id))) {
      setFocus(null)
      notify('info', 'Mention deleted. Ctrl+Z brings it back.')
    }
  }

  const reattach = async (record: { kind: 'claim'; claim: Claim } | { kind: 'mention'; mention: Mention }): Promise<void> => {
    if (!selection) return
    if (record.kind === 'claim') {
      await performTagging('re-attach the claim', () => reattachClaim(db, record.claim, article.body, selection))
    } else {
      const updated: Mention = { ...record.mention, anchor: describeSpan(article.body, selection), updatedAt: nowIso() }
      await performTagging('re-attach the mention', () => writeEdits(db, 'Re-attach mention', [putEdit('mentions', updated)]))
    }
    clearSelection()
  }

  const setClaimStance = async (claim: Claim, stance: Stance): Promise<void> => {
    const span = anchors.get(claim.id)
    if (!span || claim.stance === stance) return
    await performTagging('change the stance', () =>
      saveClaimDraft(
        db,
        { span, actor: { kind: 'existing', id: claim.actorId }, issue: { kind: 'existing', id: claim.issueId }, stance, date: claim.date, addressee: claim.addresseeId ? { kind: 'existing', id: claim.addresseeId } : null, note: claim.note },
        article,
        claim.id,
      ),
    )
  }

  const nextSuggestionAfter = (key: string): Focus | null => {
    const list = suggestions ?? []
    const index = list.findIndex((suggestion) => suggestion.key === key)
    const next = list[index + 1] ?? list[index - 1]
    return next && next.key !== key ? { kind: 'suggestion', key: next.key } : null
  }

  const acceptSuggestion = async (suggestion: SuggestedMention): Promise<void> => {
    const following = nextSuggestionAfter(suggestion.key)
    if (await performTagging('accept the suggested mention', () => acceptSuggestions(db, article, [suggestion]))) {
      if (focus?.kind === 'suggestion') focusAndScroll(following)
    }
  }

  const dismissSuggestion = async (suggestion: SuggestedMention): Promise<void> => {
    const following = nextSuggestionAfter(suggestion.key)
    try {
      await setDismissedSuggestions(db, article.id, [...(tags?.dismissed ?? []), suggestion.key])
      if (focus?.kind === 'suggestion') focusAndScroll(following)
    } catch (error) {
      notify('error', describeStorageError(error, 'dismiss the suggestion'))
    }
  }

  const acceptAllSuggestions = async (): Promise<void> => {
    if (!suggestions || suggestions.length === 0) return
    if (await performTagging('accept the suggested mentions', () => acceptSuggestions(db, article, suggestions))) {
      notify('success', `${suggestions.length} mention${suggestions.length === 1 ? '' : 's'} tagged. Ctrl+Z takes them back.`)
      setFocus(null)
    }
  }

  const currentSuggestion = (): SuggestedMention | undefined =>
    focus?.kind === 'suggestion' ? suggestions?.find((suggestion) => suggestion.key === focus.key) : suggestions?.[0]

  // Single-key shortcuts, while no field has the keyboard and no dialog is open.
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined)
  const handleKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return
    if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
    const focusedClaim = focus?.kind === 'claim' ? claims.find((claim) => claim.id === focus.id) : undefined
    const focusedMention = focus?.kind === 'mention' ? mentions.find((mention) => mention.id === focus.id) : undefined
    const handled = ((): boolean => {
      if (key === '/') {
        setFindOpen(true)
        return true
      }
      if (key === 'Escape') {
        if (mode.kind !== 'browse') setMode({ kind: 'browse' })
        else if (selection) clearSelection()
        else setFocus(null)
        return true
      }
      if (mode.kind !== 'browse') return false // the form has the stage: its own keys apply
      switch (key) {
        case 'a':
          startTagging('tag-actor')
          return true
        case 'c':
          startTagging('tag-claim')
          return true
        case 'n':
        case 'p':
          void goToArticle(key === 'n' ? 1 : -1)
          return true
        case 'j':
        case 'k':
          stepTag(key === 'j' ? 1 : -1)
          return true
        case 'y':
        case 'x': {
          const suggestion = currentSuggestion()
          if (!suggestion) return false
          void (key === 'y' ? acceptSuggestion(suggestion) : dismissSuggestion(suggestion))
          return true
        }
        case 'e':
          if (focusedClaim) setMode({ kind: 'tag-claim', span: anchors.get(focusedClaim.id) ?? focusedClaim.anchor, claimId: focusedClaim.id })
          else if (focusedMention) setMode({ kind: 'tag-actor', span: anchors.get(focusedMention.id) ?? focusedMention.anchor, mentionId: focusedMention.id })
          else return false
          return true
        case 'Delete':
        case 'Backspace':
          if (focusedClaim) void removeClaim(focusedClaim)
          else if (focusedMention) void removeMention(focusedMention)
          else return false
          return true
      }
      const stance = stanceForKey(key)
      if (stance === null || !focusedClaim) return false
      void setClaimStance(focusedClaim, stance)
      return true
    })()
    if (handled) event.preventDefault()
  }
  useEffect(() => {
    keyHandler.current = handleKey
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => keyHandler.current(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const onTextKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (textRef.current) handleSelectionKey(event, textRef.current)
  }

  const preferredActors = useMemo(() => {
    const ids = new Set([...mentions.map((mention) => mention.actorId), ...claims.map((claim) => claim.actorId)])
    return [...ids].map((id) => actorsById.get(id)).filter((actor): actor is Actor => !!actor)
  }, [mentions, claims, actorsById])

  const title = article.title || 'Untitled article'

  return (
    <Screen
      title={title}
      className="reader-screen"
      actions={
        <>
          <button type="button" onClick={() => navigate('library')}>
            ← Library
          </button>
          <button type="button" onClick={() => void goToArticle(-1)} aria-keyshortcuts="P" title="Previous article (P)">
            Previous article
          </button>
          <button type="button" onClick={() => void goToArticle(1)} aria-keyshortcuts="N" title="Next article (N)">
            Next article
          </button>
          <button type="button" onClick={() => setFindOpen(true)} aria-keyshortcuts="/" title="Find words in the article and select them (/)">
            Find
          </button>
          <UndoRedoButtons />
        </>
      }
    >
      <div className="reader-scroll">
        {findOpen && (
          <FindBar
            body={article.body}
            from={selection?.end ?? 0}
            onClose={() => {
              setFindOpen(false)
              textRef.current?.focus({ preventScroll: true })
            }}
            onSelect={(span) => {
              setFindOpen(false)
              const root = textRef.current
              if (!root) return
              root.focus({ preventScroll: true })
              selectSpan(root, span)
              scrollSpanIntoView(root, span)
            }}
          />
        )}
        <article className="reader" aria-label={title} dir={article.direction} lang={article.language || undefined}>
          <header className="reader-meta" dir="ltr">
            <span className="reader-date">{article.publishedAt ? calendarDate(article.publishedAt) : 'No date'}</span>
            {article.source && <span className="reader-source">{article.source}</span>}
            {article.author && <span className="reader-author">By {article.author}</span>}
            <span className="reader-counts">
              {claims.length} claim{claims.length === 1 ? '' : 's'} · {mentions.length} mention{mentions.length === 1 ? '' : 's'}
              {anchors.pending > 0 && ' · locating highlights…'}
            </span>
          </header>
          <p id="reader-keys-hint" className="visually-hidden">
            Select words with Shift and the arrow keys, or press slash to find them; then press A to tag an actor or C to tag a claim.
          </p>
          {ready ? (
            <ArticleText
              body={article.body}
              paragraphs={paragraphs}
              segments={segments}
              looks={looks}
              focused={focusedSet}
              priorityParagraph={priorityParagraph}
              anchorsSettled={anchors.pending === 0}
              onHighlightClick={onHighlightClick}
              onKeyDown={onTextKeyDown}
              textRef={textRef}
            />
          ) : (
            <p className="muted">Opening…</p>
          )}
        </article>
      </div>
      {!ready || !panelReady ? (
        <aside className="tagging-panel" aria-label="Tagging" aria-busy="true" />
      ) : (
        <TaggingPanel
          article={article}
          actors={actors}
          issues={issues}
          actorIndex={actorIndex}
          claims={claims}
          mentions={mentions}
          anchors={anchors}
          suggestions={suggestions}
          selection={selection}
          mode={mode}
          focus={focus}
          preferredActors={preferredActors}
          onTagActor={() => startTagging('tag-actor')}
          onTagClaim={() => startTagging('tag-claim')}
          onModeChange={setMode}
          onFocus={focusAndScroll}
          onClaimSaved={onClaimSaved}
          onMentionSaved={onMentionSaved}
          onDeleteClaim={(claim) => void removeClaim(claim)}
          onDeleteMention={(mention) => void removeMention(mention)}
          onReattach={(record) => void reattach(record)}
          onAcceptSuggestion={(suggestion) => void acceptSuggestion(suggestion)}
          onDismissSuggestion={(suggestion) => void dismissSuggestion(suggestion)}
          onAcceptAllSuggestions={() => void acceptAllSuggestions()}
        />
      )}
    </Screen>
  )
}
