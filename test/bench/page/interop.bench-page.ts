import { StandpointDB } from '../../../renderer/src/db/database'
import { defaultDnaStanceMap } from '../../../renderer/src/domain/interop/mapping/dnaImport'
import { suggestQdaMapping } from '../../../renderer/src/domain/interop/mapping/fromQda'
import { startInteropWorker } from '../../../renderer/src/features/interop/worker/interopClient'
import { loadSqlJs } from '../../../renderer/src/platform/sqlJs'
import { buildLargeDna3Project, type LargeDnaSizes } from '../../support/dnaFixtures'

// Coding from other tools at an analyst's scale, through the real interop worker and real
// IndexedDB: open a generated DNA project, preview and import it; export that workspace as
// REFI-QDA; import the .qdpx into an empty workspace. The page watches its own main thread.

export interface InteropBenchResult {
  dnaBytes: number
  qdpxBytes: number
  claimsFromDna: number
  claimsFromQdpx: number
  dnaOpenMs: number
  dnaPreviewMs: number
  dnaImportMs: number
  qdpxExportMs: number
  qdpxOpenMs: number
  qdpxImportMs: number
  /** Longest main-thread task over all of it (0 when none passed 50 ms). */
  longestTaskMs: number
}

export async function benchInterop(sizes: LargeDnaSizes): Promise<InteropBenchResult> {
  const bytes = buildLargeDna3Project(await loadSqlJs(), sizes)
  const names = [`bench-interop-dna-${crypto.randomUUID()}`, `bench-interop-qdpx-${crypto.randomUUID()}`]
  for (const name of names) await new StandpointDB(name).open()
  const tasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now()
    const result = await work()
    return [result, performance.now() - started]
  }
  const dna = startInteropWorker(names[0])
  const qdpx = startInteropWorker(names[1])
  try {
    const [opened, dnaOpenMs] = await time(async () => await dna.openDna('bench.dna', bytes.slice()))
    if (!opened.ok) throw new Error(opened.reason)
    const choice = opened.overview.suggestion!
    const stanceMap = defaultDnaStanceMap('boolean', opened.overview.stanceValues[choice.stanceVariableId!] ?? [])
    const [, dnaPreviewMs] = await time(async () => await dna.api.previewDna(choice, stanceMap))
    const [fromDna, dnaImportMs] = await time(async () => await dna.api.importDna(dna.databaseName, choice, stanceMap, dna.progress(() => undefined)))
    const [exported, qdpxExportMs] = await time(async () => await dna.api.exportQdpx(dna.databaseName, { projectName: 'Bench', origin: 'Standpoint bench' }))
    const qdpxBytes = exported.bytes.byteLength
    const [read, qdpxOpenMs] = await time(async () => await qdpx.openQdpx('bench.qdpx', exported.bytes))
    if (!read.ok) throw new Error(read.reason)
    const [fromQdpx, qdpxImportMs] = await time(async () => await qdpx.api.importQdpx(qdpx.databaseName, suggestQdaMapping(read.overview.codes), qdpx.progress(() => undefined)))
    await new Promise((resolve) => setTimeout(resolve, 50))
    return {
      dnaBytes: bytes.byteLength,
      qdpxBytes,
      claimsFromDna: fromDna.counts.imported,
      claimsFromQdpx: fromQdpx.counts.imported,
      dnaOpenMs,
      dnaPreviewMs,
      dnaImportMs,
      qdpxExportMs,
      qdpxOpenMs,
      qdpxImportMs,
      longestTaskMs: Math.max(0, ...tasks),
    }
  } finally {
    observer.disconnect()
    dna.terminate()
    qdpx.terminate()
    for (const name of names) await StandpointDB.delete(name)
  }
}
