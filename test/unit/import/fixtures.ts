import { readFileSync } from 'node:fs'
import { describe, it } from 'vitest'
import { IN_CI, skipReason } from '../../support/ciPolicy'
import { NO_SHARED_FIXTURES, SHARED_FIXTURES, sharedFixturePath } from '../../support/sharedFixtures'

// Suites over the shared real-world fixtures (test/support/sharedFixtures.ts finds them);
// without them the suites skip, saying why, or fail under CI (test/support/ciPolicy.ts).

export const FIXTURES_DIR = SHARED_FIXTURES

let warned = false

/**
 * describe() when the fixtures are present. Without them: under CI a failing test that names
 * what is missing, elsewhere describe.skip() with a printed reason.
 */
export function describeWithFixtures(name: string, body: () => void): void {
  if (FIXTURES_DIR) {
    describe(name, body)
    return
  }
  if (IN_CI) {
    describe(name, () => {
      it('finds the shared fixtures', () => {
        skipReason(NO_SHARED_FIXTURES)
      })
    })
    return
  }
  if (!warned) {
    console.warn(`[fixtures] ${NO_SHARED_FIXTURES}: skipping the suites that read them`)
    warned = true
  }
  describe.skip(`${name} (skipped: shared fixtures absent)`, body)
}

export function fixturePath(...parts: string[]): string {
  return sharedFixturePath(...parts)
}

export function fixtureBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(...parts)))
}

export function fixtureText(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8')
}
