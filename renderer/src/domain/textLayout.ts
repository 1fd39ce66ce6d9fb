import type { TextSpan } from './anchoring'

// How the reader lays out an article: paragraphs (blank-line separated, with their offsets in
// the body) cut into segments at every highlight boundary, each segment knowing which
// highlights cover it. Offsets stay those of the body, so a selection in the page maps back to
// the body exactly.

export interface Paragraph extends TextSpan {
  index: number
}

export function splitParagraphs(body: string): Paragraph[] {
  const result: Paragraph[] = []
  let start = 0
  const push = (end: number): void => {
    if (body.slice(start, end).trim() !== '') result.push({ index: result.length, start, end })
  }
  for (const match of body.matchAll(/\n[ \t]*\n\s*/g)) {
    push(match.index)
    start = match.index + match[0].length
  }
  push(body.length)
  return result
}

export interface HighlightSpan extends TextSpan {
  id: string
}

export interface Segment extends TextSpan {
  /** Highlights covering this segment, outermost (earliest start, then longest) first. */
  ids: readonly string[]
}

const NONE: readonly string[] = []

/**
 * Cuts each paragraph at every highlight boundary inside it. Runs in O((P + H) log H) for P
 * paragraphs and H highlights: one sweep over sorted boundaries.
 */
export function segmentParagraphs(paragraphs: readonly Paragraph[], highlights: readonly HighlightSpan[]): Segment[][] {
  const spans = highlights
    .filter((span) => span.end > span.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1))
  const rank = new Map<string, number>()
  spans.forEach((span, index) => rank.set(span.id, index))
  const byEnd = spans.slice().sort((a, b) => a.end - b.end)

  const result: Segment[][] = []
  let nextStart = 0
  let nextEnd = 0
  let active: HighlightSpan[] = []
  let activeIds: readonly string[] = NONE

  const advanceTo = (position: number): void => {
    let changed = false
    while (nextEnd < byEnd.length && byEnd[nextEnd]!.end <= position) {
      const ending = byEnd[nextEnd++]!
      const index = active.indexOf(ending)
      if (index >= 0) {
        active.splice(index, 1)
        changed = true
      }
    }
    while (nextStart < spans.length && spans[nextStart]!.start <= position) {
      const starting = spans[nextStart++]!
      if (starting.end > position) {
        active.push(starting)
        changed = true
      }
    }
    if (changed) {
      active = active.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
      activeIds = active.length === 0 ? NONE : active.map((span) => span.id)
    }
  }

  for (const paragraph of paragraphs) {
    const segments: Segment[] = []
    advanceTo(paragraph.start)
    let position = paragraph.start
    while (position < paragraph.end) {
      // The next boundary: a highlight starting or ending, or the paragraph's end.
      let boundary = paragraph.end
      if (nextStart < spans.length && spans[nextStart]!.start < boundary) boundary = spans[nextStart]!.start
      for (const span of active) if (span.end < boundary) boundary = span.end
      if (boundary <= position) boundary = position + 1
      segments.push({ start: position, end: boundary, ids: activeIds })
      position = boundary
      advanceTo(position)
    }
    result.push(segments)
  }
  return result
}

/**
 * The same segmentation with one more highlight laid over it (the span a form is tagging):
 * only the paragraphs it touches are cut again, the others keep their segment arrays, so a
 * renderer that compares by identity redraws just those.
 */
export function overlaySpan(
  paragraphs: readonly Paragraph[],
  segments: readonly (readonly Segment[])[],
  highlights: readonly HighlightSpan[],
  extra: HighlightSpan,
): (readonly Segment[])[] {
  const result = [...segments]
  for (const paragraph of paragraphs) {
    if (paragraph.end <= extra.start || paragraph.start >= extra.end) continue
    const inside = highlights.filter((span) => span.start < paragraph.end && paragraph.start < span.end)
    result[paragraph.index] = segmentParagraphs([{ ...paragraph, index: 0 }], [...inside, extra])[0]!
  }
  return result
}

/** The paragraph holding `offset` (or the next one after a gap), by binary search. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  let low = 0
  let high = paragraphs.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const paragraph = paragraphs[middle]!
    if (offset < paragraph.start) high = middle - 1
    else if (offset >= paragraph.end) low = middle + 1
    else return paragraph
  }
  return paragraphs[low]
}
