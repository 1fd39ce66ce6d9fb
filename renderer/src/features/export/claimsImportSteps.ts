import type { ParsedTable } from '../../domain/claimsImport/parseTable'
import type { ImportPlan } from '../../domain/claimsImport/plan'
import type { DecodedText } from '../../domain/import/decode'
import type { MappingState } from './ClaimsMappingForm'

/** Where the coded-claims import stands: choose a file, map its columns, write, maybe review folded names, done. */
export type Step =
  | { kind: 'choose'; error: string | null }
  | { kind: 'map'; file: LoadedFile; state: MappingState; error: string | null }
  | { kind: 'working'; file: LoadedFile; phase: string; progress: number | null }
  /** Names the import would fold together: the analyst confirms or keeps them apart first. */
  | { kind: 'review'; file: LoadedFile; state: MappingState; plan: ImportPlan; keepApart: ReadonlySet<string>; busy: boolean; error: string | null }
  | { kind: 'done'; file: LoadedFile; plan: ImportPlan }

export interface LoadedFile {
  name: string
  decoded: Pick<DecodedText, 'encoding' | 'notice'>
  table: ParsedTable
}

export type MapStep = Extract<Step, { kind: 'map' }>
