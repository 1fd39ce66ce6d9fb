import type { EntityTable } from 'dexie'
import type { Claim } from '../domain/model'
import type { StandpointDB } from './database'

// Reading every claim is the slow part of a claims export and of opening the positions table.
// The browser's IndexedDB backend reads records on its own thread while the page turns the
// previous batch into objects; asking for the whole table in one request leaves the page idle
// until the last record is read. Asking for slices of the key space all at once lets the
// caller work on each slice while the backend reads the next.

/** First characters that cut the key space of random UUIDs into sixteen even slices. */
const CUTS = '123456789abcdef'

/**
 * Collections that together hold every record of a table keyed by UUIDs exactly once, whatever
 * its key: below '1', ['1','2'), …, from 'f' up (numbers and dates sort below any string, arrays above).
 */
function keySlices<T extends { id: string }>(table: EntityTable<T, 'id'>) {
  const slices = [table.where(':id').below(CUTS[0]!)]
  for (let index = 0; index < CUTS.length - 1; index++) slices.push(table.where(':id').between(CUTS[index]!, CUTS[index + 1]!, true, false))
  slices.push(table.where(':id').aboveOrEqual(CUTS[CUTS.length - 1]!))
  return slices
}

/** How many slices readClaimsInSlices hands over, for a progress bar. */
export const CLAIM_SLICES = CUTS.length + 1

/**
 * Reads every claim, in one read transaction (the caller's, when called inside one), handing
 * each slice to onSlice as it arrives. Slices come in key order; onSlice may be async.
 */
export async function readClaimsInSlices(db: StandpointDB, onSlice: (claims: Claim[]) => void | PromiseLike<void>): Promise<void> {
  await db.transaction('r', db.claims, () => Promise.all(keySlices(db.claims).map((slice) => slice.toArray().then(onSlice))))
}

/**
 * Every record of a table keyed by UUIDs, asked for in sixteen slices at once: the backend
 * reads the next slice while the page turns the previous one into objects.
 */
export async function readRecordsInSlices<T extends { id: string }>(table: EntityTable<T, 'id'>, onSlice?: () => void): Promise<T[]> {
  const parts = await Promise.all(
    keySlices(table).map((slice) =>
      slice.toArray().then((records) => {
        onSlice?.()
        return records
      }),
    ),
  )
  return parts.flat()
}
