import fc from 'fast-check'
import { afterAll } from 'vitest'

// Shared settings of the importer fuzz suites. The seed is fixed, so a run is reproducible and
// CI never meets a different input than the developer did; STANDPOINT_FUZZ_SEED picks another
// and STANDPOINT_FUZZ_RUNS runs more (or fewer) inputs per importer. A failure names the seed
// and the fast-check path that replays it.

function envInteger(name: string): number | null {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return null
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`)
  return value
}

export const FUZZ_SEED = envInteger('STANDPOINT_FUZZ_SEED') ?? 20250107

/** Inputs per importer: STANDPOINT_FUZZ_RUNS when set, else the suite's default (sized for CI). */
export function fuzzRuns(defaultRuns: number): number {
  return envInteger('STANDPOINT_FUZZ_RUNS') ?? defaultRuns
}

/** A test timeout for `runs` inputs: two minutes for the CI default, more for longer runs. */
export function fuzzTimeout(runs: number): number {
  return Math.max(120_000, runs * 200)
}

/** What became of the inputs one importer was fed, printed when its file ends. */
class Tally {
  private readonly counts = new Map<string, Map<string, number>>()

  note(importer: string, outcome: string): void {
    const byOutcome = this.counts.get(importer) ?? new Map<string, number>()
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1)
    this.counts.set(importer, byOutcome)
  }

  lines(): string[] {
    return [...this.counts].map(([importer, byOutcome]) => {
      const total = [...byOutcome.values()].reduce((sum, count) => sum + count, 0)
      const parts = [...byOutcome].sort((a, b) => b[1] - a[1]).map(([outcome, count]) => `${count.toLocaleString('en')} ${outcome}`)
      return `[fuzz] ${importer}: ${total.toLocaleString('en')} inputs (${parts.join(', ')}); seed ${FUZZ_SEED}`
    })
  }
}

export const tally = new Tally()

afterAll(() => {
  for (const line of tally.lines()) console.info(line)
})

/**
 * Runs an async property for `runs` inputs with the suite's seed. A failure is rethrown with
 * what reproduces it: the seed, fast-check's replay path and the counterexample.
 */
export async function fuzz<T>(importer: string, arbitrary: fc.Arbitrary<T>, predicate: (input: T) => Promise<void>, runs: number): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), { seed: FUZZ_SEED, numRuns: runs, endOnFailure: process.env.STANDPOINT_FUZZ_SHRINK !== '1' })
  if (!details.failed) return
  const error = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance))
  const example = details.counterexample ? describeInput(details.counterexample[0]) : '(none)'
  throw new Error(
    `${importer}: property failed on input ${details.numRuns} of ${runs} (seed ${details.seed}, path "${details.counterexamplePath ?? ''}").\n` +
      `Reproduce: STANDPOINT_FUZZ_SEED=${details.seed} npx vitest run test/unit/fuzz (STANDPOINT_FUZZ_SHRINK=1 to shrink it).\n` +
      `Input: ${example}\n${error.stack ?? error.message}`,
    { cause: error },
  )
}

/** A short, printable description of a fuzz input (bytes shown as a prefix in escaped text). */
export function describeInput(input: unknown): string {
  const show = (value: unknown): unknown => {
    if (value instanceof Uint8Array) {
      const text = new TextDecoder('utf-8').decode(value.subarray(0, 600))
      return `${value.byteLength} bytes: ${JSON.stringify(text)}${value.byteLength > 600 ? '…' : ''}`
    }
    if (typeof value === 'string') return value.length > 600 ? `${JSON.stringify(value.slice(0, 600))}… (${value.length} chars)` : JSON.stringify(value)
    if (Array.isArray(value)) return value.map(show)
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, show(inner)]))
    return value
  }
  return JSON.stringify(show(input), null, 1)
}
