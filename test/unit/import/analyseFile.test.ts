import { describe, expect, it } from 'vitest'
import { analyseFile, analysePaste } from '../../../renderer/src/domain/import/analyseFile'
import { preflight } from '../../../renderer/src/domain/import/fileKinds'
import { MAX_BYTES } from '../../../renderer/src/domain/import/limits'
import { ImportRejection } from '../../../renderer/src/domain/import/types'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('preflight (before a byte is read)', () => {
  it('refuses a 50 MB file of any kind, saying the limit and what to do', () => {
    const fifty = 50 * 1024 * 1024
    expect(preflight('huge.txt', fifty)).toBe('The file is 50.0 MB; the limit for a single text or Markdown article is 5.0 MB. Check that this is the file you meant; a long report can be split into parts.')
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
  it('routes by extension, and sniffs files without one', () => {
    expect(analyseFile('a.md', utf8('# Title\n\nBody text here.'))).toMatchObject({ type: 'article', kind: 'markdown', article: { title: 'Title', body: 'Body text here.' } })
    expect(analyseFile('page', utf8('<!doctype html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>'))).toMatchObject({ type: 'article', kind: 'html' })
    expect(analyseFile('dump', utf8('[{"title":"A","body":"B"}]'))).toMatchObject({ type: 'collection', kind: 'json' })
    expect(analyseFile('notes', utf8('Militias pause\n\nThe militias paused.'))).toMatchObject({ type: 'article', kind: 'text', article: { title: 'Militias pause' } })
  })

  it('reports a Windows-1252 fallback as a notice on the file', () => {
    const analysis = analyseFile('legacy.txt', new Uint8Array([...utf8('Title: Caf'), 0xe9, ...utf8('\n\nLe caf'), 0xe9, ...utf8(' est ferm'), 0xe9, ...utf8('.')]))
    expect(analysis.type).toBe('article')
    if (analysis.type !== 'article') return
    expect(analysis.article.title).toBe('Café')
    expect(analysis.notices[0]).toMatch(/read as Windows-1252/)
  })

  it('gives each kind of bad input its own clear reason', () => {
    const reason = (name: string, bytes: Uint8Array): string => {
      try {
        analyseFile(name, bytes)
      } catch (error) {
        expect(error).toBeInstanceOf(ImportRejection)
        return (error as Error).message
      }
      throw new Error(`${name} was accepted`)
    }
    expect(reason('empty.txt', new Uint8Array())).toBe('The file is empty.')
    expect(reason('blank.txt', utf8(' \n\t\n'))).toBe('The file has no text (only whitespace).')
    expect(reason('binary.txt', new Uint8Array(64).map((_, index) => index))).toMatch(/binary data/)
    expect(reason('broken.txt', new Uint8Array([...utf8('ünïcode '), 0xc3, 0x28]))).toMatch(/UTF-8 with invalid bytes in it \(first at line 1, byte 11\)/)
    expect(reason('broken.csv', utf8('title,body\nA,"unterminated\nB,c\n'))).toMatch(/never closed \(unterminated quote\)/)
    expect(reason('scripts.html', utf8(`<html><body>${'<script>alert(1)</script>'.repeat(30)}</body></html>`))).toMatch(/no readable text: only scripts/)
    expect(reason('report.pdf', utf8('%PDF-1.4 ...'))).toMatch(/PDF document/)
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
