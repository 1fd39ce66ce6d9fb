import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { analyseFile } from '../../../renderer/src/domain/import/analyseFile'
import { readDocx } from '../../../renderer/src/domain/import/docx/readDocx'
import { readOdt } from '../../../renderer/src/domain/import/odt/readOdt'
import { readPdf } from '../../../renderer/src/domain/import/pdf/readPdf'
import { makeDocx, makeLockedPdf, makeOdt, makePdf, makeScannedPdf } from '../../fixtures/documentFixtures'
import { describeWithFixtures, fixtureText } from './fixtures'

// PDF, Word and OpenDocument files with known paragraphs, made by the generators in
// test/fixtures/documentFixtures.ts, through the readers and through analyseFile.

const PARAGRAPHS = [
  'The ceasefire committee met in Erbil on Tuesday, its third meeting since the announcement, and agreed on a schedule for prisoner exchanges between the parties.',
  'Delegates said the talks were constructive. A spokesperson for the negotiators described the atmosphere as cautiously optimistic, while acknowledging unresolved disagreements about verification.',
  '“We will not accept any arrangement that leaves our fighters exposed,” a commander told reporters outside the venue, adding that consultations would continue overnight.',
  'Observers noted that the international monitoring mission had been strengthened with additional personnel, communications equipment and vehicles for the coming months.',
]
const TITLE = 'Ceasefire committee agrees on a schedule for prisoner exchanges'
const CREATED = new Date('2024-12-23T09:30:00Z')

async function articleOf(name: string, bytes: Uint8Array) {
  const analysis = await analyseFile(name, bytes)
  if (analysis.type !== 'article') throw new Error(`expected an article, got ${analysis.type}`)
  return analysis
}

async function rejection(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await analyseFile(name, bytes)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`${name} was accepted`)
}

describe('PDF', () => {
  it('reads two columns drawn out of order as the paragraphs in order, without header, page numbers or split words', async () => {
    const pdf = await makePdf({ title: TITLE, byline: 'By Lina Haddad', paragraphs: PARAGRAPHS, header: 'The Daily Example · Monday', repeat: 8, meta: { title: TITLE, author: 'Lina Haddad', created: CREATED } })
    const { document, pages, notices } = await readPdf(pdf)
    expect(pages).toBeGreaterThan(1)
    expect(document).toMatchObject({ title: TITLE, author: 'Lina Haddad', date: '2024-12-23T09:30:00' })
    const eight = Array.from({ length: 8 }, () => PARAGRAPHS).flat()
    expect(document.paragraphs).toEqual([TITLE, 'By Lina Haddad', ...eight])
    expect(notices[0]).toMatch(/^\d+ running header, footer and page-number lines were left out\.$/)

    const { article } = await articleOf('exchanges.pdf', pdf)
    expect(article).toMatchObject({ title: TITLE, author: 'Lina Haddad', publishedAt: '2024-12-23T09:30:00', language: 'en' })
    expect(article.body.split('\n\n')).toEqual(eight)
  })

  it('takes the title from the largest text when the metadata has none, and the author from the byline', async () => {
    const pdf = await makePdf({ title: TITLE, byline: 'By Lina Haddad', paragraphs: PARAGRAPHS, columns: 1 })
    const { article, notices } = await articleOf('no-metadata.pdf', pdf)
    expect(article).toMatchObject({ title: TITLE, author: 'Lina Haddad', publishedAt: '' })
    expect(article.body.split('\n\n')).toEqual(PARAGRAPHS)
    expect(notices.join(' ')).not.toMatch(/metadata/)
  })

  it('refuses a scan, a password-protected PDF and a damaged one, each with its reason', async () => {
    expect(await rejection('scan.pdf', await makeScannedPdf())).toMatch(/^This PDF has no text layer: its 2 pages are images \(a scan or a photo\).*Run OCR on it first/)
    expect(await rejection('locked.pdf', makeLockedPdf())).toMatch(/^This PDF is protected with a password\./)
    const whole = await makePdf({ title: TITLE, paragraphs: PARAGRAPHS })
    expect(await rejection('cut.pdf', whole.slice(0, 400))).toMatch(/^This (file is damaged or is not a PDF|PDF has no text layer)/)
    expect(await rejection('junk.pdf', new TextEncoder().encode('%PDF-1.7\nnot really a PDF at all'))).toMatch(/^This file is damaged or is not a PDF/)
  })

  it('reads a PDF by its bytes whatever the file is called', async () => {
    const pdf = await makePdf({ title: TITLE, paragraphs: PARAGRAPHS, meta: { title: TITLE } })
    expect((await articleOf('download', pdf)).kind).toBe('pdf')
  })
})

describeWithFixtures('the seed article as a two-column PDF', () => {
  it('comes back as its headline, byline and paragraphs', async () => {
    const [head = '', byline = '', ...paragraphs] = fixtureText('seed-article.txt').trim().split(/\n\s*\n/).map((part) => part.trim())
    const title = head.replace(/^date \S+ /, '')
    const pdf = await makePdf({ title, byline, paragraphs, header: 'World Israel News', repeat: 3, meta: { title, created: new Date('2024-12-23T00:00:00Z') } })
    const { article } = await articleOf('seed.pdf', pdf)
    expect(article).toMatchObject({ title, author: 'World Israel News Staff', publishedAt: '2024-12-23' })
    expect(article.body.split('\n\n')).toEqual([...paragraphs, ...paragraphs, ...paragraphs])
  })
})

describe('Word .docx', () => {
  it('keeps the paragraphs; title, author and date come from docProps/core.xml; the byline is not body text', async () => {
    const docx = await makeDocx({ title: TITLE, byline: 'By Lina Haddad', paragraphs: PARAGRAPHS, meta: { title: TITLE, author: 'Lina Haddad', created: CREATED } })
    const document = await readDocx(docx)
    expect(document).toMatchObject({ title: TITLE, author: 'Lina Haddad', date: '2024-12-23T09:30:00' })
    expect(document.paragraphs).toEqual([TITLE, 'By Lina Haddad', ...PARAGRAPHS])
    const { article, notices } = await articleOf('exchanges.docx', docx)
    expect(article).toMatchObject({ title: TITLE, author: 'Lina Haddad', publishedAt: '2024-12-23T09:30:00' })
    expect(article.body.split('\n\n')).toEqual(PARAGRAPHS)
    expect(notices).toEqual(["The date comes from the Word document's metadata (when the file was made); check that it is the publication date."])
  })

  it('takes its heading as the title when the metadata has none, and ignores junk metadata', async () => {
    const docx = await makeDocx({ title: TITLE, paragraphs: PARAGRAPHS, meta: { title: 'Microsoft Word - draft3.docx', author: 'User' } })
    const { article } = await articleOf('draft3.docx', docx)
    expect(article).toMatchObject({ title: TITLE, author: '', publishedAt: '' })
    expect(article.body.split('\n\n')).toEqual(PARAGRAPHS)
  })

  it('refuses what is not a .docx, saying what it is', async () => {
    expect(await rejection('old.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/password-protected Word file or an old Word 97-2003 document/)
    expect(await rejection('text.docx', new TextEncoder().encode('just some text'))).toMatch(/^This is not a Word \.docx file/)
    const zip = new JSZip()
    zip.file('readme.txt', 'hello')
    expect(await rejection('other.docx', await zip.generateAsync({ type: 'uint8array' }))).toMatch(/word\/document\.xml is missing/)
    expect(await rejection('cut.docx', (await makeDocx({ title: TITLE, paragraphs: PARAGRAPHS })).slice(0, 200))).toMatch(/^The \.docx file is damaged/)
    expect(await rejection('old.doc', new Uint8Array(10))).toMatch(/old Word 97-2003 document; open it in Word and save it as \.docx/)
    expect(await rejection('notes.rtf', new Uint8Array(10))).toMatch(/RTF document, which is not read yet/)
  })
})

describe('OpenDocument .odt', () => {
  it('keeps the paragraphs and their spaces; title, author and date come from meta.xml', async () => {
    const spaced = ['Two  spaces stay two.', ...PARAGRAPHS]
    const odt = await makeOdt({ title: TITLE, byline: 'By Lina Haddad', paragraphs: spaced, meta: { title: TITLE, author: 'Lina Haddad', created: CREATED } })
    const document = await readOdt(odt)
    expect(document).toMatchObject({ title: TITLE, author: 'Lina Haddad', date: '2024-12-23T09:30:00' })
    expect(document.paragraphs).toEqual([TITLE, 'By Lina Haddad', ...spaced])
    const { article } = await articleOf('exchanges.odt', odt)
    expect(article.body.split('\n\n')).toEqual(spaced)
  })

  it('refuses a spreadsheet and a damaged file', async () => {
    const zip = new JSZip()
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
    expect(await rejection('sheet.odt', await zip.generateAsync({ type: 'uint8array' }))).toMatch(/not a text document \(it is application\/vnd\.oasis\.opendocument\.spreadsheet\)/)
    expect(await rejection('broken.odt', new TextEncoder().encode('nope'))).toMatch(/^This is not an OpenDocument \.odt file/)
  })
})
