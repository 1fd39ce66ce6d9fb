// PDF text in reading order. A PDF holds positioned runs of glyphs, not paragraphs; its content
// stream order is whatever the program that made it chose (QualCoder's PDF text comes out of
// order because it trusts that order). So we rebuild the page from positions:
//
//  1. runs on one baseline form a row; a row splits into segments wherever a gap is wider than
//     a column gutter could be mistaken for a word space (one em);
//  2. running headers, footers and page numbers (the top and bottom rows that repeat, digits
//     aside, on many pages) are removed;
//  3. segments are ordered by a recursive XY-cut: a vertical strip of white space splits the set
//     into columns (left to right, or right to left on a right-to-left page); otherwise the set
//     is cut into horizontal bands at every empty strip, and neighbouring bands that share a
//     column gutter are put back together, so two columns whose lines happen to align are
//     still read column by column while a full-width title or footer stays in place;
//  4. lines join into paragraphs unless the spacing, an indent, a short last line, a change of
//     font size or a sentence end at a column or page break says a paragraph ended; a word
//     hyphenated at a line end is joined again.
//
// Coordinates are viewport coordinates (origin top-left, y down, PDF points).

export interface PdfRun {
  str: string
  /** Left end of the baseline. */
  x: number
  /** Baseline, from the top of the page. */
  y: number
  width: number
  fontSize: number
  rtl: boolean
}

export interface PdfPage {
  width: number
  height: number
  runs: PdfRun[]
}

export interface PdfLayout {
  paragraphs: string[]
  /** The largest text near the top of the first page, when it stands out: the title's hint. */
  headingHint: string
  /** Header, footer and page-number lines dropped. */
  removedLines: number
  /** Characters of text (not spaces) the pages hold, before anything was dropped. */
  textChars: number
}

interface Segment {
  text: string
  x0: number
  x1: number
  top: number
  bottom: number
  baseline: number
  fontSize: number
  page: number
  rtl: boolean
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Rows of runs sharing a baseline, split into segments at gaps wider than an em. */
function segmentsOf(page: PdfPage, pageIndex: number): Segment[] {
  const runs = page.runs.filter((run) => run.str.trim() !== '' && run.fontSize > 0).sort((a, b) => a.y - b.y || a.x - b.x)
  const rows: PdfRun[][] = []
  for (const run of runs) {
    const row = rows[rows.length - 1]
    const first = row?.[0]
    if (row && first && Math.abs(run.y - first.y) <= 0.45 * Math.min(run.fontSize, first.fontSize)) row.push(run)
    else rows.push([run])
  }
  const segments: Segment[] = []
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x)
    let current: { runs: PdfRun[]; x1: number } | null = null
    const flush = (): void => {
      if (!current) return
      segments.push(buildSegment(current.runs, pageIndex))
      current = null
    }
    for (const run of row) {
      const size = Math.max(run.fontSize, current?.runs[0]!.fontSize ?? 0)
      if (current) {
        const gap = run.x - current.x1
        // Programs fake bold by drawing a run twice, a hair apart: keep one.
        const last = current.runs[current.runs.length - 1]!
        if (last.str === run.str && Math.abs(last.x - run.x) < 0.2 * size) continue
        if (gap > size) flush()
      }
      if (!current) current = { runs: [], x1: run.x }
      current.runs.push(run)
      current.x1 = Math.max(current.x1, run.x + run.width)
    }
    flush()
  }
  return segments
}

function buildSegment(runs: PdfRun[], page: number): Segment {
  const rtl = runs.filter((run) => run.rtl).length * 2 > runs.length
  const ordered = rtl ? [...runs].sort((a, b) => b.x + b.width - (a.x + a.width)) : runs
  let text = ''
  let previous: PdfRun | null = null
  for (const run of ordered) {
    if (previous) {
      const gap = rtl ? previous.x - (run.x + run.width) : run.x - (previous.x + previous.width)
      if (gap > 0.15 * Math.min(run.fontSize, previous.fontSize) && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' '
    }
    text += run.str
    previous = run
  }
  const fontSize = median(runs.map((run) => run.fontSize))
  const baseline = median(runs.map((run) => run.y))
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x0: Math.min(...runs.map((run) => run.x)),
    x1: Math.max(...runs.map((run) => run.x + run.width)),
    top: baseline - fontSize * 0.8,
    bottom: baseline + fontSize * 0.2,
    baseline,
    fontSize,
    page,
    rtl,
  }
}

// ---- running headers, footers, page numbers -------------------------------------------

const PAGE_NUMBER = /^(?:(?:page|p\.|pg\.?|seite|página|pagina|صفحة)\s*)?[-–—(|[]?\s*\d{1,4}\s*[-–—)|\]]?(?:\s*(?:of|von|de|sur|\/|من)\s*\d{1,4})?$/i
const ROMAN = /^[ivxlcdm]{1,7}$/i

const runningKey = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()

/** The segments in the first and last row of each page, and any in the top or bottom 7%. */
function marginCandidates(page: Segment[], height: number): Segment[] {
  if (page.length === 0) return []
  const tops = page.map((segment) => segment.baseline)
  const firstRow = Math.min(...tops)
  const lastRow = Math.max(...tops)
  return page.filter(
    (segment) =>
      Math.abs(segment.baseline - firstRow) < segment.fontSize * 0.5 ||
      Math.abs(segment.baseline - lastRow) < segment.fontSize * 0.5 ||
      segment.bottom < height * 0.07 ||
      segment.top > height * 0.93,
  )
}

function removeRunningLines(pages: Segment[][], heights: number[]): { pages: Segment[][]; removed: number } {
  const candidates = pages.map((page, index) => marginCandidates(page, heights[index]!))
  const pagesWithKey = new Map<string, Set<number>>()
  candidates.forEach((list, index) => {
    for (const segment of list) {
      const key = runningKey(segment.text)
      if (!pagesWithKey.has(key)) pagesWithKey.set(key, new Set())
      pagesWithKey.get(key)!.add(index)
    }
  })
  // On at least two pages and a third of them (odd and even pages often alternate headers).
  const threshold = Math.max(2, Math.ceil(pages.length * 0.3))
  let removed = 0
  const kept = pages.map((page, index) => {
    const drop = new Set(
      candidates[index]!.filter((segment) => {
        const text = segment.text.trim()
        if (PAGE_NUMBER.test(text) || (ROMAN.test(text) && text.length <= 5 && pages.length > 1)) return true
        return pages.length > 1 && (pagesWithKey.get(runningKey(text))?.size ?? 0) >= threshold
      }),
    )
    removed += drop.size
    return page.filter((segment) => !drop.has(segment))
  })
  return { pages: kept, removed }
}

// ---- reading order ------------------------------------------------------------------------

interface Interval {
  from: number
  to: number
}

/** Empty x-strips strictly between the segments' outer edges, at least `min` wide. */
function verticalGaps(segments: Segment[], min: number): Interval[] {
  const spans = segments.map((segment) => [segment.x0, segment.x1] as const).sort((a, b) => a[0] - b[0])
  const gaps: Interval[] = []
  let reach = spans[0]?.[1] ?? 0
  for (const [from, to] of spans.slice(1)) {
    if (from - reach >= min) gaps.push({ from: reach, to: from })
    reach = Math.max(reach, to)
  }
  return gaps
}

/** Bands separated by empty y-strips, top to bottom. */
function horizontalBands(segments: Segment[]): Segment[][] {
  const sorted = [...segments].sort((a, b) => a.top - b.top)
  const bands: Segment[][] = []
  let reach = -Infinity
  for (const segment of sorted) {
    if (bands.length === 0 || segment.top >= reach) {
      bands.push([segment])
      reach = segment.bottom
    } else {
      bands[bands.length - 1]!.push(segment)
      reach = Math.max(reach, segment.bottom)
    }
  }
  return bands
}

/** The part of `gap` no segment of `band` covers, if at least `min` wide is left of it. */
function narrowGap(gap: Interval, band: Segment[], min: number): Interval | null {
  let pieces: Interval[] = [gap]
  for (const segment of band) {
    pieces = pieces.flatMap((piece) => {
      if (segment.x1 <= piece.from || segment.x0 >= piece.to) return [piece]
      return [
        { from: piece.from, to: Math.min(piece.to, segment.x0) },
        { from: Math.max(piece.from, segment.x1), to: piece.to },
      ].filter((part) => part.to - part.from >= min)
    })
  }
  return pieces.sort((a, b) => b.to - b.from - (a.to - a.from))[0] ?? null
}

function readingOrder(segments: Segment[], gutter: number, rtl: boolean, depth = 0): Segment[] {
  if (segments.length <= 1 || depth > 60) return [...segments].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0)
  const gaps = verticalGaps(segments, gutter)
  if (gaps.length > 0) {
    const cuts = gaps.map((gap) => (gap.from + gap.to) / 2)
    const columns: Segment[][] = cuts.map(() => [])
    columns.push([])
    for (const segment of segments) {
      const index = cuts.filter((cut) => segment.x0 >= cut).length
      columns[index]!.push(segment)
    }
    if (rtl) columns.reverse()
    return columns.flatMap((column) => readingOrder(column, gutter, rtl, depth + 1))
  }
  const bands = horizontalBands(segments)
  if (bands.length === 1) return [...segments].sort((a, b) => a.baseline - b.baseline || (rtl ? b.x1 - a.x1 : a.x0 - b.x0))
  // Put back together the bands that share a gutter: they are one stretch of columns.
  const groups: { segments: Segment[]; gap: Interval | null }[] = []
  for (const band of bands) {
    const last = groups[groups.length - 1]
    const joined = last?.gap ? narrowGap(last.gap, band, gutter) : null
    if (last && joined) {
      last.segments.push(...band)
      last.gap = joined
      continue
    }
    const own = verticalGaps(band, gutter)
    groups.push({ segments: [...band], gap: own.length > 0 ? own.reduce((widest, next) => (next.to - next.from > widest.to - widest.from ? next : widest)) : null })
  }
  // A column can start higher than its neighbour (the other opens with a paragraph's margin):
  // its first lines form bands of their own, without a gutter. Clear of the gutter below them,
  // they belong to the columns.
  for (let index = groups.length - 2; index >= 0; index--) {
    const group = groups[index]!
    const next = groups[index + 1]!
    const joined = group.gap === null && next.gap ? narrowGap(next.gap, group.segments, gutter) : null
    if (!joined) continue
    next.segments.unshift(...group.segments)
    next.gap = joined
    groups.splice(index, 1)
  }
  return groups.flatMap((group) => readingOrder(group.segments, gutter, rtl, depth + 1))
}

// ---- paragraphs ---------------------------------------------------------------------------

const SENTENCE_END = /[.!?…:;"'”’»)\]؟。]$/u
const HYPHENATED = /\p{L}[-\u00ad\u2010]$/u

function joinLines(previous: string, next: string): string {
  if (previous.endsWith('\u00ad')) return previous.slice(0, -1) + next
  if (HYPHENATED.test(previous) && /^\p{Ll}/u.test(next)) return previous.slice(0, -1) + next
  if (/[-\u2010]$/.test(previous) && /^\p{Lu}/u.test(next)) return previous + next
  return `${previous} ${next}`
}

interface Placed extends Segment {
  left: number
  right: number
}

/**
 * Each segment with the left and right edge of the column it sits in. A column is a run of
 * segments in reading order that stack downwards and overlap its horizontal extent; the flow
 * jumping up, sideways or to another page starts the next one.
 */
function withColumns(ordered: Segment[]): Placed[] {
  const placed: Placed[] = []
  let column: Segment[] = []
  let left = 0
  let right = 0
  const close = (): void => {
    for (const segment of column) placed.push({ ...segment, left, right })
    column = []
  }
  for (const segment of ordered) {
    const previous = column[column.length - 1]
    if (previous && (segment.page !== previous.page || segment.top < previous.top - previous.fontSize || segment.x0 >= right || segment.x1 <= left)) close()
    if (column.length === 0) {
      left = segment.x0
      right = segment.x1
    } else {
      left = Math.min(left, segment.x0)
      right = Math.max(right, segment.x1)
    }
    column.push(segment)
  }
  close()
  return placed
}

function paragraphsOf(ordered: Placed[]): string[] {
  // The usual distance between baselines of consecutive lines of one font size.
  const steps: number[] = []
  for (let index = 1; index < ordered.length; index++) {
    const previous = ordered[index - 1]!
    const current = ordered[index]!
    const step = current.baseline - previous.baseline
    if (current.page === previous.page && step > 0 && step < 3 * current.fontSize && Math.abs(current.fontSize - previous.fontSize) < 0.5) steps.push(step / current.fontSize)
  }
  const leading = median(steps) || 1.2

  const paragraphs: string[] = []
  let current = ''
  let previous: Placed | null = null
  for (const segment of ordered) {
    if (previous === null) {
      current = segment.text
      previous = segment
      continue
    }
    const sameFlow =
      segment.page === previous.page && segment.left === previous.left && segment.baseline > previous.baseline && segment.top - previous.bottom < 2.5 * segment.fontSize
    const sizeChanged = Math.abs(segment.fontSize - previous.fontSize) > 0.15 * Math.max(segment.fontSize, previous.fontSize)
    const ended = SENTENCE_END.test(previous.text)
    let breaks: boolean
    if (sameFlow) {
      const step = (segment.baseline - previous.baseline) / segment.fontSize
      const width = previous.right - previous.left
      const shortLine = previous.rtl ? previous.x0 > previous.left + 0.15 * width : previous.x1 < previous.right - 0.15 * width
      const indented = previous.rtl
        ? segment.x1 < segment.right - 0.8 * segment.fontSize && segment.x1 < previous.x1 - 0.8 * segment.fontSize
        : segment.x0 > segment.left + 0.8 * segment.fontSize && segment.x0 > previous.x0 + 0.8 * segment.fontSize
      breaks = sizeChanged || step > leading * 1.4 || (indented && width > 20 * segment.fontSize) || (shortLine && ended)
    } else if (segment.page !== previous.page || segment.top < previous.top) {
      // A column or page break: the paragraph goes on when the sentence does.
      breaks = sizeChanged || (ended && !/^\p{Ll}/u.test(segment.text))
    } else {
      // Further down the same page, past a gap wider than any line spacing: a new block.
      breaks = true
    }
    if (breaks) {
      paragraphs.push(current)
      current = segment.text
    } else current = joinLines(current, segment.text)
    previous = segment
  }
  if (current !== '') paragraphs.push(current)
  return paragraphs
}

/** The pages' text as paragraphs in reading order, with running headers and footers gone. */
export function layoutPages(pages: PdfPage[]): PdfLayout {
  const segmented = pages.map((page, index) => segmentsOf(page, index))
  const textChars = segmented.reduce((sum, page) => sum + page.reduce((chars, segment) => chars + segment.text.replace(/\s/g, '').length, 0), 0)
  const { pages: kept, removed } = removeRunningLines(
    segmented,
    pages.map((page) => page.height),
  )
  const ordered: Segment[] = []
  kept.forEach((page) => {
    if (page.length === 0) return
    const bodySize = median(page.map((segment) => segment.fontSize))
    const rtl = page.filter((segment) => segment.rtl).length * 2 > page.length
    ordered.push(...readingOrder(page, Math.max(3, 0.8 * bodySize), rtl))
  })

  let headingHint = ''
  const first = kept.find((page) => page.length > 0) ?? []
  if (first.length > 1) {
    const bodySize = median(first.map((segment) => segment.fontSize))
    const largest = Math.max(...first.map((segment) => segment.fontSize))
    if (largest >= bodySize * 1.25) {
      headingHint = ordered
        .filter((segment) => segment.page === first[0]!.page && segment.fontSize >= largest * 0.95)
        .map((segment) => segment.text)
        .join(' ')
    }
  }
  return { paragraphs: paragraphsOf(withColumns(ordered)), headingHint, removedLines: removed, textChars }
}
