import { memo, startTransition, useEffect, useLayoutEffect, useMemo, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type RefObject } from 'react'
import type { TextSpan } from '../../../domain/anchoring'
import type { Stance } from '../../../domain/model'
import type { Paragraph, Segment } from '../../../domain/textLayout'
import type { HighlightLook } from '../highlights'
import { stanceClass, stanceSign } from '../../../shared/ui/stance'
import { keepSelectionThroughRedraw } from './domRanges'

// The article body with its highlights. Every paragraph is in the page from the first frame as
// plain text (so the whole article can be read, selected and scrolled at once); highlights are
// then drawn paragraph by paragraph in small batches between frames, starting where the reader
// is looking, so a long, densely coded article never blocks the page. Off-screen paragraphs
// skip layout (content-visibility), which keeps a 200,000-character article cheap to show.
// Highlighted words are <mark> elements, so assistive technology can announce them as marked.

interface ArticleTextProps {
  body: string
  paragraphs: readonly Paragraph[]
  segments: readonly (readonly Segment[])[]
  looks: ReadonlyMap<string, HighlightLook>
  /** Highlight ids drawn as selected. */
  focused: ReadonlySet<string>
  /** The paragraph to draw first (the one a link points into). */
  priorityParagraph: number
  /** True once every highlight is located: the article then says so (data-highlights="ready"). */
  anchorsSettled: boolean
  /** The words the coder has selected: a redraw that breaks their selection puts it back. */
  selection: TextSpan | null
  onHighlightClick: (ids: string[]) => void
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void
  textRef: RefObject<HTMLDivElement | null>
}

/**
 * How many highlight segments one batch draws: small enough to stay well under a frame budget.
 * The first batch, drawn with the article itself, is smaller still.
 */
const SEGMENTS_PER_BATCH = 250
const FIRST_BATCH = 80
const CHARS_PER_LINE = 86
const LINE_HEIGHT = 28

const PENDING: HighlightLook = { kind: 'pending' }

/** The words being tagged ('pending') are drawn without an entry in the look table. */
function lookOf(id: string, looks: ReadonlyMap<string, HighlightLook>): HighlightLook | undefined {
  return id === 'pending' ? PENDING : looks.get(id)
}

function segmentLook(segment: Segment, looks: ReadonlyMap<string, HighlightLook>, focused: ReadonlySet<string>) {
  const claims: { id: string; stance: Stance; start: number; coder?: { name: string; color: string } }[] = []
  let mention = false
  let suggestion = false
  let search = false
  let pending = false
  let isFocused = false
  const titles: string[] = []
  for (const id of segment.ids) {
    const look = lookOf(id, looks)
    if (!look) continue
    if (focused.has(id)) isFocused = true
    if (look.kind === 'claim') claims.push({ id, stance: look.stance, start: look.start, coder: look.coder })
    else if (look.kind === 'mention') mention = true
    else if (look.kind === 'suggestion') suggestion = true
    else if (look.kind === 'search') search = true
    else pending = true
    if (look.kind !== 'pending') titles.push(look.title)
  }
  const classes = ['seg']
  const style: CSSProperties = {}
  if (claims.length > 0) {
    const innermost = claims[claims.length - 1]!
    classes.push('hl-claim', `hl-s-${stanceClass(innermost.stance)}`)
    if (claims.length > 1) classes.push('hl-overlap')
    // One coloured rule per overlapping claim under the text, innermost lowest: overlaps stay
    // readable, each layer visible in its own stance colour.
    style.boxShadow = claims
      .slice(-3)
      .reverse()
      .map((claim, index) => `inset 0 -${(index + 1) * 3}px 0 0 ${claim.coder ? claim.coder.color : `var(--stance-${stanceClass(claim.stance)})`}`)
      .join(', ')
    // Coders compared: each claim's rule in its coder's colour, and its badge names the coder.
    if (innermost.coder) {
      classes.push('hl-by-coder')
      ;(style as Record<string, string>)['--badge-color'] = innermost.coder.color
    }
  }
  if (mention) classes.push('hl-mention')
  if (suggestion) classes.push('hl-suggestion')
  if (search) classes.push('hl-search')
  if (pending) classes.push('hl-pending')
  if (isFocused) classes.push('hl-focus')
  return { classes: classes.join(' '), style, title: titles.join('\n'), claims }
}

interface ParagraphViewProps {
  paragraph: Paragraph
  body: string
  segments: readonly Segment[]
  looks: ReadonlyMap<string, HighlightLook>
  focused: ReadonlySet<string>
  /** Changes whenever what this paragraph shows changes; the memo compares only this. */
  signature: string
}

const ParagraphView = memo(
  function ParagraphView({ paragraph, body, segments, looks, focused }: ParagraphViewProps) {
    const lines = Math.max(1, Math.ceil((paragraph.end - paragraph.start) / CHARS_PER_LINE))
    return (
      <p data-p-start={paragraph.start} data-p-end={paragraph.end} style={{ containIntrinsicSize: `auto ${lines * LINE_HEIGHT}px` }}>
        {segments.map((segment) => {
          const text = body.slice(segment.start, segment.end)
          if (segment.ids.length === 0) {
            return (
              <span key={segment.start} data-s={segment.start}>
                {text}
              </span>
            )
          }
          const look = segmentLook(segment, looks, focused)
          // The stance sign where a claim starts: colour is never the only cue.
          const badge = look.claims
            .filter((claim) => claim.start === segment.start)
            .map((claim) => (claim.coder ? `${claim.coder.name} ${stanceSign(claim.stance)}` : stanceSign(claim.stance)))
            .join(' ')
          return (
            <mark key={segment.start} data-s={segment.start} data-h={segment.ids.join(' ')} className={look.classes} style={look.style} title={look.title || undefined} data-badge={badge || undefined}>
              {text}
            </mark>
          )
        })}
      </p>
    )
  },
  (before, after) => before.signature === after.signature && before.body === after.body,
)

// What each paragraph's segments look like, as a string the memo compares. Cached per segment
// array (arrays are rebuilt only for paragraphs whose highlights changed) and look table.
const signatureCache = new WeakMap<readonly Segment[], { looks: ReadonlyMap<string, HighlightLook>; signature: string }>()

function baseSignature(segments: readonly Segment[], looks: ReadonlyMap<string, HighlightLook>): string {
  const cached = signatureCache.get(segments)
  if (cached && cached.looks === looks) return cached.signature
  let signature = ''
  for (const segment of segments) {
    signature += `${segment.start}-${segment.end}`
    for (const id of segment.ids) {
      const look = lookOf(id, looks)
      signature += `:${id}${look?.kind === 'claim' ? `=${look.stance}${look.coder ? `@${look.coder.color}${look.coder.name}` : ''}` : ''}${look && look.kind !== 'pending' ? `~${look.title.length}` : ''}`
    }
    signature += '|'
  }
  signatureCache.set(segments, { looks, signature })
  return signature
}

function signatureOf(segments: readonly Segment[], looks: ReadonlyMap<string, HighlightLook>, focused: ReadonlySet<string>): string {
  let focus = ''
  if (focused.size > 0) {
    for (const segment of segments) for (const id of segment.ids) if (focused.has(id)) focus += `*${segment.start}:${id}`
  }
  return baseSignature(segments, looks) + focus
}

export function ArticleText({ body, paragraphs, segments, looks, focused, priorityParagraph, anchorsSettled, selection, onHighlightClick, onKeyDown, textRef }: ArticleTextProps) {
  // Drawing order: from the paragraph the reader is sent to, then onwards, wrapping round.
  const order = useMemo(() => {
    const first = Math.max(0, Math.min(priorityParagraph, paragraphs.length - 1))
    return paragraphs.map((_, index) => (first + index) % paragraphs.length)
  }, [paragraphs, priorityParagraph])
  const nextBudget = (from: number, size = SEGMENTS_PER_BATCH): number => {
    let count = 0
    let budget = from
    while (budget < order.length && (count === 0 || count < size)) {
      count += Math.max(1, segments[order[budget]!]?.length ?? 1)
      budget++
    }
    return budget
  }
  const [budget, setBudget] = useState(() => nextBudget(0, FIRST_BATCH))
  const decorated = useMemo(() => {
    const set = new Set<number>()
    for (let index = 0; index < Math.min(budget, order.length); index++) set.add(order[index]!)
    return set
  }, [budget, order])

  useEffect(() => {
    if (budget >= order.length) return
    // A transition: React may pause the batch's rendering for input, so typing stays instant.
    const timer = setTimeout(() => startTransition(() => setBudget((current) => nextBudget(current))), 0)
    return () => clearTimeout(timer)
    // nextBudget reads the current segments; re-running on its identity would restart batches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [budget, order])

  // Whether a commit redrew the text: its mutation records, read synchronously right after it.
  const [redraws] = useState(() => new MutationObserver(() => {}))
  useLayoutEffect(() => {
    if (textRef.current) redraws.observe(textRef.current, { childList: true, characterData: true, subtree: true })
    return () => redraws.disconnect()
  }, [redraws, textRef])
  // Runs after every commit, before the browser reports a broken selection to anyone. Only a
  // commit that redrew the text can have broken it; any other change of selection is the user's.
  useLayoutEffect(() => {
    const redrawn = redraws.takeRecords().length > 0
    if (redrawn && selection && textRef.current) keepSelectionThroughRedraw(textRef.current, selection)
  })

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const selection = document.getSelection()
    if (selection && !selection.isCollapsed) return // the user is selecting text, not clicking a highlight
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-h]')
    if (target?.dataset.h) onHighlightClick(target.dataset.h.split(' '))
  }

  const done = budget >= order.length
  return (
    <div
      ref={textRef}
      className="reader-text"
      tabIndex={0}
      aria-label="Article text"
      aria-describedby="reader-keys-hint"
      data-highlights={done && anchorsSettled ? 'ready' : 'drawing'}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {paragraphs.map((paragraph) => {
        const isDecorated = decorated.has(paragraph.index)
        const own = isDecorated ? (segments[paragraph.index] ?? []) : [{ start: paragraph.start, end: paragraph.end, ids: [] }]
        return (
          <ParagraphView
            key={paragraph.start}
            paragraph={paragraph}
            body={body}
            segments={own}
            looks={looks}
            focused={focused}
            signature={isDecorated ? signatureOf(own, looks, focused) : 'plain'}
          />
        )
      })}
    </div>
  )
}
