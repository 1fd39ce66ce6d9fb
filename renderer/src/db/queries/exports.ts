import { ALL_CLAIMS, inClaimSet, type ClaimSet } from '../../domain/coding/claimSet'
import { claimVisibility } from '../../domain/coding/visibility'
import { countClaimsBy } from '../../domain/export/lookups'
import type { Actor, Article, Claim, Coder, Id, Issue } from '../../domain/model'
import { CURRENT_CODER } from '../../domain/settings'
import { readClaimsInSlices } from '../claimSlices'
import type { StandpointDB } from '../database'
import { readSetting } from '../repositories/settings'
import { claimCountsByActor, claimCountsByArticle } from './claimLists'

// What each export reads, each in one read transaction so the file is one moment's picture.
// Every export of claims applies blind coding first (a coder in a blind assignment exports only
// their own claims on its articles), then the claim set the analyst chose.

export interface ClaimLookupRecords {
  articles: Article[]
  actors: Actor[]
  issues: Issue[]
  coders: Coder[]
}

/** The tables claimFilter reads, to add to a transaction's scope. */
function filterTables(db: StandpointDB) {
  return [db.coders, db.assignments, db.settings]
}

/** Which claims an export holds for the person here; null when it holds every claim. */
export async function claimFilter(db: StandpointDB, set: ClaimSet): Promise<((claim: Claim) => boolean) | null> {
  const viewerId = await readSetting(db, CURRENT_CODER)
  const viewer = viewerId === null ? null : ((await db.coders.get(viewerId)) ?? null)
  const visible = viewer === null || viewer.role === 'lead' ? null : claimVisibility(viewer, await db.assignments.toArray())
  if (set.kind === 'all' && visible === null) return null
  const member = inClaimSet(set)
  return visible === null ? member : (claim) => visible(claim) && member(claim)
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
  set: ClaimSet = ALL_CLAIMS,
): Promise<void> {
  await db.transaction('r', [db.claims, db.actors, db.issues, db.articles, ...filterTables(db)], async () => {
    const filter = await claimFilter(db, set)
    const lookups = Promise.all([db.articles.toArray(), db.actors.toArray(), db.issues.toArray(), db.coders.toArray()]).then(([articles, actors, issues, coders]) => prepare({ articles, actors, issues, coders }))
    await readClaimsInSlices(db, (claims) => lookups.then((found) => onSlice(filter ? claims.filter(filter) : claims, found)))
  })
}

/** Every actor, with how many of the chosen claims each makes. */
export function readActorsWithClaimCounts(db: StandpointDB, set: ClaimSet = ALL_CLAIMS): Promise<{ actors: Actor[]; claimsPerActor: Map<Id, number> }> {
  return db.transaction('r', [db.actors, db.claims, ...filterTables(db)], async () => {
    const filter = await claimFilter(db, set)
    // Unfiltered, the index alone counts; filtered, the claims themselves are read.
    const claimsPerActor = filter ? countClaimsBy((await db.claims.toArray()).filter(filter), 'actorId') : await claimCountsByActor(db)
    return { actors: await db.actors.toArray(), claimsPerActor }
  })
}

/** Every article, with how many of the chosen claims each holds. */
export function readArticlesWithClaimCounts(db: StandpointDB, set: ClaimSet = ALL_CLAIMS): Promise<{ articles: Article[]; claimsPerArticle: Map<Id, number> }> {
  return db.transaction('r', [db.articles, db.claims, ...filterTables(db)], async () => {
    const filter = await claimFilter(db, set)
    const claimsPerArticle = filter ? countClaimsBy((await db.claims.toArray()).filter(filter), 'articleId') : await claimCountsByArticle(db)
    return { articles: await db.articles.toArray(), claimsPerArticle }
  })
}

/** The chosen claims, actors and issues: what the actor–issue network is built from. */
export function readNetworkRecords(db: StandpointDB, set: ClaimSet = ALL_CLAIMS): Promise<{ claims: Claim[]; actors: Actor[]; issues: Issue[] }> {
  return db.transaction('r', [db.claims, db.actors, db.issues, ...filterTables(db)], async () => {
    const filter = await claimFilter(db, set)
    const claims = await db.claims.toArray()
    return { claims: filter ? claims.filter(filter) : claims, actors: await db.actors.toArray(), issues: await db.issues.toArray() }
  })
}
