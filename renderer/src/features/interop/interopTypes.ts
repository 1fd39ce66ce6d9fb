import type { DnaOverview, DnaPreview, DnaStanceMap } from '../../domain/interop/mapping/dnaImport'
import type { QdaMapping, QdaOverview } from '../../domain/interop/mapping/fromQda'
import type { InteropCounts, ItemOutcome } from '../../domain/interop/mapping/interopPlan'
import type { QdaLeftOut } from '../../domain/interop/mapping/toQda'
import type { DnaClaimChoice } from '../../domain/interop/dna/dnaClaims'

// What the interop worker and the window say to each other.

export type Opened<T> = { ok: true; overview: T } | { ok: false; reason: string }

/** How far an import or export has come, for the progress bar. */
export interface InteropProgress {
  phase: string
  /** 0..1, or null while the amount of work is not known. */
  fraction: number | null
}

/** What an import did, for the summary. */
export interface InteropSummary {
  fileName: string
  counts: InteropCounts
  outcomes: ItemOutcome[]
  notes: string[]
}

export interface QdaExportOutcome {
  bytes: Uint8Array
  counts: { sources: number; claims: number; mentions: number; issues: number; actors: number; users: number }
  leftOut: QdaLeftOut[]
}

export interface QdcExportOutcome {
  text: string
  counts: { issues: number; actors: number }
}

export type { DnaClaimChoice, DnaOverview, DnaPreview, DnaStanceMap, QdaMapping, QdaOverview }
