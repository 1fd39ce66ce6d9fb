import { preflight } from '../../domain/import/fileKinds'
import type { MappingOptions } from '../../domain/import/types'
import type { PickedFile } from '../../platform/platform'
import type { CollectionPreview, FileOutcome, ImportWorkerApi, ProgressEvent, StepResult } from './importTypes'
import { loadRememberedMapping, rememberMapping, type RememberedMapping } from './mappingMemory'
import { errorText } from '../../domain/errorText'

// One import run as the dialog sees it: a list of sources worked through in order by the
// import worker, pausing at each collection for its column mapping, ending in a summary.
// Cancel stops between files (and between chunks of a big collection); what was stored
// before stays, and the summary says so.

export type ImportSource = { kind: 'file'; file: PickedFile } | { kind: 'paste'; text: string } | { kind: 'refused'; name: string; reason: string }

export type MappingDecision = { action: 'import'; options: MappingOptions } | { action: 'skip' } | { action: 'cancel' }

export interface RunState {
  phase: 'running' | 'mapping' | 'done'
  total: number
  /** Sources fully handled (their articles stored or refused). */
  processed: number
  current: string
  /** Within the current file: rows stored, articles stored or pages read so far. */
  rows: { done: number; total: number; unit: 'rows' | 'articles' | 'pages' } | null
  outcomes: FileOutcome[]
  preview: CollectionPreview | null
  remembered: RememberedMapping | null
  cancelled: boolean
  /** A failure of the run itself (the worker died); per-file problems are in outcomes. */
  error: string | null
}

const sourceName = (source: ImportSource): string =>
  source.kind === 'file' ? source.file.relativePath || source.file.name : source.kind === 'paste' ? 'Pasted text' : source.name

export class ImportRun {
  state: RunState
  private readonly listeners = new Set<() => void>()
  private decide: ((decision: MappingDecision) => void) | null = null
  private cancelRequested = false

  constructor(
    private readonly sources: ImportSource[],
    private readonly worker: ImportWorkerApi,
  ) {
    this.state = { phase: 'running', total: sources.length, processed: 0, current: '', rows: null, outcomes: [], preview: null, remembered: null, cancelled: false, error: null }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private update(patch: Partial<RunState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }

  private add(result: StepResult): void {
    if (result.outcomes.length > 0) this.update({ outcomes: [...this.state.outcomes, ...result.outcomes] })
  }

  onProgress = (event: ProgressEvent): void => {
    this.update({ rows: { done: event.done, total: event.total, unit: event.unit ?? 'rows' } })
  }

  /** The user's answer at the mapping step. */
  resolveMapping(decision: MappingDecision): void {
    const decide = this.decide
    this.decide = null
    decide?.(decision)
  }

  cancel(): void {
    if (this.cancelRequested || this.state.phase === 'done') return
    this.cancelRequested = true
    this.update({ cancelled: true })
    void this.worker.cancel().catch(() => undefined)
    this.resolveMapping({ action: 'cancel' })
  }

  private waitForMapping(preview: CollectionPreview): Promise<MappingDecision> {
    this.update({ phase: 'mapping', preview })
    return new Promise((resolve) => {
      this.decide = resolve
    })
  }

  async run(importedAt: string): Promise<void> {
    const remembered = await loadRememberedMapping()
    this.update({ remembered })
    let started = 0
    try {
      await this.worker.begin(importedAt)
      for (const [index, source] of this.sources.entries()) {
        if (this.cancelRequested) break
        started = index + 1
        const fileId = `source-${index}`
        const name = sourceName(source)
        this.update({ current: name, rows: null })
        await this.handle(fileId, name, source)
        this.update({ processed: index + 1 })
      }
      this.add(await this.worker.finish())
    } catch (error) {
      this.update({ error: `The import stopped: ${errorText(error)}. Articles stored before that are kept.` })
    }
    const handled = new Set(this.state.outcomes.map((outcome) => outcome.fileId))
    const unstarted: FileOutcome[] = this.sources.slice(started).map((source, offset) => ({
      fileId: `source-${started + offset}`,
      name: sourceName(source),
      status: 'cancelled',
      imported: 0,
      total: 0,
      duplicates: [],
      rejections: [],
      notices: [],
      undated: 0,
    }))
    this.update({
      phase: 'done',
      preview: null,
      rows: null,
      current: '',
      outcomes: [...this.state.outcomes, ...unstarted.filter((outcome) => !handled.has(outcome.fileId))],
    })
  }

  private async handle(fileId: string, name: string, source: ImportSource): Promise<void> {
    const refuse = (reason: string): void => {
      this.update({ outcomes: [...this.state.outcomes, { fileId, name, status: 'rejected', imported: 0, total: 1, duplicates: [], rejections: [reason], notices: [], undated: 0 }] })
    }
    if (source.kind === 'refused') return refuse(source.reason)
    let step: StepResult
    if (source.kind === 'paste') {
      step = await this.worker.inspectPaste(fileId, source.text)
    } else {
      // Refused before reading: a 50 MB file is never loaded just to be turned away.
      const early = preflight(name, source.file.size)
      if (early) return refuse(early)
      let bytes: Uint8Array
      try {
        bytes = await source.file.read()
      } catch (error) {
        return refuse(`The file could not be read (${errorText(error)}); it may have been moved or deleted.`)
      }
      step = await this.worker.inspectFile(fileId, name, bytes, this.state.remembered?.mapping ?? null)
    }
    this.add(step)
    if (step.inspect?.type !== 'needs-mapping') return
    const decision = await this.waitForMapping(step.inspect.preview)
    this.update({ phase: 'running', preview: null })
    if (decision.action === 'import') {
      const remembered: RememberedMapping = { mapping: decision.options.mapping, defaultSource: decision.options.defaultSource, dateOrder: decision.options.dateOrder }
      this.update({ remembered })
      await rememberMapping(remembered).catch(() => undefined)
      this.update({ rows: { done: 0, total: step.inspect.preview.recordCount, unit: 'rows' } })
      this.add(await this.worker.importCollection(fileId, decision.options))
    } else if (decision.action === 'skip') {
      this.add(await this.worker.skipCollection(fileId))
    }
    // On cancel the worker's finish() reports the waiting collection as cancelled.
  }
}
