import { describe, expect, it } from 'vitest'
import { layoutPages, type PdfPage, type PdfRun } from '../../../renderer/src/domain/import/pdf/pdfLayout'

// The layout rules on hand-placed text, without pdf.js: reading order, columns, running lines,
// paragraphs and hyphenation.

const CHAR = 5 // points per character at 10 pt, near enough for these pages

function run(str: string, x: number, y: number, fontSize = 10, rtl = false): PdfRun {
  return { str, x, y, width: str.length * CHAR * (fontSize / 10), fontSize, rtl }
}

/** Lines of a column from its top baseline down, 13 pt apart; a leading "  " indents a line. */
function column(lines: string[], x: number, top: number): PdfRun[] {
  return lines.map((line, index) => run(line.trimStart(), line.startsWith('  ') ? x + 12 : x, top + index * 13))
}

const page = (runs: PdfRun[]): PdfPage => ({ width: 595, height: 842, runs })

describe('layoutPages: reading order', () => {
  it('reads two columns whose lines align as left column, then right, under a full-width title', () => {
    const left = column(['  The left column starts here and', 'goes on for a while before it', 'ends its first paragraph.', '  A second paragraph on the left', 'ends at the column foot and'], 56, 140)
    const right = column(['continues at the top of the right', 'column, mid-sentence.', '  The right column has its own', 'paragraph too.'], 310, 140)
    // Drawn right column first, title last: the content order must not matter.
    const layout = layoutPages([page([...right, ...left, run('A Title Across the Page', 56, 90, 20)])])
    expect(layout.paragraphs).toEqual([
      'A Title Across the Page',
      'The left column starts here and goes on for a while before it ends its first paragraph.',
      'A second paragraph on the left ends at the column foot and continues at the top of the right column, mid-sentence.',
      'The right column has its own paragraph too.',
    ])
    expect(layout.headingHint).toBe('A Title Across the Page')
  })

  it('reads a right column that starts higher than the left one (the left opens with a margin) after the left one', () => {
    // As browsers print CSS columns: the continued paragraph tops the right column, one line above the left's first.
    const runs = [
      run('A Title Across the Whole Page Width, Wider Than a Column', 56, 80, 20),
      run('By A. Reporter', 56, 110),
      ...column(['The story opens in the left column and', 'its last line there is cut in the middle of a'], 56, 152),
      ...column(['sentence that the right column finishes.', 'Then the right column goes on.'], 310, 140),
    ]
    expect(layoutPages([page(runs)]).paragraphs).toEqual([
      'A Title Across the Whole Page Width, Wider Than a Column',
      'By A. Reporter',
      'The story opens in the left column and its last line there is cut in the middle of a sentence that the right column finishes. Then the right column goes on.',
    ])
  })

  it('keeps a full-width paragraph below two columns after both of them', () => {
    const left = column(['Left one.', 'Left two.'], 56, 100)
    const right = column(['Right one.', 'Right two.'], 310, 100)
    const footer = column(['A closing paragraph that runs across the whole width of the page, below both columns.'], 56, 160)
    const { paragraphs } = layoutPages([page([...footer, ...right, ...left])])
    expect(paragraphs.join(' ')).toBe('Left one. Left two. Right one. Right two. A closing paragraph that runs across the whole width of the page, below both columns.')
  })

  it('reads right-to-left pages from the right column', () => {
    const right = [run('العمود الأيمن أولا', 330, 100, 10, true), run('ثم السطر الثاني.', 330, 113, 10, true)]
    const left = [run('العمود الأيسر ثانيا.', 56, 100, 10, true)]
    const { paragraphs } = layoutPages([page([...left, ...right])])
    expect(paragraphs.join(' ')).toBe('العمود الأيمن أولا ثم السطر الثاني. العمود الأيسر ثانيا.')
  })
})

describe('layoutPages: paragraphs and words', () => {
  it('joins words hyphenated at a line end, keeps real hyphens, drops soft hyphens', () => {
    const lines = column(['The inter-', 'national talks with the pro-', 'Iranian factions and a well-', 'known envoy were post\u00ad', 'poned.'], 56, 100)
    expect(layoutPages([page(lines)]).paragraphs).toEqual(['The international talks with the pro-Iranian factions and a wellknown envoy were postponed.'])
  })

  it('starts a paragraph at extra spacing, at a short line that ends a sentence, and at a change of size', () => {
    const runs = [
      run('Heading in a larger type', 56, 80, 16),
      ...column(['First paragraph line one is long enough to fill', 'the width.'], 56, 110),
      ...column(['Spaced paragraph after a gap that is clearly wider', 'than the leading.'], 56, 160),
    ]
    expect(layoutPages([page(runs)]).paragraphs).toEqual([
      'Heading in a larger type',
      'First paragraph line one is long enough to fill the width.',
      'Spaced paragraph after a gap that is clearly wider than the leading.',
    ])
  })

  it('puts spaces between runs by their gaps, and keeps one copy of text drawn twice for bold', () => {
    const runs = [run('Word', 56, 100), run('split', 56 + 4 * CHAR, 100), run('apart', 56 + 9 * CHAR + 3, 100), run('Bold', 56, 113), run('Bold', 56.3, 113)]
    expect(layoutPages([page(runs)]).paragraphs).toEqual(['Wordsplit apart Bold'])
  })
})

describe('layoutPages: running headers, footers and page numbers', () => {
  const body = (index: number): PdfRun[] => column([`Body text of page ${index + 1} that says something different each time, number ${index * 7}.`], 56, 200)
  const pages = [0, 1, 2].map((index) =>
    page([
      run('The Example Review · Vol. 3', 56, 40, 8),
      run(`${index + 12}`, 520, 40, 8),
      ...body(index),
      run(`Page ${index + 1} of 3`, 270, 810, 8),
      run(`Downloaded on 2024-12-0${index + 1}`, 56, 822, 8),
    ]),
  )

  it('drops lines repeated at the top or bottom of the pages (numbers aside), and page numbers', () => {
    const layout = layoutPages(pages)
    expect(layout.paragraphs.join('\n')).not.toMatch(/Example Review|Page \d|Downloaded|^\d+$/m)
    expect(layout.paragraphs.join(' ')).toContain('Body text of page 3')
    expect(layout.removedLines).toBe(12)
  })

  it('keeps the same top line when it appears on one page only', () => {
    const layout = layoutPages([pages[0]!, page(body(1)), page(body(2))])
    expect(layout.paragraphs[0]).toBe('The Example Review · Vol. 3')
  })

  it('counts the text before anything is dropped, for telling scans apart', () => {
    expect(layoutPages([page([])]).textChars).toBe(0)
    expect(layoutPages(pages).textChars).toBeGreaterThan(200)
  })
})
