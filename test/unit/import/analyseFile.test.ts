import { describe, expect, it } from 'vitest'
import { analyseFile, analysePaste } from '../../../renderer/src/domain/import/analyseFile'
import { preflight } from '../../../renderer/src/domain/import/fileKinds'
import { MAX_BYTES } from '../../../renderer/src/domain/import/limits'
import { ImportRejection } from '../../../renderer/src/domain/import/types'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('preflight (before a byte is read)', () => {
  it('refuses a 50 MB file of any kind, saying the limit and what to do', () => {
    const fifty = 50 * 1024 * 1024
    expect(preflight('huge.md', fifty)).toBe('The file is 50.0 MB; the limit for a single text or Markdown article is 5.0 MB. Check that this is the file you meant; a long report can be split into parts.')
    // A .txt may be a news-database export: it gets that limit before it is read.
    expect(preflight('huge.txt', fifty)).toMatch(/^The file is 50.0 MB; the limit for a text file or news-database export is 40.0 MB\. Download the search results in smaller batches/)
    expect(preflight('huge.pdf', 120 * 1024 * 1024)).toMatch(/limit for a PDF is 100.0 MB\. A PDF this large is mostly pictures/)
    expect(preflight('huge.docx', fifty + 1)).toMatch(/limit for a Word or OpenDocument file is 50.0 MB/)
    expect(preflight('ok.pdf', MAX_BYTES.pdf)).toBeNull()
    expect(preflight('huge.csv', fifty)).toMatch(/^The file is 50.0 MB; the limit for a CSV or JSON collection is 40.0 MB\. Split the export/)
    expect(preflight('huge.html', fifty)).toMatch(/limit for a saved web page is 20.0 MB/)
    expect(preflight('no-extension', fifty)).toMatch(/limit for a CSV or JSON collection/)
    expect(preflight('ok.csv', MAX_BYTES.collection)).toBeNull()
  })

  it('refuses empty files, hidden files and formats it cannot read', () => {
    expect(preflight('empty.txt', 0)).toBe('The file is empty.')
    expect(preflight('folder/.DS_Store', 6148)).toBe('Skipped: a hidden system file, not an article.')
    expect(preflight('page.mhtml', 100)).toMatch(/MHTML web archive/)
    expect(preflight('feed.xml', 100)).toMatch(/RSS and XML feeds are not supported/)
  })
})

describe('analyseFile', () => {
  it('routes by extension, and sniffs files without one', async () => {
    expect(await analyseFile('a.md', utf8('# Title\n\nBody text here.'))).toMatchObject({ type: 'article', kind: 'markdown', article: { title: 'Title', body: 'Body text here.' } })
    expect(await analyseFile('page', utf8('<!doctype html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>'))).toMatchObject({ type: 'article', kind: 'html' })
    expect(await analyseFile('dump', utf8('[{"title":"A","body":"B"}]'))).toMatchObject({ type: 'collection', kind: 'json' })
    expect(await analyseFile('notes', utf8('Militias pause\n\nThe militias paused.'))).toMatchObject({ type: 'article', kind: 'text', article: { title: 'Militias pause' } })
  })

  it('reports a Windows-1252 fallback as a notice on the file', async () => {
    const analysis = await analyseFile('legacy.txt', new Uint8Array([...utf8('Title: Caf'), 0xe9, ...utf8('\n\nLe caf'), 0xe9, ...utf8(' est ferm'), 0xe9, ...utf8('.')]))
    expect(analysis.type).toBe('article')
    if (analysis.type !== 'article') return
    expect(analysis.article.title).toBe('Café')
    expect(analysis.notices[0]).toMatch(/read as Windows-1252/)
  })

  it('gives each kind of bad input its own clear reason', async () => {
    const reason = async (name: string, bytes: Uint8Array): Promise<string> => {
      try {
        await analyseFile(name, bytes)
      } catch (error) {
        expect(error).toBeInstanceOf(ImportRejection)
        return (error as Error).message
      }
      throw new Error(`${name} was accepted`)
    }
    expect(await reason('empty.txt', new Uint8Array())).toBe('The file is empty.')
    expect(await reason('blank.txt', utf8(' \n\t\n'))).toBe('The file has no text (only whitespace).')
    expect(await reason('binary.txt', new Uint8Array(64).map((_, index) => index))).toMatch(/binary data/)
    expect(await reason('broken.txt', new Uint8Array([...utf8('ünïcode '), 0xc3, 0x28]))).toMatch(/UTF-8 with invalid bytes in it \(first at line 1, byte 11\)/)
    expect(await reason('broken.csv', utf8('title,body\nA,"unterminated\nB,c\n'))).toMatch(/never closed \(unterminated quote\)/)
    expect(await reason('scripts.html', utf8(`<html><body>${'<script>alert(1)</script>'.repeat(30)}</body></html>`))).toMatch(/no readable text: only scripts/)
    expect(await reason('report.pdf', utf8('%PDF-1.4 ...'))).toMatch(/^This file is damaged or is not a PDF/)
    expect(await reason('notes.txt', utf8(`Title: Long\n\n${'word '.repeat(1_100_000)}`))).toMatch(/limit for a single text or Markdown article is 5.0 MB/)
  })
})

describe('analysePaste', () => {
  it('reads pasted articles like files, and refuses empty or oversized pastes', () => {
    expect(analysePaste(' date 2024-12-23 Headline here\n\nBy Jane Doe, Reuters\n\nBody.')).toMatchObject({
      type: 'article',
      article: { title: 'Headline here', publishedAt: '2024-12-23', author: 'Jane Doe', source: 'Reuters', body: 'Body.' },
    })
    expect(() => analysePaste('  ')).toThrow('The pasted text is empty.')
    expect(() => analysePaste('x'.repeat(MAX_BYTES.article + 1))).toThrow(/limit for one article/)
    expect(analysePaste('[1, 2]')).toMatchObject({ type: 'article', kind: 'text' })
  })
})
