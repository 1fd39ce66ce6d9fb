import { useEffect, useRef } from 'react'
import { isTypingTarget } from '../../shared/shortcuts'
import { stanceForKey } from '../../shared/ui/stance'
import type { ReaderSession } from './ReaderSession'

/** The reader's single-key shortcuts, while no field has the keyboard and no dialog is open. */
export function useReaderKeys(session: ReaderSession): void {
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined)
  const handleKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return
    if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return
    const { focus, mode, selection, claims, mentions, actions } = session
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
    const focusedClaim = focus?.kind === 'claim' ? claims.find((claim) => claim.id === focus.id) : undefined
    const focusedMention = focus?.kind === 'mention' ? mentions.find((mention) => mention.id === focus.id) : undefined
    const handled = ((): boolean => {
      if (key === '/') {
        session.setFindOpen(true)
        return true
      }
      if (key === 'Escape') {
        if (mode.kind !== 'browse') actions.cancelForm()
        else if (selection) session.clearSelection()
        else session.focusAndScroll(null)
        return true
      }
      if (mode.kind !== 'browse') return false // the form has the stage: its own keys apply
      switch (key) {
        case 'a':
          actions.startTagging('tag-actor')
          return true
        case 'c':
          actions.startTagging('tag-claim')
          return true
        case 'n':
        case 'p':
          void actions.goToArticle(key === 'n' ? 1 : -1)
          return true
        case 'j':
        case 'k':
          actions.stepTag(key === 'j' ? 1 : -1)
          return true
        case 'y':
        case 'x': {
          const suggestion = actions.currentSuggestion()
          if (!suggestion) return false
          void (key === 'y' ? actions.acceptSuggestion(suggestion) : actions.dismissSuggestion(suggestion))
          return true
        }
        case 'e':
          if (focusedClaim) actions.editClaim(focusedClaim)
          else if (focusedMention) actions.editMention(focusedMention)
          else return false
          return true
        case 'Delete':
        case 'Backspace':
          if (focusedClaim) void actions.removeClaim(focusedClaim)
          else if (focusedMention) void actions.removeMention(focusedMention)
          else return false
          return true
      }
      const stance = stanceForKey(key)
      if (stance === null || !focusedClaim) return false
      void actions.setClaimStance(focusedClaim, stance)
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
}
