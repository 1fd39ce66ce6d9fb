import type { Actor, Article, Assignment, Claim, Coder, Id, Issue } from '../../domain/model'
import { CURRENT_CODER } from '../../domain/settings'
import { CLAIM_SLICES, readClaimsInSlices } from '../claimSlices'
import type { StandpointDB } from '../database'
import { changesSince, journalHead, type JournalChanges } from '../journal'
import { readSetting } from '../repositories/settings'

// What the claims table reads. The first read takes every claim (in slices, cut down to rows
// as they arrive) with the small tables and the journal's head, all in one read transaction;
// after that the table follows the journal and reads only the records a write names.

export interface ClaimsTableSnapshot<Row, ArticleInfo> {
  rows: Row[]
  actors: Actor[]
  issues: Issue[]
  coders: Coder[]
  articles: ArticleInfo[]
  /** The journal's head when the snapshot was read: follow the journal from here. */
  head: number
}

/**
 * Reads every claim as a row (`toRow` runs on each slice while the next is read), and the
 * actors, issues, coders and articles (`toArticle` drops their text) the rows name.
 * onProgress follows the claim slices, 0..1.
 */
export function readClaimsTable<Row, ArticleInfo>(
  db: StandpointDB,
  toRow: (claim: Claim) => Row,
  toArticle: (article: Article) => ArticleInfo,
  onProgress?: (fraction: number) => void,
): Promise<ClaimsTableSnapshot<Row, ArticleInfo>> {
  return db.transaction('r', [db.claims, db.actors, db.issues, db.coders, db.articles, db.journal, db.settings], async () => {
    const rows: Row[] = []
    let slices = 0
    onProgress?.(0)
    const [actors, issues, coders, articles, head] = await Promise.all([
      db.actors.toArray(),
      db.issues.toArray(),
      db.coders.toArray(),
      db.articles.toArray((records) => records.map(toArticle)),
      journalHead(db),
      readClaimsInSlices(db, (slice) => {
        for (const claim of slice) rows.push(toRow(claim))
        onProgress?.(++slices / CLAIM_SLICES)
      }),
    ])
    return { rows, actors, issues, coders, articles, head }
  })
}

/** The journal after `since`: what the table applies instead of reading everything again. */
export function claimsTableChanges(db: StandpointDB, since: number): Promise<JournalChanges> {
  return changesSince(db, since)
}

/** The records a batch of journal entries names, as they are now (undefined: deleted). */
export interface JournaledRecords {
  claims: Map<Id, Claim | undefined>
  actors: Map<Id, Actor | undefined>
  issues: Issue[] | null
  articles: Map<Id, Article | undefined>
}

async function byId<T extends { id: Id }>(table: { bulkGet: (keys: Id[]) => Promise<(T | undefined)[]> }, ids: readonly Id[]): Promise<Map<Id, T | undefined>> {
  const records = ids.length === 0 ? [] : await table.bulkGet([...ids])
  return new Map(ids.map((id, index) => [id, records[index]]))
}

/**
 * The current records behind a batch of journal entries, read in one transaction. Any issue
 * change re-reads the codebook (small), whose tree it may change.
 */
export function readJournaledRecords(db: StandpointDB, ids: { claims: Id[]; actors: Id[]; issues: boolean; articles: Id[] }): Promise<JournaledRecords> {
  return db.transaction('r', [db.claims, db.actors, db.issues, db.articles], async () => {
    const [claims, actors, issues, articles] = await Promise.all([
      byId(db.claims, ids.claims),
      byId(db.actors, ids.actors),
      ids.issues ? db.issues.toArray() : Promise.resolve(null),
      byId(db.articles, ids.articles),
    ])
    return { claims, actors, issues, articles }
  })
}

/** Who is looking (the current coder, for blind assignments) and the assignments: small, read live. */
export interface ClaimsViewer {
  currentCoderId: Id | null
  coders: Coder[]
  assignments: Assignment[]
}

export function readClaimsViewer(db: StandpointDB): Promise<ClaimsViewer> {
  return db.transaction('r', [db.settings, db.coders, db.assignments], async () => {
    const [currentCoderId, coders, assignments] = await Promise.all([readSetting(db, CURRENT_CODER), db.coders.toArray(), db.assignments.toArray()])
    return { currentCoderId, coders, assignments }
  })
}
