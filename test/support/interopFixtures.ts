import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, it } from 'vitest'
import { SHARED_FIXTURES } from './sharedFixtures'

// Files from other projects that the interop tests read but this repository does not commit:
// the REFI-QDA schemas (MIT, published by the REFI-QDA consortium) and DNA's own sample
// projects (GPL-3, from the leifeld/dna repository). Neither may be committed here (they come
// from other repositories), and the CI machine's shared fixtures do not carry them. So the suites
// that read them live apart, in test/interop-samples, and run only when asked for
// (`npm run test:interop-samples`, with STANDPOINT_INTEROP_FIXTURES or dna/ and refi-qda/ in the
// shared fixtures): `npm test` never skips them, and asked for without the files they fail.
// Our own generated DNA and REFI-QDA fixtures (test/support) run in `npm test`, CI included.

const REPOSITORY = resolve(__dirname, '../..')

function roots(): string[] {
  const list: string[] = []
  if (process.env.STANDPOINT_INTEROP_FIXTURES) list.push(resolve(REPOSITORY, process.env.STANDPOINT_INTEROP_FIXTURES))
  if (SHARED_FIXTURES) list.push(SHARED_FIXTURES)
  return list
}

/** The path of an interop fixture, or null when no fixture folder has it. */
export function interopFixture(...parts: string[]): string | null {
  for (const root of roots()) {
    const path = join(root, ...parts)
    if (existsSync(path)) return path
  }
  return null
}

export function interopFixtureBytes(...parts: string[]): Uint8Array {
  const path = interopFixture(...parts)
  if (!path) throw new Error(`interop fixture ${parts.join('/')} is missing`)
  return new Uint8Array(readFileSync(path))
}

/** describe() when every named fixture is present; otherwise a failing test naming what is missing. */
export function describeWithInteropFixtures(name: string, files: string[][], body: () => void): void {
  const missing = files.filter((parts) => !interopFixture(...parts)).map((parts) => parts.join('/'))
  if (missing.length === 0) {
    describe(name, body)
    return
  }
  const reason = `missing interop fixtures: ${missing.join(', ')} (put them in ../shared/fixtures or STANDPOINT_INTEROP_FIXTURES)`
  describe(name, () => {
    it('has its fixtures', () => {
      throw new Error(reason)
    })
  })
}
