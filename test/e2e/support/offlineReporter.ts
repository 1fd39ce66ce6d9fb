import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

/**
 * Prints, at the end of the run, how many requests left (or tried to leave) the app's origin
 * across all tests: the evidence behind "the app makes no network request".
 */
export default class OfflineReporter implements Reporter {
  private tests = 0
  private offOrigin = 0
  private blockedByGuard = 0
  private blockedByCsp = 0
  /** Tests whose page logged a CSP block, so each one can be looked at. */
  private cspTests: string[] = []

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'skipped') return
    for (const annotation of test.annotations) {
      if (annotation.type !== 'offline' || !annotation.description) continue
      const counts = JSON.parse(annotation.description) as { offOrigin: number; blockedByGuard: number; blockedByCsp: number }
      this.tests++
      this.offOrigin += counts.offOrigin
      this.blockedByGuard += counts.blockedByGuard
      this.blockedByCsp += counts.blockedByCsp
      if (counts.blockedByCsp > 0) this.cspTests.push(`${test.title} (${counts.blockedByCsp})`)
    }
  }

  onEnd(): void {
    console.log(
      `[e2e] offline guard: ${this.tests} tests watched; ${this.offOrigin} off-origin requests attempted ` +
        `(${this.blockedByGuard} aborted by the network guard); ${this.blockedByCsp} blocked earlier by the page's CSP` +
        (this.cspTests.length > 0 ? ` (in: ${this.cspTests.join('; ')}).` : '.'),
    )
  }

  printsToStdio(): boolean {
    return false
  }
}
