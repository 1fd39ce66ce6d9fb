import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'
import { interopFixture } from './interopFixtures'

// Validates XML against the published REFI-QDA schemas with libxml2's xmllint, compiled to
// WebAssembly (npm: xmllint-wasm), so the check needs no system package and no network.

export const PROJECT_XSD = ['refi-qda', 'Project.xsd']
export const CODEBOOK_XSD = ['refi-qda', 'Codebook.xsd']

export async function xsdErrors(xml: string, schemaParts: string[]): Promise<string[]> {
  const schemaPath = interopFixture(...schemaParts)
  if (!schemaPath) throw new Error(`schema ${schemaParts.join('/')} is missing`)
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: schemaParts.at(-1)!, contents: readFileSync(schemaPath, 'utf8') }],
    // Large exports need more than the default 16 MB of WebAssembly memory.
    initialMemoryPages: 512,
  })
  return result.valid ? [] : result.errors.map((error) => error.rawMessage)
}
