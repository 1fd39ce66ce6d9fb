import { StandpointDB } from '../../../renderer/src/db/database'
import { loadSampleWorkspace } from '../../../renderer/src/db/repositories/workspace'
import { rebuildProjection } from '../../../renderer/src/db/projection'

/** Opens a fresh workspace and writes the sample into it; returns milliseconds. */
export async function benchSampleWorkspace(): Promise<number> {
  const db = new StandpointDB(`bench-sample-${crypto.randomUUID()}`)
  await db.open()
  const started = performance.now()
  await loadSampleWorkspace(db)
  const elapsed = performance.now() - started
  await db.delete()
  return elapsed
}

/**
 * Rebuilds the positions projection of a workspace seeded around Dexie (raw puts, for speed),
 * from the bench page served in the app's origin: the workspace is then as the app keeps one,
 * its facts in step with every claim and article. Returns milliseconds.
 */
export async function benchRebuildProjection(name = 'standpoint'): Promise<number> {
  const db = new StandpointDB(name)
  await db.open()
  const started = performance.now()
  await rebuildProjection(db)
  const elapsed = performance.now() - started
  db.close()
  return elapsed
}
