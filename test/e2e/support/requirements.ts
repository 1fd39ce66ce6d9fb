import { skipReason } from '../../support/ciPolicy'
import { test } from './workbench'

/**
 * Call at the top of a test that needs a fixture or tool: `needs(FIXTURES ? null : 'why')`.
 * Outside CI the test skips with the reason; under CI it fails (test/support/ciPolicy.ts).
 */
export function needs(missing: string | null): void {
  const reason = skipReason(missing)
  test.skip(reason !== null, reason ?? '')
}
