import { expect, it } from 'vitest'
import { codebookXml, projectXml } from '../../renderer/src/domain/interop/refiqda/writeQde'
import { describeWithInteropFixtures } from '../support/interopFixtures'
import { sampleProject } from '../support/qdaSamples'
import { CODEBOOK_XSD, PROJECT_XSD, xsdErrors } from '../support/xsdValidate'

describeWithInteropFixtures('REFI-QDA output validates against the published schemas', [PROJECT_XSD, CODEBOOK_XSD], () => {
  it('project.qde validates against Project.xsd', async () => {
    expect(await xsdErrors(projectXml(sampleProject()), PROJECT_XSD)).toEqual([])
  })

  it('a project with no codes, notes, users or variables still validates', async () => {
    const bare = { ...sampleProject(), users: [], codes: [], variables: [], notes: [], noteGuids: [] }
    bare.sources = bare.sources.map((source) => ({
      ...source,
      noteGuids: [],
      codings: [],
      variableValues: [],
      selections: source.selections.map((selection) => ({ ...selection, codings: [], noteGuids: [] })),
    }))
    expect(await xsdErrors(projectXml(bare), PROJECT_XSD)).toEqual([])
  })

  it('the .qdc codebook validates against Codebook.xsd', async () => {
    expect(await xsdErrors(codebookXml(sampleProject().codes), CODEBOOK_XSD)).toEqual([])
  })

  it('the schema check catches a broken file (the validator is really validating)', async () => {
    const broken = projectXml(sampleProject()).replace('isCodable="true"', 'isCodable="maybe"')
    expect((await xsdErrors(broken, PROJECT_XSD)).join('\n')).toMatch(/isCodable/)
    const brokenCodebook = codebookXml(sampleProject().codes).replace(/ guid="[^"]+"/, ' guid="not-a-guid"')
    expect((await xsdErrors(brokenCodebook, CODEBOOK_XSD)).join('\n')).toMatch(/not-a-guid/)
  })
})
