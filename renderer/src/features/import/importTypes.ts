import type { ColumnMapping, DateOrder, MappingOptions } from '../../domain/import/types'

// What the import worker and the dialog tell each other. Plain data only: it crosses
// postMessage.

/** A CSV/JSON collection waiting for the user to confirm its column mapping. */
export interface CollectionPreview {
  fileId: string
  name: string
  format: 'csv' | 'json'
  /** "comma-separated", "the JSON array under \"articles\"". */
  layout: string
  encoding: string
  columns: string[]
  /** The first records, for the preview table. */
  sample: Record<string, string>[]
  recordCount: number
  /** Rows the reader already refused (malformed quoting, wrong field count). */
  rejectedRowCount: number
  proposed: ColumnMapping
  dateOrder: DateOrder
  /** False when no date in the date column settled day-first vs month-first. */
  dateOrderDetected: boolean
  notices: string[]
}

export type InspectResult =
  | { type: 'queued' }
  /** A batch (a news-database export) was stored; its outcome came with this step. */
  | { type: 'stored' }
  | { type: 'needs-mapping'; preview: CollectionPreview }
  | { type: 'rejected'; reason: string }

export type FileStatus = 'imported' | 'duplicate' | 'rejected' | 'skipped' | 'cancelled'

export interface DuplicateNote {
  /** What the user would recognise: the row, or the file's name. */
  label: string
  existingId: string
  /** True when the copy it matches came earlier in this same import. */
  earlierInRun: boolean
}

/** What became of one document of a batch file (a news-database export), for the summary. */
export interface PartOutcome {
  /** "3. Headline of the article". */
  label: string
  status: 'imported' | 'duplicate' | 'rejected' | 'cancelled'
  /** Date and outlet as read ("2019-07-01 · The Guardian"), or ''. */
  detail: string
  /** Why it was refused; '' otherwise. */
  reason: string
  /** The stored article, or for a duplicate the one already there. */
  articleId?: string
  earlierInRun?: boolean
  undated?: boolean
}

/** What became of one file (or one paste), for the summary. */
export interface FileOutcome {
  fileId: string
  name: string
  status: FileStatus
  imported: number
  /** Articles in the file: 1 for an article file, the record count for a collection. */
  total: number
  duplicates: DuplicateNote[]
  /** The file-level reason, or one line per refused row. */
  rejections: string[]
  notices: string[]
  /** Imported articles that have no date and are flagged for review. */
  undated: number
  /** The first imported article, for "open it". */
  firstArticleId?: string
  /** A batch file's documents one by one ("Nexis Uni export"), when the file held several. */
  batch?: { format: string; parts: PartOutcome[] }
}

/** Calls the dialog makes on the import worker. */
export interface ImportWorkerApi {
  /** Starts a run; `databaseName` is for tests and benchmarks (the app writes to its workspace). */
  begin(importedAt: string, databaseName?: string): Promise<void>
  inspectFile(fileId: string, name: string, bytes: Uint8Array, remembered: Partial<ColumnMapping> | null): Promise<StepResult>
  inspectPaste(fileId: string, text: string): Promise<StepResult>
  importCollection(fileId: string, options: MappingOptions): Promise<StepResult>
  skipCollection(fileId: string): Promise<StepResult>
  /** Writes every queued article; returns their files' outcomes. */
  finish(): Promise<StepResult>
  cancel(): Promise<void>
}

/** Each call answers for the file it was about and for any queued files it wrote meanwhile. */
export interface StepResult {
  inspect?: InspectResult
  outcomes: FileOutcome[]
}

export interface ProgressEvent {
  type: 'progress'
  fileId: string
  done: number
  total: number
  /** What is counted; rows of a collection when absent. */
  unit?: 'rows' | 'articles' | 'pages'
}
