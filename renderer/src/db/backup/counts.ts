import type { StandpointDB } from '../database'

/** Records per table, every table the workspace declares. */
export async function tableCounts(db: StandpointDB): Promise<Record<string, number>> {
  const counts = await db.transaction('r', db.tables, () => Promise.all(db.tables.map((table) => table.count())))
  return Object.fromEntries(db.tables.map((table, index) => [table.name, counts[index]!]))
}

/** Whether the workspace holds any data a restore could overwrite (preferences do not count). */
export function holdsData(counts: Record<string, number>): boolean {
  return Object.entries(counts).some(([table, count]) => table !== 'settings' && count > 0)
}
