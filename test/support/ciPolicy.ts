// Whether a test may skip for want of a fixture or a tool. Outside CI it skips and prints why,
// so a contributor without python3 or the shared fixtures still gets a useful run. Under CI
// (env CI set) the same absence fails the run: CI exists to run every check, and a skip there
// would turn a broken setup into a green build.

// Takes the value explicitly: a default parameter would read process.env.CI whenever a caller
// passes undefined, so "CI unset" could not be tested on a CI machine.
export function isCi(value: string | undefined): boolean {
  return value !== undefined && value !== '' && !/^(0|false|no)$/i.test(value)
}

export const IN_CI = isCi(process.env.CI)

export class MissingInCiError extends Error {
  override name = 'MissingInCiError'
}

/**
 * `missing` is null when the requirement holds, else what is missing. Returns the reason to
 * skip with (printed) outside CI; throws under CI.
 */
export function skipReason(missing: string | null, inCi: boolean = IN_CI): string | null {
  if (missing === null) return null
  if (inCi) throw new MissingInCiError(`${missing}: with CI set a missing fixture or tool fails the run instead of skipping`)
  console.info(`[skipped] ${missing}`)
  return missing
}
