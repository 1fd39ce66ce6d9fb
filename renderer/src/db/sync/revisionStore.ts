import type { DocumentBody } from '../../domain/sync/documents'

// The workspace's local PouchDB database: the replication endpoint and revision store of a team
// workspace (issue 14). It keeps every document's revision tree, conflicts included, and
// PouchDB's replication checkpoints, which is what lets an interrupted sync resume after a
// restart. Dexie stays the store the app reads; the bridge (features/sync/engine) mirrors the
// two. Only the calls Standpoint makes are typed here.

export interface StoredDoc extends DocumentBody {
  _rev: string
  _conflicts?: string[]
  _deleted?: boolean
}

export interface WriteResult {
  id: string
  rev?: string
  ok?: boolean
  error?: string
  status?: number
}

export interface ChangeRow {
  id: string
  seq: number | string
  changes: { rev: string }[]
  deleted?: boolean
  doc?: StoredDoc | { _id: string; _rev: string; _deleted: true }
}

interface AllDocsRow {
  key: string
  id?: string
  value?: { rev: string; deleted?: boolean }
  doc?: StoredDoc | null
  error?: string
}

/** The PouchDB database methods the store uses (PouchDB's own instance satisfies it). */
export interface PouchLike {
  name: string
  allDocs(options: { keys: string[]; include_docs: boolean; conflicts?: boolean }): Promise<{ rows: AllDocsRow[] }>
  bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<WriteResult[]>
  get(id: string, options?: { rev?: string; conflicts?: boolean; revs?: boolean }): Promise<StoredDoc & { _revisions?: { start: number; ids: string[] } }>
  /** `batch_size`: changes per HTTP request (PouchDB's HTTP adapter asks 25 at a time unless told). */
  changes(options: { since: number | string; limit: number; batch_size?: number; include_docs: boolean; style: 'all_docs' | 'main_only'; return_docs: boolean }): Promise<{ results: ChangeRow[]; last_seq: number | string }>
  info(): Promise<{ doc_count: number; update_seq: number | string }>
  close(): Promise<void>
  destroy(): Promise<void>
}

/** A document's winning revision as the store holds it: its body, or deleted whole. */
export interface Winner {
  rev: string
  /** null when every leaf is deleted (`_deleted`), the document as a whole gone. */
  doc: StoredDoc | null
}

const generation = (rev: string): number => Number.parseInt(rev, 10)
const revHash = (rev: string): string => rev.slice(rev.indexOf('-') + 1)
const randomHash = (): string => crypto.randomUUID().replaceAll('-', '')

export class RevisionStore {
  constructor(readonly pouch: PouchLike) {}

  /** The winning revision of each id (undefined: the store has never seen it). */
  async winners(ids: readonly string[]): Promise<Map<string, Winner>> {
    const found = new Map<string, Winner>()
    if (ids.length === 0) return found
    const { rows } = await this.pouch.allDocs({ keys: [...ids], include_docs: true, conflicts: true })
    for (const row of rows) {
      if (!row.value) continue
      found.set(row.key, { rev: row.value.rev, doc: row.value.deleted ? null : (row.doc ?? null) })
    }
    return found
  }

  /**
   * Writes each body as the next revision after `base` (the revision the workspace's copy came
   * from; none for a new document). Where the store moved on since `base` (a change from the
   * server arrived meanwhile), the body becomes a sibling branch of that change, so CouchDB
   * keeps both as a conflict instead of one silently replacing the other.
   * Returns the new revision of every id.
   */
  async write(items: readonly { body: DocumentBody; base: string | null }[], sameAs?: (body: DocumentBody, winner: Winner) => boolean): Promise<Map<string, string>> {
    const revs = new Map<string, string>()
    if (items.length === 0) return revs
    const results = await this.pouch.bulkDocs(items.map(({ body, base }) => (base ? { ...body, _rev: base } : body)))
    const branches: { body: DocumentBody; base: string | null }[] = []
    results.forEach((result, index) => {
      const item = items[index]!
      if (result.ok && result.rev) revs.set(item.body._id, result.rev)
      else if (result.status === 409 || result.error === 'conflict') branches.push(item)
      else throw new Error(`The local sync store refused ${item.body._id}: ${result.error ?? 'unknown error'}`)
    })
    // A document that already says the same (written before an interruption) needs no branch.
    if (branches.length > 0 && sameAs) {
      const winners = await this.winners(branches.map((item) => item.body._id))
      for (let index = branches.length - 1; index >= 0; index--) {
        const item = branches[index]!
        const winner = winners.get(item.body._id)
        if (winner && sameAs(item.body, winner)) {
          revs.set(item.body._id, winner.rev)
          branches.splice(index, 1)
        }
      }
    }
    if (branches.length > 0) {
      const newEdits = await Promise.all(branches.map((item) => this.branchFrom(item.body, item.base)))
      const branchResults = await this.pouch.bulkDocs(newEdits, { new_edits: false })
      branchResults.forEach((result) => {
        if (result.error) throw new Error(`The local sync store refused ${result.id}: ${result.error}`)
      })
      newEdits.forEach((doc) => revs.set(doc._id, doc._rev))
    }
    return revs
  }

  /** A new leaf whose parent is `base` (or, with no base, the current winner): a deliberate conflict branch. */
  private async branchFrom(body: DocumentBody, base: string | null): Promise<DocumentBody & { _rev: string; _revisions: { start: number; ids: string[] } }> {
    const parent = base ?? (await this.pouch.get(body._id))._rev
    const hash = randomHash()
    const start = generation(parent) + 1
    return { ...body, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, revHash(parent)] } }
  }

  /**
   * Changes after `since`, each document once, with every leaf revision (winner first), no
   * bodies: most changes are the bridge's own writes coming back, which need none.
   */
  changes(since: number | string, limit: number): Promise<{ results: ChangeRow[]; last_seq: number | string }> {
    return this.pouch.changes({ since, limit, include_docs: false, style: 'all_docs', return_docs: true })
  }

  /** The winning revision and body (with its conflicts) of each id; a document deleted whole has no body. */
  async documents(ids: readonly string[]): Promise<Map<string, Winner>> {
    return this.winners(ids)
  }

  /** The winner and every live losing revision of a document, each with its body. */
  async versions(id: string): Promise<{ winner: StoredDoc; losers: StoredDoc[] }> {
    const winner = await this.pouch.get(id, { conflicts: true })
    const losers = await Promise.all((winner._conflicts ?? []).map((rev) => this.pouch.get(id, { rev })))
    return { winner, losers }
  }

  /**
   * Resolves a conflict the CouchDB way: the kept body becomes the next revision of the winner,
   * and every losing leaf is closed with `_deleted`. Written in one bulk request.
   */
  async resolve(id: string, body: DocumentBody, winnerRev: string, loserRevs: readonly string[]): Promise<string> {
    const results = await this.pouch.bulkDocs([{ ...body, _rev: winnerRev }, ...loserRevs.map((rev) => ({ _id: id, _rev: rev, _deleted: true }))])
    const failed = results.find((result) => !result.ok)
    if (failed) throw new Error(failed.status === 409 ? 'The record changed again meanwhile: look at it again.' : `The conflict could not be resolved: ${failed.error ?? 'unknown error'}`)
    return results[0]!.rev!
  }

  async updateSeq(): Promise<number | string> {
    return (await this.pouch.info()).update_seq
  }
}
