import { strToU8, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readQdc, readQde, readQdpx } from '../../../renderer/src/domain/interop/refiqda/readQdpx'
import type { QdaReadResult, QdaProject, QdaReadReport } from '../../../renderer/src/domain/interop/refiqda/types'
import { codebookXml, projectXml } from '../../../renderer/src/domain/interop/refiqda/writeQde'
import { writeQdpx } from '../../../renderer/src/domain/interop/refiqda/writeQdpx'
import { guid, sampleProject } from '../../support/qdaSamples'

function read(result: QdaReadResult): { project: QdaProject; report: QdaReadReport } {
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  return result
}

function refusal(result: QdaReadResult | ReturnType<typeof readQdc>): string {
  if (result.ok) throw new Error('expected a refusal')
  return result.reason
}

const NS = 'xmlns="urn:QDA-XML:project:1.0"'

/** The words a selection covers, as the reader anchored it. */
function quotes(project: QdaProject, sourceIndex = 0): string[] {
  const source = project.sources[sourceIndex]!
  return source.selections.map((selection) => source.text.slice(selection.start, selection.end))
}

describe('REFI-QDA round trip', () => {
  it('reads back exactly the project it wrote: texts, code tree, codings, notes, users, variables', () => {
    const project = sampleProject()
    const { project: back, report } = read(readQdpx(writeQdpx(project)))
    expect(back).toEqual(project)
    expect(report).toMatchObject({ skippedSources: [], droppedSelections: [], droppedReferences: [], notRead: [], archive: [], warnings: [] })
  })

  it('keeps each selection on the same words, including after characters outside the BMP', () => {
    const project = sampleProject()
    const { project: back } = read(readQdpx(writeQdpx(project)))
    for (const [index, source] of project.sources.entries()) {
      expect(quotes(back, index)).toEqual(source.selections.map((selection) => source.text.slice(selection.start, selection.end)))
    }
  })

  it('reads back a codebook it wrote', () => {
    const codes = sampleProject().codes
    const result = readQdc(codebookXml(codes))
    if (!result.ok) throw new Error(result.reason)
    // A .qdc has no notes: code memos do not travel in a codebook.
    const withoutNotes = JSON.parse(JSON.stringify(codes, (key, value: unknown) => (key === 'noteGuids' ? [] : value))) as unknown
    expect(result.codes).toEqual(withoutNotes)
    expect(result.origin).toBe('Standpoint')
  })
})

/** A .qdpx as another program might write it. */
function archive(qde: string, files: Record<string, Uint8Array | string> = {}): Uint8Array {
  const zippable: Zippable = { 'project.qde': strToU8(qde) }
  for (const [name, content] of Object.entries(files)) zippable[name] = typeof content === 'string' ? strToU8(content) : content
  return zipSync(zippable)
}

const BOM = '\uFEFF'

describe('readQdpx on files from other programs', () => {
  const text = 'First line\r\nSecond line with 😀 a quote\r\nThird line'
  const upper = 'A1B2C3D4-0000-4000-8000-0000000000AA'
  // Positions counted as the standard says: code points of the file, CRLF as two.
  const start = [...text.slice(0, text.indexOf('a quote'))].length
  const codeGuid = '{B1B2C3D4-0000-4000-8000-0000000000BB}'
  const qde = (origin: string, startPosition: number) => `<?xml version="1.0" encoding="utf-8"?>
<Project ${NS} name="Other" origin="${origin}">
  <CodeBook><Codes><Code guid="${codeGuid}" name="Quote" isCodable="true" color="#FF0000"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${upper}" name="Interview" plainTextPath="internal://${upper}.txt">
      <PlainTextSelection guid="C1B2C3D4-0000-4000-8000-0000000000CC" startPosition="${startPosition}" endPosition="${startPosition + 7}">
        <Coding guid="D1B2C3D4-0000-4000-8000-0000000000DD"><CodeRef targetGUID="${codeGuid}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`

  it('a MAXQDA-style export: Sources/ folder, upper-case GUID file, BOM, CRLF counted as two', () => {
    const { project, report } = read(readQdpx(archive(qde('MAXQDA 24', start), { [`Sources/${upper}.txt`]: BOM + text })))
    expect(report.lineEndings).toBe('two')
    expect(project.sources[0]!.text).toBe(text.replaceAll('\r\n', '\n'))
    expect(quotes(project)).toEqual(['a quote'])
    expect(project.sources[0]!.selections[0]!.codings[0]!.codeGuid).toBe(codeGuid)
    expect(project.codes[0]!.color).toBe('#FF0000')
  })

  it('an ATLAS.ti export, which counts CRLF as one position', () => {
    const atlasStart = [...text.replaceAll('\r\n', '\n').slice(0, text.replaceAll('\r\n', '\n').indexOf('a quote'))].length
    const { project, report } = read(readQdpx(archive(qde('ATLAS.ti Windows 23.2.3', atlasStart), { [`sources/${upper}.txt`]: text })))
    expect(report.lineEndings).toBe('one')
    expect(quotes(project)).toEqual(['a quote'])
  })

  it('lets the analyst override how line endings were counted', () => {
    const { project } = read(readQdpx(archive(qde('Unknown tool', start - 1), { [`sources/${upper}.txt`]: text }), { lineEndings: 'one' }))
    expect(quotes(project)).toEqual(['a quote'])
  })

  it('reads text given inline, and notes given as files', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project ${NS} name="Inline">
  <Sources>
    <TextSource guid="${guid(1)}" name="Inline text"><PlainTextContent>Tom &amp; Jerry&#10;said &#x1F600; hi</PlainTextContent>
      <PlainTextSelection guid="${guid(2)}" startPosition="19" endPosition="21"><NoteRef targetGUID="${guid(3)}"/></PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes><Note guid="${guid(3)}" name="Memo" plainTextPath="internal://memo.txt"/></Notes>
</Project>`
    const { project } = read(readQdpx(archive(xml, { 'sources/memo.txt': 'A memo\r\non two lines' })))
    expect(project.sources[0]!.text).toBe('Tom & Jerry\nsaid 😀 hi')
    expect(quotes(project)).toEqual(['hi'])
    expect(project.notes).toEqual([{ guid: guid(3), name: 'Memo', text: 'A memo\non two lines' }])
    expect(project.sources[0]!.selections[0]!.noteGuids).toEqual([guid(3)])
  })

  it('reports and skips what is not text, reads PDF text representations, and names what it does not read', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project ${NS} name="Mixed">
  <Sources>
    <TextSource guid="${guid(10)}" name="Word only" richTextPath="internal://${guid(10)}.docx"/>
    <TextSource guid="${guid(11)}" name="Elsewhere" plainTextPath="relative:///interviews/a.txt"/>
    <PictureSource guid="${guid(12)}" name="Poster" path="internal://${guid(12)}.png"/>
    <PDFSource guid="${guid(13)}" name="Report.pdf" path="internal://${guid(13)}.pdf">
      <PDFSelection guid="${guid(14)}" page="1" firstX="0" firstY="0" secondX="10" secondY="10"/>
      <Representation guid="${guid(15)}" name="Report.txt" plainTextPath="internal://${guid(15)}.txt">
        <PlainTextSelection guid="${guid(16)}" startPosition="4" endPosition="10"/>
      </Representation>
    </PDFSource>
    <PDFSource guid="${guid(17)}" name="Scan.pdf" path="internal://${guid(17)}.pdf"/>
    <AudioSource guid="${guid(18)}" name="Interview.m4a" path="internal://${guid(18)}.m4a">
      <Transcript guid="${guid(19)}" name="T" plainTextPath="internal://${guid(19)}.txt"/>
    </AudioSource>
    <VideoSource guid="${guid(20)}" name="Clip.mp4" path="absolute:///C:/clip.mp4"/>
  </Sources>
  <Sets><Set guid="${guid(30)}" name="S"/></Sets>
  <Links><Link guid="${guid(31)}"/><Link guid="${guid(32)}"/></Links>
</Project>`
    const { project, report } = read(readQdpx(archive(xml, { [`sources/${guid(15)}.txt`]: 'The report text.' })))
    expect(project.sources.map((source) => source.name)).toEqual(['Report.pdf'])
    expect(quotes(project)).toEqual(['report'])
    const skipped = Object.fromEntries(report.skippedSources.map((source) => [source.name, source.reason]))
    expect(skipped).toEqual({
      'Word only': 'It has only a formatted (Word) version and no plain text to anchor codings in.',
      Elsewhere: 'Its text is kept outside the project file (an external source); export it with sources embedded.',
      Poster: 'It is a picture; Standpoint reads text only.',
      'Scan.pdf': 'It is a PDF without a plain-text representation; import the PDF itself as an article instead.',
      'Interview.m4a': 'It is an audio recording; Standpoint reads text only (its 1 transcript is left out too).',
      'Clip.mp4': 'It is a video; Standpoint reads text only.',
    })
    expect(report.notRead).toEqual([
      { element: 'Set', count: 1 },
      { element: 'Link', count: 2 },
    ])
    expect(report.warnings).toContain('PDF "Report.pdf" is read as its plain-text representation; codings of areas on its pages are left out.')
  })

  it('drops selections and references that point nowhere, keeping the rest, and says which', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project ${NS} name="Broken">
  <CodeBook><Codes><Code guid="${guid(1)}" name="A" isCodable="true"/><Code guid="${guid(1)}" name="A again" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${guid(2)}" name="Short"><PlainTextContent>Only twenty-six letters.</PlainTextContent>
      <PlainTextSelection guid="${guid(3)}" startPosition="5" endPosition="11"><Coding guid="${guid(4)}"><CodeRef targetGUID="${guid(1)}"/></Coding><Coding guid="${guid(5)}"><CodeRef targetGUID="${guid(99)}"/></Coding><NoteRef targetGUID="${guid(98)}"/></PlainTextSelection>
      <PlainTextSelection guid="${guid(6)}" startPosition="20" endPosition="400"/>
      <PlainTextSelection guid="${guid(7)}" startPosition="8" endPosition="8"/>
      <PlainTextSelection guid="${guid(8)}" startPosition="x" endPosition="9"/>
      <PlainTextSelection guid="not-a-guid" startPosition="1" endPosition="2"/>
    </TextSource>
  </Sources>
</Project>`
    const { project, report } = read(readQdpx(archive(xml)))
    expect(quotes(project)).toEqual(['twenty'])
    expect(project.sources[0]!.selections[0]!.codings.map((coding) => coding.codeGuid)).toEqual([guid(1)])
    expect(project.sources[0]!.selections[0]!.noteGuids).toEqual([])
    expect(report.droppedSelections.map((dropped) => dropped.reason)).toEqual([
      'Its positions 20–400 lie outside the text of "Short".',
      'Its positions 8–8 select no text.',
      'Its start or end position is not a whole number.',
    ])
    expect(report.droppedReferences.map((dropped) => dropped.reason)).toEqual([
      `A coding of a selection in "Short" refers to code ${guid(99)}, which is not in the code system.`,
      `A selection in "Short" refers to note ${guid(98)}, which is not in the project.`,
    ])
    expect(report.warnings).toEqual([
      `A code reuses GUID ${guid(1)}; only the first object with it is kept.`,
      'A selection without a valid GUID ("not-a-guid") is left out.',
    ])
  })

  it('reads a bare project.qde with inline text', () => {
    const result = readQde(`<Project ${NS} name="Bare"><Sources><TextSource guid="${guid(1)}" name="T"><PlainTextContent>abc</PlainTextContent></TextSource></Sources></Project>`)
    expect(read(result).project.sources[0]!.text).toBe('abc')
  })
})

/** Patches the declared uncompressed size of every entry in a zip's central directory. */
function lieAboutSizes(zip: Uint8Array, declared: number): Uint8Array {
  const copy = zip.slice()
  const view = new DataView(copy.buffer)
  for (let offset = 0; offset + 4 <= copy.length; offset += 1) {
    if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, declared, true)
    if (view.getUint32(offset, true) === 0x04034b50) view.setUint32(offset + 22, declared, true)
  }
  return copy
}

describe('readQdpx refuses or caps hostile files, saying why', () => {
  const sourceXml = (file: string) => `<Project ${NS} name="H"><Sources><TextSource guid="${guid(1)}" name="Text" plainTextPath="internal://${file}"/></Sources></Project>`

  it('a file that is not a zip', () => {
    expect(refusal(readQdpx(strToU8('<CodeBook/>')))).toBe('It is not a zip archive (a .qdpx file is one).')
  })

  it('a zip without project.qde', () => {
    expect(refusal(readQdpx(zipSync({ 'readme.txt': strToU8('hi') })))).toBe('The archive has no project.qde, so it is not a REFI-QDA project.')
  })

  it('a truncated zip', () => {
    const whole = writeQdpx(sampleProject())
    expect(refusal(readQdpx(whole.subarray(0, whole.length - 30)))).toMatch(/damaged/)
  })

  it('project.qde that is not XML, or not UTF-8, or a codebook', () => {
    expect(refusal(readQdpx(archive('this is not xml <<<')))).toMatch(/has no Project element|not well-formed/)
    expect(refusal(readQdpx(zipSync({ 'project.qde': new Uint8Array([0x3c, 0x50, 0xff, 0xfe]) })))).toBe('project.qde is not UTF-8 text, as the standard requires.')
    expect(refusal(readQdpx(archive(codebookXml(sampleProject().codes))))).toMatch(/codebook \(\.qdc\), not a project/)
  })

  it('an XML entity bomb', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Project ${NS} name="&b;"/>`
    expect(refusal(readQdpx(archive(bomb)))).toMatch(/declares a DTD or entities/)
  })

  it('entries whose paths climb out of the archive are ignored and reported', () => {
    const zip = zipSync({ 'project.qde': strToU8(sourceXml('../evil.txt')), '../evil.txt': strToU8('x'), '/etc/passwd': strToU8('x'), 'sources\\win.txt': strToU8('x') })
    const { project, report } = read(readQdpx(zip))
    expect(project.sources).toEqual([])
    expect(report.skippedSources[0]!.reason).toMatch(/climbs out of the sources folder/)
    expect(report.archive).toEqual([
      { entry: '../evil.txt', reason: 'Its name climbs out of the archive (..).' },
      { entry: '/etc/passwd', reason: 'Its name is an absolute path.' },
      { entry: 'sources\\win.txt', reason: 'Its name uses backslashes, which a portable archive does not.' },
    ])
  })

  it('a zip bomb: a text that expands past its cap is skipped, whatever size the zip declares', () => {
    const huge = new Uint8Array(3 * 1024 * 1024).fill(0x61)
    const zip = zipSync({ 'project.qde': strToU8(sourceXml('big.txt')), 'sources/big.txt': [huge, { level: 9 }] })
    expect(zip.length).toBeLessThan(20_000)
    for (const bytes of [zip, lieAboutSizes(zip, 100)]) {
      const { project, report } = read(readQdpx(bytes, { maxSourceBytes: 1024 * 1024 }))
      expect(project.sources).toEqual([])
      expect(report.skippedSources[0]!.reason).toMatch(/expands beyond 1 MB/)
    }
  })

  it('a project.qde too large to read', () => {
    expect(refusal(readQdpx(writeQdpx(sampleProject()), { maxProjectXmlBytes: 1000 }))).toMatch(/project.qde cannot be read: It expands beyond/)
  })

  it('too many entries', () => {
    const files: Zippable = { 'project.qde': strToU8(sourceXml('a.txt')) }
    for (let index = 0; index < 30; index += 1) files[`sources/${index}.txt`] = strToU8('x')
    expect(refusal(readQdpx(zipSync(files), { maxEntries: 20 }))).toMatch(/more than 20 files/)
  })

  it('a text that is not UTF-8 is left out rather than read wrongly', () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9]) // "Café" in ISO-8859-1
    const { project, report } = read(readQdpx(zipSync({ 'project.qde': strToU8(sourceXml('t.txt')), 'sources/t.txt': latin1 })))
    expect(project.sources).toEqual([])
    expect(report.skippedSources[0]!.reason).toMatch(/not UTF-8/)
  })

  it('a codebook that is not one', () => {
    expect(refusal(readQdc(projectXml(sampleProject())))).toBe('This is a REFI-QDA project, not a codebook.')
    expect(refusal(readQdc('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>'))).toBe('The codebook has no codes.')
  })
})
