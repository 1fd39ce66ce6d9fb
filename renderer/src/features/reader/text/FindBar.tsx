import { useMemo, useState } from 'react'
import type { TextSpan } from '../../../domain/anchoring'
import { foldText, foldWithMap } from '../../../domain/text/folding'

/** Every occurrence of the query in the body, folded (case, diacritics), as body spans. */
function findInBody(body: string, folded: ReturnType<typeof foldWithMap>, query: string): TextSpan[] {
  const needle = foldText(query)
  if (needle === '') return []
  const found: TextSpan[] = []
  for (let at = folded.folded.indexOf(needle); at !== -1 && found.length < 1000; at = folded.folded.indexOf(needle, at + 1)) {
    const last = folded.map[at + needle.length - 1]!
    const code = body.charCodeAt(last)
    found.push({ start: folded.map[at]!, end: last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1) })
  }
  return found
}

interface FindBarProps {
  body: string
  /** Where the search continues from: the end of the current selection, if any. */
  from: number
  onSelect: (span: TextSpan) => void
  onClose: () => void
}

/**
 * Find in article, the keyboard way to select text: type the words, Enter selects the next
 * match in the article (Shift+Enter the previous one) and returns to the text, ready for
 * `A` (tag actor) or `C` (tag claim). Matching ignores case and diacritics.
 */
export function FindBar({ body, from, onSelect, onClose }: FindBarProps) {
  const [query, setQuery] = useState('')
  const folded = useMemo(() => foldWithMap(body), [body])
  const matches = useMemo(() => findInBody(body, folded, query), [body, folded, query])
  const nextIndex = matches.findIndex((match) => match.start >= from)
  const current = nextIndex >= 0 ? nextIndex : 0

  const choose = (backwards: boolean): void => {
    if (matches.length === 0) return
    let index = current
    if (backwards) {
      const before = matches.map((match) => match.end <= from).lastIndexOf(true)
      index = before >= 0 ? before : matches.length - 1
    }
    onSelect(matches[index]!)
  }

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        type="search"
        aria-label="Find in article"
        placeholder="Find words to select…"
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            choose(event.shiftKey)
          } else if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            onClose()
          }
        }}
      />
      <span className="find-count" role="status">
        {query.trim() === '' ? 'Enter selects the match' : matches.length === 0 ? 'No match' : `${current + 1} of ${matches.length}${matches.length === 1000 ? '+' : ''}`}
      </span>
      <button type="button" onClick={() => choose(false)} disabled={matches.length === 0}>
        Select match
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  )
}
