import { unzipSync } from 'fflate'
import { expect, it } from 'vitest'
import { qdaCodeSystem, workspaceToQda, type QdaExportInput } from '../../renderer/src/domain/interop/mapping/toQda'
import { codebookXml } from '../../renderer/src/domain/interop/refiqda/writeQde'
import { writeQdpx } from '../../renderer/src/domain/interop/refiqda/writeQdpx'
import { describeWithInteropFixtures } from '../support/interopFixtures'
import { interopExportInput, interopWorkspace } from '../support/interopWorkspace'
import { CODEBOOK_XSD, PROJECT_XSD, xsdErrors } from '../support/xsdValidate'

const exportInput = (): QdaExportInput => interopExportInput()

describeWithInteropFixtures('REFI-QDA schemas: what the workspace export writes', [PROJECT_XSD, CODEBOOK_XSD], () => {
  it('project.qde of a workspace export validates against Project.xsd', async () => {
    const bytes = writeQdpx(workspaceToQda(exportInput()).project)
    const entries = unzipSync(bytes)
    expect(Object.keys(entries).filter((name) => name.startsWith('sources/')).length).toBe(2)
    expect(await xsdErrors(new TextDecoder().decode(entries['project.qde']), PROJECT_XSD)).toEqual([])
  })
  it('the codebook export validates against Codebook.xsd', async () => {
    const workspace = interopWorkspace()
    expect(await xsdErrors(codebookXml(qdaCodeSystem(workspace.issues, workspace.actors)), CODEBOOK_XSD)).toEqual([])
  })
})
