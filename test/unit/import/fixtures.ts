import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe } from 'vitest'

// The shared real-world fixtures live outside the repository (../shared/fixtures beside it in
// CI). STANDPOINT_FIXTURES points elsewhere; suites that need them skip, saying why, without.

function locate(): string | null {
  const candidates = [
    process.env.STANDPOINT_FIXTURES,
    resolve(__dirname, '../../../../shared/fixtures'),
    '/work/shared/fixtures',
  ].filter((candidate): candidate is string => !!candidate)
  return candidates.map((candidate) => resolve(candidate)).find((candidate) => existsSync(join(candidate, 'README.md'))) ?? null
}

export const FIXTURES_DIR = locate()

let warned = false

/** describe() when the fixtures are present, describe.skip() with a printed reason otherwise. */
export function describeWithFixtures(name: string, body: () => void): void {
  if (FIXTURES_DIR) {
    describe(name, body)
    return
  }
  if (!warned) {
    console.warn('[fixtures] shared fixtures not found (set STANDPOINT_FIXTURES or put them at ../shared/fixtures): skipping the suites that read them')
    warned = true
  }
  describe.skip(`${name} (skipped: shared fixtures absent)`, body)
}

export function fixturePath(...parts: string[]): string {
  if (!FIXTURES_DIR) throw new Error('fixtures absent')
  return join(FIXTURES_DIR, ...parts)
}

export function fixtureBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(...parts)))
}

export function fixtureText(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8')
}
