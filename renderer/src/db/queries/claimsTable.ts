import type { Actor, Article, Assignment, Claim, Coder, Id, Issue } from '../../domain/model'
import { CURRENT_CODER } from '../../domain/settings'
import { packClaimArticlesSteps, unpackClaimArticles } from '../../domain/claims/articlesPack'
import { runSliced, timeSlicer } from '../../domain/timeSlices'
import { claimArticle, type ClaimArticle } from '../../domain/claims/rows'
import { CLAIM_SLICES, readClaimsInSlices } from '../claimSlices'
import type { StandpointDB } from '../database'
import { changesSince, journalHead, type JournalChanges } from '../journal'
import { readClaimArticles, saveClaimArticles } from '../projection/snapshots'
import { readSetting } from '../repositories/settings'

// What the claims table reads. The first read takes every claim (in slices, cut down to rows
// as they arrive) with the small tables, the articles as the table shows them (from their
// stored record when there is one) and the journal's head, all in one read transaction; after
// that the table follows the journal and reads only the records a write names.

export interface ClaimsTableSnapshot<Row> {
  rows: Row[]
  actors: Actor[]
  issues: Issue[]
  coders: Coder[]
  articles: ClaimArticle[]
  /** The journal's head when the snapshot was read: follow the journal from here. */
  head: number
  /** The articles were read whole, or brought up to date from many writes behind: worth storing packed (saveClaimsTableArticles). */
  articlesStale: boolean
}

/**
 * Reads every claim as a row (`toRow` runs on each slice while the next is read), and the
 * actors, issues, coders and what the table shows of the articles. onProgress follows the
 * claim slices, 0..1.
 */
export function readClaimsTable<Row>(db: StandpointDB, toRow: (claim: Claim) => Row, onProgress?: (fraction: number) => void): Promise<ClaimsTableSnapshot<Row>> {
  return db.transaction('r', [db.claims, db.actors, db.issues, db.coders, db.articles, db.journal, db.settings, db.positionsSnapshots], async () => {
    const rows: Row[] = []
    const named = new Set<Id>()
    let slices = 0
    onProgress?.(0)
    const [actors, issues, coders, read, head] = await Promise.all([
      db.actors.toArray(),
      db.issues.toArray(),
      db.coders.toArray(),
      readArticles(db),
      journalHead(db),
      readClaimsInSlices(db, (slice) => {
        for (const claim of slice) {
          rows.push(toRow(claim))
          named.add(claim.articleId)
        }
        onProgress?.(++slices / CLAIM_SLICES)
      }),
    ])
    let { articles, stale } = read
    // A claim naming an article the stored record lacks (an article written around Dexie, so
    // never journaled) has it read now, and the record is stored again.
    if (!stale) {
      for (const article of articles) named.delete(article.id)
      if (named.size > 0) {
        const found = (await db.articles.bulkGet([...named])).filter((article) => article !== undefined)
        articles = [...articles, ...found.map(claimArticle)]
        stale = found.length > 0
      }
    }
    return { rows, actors, issues, coders, articles, head, articlesStale: stale }
  })
}

/** Articles written since the stored ones from which they are read whole instead. */
const ARTICLES_READ_WHOLE_FROM = 2_000
/** Articles written since the stored ones from which the stored ones are replaced. */
const ARTICLES_STORED_AGAIN_FROM = 200
/**
 * Journal entries of any kind since the stored articles from which they are replaced: an open
 * far behind would otherwise read a growing journal each time, and fall back to a whole read
 * once the journal is pruned past the record.
 */
const ENTRIES_STORED_AGAIN_FROM = 2_000

/**
 * The articles as the table shows them: from the stored record and the articles written since
 * it, when there is a usable one (read inside readClaimsTable's transaction, so one moment's);
 * else every article, whole.
 */
async function readArticles(db: StandpointDB): Promise<{ articles: ClaimArticle[]; stale: boolean }> {
  const [stored, head] = await Promise.all([readClaimArticles(db), journalHead(db)])
  // A record from another schema is not trusted: an upgrade rewrites records without the journal.
  const usable = stored && Number.isInteger(stored.seq) && stored.seq <= head && stored.schema === db.verno
  const packed = usable ? unpackClaimArticles(stored.packed) : null
  if (stored && packed) {
    const changes = await changesSince(db, stored.seq)
    const written = new Set<Id>()
    for (const entry of changes.entries) if (entry.table === 'articles') written.add(entry.id)
    if (changes.complete && written.size < ARTICLES_READ_WHOLE_FROM) {
      const articles = written.size === 0 ? packed : packed.filter((article) => !written.has(article.id))
      if (written.size > 0) for (const article of await db.articles.bulkGet([...written])) if (article) articles.push(claimArticle(article))
      return { articles, stale: written.size >= ARTICLES_STORED_AGAIN_FROM || changes.entries.length >= ENTRIES_STORED_AGAIN_FROM }
    }
  }
  return { articles: await db.articles.toArray((records) => records.map(claimArticle)), stale: true }
}

/** Stores what the table shows of the articles as of `head`, for the next cold open (a cache: failing costs that open a whole read). */
export async function saveClaimsTableArticles(db: StandpointDB, head: number, articles: readonly ClaimArticle[]): Promise<boolean> {
  // In slices: it runs while the app is idle, and at 100,000 articles packing took 50-95 ms.
  return saveClaimArticles(db, head, db.verno, await runSliced(packClaimArticlesSteps(articles), timeSlicer(8, 'background')))
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
