import { useEffect, useRef, useState } from 'react'
import { useReaderSession } from '../ReaderSession'
import { ClaimCard } from './ClaimCard'
import { ClaimForm } from './ClaimForm'
import { ClaimList } from './ClaimList'
import { CompareCard } from './CompareCard'
import { MentionCard } from './MentionCard'
import { MentionForm } from './MentionForm'
import { MentionList } from './MentionList'
import { OrphanList } from './OrphanList'
import { SelectionCard } from './SelectionCard'
import { SuggestionCard } from './SuggestionCard'
import { SuggestionList } from './SuggestionList'

/**
 * The Tagging panel beside the article: the selection and its Tag buttons, or the open form;
 * the selected tag's card; then the article's claims, mentions, suggestions and orphans.
 */
export function TaggingPanel() {
  const { ready } = useReaderSession()
  // The panel comes a task after the article, so opening a long article is two short tasks.
  const [panelReady, setPanelReady] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setPanelReady(true), 0)
    return () => clearTimeout(timer)
  }, [])
  if (!ready || !panelReady) return <aside className="tagging-panel" aria-label="Tagging" aria-busy="true" />
  return <PanelContent />
}

function PanelContent() {
  const { claims, mentions, suggestions, mode, focus } = useReaderSession()
  const focusedClaim = focus?.kind === 'claim' ? claims.find((claim) => claim.id === focus.id) : undefined
  const focusedMention = focus?.kind === 'mention' ? mentions.find((mention) => mention.id === focus.id) : undefined
  const focusedSuggestion = focus?.kind === 'suggestion' ? suggestions?.find((suggestion) => suggestion.key === focus.key) : undefined

  // The selected tag's card and the forms sit at the top: bring them into view when they change.
  const panelRef = useRef<HTMLElement>(null)
  const focusKey = focus ? `${focus.kind}:${focus.kind === 'suggestion' ? focus.key : focus.id}` : ''
  useEffect(() => {
    if (focusKey !== '' || mode.kind !== 'browse') panelRef.current?.scrollTo({ top: 0 })
  }, [focusKey, mode.kind])

  return (
    <aside className="tagging-panel" aria-label="Tagging" ref={panelRef}>
      {mode.kind === 'browse' && <CompareCard />}
      {mode.kind === 'browse' && <SelectionCard />}
      {mode.kind === 'tag-claim' && (
        <section className="panel-section">
          <ClaimForm key={`${mode.claimId ?? 'new'}:${mode.span.start}:${mode.span.end}`} span={mode.span} existing={mode.claimId ? claims.find((claim) => claim.id === mode.claimId) : undefined} />
        </section>
      )}
      {mode.kind === 'tag-actor' && (
        <section className="panel-section">
          <MentionForm key={`${mode.mentionId ?? 'new'}:${mode.span.start}:${mode.span.end}`} span={mode.span} existing={mode.mentionId ? mentions.find((mention) => mention.id === mode.mentionId) : undefined} />
        </section>
      )}
      {mode.kind === 'browse' && focusedClaim && <ClaimCard claim={focusedClaim} />}
      {mode.kind === 'browse' && focusedMention && <MentionCard mention={focusedMention} />}
      {mode.kind === 'browse' && focusedSuggestion && <SuggestionCard suggestion={focusedSuggestion} />}
      <ClaimList />
      <MentionList />
      <SuggestionList />
      <OrphanList />
    </aside>
  )
}
