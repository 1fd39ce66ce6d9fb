import type { SqlJsStatic } from 'sql.js'
import { contentHash } from '../../renderer/src/domain/contentHash'
import { suggestClaimChoice, type DnaClaimChoice } from '../../renderer/src/domain/interop/dna/dnaClaims'
import { readDnaProject } from '../../renderer/src/domain/interop/dna/readDna'
import type { DnaProject } from '../../renderer/src/domain/interop/dna/types'
import { defaultDnaStanceMap, type DnaImportOptions } from '../../renderer/src/domain/interop/mapping/dnaImport'

// What the DNA import tests (ours and the published samples') need to plan an import.

export const DNA_PLAN_NOW = '2025-02-01T10:00:00.000Z'

export function readDnaOrThrow(bytes: Uint8Array, SQL: SqlJsStatic): DnaProject {
  const result = readDnaProject(bytes, SQL)
  if (!result.ok) throw new Error(result.reason)
  return result.project
}

export async function dnaDocumentHashes(project: DnaProject): Promise<Map<number, string>> {
  return new Map(await Promise.all(project.documents.map(async (document) => [document.id, await contentHash(document.text)] as const)))
}

export function dnaImportOptions(project: DnaProject, overrides: Partial<DnaClaimChoice> = {}, stanceMap?: DnaImportOptions['stanceMap']): DnaImportOptions {
  const choice = { ...suggestClaimChoice(project)!, ...overrides }
  return { choice, stanceMap: stanceMap ?? defaultDnaStanceMap('boolean', []), fileName: 'iraq.dna', now: DNA_PLAN_NOW }
}
