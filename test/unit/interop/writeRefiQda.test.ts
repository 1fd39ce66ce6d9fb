import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { projectXml, QdaWriteError } from '../../../renderer/src/domain/interop/refiqda/writeQde'
import { writeQdpx } from '../../../renderer/src/domain/interop/refiqda/writeQdpx'
import { guid, sampleProject } from '../../support/qdaSamples'

describe('projectXml', () => {
  const xml = projectXml(sampleProject())

  it('writes positions as code points: the flag before "now." counts as two, not four', () => {
    const source = sampleProject().sources[0]!
    const now = source.selections[1]!
    const expected = [...source.text.slice(0, now.start)].length
    expect(expected).toBe(now.start - 2)
    expect(xml).toContain(`guid="${guid(201)}" startPosition="${expected}" endPosition="${expected + 4}"`)
  })

  it('escapes XML characters in names, descriptions and notes', () => {
    expect(xml).toContain('name="Iraq militias &amp; Israel &lt;2024&gt;"')
    expect(xml).toContain('<Description>Time marker &amp; &lt;check&gt;</Description>')
    expect(xml).toContain('name="Kataib Hezbollah &quot;KH&quot;"')
  })

  it('points each text source at its file in sources/', () => {
    expect(xml).toContain(`plainTextPath="internal://${guid(100)}.txt"`)
  })

  it('refuses a project it cannot write validly, naming every reason', () => {
    const project = sampleProject()
    project.sources[0]!.selections[0]!.codings[0]!.codeGuid = guid(9999)
    project.sources[0]!.selections[1]!.end = project.sources[0]!.text.length + 5
    project.codes[0]!.color = 'red'
    project.users[1]!.guid = project.users[0]!.guid
    project.sources[1]!.guid = 'article-2'
    const error = (() => {
      try {
        projectXml(project)
      } catch (caught) {
        return caught
      }
      return null
    })()
    expect(error).toBeInstanceOf(QdaWriteError)
    const problems = (error as QdaWriteError).problems.join('\n')
    expect(problems).toMatch(/refers to code 00000000-0000-4000-8000-00000000270f, which is not in the code system/)
    expect(problems).toMatch(/does not lie within its/)
    expect(problems).toMatch(/colour "red"/)
    expect(problems).toMatch(/reuses GUID/)
    expect(problems).toMatch(/"article-2" as its GUID, which is not one/)
  })

  it('refuses a selection that splits a character outside the BMP', () => {
    const project = sampleProject()
    const source = project.sources[0]!
    const flag = source.text.indexOf('🇮🇶')
    source.selections[1] = { ...source.selections[1]!, start: flag + 1, end: flag + 4 }
    expect(() => projectXml(project)).toThrow(/splits a character in two/)
  })

  it('replaces line breaks in attributes by spaces, which XML readers would do anyway', () => {
    const project = sampleProject()
    project.codes[3]!.name = 'Wire\ncopy'
    expect(projectXml(project)).toContain('name="Wire copy"')
  })
})

describe('writeQdpx', () => {
  it('zips project.qde and one UTF-8 text per source, without a byte order mark', () => {
    const project = sampleProject()
    const files = unzipSync(writeQdpx(project, { modified: new Date('2024-12-26T00:00:00Z') }))
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...project.sources.map((source) => `sources/${source.guid}.txt`)].sort())
    const arabic = files[`sources/${guid(101)}.txt`]!
    expect(arabic[0]).not.toBe(0xef)
    expect(strFromU8(arabic)).toBe(project.sources[1]!.text)
    expect(strFromU8(files['project.qde']!)).toBe(projectXml(project))
  })

  it('gives the same bytes for the same project and time', () => {
    const modified = new Date('2024-12-26T00:00:00Z')
    expect(writeQdpx(sampleProject(), { modified })).toEqual(writeQdpx(sampleProject(), { modified }))
  })
})
