import { useMemo } from 'react'
import { db } from '../../db/instance'
import { adjacentArticleId } from '../../db/repositories/articleOrder'
import { deleteClaim, reattachClaim, saveClaimDraft } from '../../db/repositories/claims'
import { acceptSuggestions, deleteMention, reattachMention, setDismissedSuggestions } from '../../db/repositories/mentions'
import { describeStorageError } from '../../db/storageErrors'
import type { TextSpan } from '../../domain/anchoring'
import type { Article, Claim, Mention, Stance } from '../../domain/model'
import type { SuggestedMention } from '../../domain/suggestedMentions'
import { notify } from '../../shared/notices'
import { navigate, parseHash } from '../../shared/routing'
import { adjacentInSequence, rememberedSequence } from '../../shared/articleSequence'
import { searchLibrary } from '../library'
import { performTagging } from '../../shared/undo/history'
import { focusHighlightId, type Focus, type PanelMode } from './focus'
import { nextClickedFocus, tagsInReadingOrder } from './highlights'
import type { ResolvedAnchors } from './useResolvedAnchors'

/** What the actions read: the session's records and state at the time of the call. */
export interface ActionContext {
  article: Article
  claims: readonly Claim[]
  mentions: readonly Mention[]
  anchors: ResolvedAnchors
  suggestions: readonly SuggestedMention[] | null
  dismissed: readonly string[] | undefined
  selection: TextSpan | null
  clearSelection: () => void
  focus: Focus | null
  setFocus: (focus: Focus | null) => void
  setMode: (mode: PanelMode) => void
  /** Selects a tag and scrolls the text to it. */
  focusAndScroll: (focus: Focus | null) => void
  /** Gives the keyboard back to the article text. */
  focusText: () => void
}

export type RecordToReattach = { kind: 'claim'; claim: Claim } | { kind: 'mention'; mention: Mention }

export type TaggingActions = ReturnType<typeof useTaggingActions>

/**
 * Everything the reader and the panel do to the article's tags: start a form, select a tag,
 * save, delete, re-attach, change a stance, accept or dismiss suggestions, move between
 * articles. Writes go through the undo history and report failures in words.
 */
export function useTaggingActions(context: ActionContext) {
  const { article, claims, mentions, anchors, suggestions, dismissed, selection, clearSelection, focus, setFocus, setMode, focusAndScroll, focusText } = context
  return useMemo(() => {
    // After a save: the form closes, the saved tag is selected and the keys go back to the text.
    const backToText = (saved: Focus): void => {
      setMode({ kind: 'browse' })
      clearSelection()
      setFocus(saved)
      focusText()
    }

    const nextSuggestionAfter = (key: string): Focus | null => {
      const list = suggestions ?? []
      const index = list.findIndex((suggestion) => suggestion.key === key)
      const next = list[index + 1] ?? list[index - 1]
      return next && next.key !== key ? { kind: 'suggestion', key: next.key } : null
    }

    return {
      startTagging: (kind: 'tag-actor' | 'tag-claim'): void => {
        if (!selection) {
          notify('info', 'Select the words to tag first: drag over them, use Shift+arrows, or press / to find them.')
          return
        }
        setFocus(null)
        setMode({ kind, span: selection })
      },

      cancelForm: (): void => {
        setMode({ kind: 'browse' })
      },

      /** An orphaned claim is edited on the selected words when asked from its card (E keeps its old ones). */
      editClaim: (claim: Claim, onSelection = false): void => {
        setMode({ kind: 'tag-claim', span: anchors.get(claim.id) ?? (onSelection ? selection : null) ?? claim.anchor, claimId: claim.id })
      },

      editMention: (mention: Mention): void => {
        setMode({ kind: 'tag-actor', span: anchors.get(mention.id) ?? mention.anchor, mentionId: mention.id })
      },

      /** A click on highlighted words. */
      clickHighlights: (ids: string[]): void => {
        const next = nextClickedFocus(ids, focusHighlightId(focus))
        if (!next) return
        setFocus(next)
        setMode({ kind: 'browse' })
      },

      stepTag: (direction: 1 | -1): void => {
        const ordered = tagsInReadingOrder(claims, mentions, anchors)
        if (ordered.length === 0) return
        const focusedId = focusHighlightId(focus)
        const current = ordered.findIndex((entry) => focusHighlightId(entry.focus) === focusedId)
        const index = current < 0 ? (direction === 1 ? 0 : ordered.length - 1) : (current + direction + ordered.length) % ordered.length
        focusAndScroll(ordered[index]!.focus)
      },

      goToArticle: async (direction: 1 | -1): Promise<void> => {
        // Opened from a library search: walk its results, their words still marked.
        const query = parseHash(location.hash).params.get('q')?.trim() ?? ''
        if (query !== '') {
          const ids = rememberedSequence(query) ?? (await searchLibrary(query)).ids
          const next = adjacentInSequence(ids, article.id, direction)
          if (next) return navigate('library', ['article', next], { q: query })
          if (next === null) {
            notify('info', direction === 1 ? `This is the last article found by “${query}”.` : `This is the first article found by “${query}”.`)
            return
          }
        }
        const id = await adjacentArticleId(db, article, direction)
        if (id) navigate('library', ['article', id])
        else notify('info', direction === 1 ? 'This is the last article (oldest).' : 'This is the first article (newest).')
      },

      claimSaved: (claim: Claim): void => {
        backToText({ kind: 'claim', id: claim.id })
      },

      mentionSaved: (mention: Mention): void => {
        backToText({ kind: 'mention', id: mention.id })
      },

      removeClaim: async (claim: Claim): Promise<void> => {
        if (await performTagging('delete the claim', () => deleteClaim(db, claim.id))) {
          setFocus(null)
          notify('info', 'Claim deleted. Ctrl+Z brings it back.')
        }
      },

      removeMention: async (mention: Mention): Promise<void> => {
        if (await performTagging('delete the mention', () => deleteMention(db, mention.id))) {
          setFocus(null)
          notify('info', 'Mention deleted. Ctrl+Z brings it back.')
        }
      },

      reattach: async (record: RecordToReattach): Promise<void> => {
        if (!selection) return
        if (record.kind === 'claim') await performTagging('re-attach the claim', () => reattachClaim(db, record.claim, article.body, selection))
        else await performTagging('re-attach the mention', () => reattachMention(db, record.mention, article.body, selection))
        clearSelection()
      },

      setClaimStance: async (claim: Claim, stance: Stance): Promise<void> => {
        const span = anchors.get(claim.id)
        if (!span || claim.stance === stance) return
        await performTagging('change the stance', () =>
          saveClaimDraft(
            db,
            { span, actor: { kind: 'existing', id: claim.actorId }, issue: { kind: 'existing', id: claim.issueIds[0]! }, stance, date: claim.date, addressee: claim.addresseeId ? { kind: 'existing', id: claim.addresseeId } : null, note: claim.note },
            article,
            claim.id,
          ),
        )
      },

      /** The suggestion Y and X act on: the selected one, else the first. */
      currentSuggestion: (): SuggestedMention | undefined => {
        return focus?.kind === 'suggestion' ? suggestions?.find((suggestion) => suggestion.key === focus.key) : suggestions?.[0]
      },

      acceptSuggestion: async (suggestion: SuggestedMention): Promise<void> => {
        const following = nextSuggestionAfter(suggestion.key)
        if (await performTagging('accept the suggested mention', () => acceptSuggestions(db, article, [suggestion]))) {
          if (focus?.kind === 'suggestion') focusAndScroll(following)
        }
      },

      dismissSuggestion: async (suggestion: SuggestedMention): Promise<void> => {
        const following = nextSuggestionAfter(suggestion.key)
        try {
          await setDismissedSuggestions(db, article.id, [...(dismissed ?? []), suggestion.key])
          if (focus?.kind === 'suggestion') focusAndScroll(following)
        } catch (error) {
          notify('error', describeStorageError(error, 'dismiss the suggestion'))
        }
      },

      acceptAllSuggestions: async (): Promise<void> => {
        if (!suggestions || suggestions.length === 0) return
        if (await performTagging('accept the suggested mentions', () => acceptSuggestions(db, article, suggestions))) {
          notify('success', `${suggestions.length} mention${suggestions.length === 1 ? '' : 's'} tagged. Ctrl+Z takes them back.`)
          setFocus(null)
        }
      },
    }
  }, [article, claims, mentions, anchors, suggestions, dismissed, selection, clearSelection, focus, setFocus, setMode, focusAndScroll, focusText])
}
