import { StandpointDB } from '../../../renderer/src/db/database'
import { loadSampleWorkspace } from '../../../renderer/src/db/repositories/workspace'

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
