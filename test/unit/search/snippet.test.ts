import { describe, expect, it } from 'vitest'
import { searchMatches, searchSnippet } from '../../../renderer/src/domain/search/snippet'
import { LibraryIndex } from '../../../renderer/src/features/library/search/libraryIndex'
import type { Article } from '../../../renderer/src/domain/model'

const marked = (snippet: { text: string; marks: { start: number; end: number }[] }): string[] => snippet.marks.map((mark) => snippet.text.slice(mark.start, mark.end))

describe('searchMatches', () => {
  it('folds case and diacritics the way the index does', () => {
    const text = 'Die KANZLERIN sagte: Über die Obergrenze wird nicht verhandelt. über alles.'
    expect(searchMatches(text, 'uber kanzlerin').map((range) => text.slice(range.start, range.end))).toEqual(['KANZLERIN', 'Über', 'über'])
  })

  it('matches the last word as a prefix, the others whole', () => {
    const text = 'Merkel met Merz; Mercedes and Merkelism.'
    expect(searchMatches(text, 'mer').map((range) => text.slice(range.start, range.end))).toEqual(['Merkel', 'Merz', 'Mercedes', 'Merkelism'])
    expect(searchMatches(text, 'mer met').map((range) => text.slice(range.start, range.end))).toEqual(['met'])
  })

  it('finds Arabic words with or without the article and with letter variants', () => {
    const text = 'قال المتحدث باسم الحوثيين إن والحوثي رفض الاتفاق مع إيران.'
    expect(searchMatches(text, 'حوثي').map((range) => text.slice(range.start, range.end))).toEqual(['الحوثيين', 'والحوثي'])
    expect(searchMatches(text, 'ايران').map((range) => text.slice(range.start, range.end))).toEqual(['إيران'])
  })

  it('ignores stop words and punctuation-only queries', () => {
    expect(searchMatches('the cat and the dog', 'the')).toEqual([])
    expect(searchMatches('the cat', '—!')).toEqual([])
  })

  it('agrees with the index on which articles match', () => {
    const articles = [
      { id: 'a', title: 'One', body: 'Seehofer demanded an upper limit (Obergrenze).' },
      { id: 'b', title: 'Two', body: 'No ceiling here, only Obergrenzen-Debatte.' },
      { id: 'c', title: 'Three', body: 'Nothing relevant.' },
    ].map((article) => ({ ...article, updatedAt: '2026-01-01' }) as unknown as Article)
    const index = new LibraryIndex()
    index.upsert(articles)
    for (const query of ['obergrenze', 'obergr', 'seehofer upper', 'ceiling']) {
      const byIndex = new Set(index.search(query).ids)
      for (const article of articles) expect(searchMatches(article.body, query).length > 0, `${query} in ${article.id}`).toBe(byIndex.has(article.id))
    }
  })
})

describe('searchSnippet', () => {
  const long = `${'Opening words of a long article about other things. '.repeat(6)}Then Seehofer demanded an Obergrenze for refugees, and Merkel refused any Obergrenze at all. ${'Closing remarks. '.repeat(20)}`

  it('cuts an excerpt around the first match, with every match in it marked', () => {
    const snippet = searchSnippet(long, 'obergrenze')
    expect(snippet.cutBefore).toBe(true)
    expect(snippet.cutAfter).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(180)
    expect(marked(snippet)).toEqual(['Obergrenze', 'Obergrenze'])
    expect(snippet.text).toContain('Seehofer demanded')
    // The excerpt starts at a word.
    expect(long).toContain(` ${snippet.text.split(' ')[0]} `)
  })

  it('shows the leading text when nothing in the body matches', () => {
    const snippet = searchSnippet('\n\nFirst paragraph.\nSecond one.', 'title-only')
    expect(snippet).toEqual({ text: 'First paragraph. Second one.', marks: [], cutBefore: false, cutAfter: false })
  })

  it('starts at the beginning when the match is near it', () => {
    const snippet = searchSnippet('Merkel said: we can do this.', 'merkel')
    expect(snippet.cutBefore).toBe(false)
    expect(marked(snippet)).toEqual(['Merkel'])
  })

  it('marks Arabic matches in right-to-left text', () => {
    const body = `${'نص تمهيدي طويل عن موضوع آخر. '.repeat(5)}وقال الحوثيون إنهم يرفضون الاتفاق.`
    const snippet = searchSnippet(body, 'الحوثيون')
    expect(marked(snippet)).toEqual(['الحوثيون'])
    expect(snippet.cutBefore).toBe(true)
  })

  it('keeps line breaks out of the one-line excerpt', () => {
    const snippet = searchSnippet('Line one\nMerkel\r\nline three', 'merkel')
    expect(snippet.text).toBe('Line one Merkel  line three')
    expect(marked(snippet)).toEqual(['Merkel'])
  })
})
