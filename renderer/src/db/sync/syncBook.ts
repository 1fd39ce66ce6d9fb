import Dexie, { type EntityTable } from 'dexie'
import type { MergeReportEntry } from '../../domain/sync/firstMerge'
import type { SyncedTable } from '../../domain/sync/documents'

// The sync bridge's own bookkeeping, in a database of its own beside the workspace
// ("<workspace>-sync"): it is not workspace data (a backup leaves it out, a restore does not
// touch it), and it goes whole when the workspace is disconnected.
// - revs: for each document, the revision the workspace's copy came from. A local edit is
//   written as the next revision after it, so an edit made while a server change was on its
//   way becomes a conflict, never a silent overwrite.
// - revPages (v2): the same, packed a batch to a row, for a first connection's direct transfer
//   (100,000 revisions, all already on the server): one row per batch instead of one row and
//   one index entry per document, which were a third of the browser's storage work in a first
//   download. A row of revs, written later, overrides every page; a later page overrides an
//   earlier one.
// - conflicts: documents with live losing revisions, for the Conflicts list and its count.
// - refused: documents from the server that failed validation, with the reason.
// - meta: checkpoints (journal seq pushed, local changes seq applied), the first-connection
//   phase and its scan cursor, the merge report.

export interface RevEntry {
  docId: string
  rev: string
  /** 0 while this revision was written here and has not yet reached the server; 1 once it has (or came from it). */
  sent: 0 | 1
}

/** The revisions of one batch of a direct transfer, in the order written (`seq` increases). */
export interface RevPage {
  seq?: number
  ids: string[]
  revs: string[]
}

export interface ConflictEntry {
  docId: string
  table: SyncedTable
  id: string
  winnerRev: string
  loserRevs: string[]
  /** A name the member recognises (the record's name, label, title or quote). */
  label: string
  at: string
}

export interface RefusedEntry {
  docId: string
  rev: string
  reason: string
  at: string
}

export interface MetaEntry {
  key: string
  value: unknown
}

/** Where a first connection stands; resumed from here after a restart. */
export type SyncPhase =
  /** Into an empty database: every record straight to the server (features/sync/engine/directTransfer.ts). */
  | 'upload'
  /** Into an empty workspace: every document straight from the server's changes feed. */
  | 'receive'
  /** Both have data: the server's documents into the replica, then the scan merges by record. */
  | 'download'
  | 'scan'
  | 'live'

export interface ScanCursor {
  tableIndex: number
  /** The last record id done in that table ('' before the first). */
  afterId: string
}

export class SyncBook extends Dexie {
  meta!: EntityTable<MetaEntry, 'key'>
  revs!: EntityTable<RevEntry, 'docId'>
  revPages!: EntityTable<RevPage, 'seq'>
  conflicts!: EntityTable<ConflictEntry, 'docId'>
  refused!: EntityTable<RefusedEntry, 'docId'>

  /** @param upToVersion declare only the versions up to this one (tests write a book as an older release did). */
  constructor(workspaceName: string, upToVersion = 2) {
    super(`${workspaceName}-sync`)
    this.version(1).stores({ meta: 'key', revs: 'docId, sent', conflicts: 'docId, table', refused: 'docId' })
    // Only a table is added: rows written by version 1 stay in revs and keep overriding pages.
    if (upToVersion >= 2) this.version(2).stores({ revPages: '++seq' })
  }

  async get<T>(key: string, fallback: T): Promise<T> {
    const entry = await this.meta.get(key)
    return entry === undefined ? fallback : (entry.value as T)
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.meta.put({ key, value })
  }

  async baseRevs(docIds: readonly string[]): Promise<Map<string, string>> {
    const found = await this.revs.bulkGet([...docIds])
    const map = new Map<string, string>()
    const missing: string[] = []
    found.forEach((entry, index) => {
      if (entry) map.set(entry.docId, entry.rev)
      else missing.push(docIds[index]!)
    })
    if (missing.length > 0) {
      const paged = await this.pagedRevs()
      for (const docId of missing) {
        const rev = paged.get(docId)
        if (rev !== undefined) map.set(docId, rev)
      }
    }
    return map
  }

  /**
   * Every page's revisions by document, read once (about 40 rows for 100,000 documents) and then kept
   * in step by this instance's own writes: the only writer of pages is the transfer using it.
   */
  private pagedRevs(): Promise<Map<string, string>> {
    this.paged ??= this.revPages.toArray().then((pages) => {
      const map = new Map<string, string>()
      for (const page of pages) addPage(map, page)
      return map
    })
    return this.paged
  }

  private paged: Promise<Map<string, string>> | null = null

  /** Closing (deleting closes first) lets go of what was read: the book may be gone or replaced. */
  override close(closeOptions?: { disableAutoOpen: boolean }): void {
    this.paged = null
    this.loaded = null
    this.conflictIds.clear()
    this.refusedIds.clear()
    super.close(closeOptions)
  }

  /** Records what a batch of the bridge did, in one transaction with its checkpoint. */
  async record(batch: {
    /** Revisions the workspace's copy now comes from, already on the server (or from it). */
    revs?: ReadonlyMap<string, string>
    /** Revisions written here, not yet on the server. */
    unsentRevs?: ReadonlyMap<string, string>
    /** Revisions of a first connection's batch, already on the server (or from it), packed as one row. */
    page?: ReadonlyMap<string, string>
    conflicts?: readonly ConflictEntry[]
    resolved?: readonly string[]
    refused?: readonly RefusedEntry[]
    accepted?: readonly string[]
    checkpoint?: { key: string; value: unknown }
    /** More bookkeeping written with the batch (a first connection's cursor and count). */
    meta?: readonly MetaEntry[]
  }): Promise<void> {
    await this.ready()
    const entries: RevEntry[] = []
    for (const [docId, rev] of batch.revs ?? []) entries.push({ docId, rev, sent: 1 })
    for (const [docId, rev] of batch.unsentRevs ?? []) entries.push({ docId, rev, sent: 0 })
    // Most batches resolve and accept nothing that was listed: only known entries are deleted.
    const resolved = (batch.resolved ?? []).filter((docId) => this.conflictIds.has(docId))
    const accepted = (batch.accepted ?? []).filter((docId) => this.refusedIds.has(docId))
    const page: RevPage | null = batch.page && batch.page.size > 0 ? { ids: [...batch.page.keys()], revs: [...batch.page.values()] } : null
    await this.transaction('rw', [this.meta, this.revs, this.revPages, this.conflicts, this.refused], async () => {
      if (page) {
        await this.revPages.add(page)
        // A row would override the page: a first connection finds none, so this costs one count.
        if ((await this.revs.count()) > 0) await this.revs.bulkDelete(page.ids)
      }
      if (entries.length > 0) await this.revs.bulkPut(entries)
      if (resolved.length > 0) await this.conflicts.bulkDelete(resolved)
      if (batch.conflicts && batch.conflicts.length > 0) await this.conflicts.bulkPut([...batch.conflicts])
      if (accepted.length > 0) await this.refused.bulkDelete(accepted)
      if (batch.refused && batch.refused.length > 0) await this.refused.bulkPut([...batch.refused])
      if (batch.checkpoint) await this.meta.put(batch.checkpoint)
      if (batch.meta && batch.meta.length > 0) await this.meta.bulkPut([...batch.meta])
    })
    if (page && this.paged) {
      const paged = await this.paged
      addPage(paged, page)
    }
    for (const docId of resolved) this.conflictIds.delete(docId)
    for (const entry of batch.conflicts ?? []) this.conflictIds.add(entry.docId)
    for (const docId of accepted) this.refusedIds.delete(docId)
    for (const entry of batch.refused ?? []) this.refusedIds.add(entry.docId)
  }

  private readonly conflictIds = new Set<string>()
  private readonly refusedIds = new Set<string>()
  private loaded: Promise<void> | null = null

  /** Loads which documents are in conflict or refused, once (they are few). */
  private ready(): Promise<void> {
    this.loaded ??= Promise.all([this.conflicts.toCollection().primaryKeys(), this.refused.toCollection().primaryKeys()]).then(([conflicts, refused]) => {
      for (const docId of conflicts) this.conflictIds.add(docId)
      for (const docId of refused) this.refusedIds.add(docId)
    })
    return this.loaded
  }

  /** The push replication delivered these revisions to the server. */
  async markSent(docs: readonly { _id: string; _rev: string }[]): Promise<void> {
    if (docs.length === 0) return
    await this.transaction('rw', this.revs, async () => {
      const found = await this.revs.bulkGet(docs.map((doc) => doc._id))
      const delivered = found.filter((entry, index): entry is RevEntry => !!entry && entry.sent === 0 && entry.rev === docs[index]!._rev)
      if (delivered.length > 0) await this.revs.bulkPut(delivered.map((entry) => ({ ...entry, sent: 1 as const })))
    })
  }

  /** Documents written here that have not reached the server yet. */
  unsentCount(): Promise<number> {
    return this.revs.where('sent').equals(0).count()
  }

  conflictList(): Promise<ConflictEntry[]> {
    return this.conflicts.toArray()
  }

  refusedList(): Promise<RefusedEntry[]> {
    return this.refused.toArray()
  }

  async counts(): Promise<{ conflicts: number; refused: number }> {
    const [conflicts, refused] = await Promise.all([this.conflicts.count(), this.refused.count()])
    return { conflicts, refused }
  }

  mergeReport(): Promise<MergeReportEntry[]> {
    return this.get<MergeReportEntry[]>('mergeReport', [])
  }
}

function addPage(map: Map<string, string>, page: RevPage): void {
  page.ids.forEach((docId, index) => map.set(docId, page.revs[index]!))
}

/** Removes the bookkeeping of a workspace (on Disconnect). */
export async function deleteSyncBook(workspaceName: string): Promise<void> {
  await Dexie.delete(`${workspaceName}-sync`)
}
