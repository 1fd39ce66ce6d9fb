import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { calendarDate } from '../../../domain/model'
import { searchMatches } from '../../../domain/search/snippet'
import { navigate, useRoute } from '../../../shared/routing'
import type { Highlights } from '../highlights'
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
  // Opened from a library search (#…?q=words): its words are marked too, as the search found them.
  const { params } = useRoute()
  const searchQuery = params.get('q')?.trim() ?? ''
  const searchSpans = useMemo(() => (searchQuery === '' ? [] : searchMatches(article.body, searchQuery)), [article.body, searchQuery])
  const marked = useMemo(() => withSearchMatches(highlights, searchSpans), [highlights, searchSpans])
  const baseSegments = useMemo(() => segmentParagraphs(paragraphs, marked.spans), [paragraphs, marked])
  // The words a form is tagging stay marked while the form is open; only their paragraphs redraw.
  const pendingSpan = mode.kind === 'browse' ? null : mode.span
  const segments = useMemo(
    () => (pendingSpan ? overlaySpan(paragraphs, baseSegments, marked.spans, { id: 'pending', start: pendingSpan.start, end: pendingSpan.end }) : baseSegments),
    [paragraphs, baseSegments, marked, pendingSpan],
  )
  const focusedId = focusHighlightId(focus)
  const focusedSet = useMemo(() => new Set(focusedId ? [focusedId] : []), [focusedId])
  const firstMatch = searchSpans[0]
  const priorityParagraph = useMemo(() => {
    const start = linkedClaim?.anchor.start ?? firstMatch?.start
    return start === undefined ? 0 : (paragraphAt(paragraphs, start)?.index ?? 0)
  }, [linkedClaim, firstMatch, paragraphs])
  // The first match is brought into view once, unless the reader was sent to a claim.
  const scrolledTo = useRef<string | null>(null)
  useEffect(() => {
    const root = textRef.current
    if (!ready || !root || !firstMatch || linkedClaim || scrolledTo.current === searchQuery) return
    scrolledTo.current = searchQuery
    requestAnimationFrame(() => scrollSpanIntoView(root, firstMatch))
  }, [ready, firstMatch, linkedClaim, searchQuery, textRef])

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
      {searchQuery !== '' && !hasNoText(article) && (
        <div className="search-hits-bar" role="status" aria-label="Search matches">
          {searchSpans.length === 0 ? (
            <span>
              Your search <mark className="search-hits-sample">{searchQuery}</mark> matched the title, not the text
            </span>
          ) : (
            <span>
              {searchSpans.length.toLocaleString('en')}
              {searchSpans.length === MAX_MATCHES ? '+' : ''} word{searchSpans.length === 1 ? '' : 's'} of your search <mark className="search-hits-sample">{searchQuery}</mark> marked
            </span>
          )}
          <button
            type="button"
            onClick={() => {
              const rest = Object.fromEntries([...params].filter(([name]) => name !== 'q'))
              navigate('library', ['article', article.id], Object.keys(rest).length > 0 ? rest : undefined)
            }}
          >
            Clear search highlights
          </button>
        </div>
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
            looks={marked.looks}
            focused={focusedSet}
            priorityParagraph={priorityParagraph}
            anchorsSettled={anchors.pending === 0}
            selection={selection}
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

/** As many matches as searchMatches marks by default. */
const MAX_MATCHES = 1000

/** The reader's highlights plus the search's matches, ids "q:<n>" (clicking them selects nothing). */
function withSearchMatches(highlights: Highlights, matches: readonly { start: number; end: number }[]): Highlights {
  if (matches.length === 0) return highlights
  const looks = new Map(highlights.looks)
  const spans = [...highlights.spans]
  matches.forEach((match, index) => {
    const id = `q:${index}`
    spans.push({ id, start: match.start, end: match.end })
    looks.set(id, { kind: 'search', title: 'Matches your library search' })
  })
  return { spans, looks }
}
