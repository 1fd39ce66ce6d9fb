import type { ChangeRow, PouchLike } from '../../../db/sync/revisionStore'
import type { MetaEntry, RefusedEntry, ScanCursor, SyncBook } from '../../../db/sync/syncBook'
import type { WorkspaceSide } from '../../../db/sync/workspaceSide'
import { parseDocumentId, toDocument, type RecordState } from '../../../domain/sync/documents'
import { revised, type RevisedDocument } from '../../../domain/sync/revisions'
import { validateDocument } from '../../../domain/sync/validateDocument'

// A first connection where one side is empty, without the local replica in the way.
// - upload (empty database): each batch of the workspace goes straight to the server's
//   _bulk_docs with new_edits: false, as revisions named by their bodies (domain/sync/revisions),
//   so a batch written again after an interruption is the same revision, never a conflict;
// - receive (empty workspace): the server's changes feed with the documents, validated and
//   written to the workspace a page at a time.
// The replica stays empty of these documents: it takes in only what changes afterwards (the
// live pull starts after what was transferred), and a local edit of a transferred record goes
// into it as the next revision after the one the bookkeeping names (RevisionStore.write), which
// CouchDB places after that revision on the server. A document with more than one leaf (a
// conflict, or one resolved) is left to PouchDB's replication, which brings its whole tree.
// Each batch records its cursor with its revisions (one packed row, SyncBook.revPages): a restart
// resumes at the batch in flight.
// While the upload goes on, the server's changes feed is read behind it, so that finding what
// others wrote meanwhile (othersAfterUpload) leaves only the feed's tail to read at the end.

/** Documents per upload request, as the bench's raw write sends them: fewer round trips (9.7 s against 11.8 s with 2,500 for 15,560 documents). */
export const TRANSFER_BATCH = 5_000
/** Changes per page received: larger pages were slower to validate and write (8.9 s against 8.4 s). */
const RECEIVE_PAGE = 2_500
/**
 * The first batch or page of a run is smaller: nothing overlaps its preparation (the workspace
 * read and named, or the server's first page read), so it starts the pipeline sooner.
 */
const FIRST_BATCH = 1_000
/** Changes per request when the feed is read to tell the upload from what others wrote. */
const FEED_PAGE = 10_000

export interface TransferProgress {
  done: number
}

export class TransferRefused extends Error {}


export class DirectTransfer {
  constructor(
    private readonly workspace: WorkspaceSide,
    private readonly book: SyncBook,
    private readonly remote: PouchLike,
    private readonly schema: number,
  ) {}

  /** The revisions this transfer sent (or found already there), by document: the upload's own, without reading the bookkeeping back. */
  private readonly sent = new Map<string, string>()
  /** The changes feed as read behind the upload: its position, and the documents others wrote. */
  private feed: { position: number | string; ids: string[]; reading: Promise<void> } = { position: 0, ids: [], reading: Promise.resolve() }

  /**
   * Sends every record and tombstone, from the saved cursor on. The first batch after a run that
   * may have reached the server is compared with it (the record may have changed since): a
   * revision already there is not sent again, a changed body follows it.
   */
  async upload(onProgress: (progress: TransferProgress) => void, stopped: () => boolean): Promise<void> {
    const cursor = await this.book.get<ScanCursor | null>('scanCursor', { tableIndex: 0, afterId: '' })
    let done = await this.book.get('scanDone', 0)
    // Before anything has been sent, the server holds none of these documents: no need to ask
    // it. The first connection starts with the flag false; without it (an upload begun by an
    // older release), the first batch is checked.
    let verify = await this.book.get('uploadSent', true)
    let marked = verify
    this.feed = { position: 0, ids: [], reading: Promise.resolve() }
    // Three stages overlap: the next batch is read and named while this one travels, and the
    // batch before is recorded meanwhile (records stay in order: each waits for the one before).
    let preparing = cursor ? this.prepare(cursor, FIRST_BATCH) : null
    let recording: Promise<void> = Promise.resolve()
    try {
      while (preparing && !stopped()) {
        const { docs, next } = await preparing
        preparing = next ? this.prepare(next, TRANSFER_BATCH) : null
        const toSend = verify ? await this.againstServer(docs) : docs
        const revs = new Map(toSend.map((doc) => [doc._id, doc._rev]))
        for (const doc of docs) if (!revs.has(doc._id)) revs.set(doc._id, doc._rev)
        for (const [id, rev] of revs) this.sent.set(id, rev)
        if (!marked) {
          await this.book.set('uploadSent', true)
          marked = true
        }
        if (toSend.length > 0) refuseFailures(await this.remote.bulkDocs(toSend, { new_edits: false }))
        this.readFeedBehind()
        done += docs.length
        const count = done
        await recording
        recording = this.book.record({ page: revs, meta: [{ key: 'scanCursor', value: next }, { key: 'scanDone', value: count }] }).then(() => onProgress({ done: count }))
        verify = false
      }
    } finally {
      // A batch prepared before a pause or a failure is not sent; its failure has nobody to tell.
      preparing?.catch(() => undefined)
      recording.catch(() => undefined)
      this.feed.reading.catch(() => undefined)
    }
    await recording
  }

  /** A batch of the workspace as documents named by their bodies. */
  private async prepare(cursor: ScanCursor, limit: number): Promise<{ docs: RevisedDocument[]; next: ScanCursor | null }> {
    const { states, next } = await this.workspace.scan(cursor, limit)
    return { docs: await Promise.all(states.map((state) => revised(toDocument(state, this.schema)))), next }
  }

  /** The revisions already on the server of a batch that may have been sent before. */
  private async againstServer(docs: readonly RevisedDocument[]): Promise<RevisedDocument[]> {
    if (docs.length === 0) return []
    const { rows } = await this.remote.allDocs({ keys: docs.map((doc) => doc._id), include_docs: false })
    const there = new Map(rows.filter((row) => row.value).map((row) => [row.key, row.value!.rev]))
    const out: RevisedDocument[] = []
    for (const doc of docs) {
      const rev = there.get(doc._id)
      if (rev === undefined) out.push(doc)
      else if (rev !== doc._rev) {
        const { _rev: _ignored, _revisions: _history, ...body } = doc
        out.push(await revised(body, rev))
      }
    }
    return out
  }

  /** Reads the changes feed on from where it stands, after what was read before. */
  private readFeedBehind(): void {
    const feed = this.feed
    feed.reading = feed.reading.then(async () => {
      const { ids, lastSeq } = await this.othersSince(feed.position)
      feed.ids.push(...ids)
      feed.position = lastSeq
    })
  }

  /**
   * After an upload: the documents of the database that are not exactly what this upload wrote
   * (another member wrote meanwhile), from the feed read behind the upload and its tail. Returns
   * their ids, for replication to bring in, and the feed's position, where the live pull starts.
   */
  async othersAfterUpload(): Promise<{ ids: string[]; lastSeq: number | string }> {
    this.readFeedBehind()
    await this.feed.reading
    // Afterwards the bookkeeping alone names the upload's revisions (100,000 entries need not stay in memory).
    this.sent.clear()
    return { ids: [...new Set(this.feed.ids)], lastSeq: this.feed.position }
  }

  /**
   * The documents of the feed after `since` that are not exactly what this upload wrote: a
   * document changed by another member after the upload's write shows again, later in the feed.
   */
  async othersSince(since: number | string): Promise<{ ids: string[]; lastSeq: number | string }> {
    const ids: string[] = []
    let position = since
    for (;;) {
      const { results, last_seq } = await this.remote.changes({ since: position, limit: FEED_PAGE, batch_size: FEED_PAGE, include_docs: false, style: 'all_docs', return_docs: true })
      if (results.length === 0) return { ids, lastSeq: position }
      // Revisions of an earlier run of the upload are in the bookkeeping only.
      const unknown = results.filter((change) => !this.sent.has(change.id)).map((change) => change.id)
      const recorded = unknown.length > 0 ? await this.book.baseRevs(unknown) : new Map<string, string>()
      for (const change of results) {
        if (change.id.startsWith('_design/')) continue
        const mine = this.sent.get(change.id) ?? recorded.get(change.id)
        if (change.changes.length !== 1 || mine !== change.changes[0]!.rev) ids.push(change.id)
      }
      position = last_seq
      if (results.length < FEED_PAGE) return { ids, lastSeq: position }
    }
  }

  /**
   * Receives every document of the database into the workspace, from the saved position of the
   * changes feed on. Refused documents are recorded, never written; documents with several
   * leaves are collected (`receiveComplex`) for replication.
   */
  async receive(onProgress: (progress: TransferProgress) => void, stopped: () => boolean): Promise<number | string> {
    let since = await this.book.get<number | string>('receiveSince', 0)
    let done = await this.book.get('receiveDone', 0)
    const complex = await this.book.get<string[]>('receiveComplex', [])
    const outboxSeq = await this.book.get('outboxSeq', 0)
    const page = (from: number | string, limit = RECEIVE_PAGE) => this.remote.changes({ since: from, limit, batch_size: limit, include_docs: true, style: 'all_docs', return_docs: true })
    // The next page travels while this one is written, and a page's bookkeeping (another
    // database) is written while the next page goes into the workspace. Each page's records
    // wait for the page before, so the saved position never passes a page not yet recorded.
    let reading = page(since, FIRST_BATCH)
    let recording: Promise<void> = Promise.resolve()
    try {
      while (!stopped()) {
        const { results, last_seq } = await reading
        if (results.length === 0) break
        reading = page(last_seq)
        const { states, revs, refused, complex: several } = this.read(results)
        const skipped = states.length > 0 ? await this.workspace.applyRemote(states, outboxSeq) : new Set<string>()
        // A record left out keeps no base: its local edit goes out as a sibling of this change.
        for (const id of skipped) revs.delete(id)
        done += results.length
        complex.push(...several)
        const meta: MetaEntry[] = [
          { key: 'receiveSince', value: last_seq },
          { key: 'receiveDone', value: done },
        ]
        if (several.length > 0) meta.push({ key: 'receiveComplex', value: [...complex] })
        const count = done
        await recording
        recording = this.book.record({ page: revs, refused, meta }).then(() => onProgress({ done: count }))
        since = last_seq
      }
    } finally {
      reading.catch(() => undefined)
      recording.catch(() => undefined)
    }
    await recording
    return since
  }

  private read(results: readonly ChangeRow[]): { states: RecordState[]; revs: Map<string, string>; refused: RefusedEntry[]; complex: string[] } {
    const now = new Date().toISOString()
    const states: RecordState[] = []
    const revs = new Map<string, string>()
    const refused: RefusedEntry[] = []
    const complex: string[] = []
    for (const change of results) {
      if (change.id.startsWith('_design/')) continue
      if (change.changes.length !== 1) {
        complex.push(change.id)
        continue
      }
      const rev = change.changes[0]!.rev
      const parsed = parseDocumentId(change.id)
      const doc = change.deleted || !change.doc || change.doc._deleted ? null : change.doc
      if (!parsed) {
        const checked = doc ? validateDocument(doc, this.schema) : null
        refused.push({ docId: change.id, rev, reason: checked && !checked.ok ? checked.reason : 'belongs to no workspace table', at: now })
        continue
      }
      revs.set(change.id, rev)
      if (!doc) {
        states.push({ kind: 'deleted', table: parsed.table, id: parsed.id, tombstone: { id: parsed.id, table: parsed.table, deletedAt: now, deletedBy: '' } })
        continue
      }
      const checked = validateDocument(doc, this.schema)
      // A refused document keeps its revision as the base: a local edit follows it.
      if (!checked.ok) refused.push({ docId: change.id, rev, reason: checked.reason, at: now })
      else states.push(checked.state)
    }
    return { states, revs, refused, complex }
  }
}

function refuseFailures(results: readonly { id?: string; error?: string; reason?: string }[]): void {
  const failed = results.find((result) => result.error)
  if (failed) throw new TransferRefused(`the server refused ${failed.id ?? 'a document'}: ${failed.reason ?? failed.error}`)
}
