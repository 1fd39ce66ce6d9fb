// Kept whole (issue 11): one class whose phases share its replica, replication and back-off state; split, each part would reach into the others.
import { RevisionStore, type PouchLike } from '../../../db/sync/revisionStore'
import { deleteSyncBook, SyncBook, type ConflictEntry, type RefusedEntry, type SyncPhase } from '../../../db/sync/syncBook'
import type { WorkspaceSide } from '../../../db/sync/workspaceSide'
import { describeConnectionFailure } from '../../../domain/sync/connection'
import { parseDocumentId, type RecordState, type WorkspaceRecord } from '../../../domain/sync/documents'
import type { MergeReportEntry } from '../../../domain/sync/firstMerge'
import { validateDocument } from '../../../domain/sync/validateDocument'
import { Bridge, BATCH } from './bridge'
import { DirectTransfer, TransferRefused, type TransferProgress } from './directTransfer'
import { checkDatabase, serverFetch, type Credentials } from './server'
import { OFF_STATUS, type SyncStatus } from './status'

// One connected team workspace: checks the server, runs a first connection (upload, download,
// or merge after asking), then keeps PouchDB's continuous replication running both ways with
// the bridge mirroring the workspace. Runs in the sync worker; the window sees SyncStatus.

/** PouchDB's replication, as far as Standpoint listens to it. */
export interface Replication {
  on(event: string, listener: (info: never) => void): Replication
  cancel(): void
  /** A two-way sync's directions. */
  push?: Replication
  pull?: Replication
  then<T>(onFulfilled: (value: unknown) => T, onRejected?: (error: unknown) => T): Promise<T>
}

export interface PouchStatic {
  new (name: string, options?: object): PouchLike
  replicate(source: PouchLike, target: PouchLike, options: object): Replication
  sync(local: PouchLike, remote: PouchLike, options: object): Replication
}

export interface EngineOptions {
  Pouch: PouchStatic
  /** The adapter of the local store: 'indexeddb' in the app, 'memory' in unit tests. */
  localAdapter: string
  workspace: WorkspaceSide
  /** The workspace database's name (the store and the bookkeeping are named after it). */
  workspaceName: string
  schema: number
  onStatus: (status: SyncStatus) => void
  /** How often the bridge looks for work when nothing announced any (ms). */
  tick?: number
}

interface ReplicationChange {
  direction?: 'push' | 'pull'
  change?: { docs?: { _id: string; _rev: string }[]; pending?: number; docs_written?: number }
  docs?: { _id: string; _rev: string }[]
  pending?: number
  docs_written?: number
}

const BACK_OFF_MAX = 4000

export class SyncEngine {
  private readonly book: SyncBook
  private local: PouchLike | null = null
  private remote: PouchLike | null = null
  private bridge: Bridge | null = null
  private transfer: DirectTransfer | null = null
  private live: Replication | null = null
  private oneShot: Replication | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private running: Promise<void> | null = null
  private again = false
  private stopped = false
  private mergeConfirmed: (() => void) | null = null
  private status: SyncStatus = { ...OFF_STATUS, state: 'checking' }
  private pullPending = 0

  constructor(
    private readonly credentials: Credentials,
    private readonly options: EngineOptions,
  ) {
    this.book = new SyncBook(options.workspaceName)
  }

  private emit(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch }
    this.options.onStatus({ ...this.status })
  }

  private connectionKey(): string {
    return `${this.credentials.serverUrl}|${this.credentials.database}|${this.credentials.userName}`
  }

  /** Checks the server, then runs (or resumes) the first connection and continuous sync. */
  async start(): Promise<void> {
    this.emit({ state: 'checking', message: null })
    const check = await checkDatabase(this.credentials)
    if (this.stopped) return
    if (!check.ok) {
      this.emit({ state: check.failure.kind === 'unreachable' ? 'unreachable' : 'error', message: describeConnectionFailure(check.failure, this.credentials) })
      return
    }
    if ((await this.book.get<string | null>('connection', null)) !== this.connectionKey()) await this.resetBook()
    this.openStores()
    let phase = await this.book.get<SyncPhase | null>('phase', null)
    if (phase === null) {
      const localCount = await this.options.workspace.recordCount()
      const head = await this.options.workspace.latestSeq()
      await this.book.set('outboxSeq', head)
      await this.options.workspace.saveOutboxCheckpoint(head)
      await this.book.set('scanCursor', { tableIndex: 0, afterId: '' })
      await this.book.set('uploadSent', false)
      if (localCount === 0) phase = check.documents === 0 ? 'live' : 'receive'
      else if (check.documents === 0) phase = 'upload'
      else {
        this.emit({ state: 'confirm-merge', local: localCount, remote: check.documents, message: null })
        await new Promise<void>((resolve) => (this.mergeConfirmed = resolve))
        if (this.stopped) return
        phase = 'download'
      }
      await this.book.set('total', { local: localCount, remote: check.documents })
      await this.book.set('uploadOnly', check.documents === 0)
      await this.book.set('connection', this.connectionKey())
      await this.book.set('phase', phase)
    }
    await this.refreshCounts()
    await this.runPhases(phase)
  }

  /** The member agreed to merge a workspace that has data into a database that has other data. */
  confirmMerge(): void {
    this.mergeConfirmed?.()
    this.mergeConfirmed = null
  }

  private async resetBook(): Promise<void> {
    await this.book.delete()
    await this.book.open()
    const stale = new this.options.Pouch(this.localName(), { adapter: this.options.localAdapter })
    await stale.destroy()
  }

  private localName(): string {
    return replicaName(this.options.workspaceName)
  }

  private openStores(): void {
    const { Pouch, localAdapter, schema, workspace } = this.options
    this.local = new Pouch(this.localName(), { adapter: localAdapter, auto_compaction: false })
    this.remote = new Pouch(`${this.credentials.serverUrl}/${encodeURIComponent(this.credentials.database)}`, {
      skip_setup: true,
      auth: { username: this.credentials.userName, password: this.credentials.password },
      fetch: serverFetch(this.credentials.serverUrl),
    })
    // PouchDB's replication reads the server's info after each batch for its progress counters
    // and does not catch a failure of that read (pouchdb-replication 9.0.0): with the server
    // gone mid-request it would reject unhandled while the replication reports the failure and
    // retries. The counters are not used here, so a failed read answers with empty ones.
    const remote = this.remote
    const info = remote.info.bind(remote)
    remote.info = () => info().catch(() => ({ doc_count: 0, update_seq: 0 }))
    this.transfer = new DirectTransfer(workspace, this.book, remote, schema)
    this.bridge = new Bridge(workspace, new RevisionStore(this.local), this.book, schema)
  }

  private async runPhases(start: SyncPhase): Promise<void> {
    let phase = start
    const totals = await this.book.get('total', { local: 0, remote: 0 })
    if (phase === 'upload') {
      const label = 'Sending this workspace to the server'
      this.emit({ state: 'syncing', progress: { label, done: await this.book.get('scanDone', 0), total: totals.local } })
      const ok = await this.transferring(label, totals.local, async (progress) => {
        await this.transfer!.upload(progress, () => this.stopped)
        if (this.stopped) return
        // Anything on the server that this upload did not write comes in by replication; the
        // live pull starts after the upload's own documents.
        const { ids, lastSeq } = await this.transfer!.othersAfterUpload()
        if (!(await this.replicateIds(ids))) return
        await this.book.set('seedPullSince', lastSeq)
        await this.book.set('phase', 'live')
      })
      if (!ok) return
      phase = 'live'
    }
    if (phase === 'receive') {
      const label = 'Receiving the team’s documents'
      this.emit({ state: 'syncing', progress: { label, done: await this.book.get('receiveDone', 0), total: totals.remote } })
      const ok = await this.transferring(label, totals.remote, async (progress) => {
        const lastSeq = await this.transfer!.receive(progress, () => this.stopped)
        if (this.stopped) return
        if (!(await this.replicateIds(await this.book.get<string[]>('receiveComplex', [])))) return
        await this.book.set('seedPullSince', lastSeq)
        await this.book.set('phase', 'live')
      })
      if (!ok) return
      phase = 'live'
      // Documents with several leaves came through the replica: the bridge applies them.
      await this.serial(() => this.bridge!.pullLocal())
    }
    if (phase === 'download') {
      this.emit({ state: 'syncing', progress: { label: 'Downloading the team’s documents', done: 0, total: totals.remote } })
      const ok = await this.download(totals.remote)
      if (!ok || this.stopped) return
      phase = 'scan'
      await this.book.set('phase', phase)
    }
    await this.startLive()
    if (phase === 'scan') {
      const done = await this.book.get('scanDone', 0)
      this.emit({ state: 'syncing', progress: { label: 'Merging this workspace by record', done, total: totals.local } })
      for (;;) {
        if (this.stopped || !this.bridge) return
        const step = await this.serial(() => this.bridge!.scanStep(BATCH))
        this.emit({ progress: { label: 'Merging this workspace by record', done: await this.book.get('scanDone', 0), total: totals.local } })
        await this.refreshCounts()
        if (!step) break
      }
      phase = 'live'
      await this.book.set('phase', phase)
    }
    this.emit({ state: 'connected', progress: null })
    this.timer = setInterval(() => {
      this.schedule()
      if (this.status.state === 'offline') void this.probe()
    }, this.options.tick ?? 2000)
    this.schedule()
  }

  /**
   * Runs a direct transfer until it is through, through a server that comes and goes: a request
   * that fails for want of the server waits (offline, backing off) and the batch is tried again
   * (batches are written so that writing one twice changes nothing); a refusal stops.
   */
  private async transferring(label: string, total: number, work: (progress: (progress: TransferProgress) => void) => Promise<void>): Promise<boolean> {
    let delay = 500
    for (;;) {
      if (this.stopped) return false
      try {
        await work(({ done }) => {
          delay = 500
          this.emit({ state: 'syncing', message: null, progress: { label, done: Math.min(done, total), total } })
        })
        return !this.stopped
      } catch (error) {
        if (this.stopped) return false
        const status = (error as { status?: number }).status
        if (error instanceof TransferRefused || status === 401 || status === 403) {
          const reason = status === 401 || status === 403 ? 'the server no longer accepts your user name and password, or you are no longer a member of the database' : describeError(error)
          this.emit({ state: 'error', message: `Sync stopped: ${reason}.`, progress: null })
          return false
        }
        this.emit({ state: 'offline', message: `Cannot reach the server: ${describeError(error)}. The first sync resumes where it stopped when the server is back.` })
        await new Promise((resolve) => setTimeout(resolve, delay))
        delay = Math.min(delay * 2, BACK_OFF_MAX)
      }
    }
  }

  /** Documents a direct transfer leaves to replication (several leaves, or written by others meanwhile). */
  private replicateIds(ids: readonly string[]): Promise<boolean> {
    if (ids.length === 0) return Promise.resolve(true)
    return new Promise((resolve, reject) => {
      const replication = this.options.Pouch.replicate(this.remote!, this.local!, { doc_ids: [...ids], batch_size: BATCH, retry: false })
      this.oneShot = replication
      replication.then(
        () => {
          this.oneShot = null
          resolve(!this.stopped)
        },
        (error: unknown) => {
          this.oneShot = null
          if (this.stopped) resolve(false)
          else reject(error instanceof Error ? error : Object.assign(new Error(describeError(error)), { status: (error as { status?: number } | null)?.status }))
        },
      )
    })
  }

  /** The one-shot pull of a merge's first connection: every document of the server into the store. */
  private download(total: number): Promise<boolean> {
    return new Promise((resolve) => {
      const replication = this.options.Pouch.replicate(this.remote!, this.local!, { batch_size: BATCH, batches_limit: 4, retry: false })
      this.oneShot = replication
      let read = 0
      replication.on('change', (info: ReplicationChange) => {
        read = info.docs_written ?? read
        this.emit({ progress: { label: 'Downloading the team’s documents', done: Math.min(read, total), total } })
      })
      replication.then(
        () => {
          this.oneShot = null
          resolve(true)
        },
        (error: unknown) => {
          this.oneShot = null
          if (!this.stopped) this.emit({ state: 'offline', message: `The download stopped: ${describeError(error)}. It resumes where it stopped when the server can be reached.` })
          resolve(false)
        },
      )
    })
  }

  private async startLive(): Promise<void> {
    if (this.live || this.stopped) return
    // After a direct transfer the pull starts where the transfer stopped reading (once: then
    // PouchDB's own checkpoint has it).
    let seed = await this.book.get<number | string | null>('seedPullSince', null)
    if (this.live || this.stopped) return
    const live = this.options.Pouch.sync(this.local!, this.remote!, {
      ...(seed === null ? {} : { pull: { since: seed } }),
      live: true,
      retry: true,
      batch_size: BATCH,
      batches_limit: 4,
      back_off_function: (delay: number) => (delay === 0 ? 500 : Math.min(delay * 2, BACK_OFF_MAX)),
    })
    this.live = live
    live.on('change', (info: ReplicationChange) => {
      const change = info.change ?? info
      if (info.direction === 'push') void this.book.markSent(change.docs ?? []).then(() => this.refreshCounts())
      else {
        this.pullPending = change.pending ?? 0
        this.schedule()
      }
      this.emit({ lastSyncedAt: new Date().toISOString(), ...(this.status.state === 'offline' ? { state: 'connected', message: null } : {}) })
    })
    live.on('paused', (error: unknown) => {
      if (error) this.emit({ state: 'offline', message: `Cannot reach the server: ${describeError(error)}. Changes wait here and go out when it is back.` })
      else {
        this.pullPending = 0
        if (seed !== null) {
          seed = null
          void this.book.set('seedPullSince', null)
        }
        if (this.status.state !== 'syncing') this.emit({ state: 'connected', message: null, lastSyncedAt: new Date().toISOString() })
        void this.refreshCounts()
      }
    })
    live.on('active', () => {
      if (this.status.state === 'offline') this.emit({ state: 'connected', message: null })
    })
    // A failed request while idle (the server went away under a waiting _changes) is only told
    // by each direction's 'requestError'; PouchDB retries with back-off meanwhile.
    const offline = (error: unknown): void => {
      if (!this.stopped && this.status.state !== 'error') this.emit({ state: 'offline', message: `Cannot reach the server: ${describeError(error)}. Changes wait here and go out when it is back.` })
    }
    live.push?.on('requestError', offline)
    live.pull?.on('requestError', offline)
    live.on('denied', (error: unknown) => this.emit({ message: `The server refused a change: ${describeError(error)}` }))
    live.on('error', (error: unknown) => {
      if (this.stopped) return
      const status = (error as { status?: number }).status
      const reason = status === 401 || status === 403 ? 'the server no longer accepts your user name and password, or you are no longer a member of the database' : describeError(error)
      this.emit({ state: 'error', message: `Sync stopped: ${reason}.` })
      this.live = null
    })
  }

  /** While offline: is the server back? (An idle replication may not notice for a while.) */
  private async probe(): Promise<void> {
    const check = await checkDatabase(this.credentials)
    if (check.ok && this.status.state === 'offline' && !this.stopped) this.emit({ state: 'connected', message: null })
  }

  /** Runs the bridge once more soon (after whatever run is going on). */
  schedule(): void {
    if (this.stopped || !this.bridge) return
    void this.serial(async () => {
      if ((await this.book.get('phase', 'live')) !== 'live') return
      await this.bridge!.pushLocal()
      const pulled = await this.bridge!.pullLocal()
      if (pulled.applied > 0 || pulled.refused > 0) this.emit({ lastSyncedAt: new Date().toISOString() })
      await this.refreshCounts()
    }).catch((error: unknown) => {
      if (!this.stopped) this.emit({ state: 'error', message: `Sync stopped: ${describeError(error)}.` })
    })
  }

  /** One bridge run at a time: each waits for the one before. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.running ?? Promise.resolve()
    const next = previous.then(work, work)
    this.running = next.then(
      () => undefined,
      () => undefined,
    )
    return next
  }

  private async refreshCounts(): Promise<void> {
    const [counts, unsent, outboxSeq, latestSeq] = await Promise.all([this.book.counts(), this.book.unsentCount(), this.book.get('outboxSeq', 0), this.options.workspace.latestSeq()])
    this.emit({ conflicts: counts.conflicts, refused: counts.refused, sending: unsent + Math.max(0, latestSeq - outboxSeq), receiving: this.pullPending })
  }

  /** Pause: replication stops, local changes queue; resume() picks up where it was. */
  pause(): void {
    this.live?.cancel()
    this.live = null
    this.oneShot?.cancel()
    this.oneShot = null
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.stopped = true
    this.emit({ state: 'paused', message: null, progress: null })
  }

  async close(): Promise<void> {
    this.pause()
    this.mergeConfirmed?.()
    await this.running
    // Closing twice (Disconnect after Pause, a test's clean-up) is not an error.
    const local = this.local
    this.local = null
    this.remote = null
    this.bridge = null
    await local?.close()
    this.book.close()
  }

  /** Disconnect: stops, and removes the local store and the bookkeeping (the workspace stays). */
  async forget(): Promise<void> {
    await this.close()
    await this.options.workspace.removeOutboxCheckpoint()
    await forgetReplica(this.options.Pouch, this.options.localAdapter, this.options.workspaceName)
  }

  /** The conflicts, each with every live version of its record. */
  async conflicts(): Promise<ConflictView[]> {
    const entries = await this.book.conflictList()
    const store = this.local ? new RevisionStore(this.local) : null
    if (!store) return []
    const views: ConflictView[] = []
    for (const entry of entries) {
      try {
        const { winner, losers } = await store.versions(entry.docId)
        const versions = [winner, ...losers].map((doc, index) => {
          const checked = validateDocument(doc, this.options.schema)
          return { rev: doc._rev, winner: index === 0, state: checked.ok ? checked.state : null, problem: checked.ok ? null : checked.reason }
        })
        views.push({ ...entry, versions })
      } catch {
        // Resolved meanwhile: the next pull clears the entry.
      }
    }
    return views
  }

  /** Keeps one version, or a merged record, of a conflict; the resolution replicates. */
  async resolve(docId: string, kept: { kind: 'record'; record: WorkspaceRecord } | { kind: 'deleted' }): Promise<void> {
    const parsed = parseDocumentId(docId)
    if (!parsed || !this.bridge) throw new Error('This conflict is no longer known.')
    const coder = (await this.options.workspace.currentCoderId()) ?? ''
    const state: RecordState =
      kept.kind === 'record'
        ? { kind: 'record', table: parsed.table, id: parsed.id, record: { ...kept.record, id: parsed.id } }
        : { kind: 'deleted', table: parsed.table, id: parsed.id, tombstone: { id: parsed.id, table: parsed.table, deletedAt: new Date().toISOString(), deletedBy: coder } }
    await this.serial(() => this.bridge!.resolve(docId, state))
    this.schedule()
  }

  refused(): Promise<RefusedEntry[]> {
    return this.book.refusedList()
  }

  mergeReport(): Promise<MergeReportEntry[]> {
    return this.book.mergeReport()
  }

  /** Waits until the bridge has nothing left to do (tests, and Disconnect after a final push). */
  async settle(): Promise<void> {
    this.schedule()
    await this.running
  }
}

const replicaName = (workspaceName: string): string => `${workspaceName}-couch`

/** Removes a workspace's local replica and sync bookkeeping (Disconnect); the workspace stays. */
export async function forgetReplica(Pouch: PouchStatic, adapter: string, workspaceName: string): Promise<void> {
  await new Pouch(replicaName(workspaceName), { adapter }).destroy()
  await deleteSyncBook(workspaceName)
}

export interface ConflictView extends ConflictEntry {
  versions: { rev: string; winner: boolean; state: RecordState | null; problem: string | null }[]
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  if (error && typeof error === 'object') {
    const { reason, message, status } = error as { reason?: unknown; message?: unknown; status?: unknown }
    if (typeof reason === 'string' && reason) return reason
    if (typeof message === 'string' && message) return message
    if (typeof status === 'number') return `status ${status}`
  }
  return String(error)
}
