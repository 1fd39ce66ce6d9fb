import { useMemo, type KeyboardEvent } from 'react'
import { calendarDate } from '../../../domain/model'
import { overlaySpan, paragraphAt, segmentParagraphs, splitParagraphs } from '../../../domain/textLayout'
import { focusHighlightId } from '../focus'
import { useReaderSession } from '../ReaderSession'
import { ArticleText } from './ArticleText'
import { scrollSpanIntoView, selectSpan } from './domRanges'
import { FindBar } from './FindBar'
import { NoTextPanel } from './NoTextPanel'
import { hasNoText } from '../../../domain/documentText'
import { handleSelectionKey } from './keyboardSelection'

/** The article as the reader shows it: find bar, date and source line, and the marked-up text. */
export function ArticleView() {
  const { article, claims, mentions, anchors, ready, highlights, mode, focus, linkedClaim, selection, findOpen, setFindOpen, textRef, actions, coding } = useReaderSession()
  const paragraphs = useMemo(() => splitParagraphs(article.body), [article.body])
  const baseSegments = useMemo(() => segmentParagraphs(paragraphs, highlights.spans), [paragraphs, highlights])
  // The words a form is tagging stay marked while the form is open; only their paragraphs redraw.
  const pendingSpan = mode.kind === 'browse' ? null : mode.span
  const segments = useMemo(
    () => (pendingSpan ? overlaySpan(paragraphs, baseSegments, highlights.spans, { id: 'pending', start: pendingSpan.start, end: pendingSpan.end }) : baseSegments),
    [paragraphs, baseSegments, highlights, pendingSpan],
  )
  const focusedId = focusHighlightId(focus)
  const focusedSet = useMemo(() => new Set(focusedId ? [focusedId] : []), [focusedId])
  const priorityParagraph = useMemo(() => {
    const start = linkedClaim?.anchor.start
    return start === undefined ? 0 : (paragraphAt(paragraphs, start)?.index ?? 0)
  }, [linkedClaim, paragraphs])

  const onTextKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (textRef.current) handleSelectionKey(event, textRef.current)
  }
  const title = article.title || 'Untitled article'

  return (
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
          {coding.blind && (
            <span className="reader-blind" role="note">
              Blind coding: only your own claims and mentions are shown
            </span>
          )}
        </header>
        <p id="reader-keys-hint" className="visually-hidden">
          Select words with Shift and the arrow keys, or press slash to find them; then press A to tag an actor or C to tag a claim.
        </p>
        {hasNoText(article) ? (
          <NoTextPanel />
        ) : ready ? (
          <ArticleText
            body={article.body}
            paragraphs={paragraphs}
            segments={segments}
            looks={highlights.looks}
            focused={focusedSet}
            priorityParagraph={priorityParagraph}
            anchorsSettled={anchors.pending === 0}
            onHighlightClick={actions.clickHighlights}
            onKeyDown={onTextKeyDown}
            textRef={textRef}
          />
        ) : (
          <p className="muted">Opening…</p>
        )}
      </article>
    </div>
  )
}
