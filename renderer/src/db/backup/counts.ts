import type { StandpointDB } from '../database'

/** Records per table, every table a backup holds. */
export async function tableCounts(db: StandpointDB): Promise<Record<string, number>> {
  const tables = db.workspaceTables
  const counts = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.count())))
  return Object.fromEntries(tables.map((table, index) => [table.name, counts[index]!]))
}

/** Tables that are bookkeeping rather than data: preferences, and the record of what was deleted. */
const NOT_DATA = new Set(['settings', 'tombstones'])

/** Whether the workspace holds any data a restore could overwrite. */
export function holdsData(counts: Record<string, number>): boolean {
  return Object.entries(counts).some(([table, count]) => !NOT_DATA.has(table) && count > 0)
}
