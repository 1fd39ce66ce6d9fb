import { describe, expect, it } from 'vitest'
import { markdownToText } from '../../../renderer/src/domain/import/markdown'
import { looksLikeMarkdown, parsePlainText } from '../../../renderer/src/domain/import/plainText'
import { ImportRejection } from '../../../renderer/src/domain/import/types'
import { describeWithFixtures, fixtureText } from './fixtures'

describeWithFixtures('the seed article (fixtures/seed-article.txt)', () => {
  it('reads the date line with its headline, the byline with its outlet, and the body', () => {
    const article = parsePlainText(fixtureText('seed-article.txt'), { fileName: 'seed-article.txt' })
    expect(article.publishedAt).toBe('2024-12-23')
    expect(article.title).toBe(
      'Fearing blowback from the incoming Trump administration and wary of the new Sunni regime in Syria, Iran-backed paramilitary groups in Iraq announce a halt to military operations abroad, including against Israel.',
    )
    expect(article.author).toBe('World Israel News Staff')
    expect(article.source).toBe('World Israel News')
    expect(article.language).toBe('en')
    expect(article.direction).toBe('ltr')
    expect(article.body.startsWith('Iraqi militias aligned with Iran are suspending their military operations in Syria')).toBe(true)
    expect(article.body.endsWith('to refrain from attacking Israel.')).toBe(true)
    expect(article.body).toContain('“The resistance will stop military operations against Israel as part of its support for Gaza')
    expect(article.body.split('\n\n')).toHaveLength(8)
    expect(article.body).not.toContain('By World Israel News Staff')
    expect(article.meta).toEqual({})
  })
})

describe('plain-text headers', () => {
  it('reads Title:, Date:, Source:, URL: and Author: headers', () => {
    const article = parsePlainText(
      'Title: Brigade rejects ceasefire\nDate: 14 September 2024\nSource: Maren Herald\nURL: https://example.org/a/1\nAuthor: Ilse Corvin\nSection: World\n\nPORT MAREN — Talks opened on Saturday.\n\nSecond paragraph.',
    )
    expect(article).toMatchObject({
      title: 'Brigade rejects ceasefire',
      publishedAt: '2024-09-14',
      source: 'Maren Herald',
      url: 'https://example.org/a/1',
      author: 'Ilse Corvin',
      body: 'PORT MAREN — Talks opened on Saturday.\n\nSecond paragraph.',
      meta: { Section: 'World' },
    })
  })

  it('keeps no date (never the import time) and the unreadable value for review', () => {
    const undated = parsePlainText('Militias pause attacks\n\nThe militias said they would pause their attacks on Monday.')
    expect(undated.publishedAt).toBe('')
    expect(undated.title).toBe('Militias pause attacks')
    const unreadable = parsePlainText('Title: Pause\nDate: last Tuesday\n\nThe militias said they would pause.')
    expect(unreadable.publishedAt).toBe('')
    expect(unreadable.meta['unrecognised date']).toBe('last Tuesday')
  })

  it('does not take ordinary first lines for headers', () => {
    const article = parsePlainText('Note: this is the lead paragraph of a story, and it goes on for a while.\n\nSecond.')
    expect(article.body.startsWith('Note: this is the lead paragraph')).toBe(true)
    expect(article.meta).toEqual({})
  })

  it('uses the file name as title when the text has none', () => {
    const article = parsePlainText('The militias said they would pause their attacks on Monday, officials said.', { fileName: 'reports/iraq_militias-2024.txt' })
    expect(article.title).toBe('iraq militias-2024')
  })

  it('recognises Arabic text and sets right-to-left', () => {
    const article = parsePlainText('العنوان: هدنة في الشمال\n\nقال وزير الخارجية اليوم إن المملكة ترحب بأي اتفاق يمنع التصعيد في المنطقة.')
    expect(article.language).toBe('ar')
    expect(article.direction).toBe('rtl')
  })

  it('refuses text with no article in it', () => {
    expect(() => parsePlainText('   \n\n  ')).toThrow(ImportRejection)
    expect(() => parsePlainText('Title: Only a title\n\n')).toThrow(/title but no article text/)
  })
})

describe('Markdown', () => {
  it('reads front matter and turns Markdown into the words a reader sees', () => {
    const article = parsePlainText(
      [
        '---',
        'title: "Brigade halts attacks"',
        'date: 2024-11-02',
        'source: Calvaria Today',
        'tags: [ceasefire, north]',
        '---',
        '',
        'The **Brigade** said it would _halt_ attacks, according to [a statement](https://example.org) read on radio.',
        'It was a soft-wrapped line.',
        '',
        '> "We will study the text," a spokesman said.',
        '',
        '- first demand',
        '- second demand',
        '',
        '<script>alert("x")</script>',
        '',
        'Inline <script>steal()</script>HTML &amp; entities stay text.',
        '',
        '![a photo](photo.jpg)',
      ].join('\n'),
      { markdown: true },
    )
    expect(article.title).toBe('Brigade halts attacks')
    expect(article.publishedAt).toBe('2024-11-02')
    expect(article.source).toBe('Calvaria Today')
    expect(article.meta).toEqual({ tags: 'ceasefire, north' })
    expect(article.body).toBe(
      [
        'The Brigade said it would halt attacks, according to a statement read on radio. It was a soft-wrapped line.',
        '"We will study the text," a spokesman said.',
        '• first demand\n• second demand',
        'Inline HTML & entities stay text.',
      ].join('\n\n'),
    )
  })

  it('takes a leading heading as the title', () => {
    expect(markdownToText('# Militias pause attacks\n\nBody *text*.')).toEqual({ title: 'Militias pause attacks', text: 'Body text.' })
    const table = markdownToText('| Actor | Stance |\n| --- | --- |\n| Nujaba | against |')
    expect(table.text).toBe('Actor\tStance\nNujaba\tagainst')
  })

  it('is recognised in pasted text only by unmistakable signs', () => {
    expect(looksLikeMarkdown('# Heading\n\nText')).toBe(true)
    expect(looksLikeMarkdown('See [the report](https://example.org).')).toBe(true)
    expect(looksLikeMarkdown('A plain article with * an asterisk and #hashtag.')).toBe(false)
  })
})
