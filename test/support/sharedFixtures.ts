import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

// The shared real-world fixtures (articles, saved pages, CSV suites) live outside the
// repository: beside it at ../shared/fixtures on the project's machines and in CI, or wherever
// STANDPOINT_FIXTURES points (relative to the repository). Unit and e2e suites look them up
// here, the one place, and skip with NO_SHARED_FIXTURES as their reason when they are absent
// (under CI they fail instead: test/support/ciPolicy.ts).

const REPOSITORY = resolve(__dirname, '../..')

function locate(): string | null {
  const candidates = [process.env.STANDPOINT_FIXTURES, '../shared/fixtures', '/work/shared/fixtures']
    .filter((candidate): candidate is string => !!candidate)
    .map((candidate) => resolve(REPOSITORY, candidate))
  return candidates.find((candidate) => existsSync(join(candidate, 'README.md'))) ?? null
}

/** The shared fixtures folder, or null when this machine has none. */
export const SHARED_FIXTURES: string | null = locate()

export const NO_SHARED_FIXTURES = 'shared fixtures absent (set STANDPOINT_FIXTURES or put them at ../shared/fixtures)'

/** A fixture's path; only call it where SHARED_FIXTURES was checked. */
export function sharedFixturePath(...parts: string[]): string {
  if (!SHARED_FIXTURES) throw new Error(NO_SHARED_FIXTURES)
  return join(SHARED_FIXTURES, ...parts)
}
