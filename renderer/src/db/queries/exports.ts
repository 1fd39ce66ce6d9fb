import type { Actor, Article, Claim, Id, Issue } from '../../domain/model'
import { readClaimsInSlices } from '../claimSlices'
import type { StandpointDB } from '../database'
import { claimCountsByActor, claimCountsByArticle } from './claimLists'

// What each export reads, each in one read transaction so the file is one moment's picture.

export interface ClaimLookupRecords {
  articles: Article[]
  actors: Actor[]
  issues: Issue[]
}

/**
 * Every claim, in slices, with the articles, actors and issues they point at. `prepare` turns
 * those records into whatever the caller looks claims up in, once; each slice of claims is
 * handed over with it as it arrives, so rows are built while later slices are still read.
 */
export async function readClaimsWithRecords<Lookups>(
  db: StandpointDB,
  prepare: (records: ClaimLookupRecords) => Lookups,
  onSlice: (claims: Claim[], lookups: Lookups) => void,
): Promise<void> {
  await db.transaction('r', [db.claims, db.actors, db.issues, db.articles], async () => {
    const lookups = Promise.all([db.articles.toArray(), db.actors.toArray(), db.issues.toArray()]).then(([articles, actors, issues]) => prepare({ articles, actors, issues }))
    await readClaimsInSlices(db, (claims) => lookups.then((found) => onSlice(claims, found)))
  })
}

/** Every actor, with how many claims each makes. */
export function readActorsWithClaimCounts(db: StandpointDB): Promise<{ actors: Actor[]; claimsPerActor: Map<Id, number> }> {
  return db.transaction('r', [db.actors, db.claims], async () => ({ actors: await db.actors.toArray(), claimsPerActor: await claimCountsByActor(db) }))
}

/** Every article, with how many claims each holds. */
export function readArticlesWithClaimCounts(db: StandpointDB): Promise<{ articles: Article[]; claimsPerArticle: Map<Id, number> }> {
  return db.transaction('r', [db.articles, db.claims], async () => ({ articles: await db.articles.toArray(), claimsPerArticle: await claimCountsByArticle(db) }))
}

/** Claims, actors and issues: what the actor–issue network is built from. */
export function readNetworkRecords(db: StandpointDB): Promise<{ claims: Claim[]; actors: Actor[]; issues: Issue[] }> {
  return db.transaction('r', [db.claims, db.actors, db.issues], async () => ({
    claims: await db.claims.toArray(),
    actors: await db.actors.toArray(),
    issues: await db.issues.toArray(),
  }))
}
