import { StandpointDB } from '../../../renderer/src/db/database'
import { JOURNAL_MIDDLEWARE } from '../../../renderer/src/db/journal'
import type { Claim } from '../../../renderer/src/domain/model'

// What the change journal costs a bulk write: the same claims put in batches (as a restore
// writes them) into a workspace without the journal and with it.

function claims(count: number): Claim[] {
  const now = new Date().toISOString()
  return Array.from({ length: count }, (_, index) => ({
    id: crypto.randomUUID(),
    articleId: `article-${index % 5000}`,
    actorId: `actor-${index % 500}`,
    issueIds: [`issue-${index % 60}`],
    stance: ([-2, -1, 0, 1, 2] as const)[index % 5]!,
    date: '2024-12-23',
    addresseeId: null,
    note: index % 5 === 0 ? 'Reported speech, not a direct quote.' : '',
    anchor: { exact: 'The movement said it "will stop military operations", for now.', prefix: 'x', suffix: 'y', start: 10, end: 70 },
    createdAt: now,
    updatedAt: now,
    coderId: 'bench-coder',
    updatedBy: 'bench-coder',
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
  }))
}

const BATCH = 5_000

export async function benchJournalPut(count: number, variant: 'off' | 'on'): Promise<number> {
  const records = claims(count)
  const db = new StandpointDB(`bench-journal-${variant}-${crypto.randomUUID()}`)
  if (variant === 'off') db.unuse({ stack: 'dbcore', name: JOURNAL_MIDDLEWARE })
  await db.open()
  const started = performance.now()
  await db.transaction('rw', db.claims, async () => {
    for (let start = 0; start < records.length; start += BATCH) await db.claims.bulkPut(records.slice(start, start + BATCH))
  })
  const ms = performance.now() - started
  db.close()
  await StandpointDB.delete(db.name)
  return ms
}
