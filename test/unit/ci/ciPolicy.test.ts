import { afterEach, describe, expect, it, vi } from 'vitest'
import { isCi, MissingInCiError, skipReason } from '../../support/ciPolicy'
import { pythonUnavailable } from '../export/pythonCsv'

describe('CI fails where a developer machine skips', () => {
  afterEach(() => vi.restoreAllMocks())

  it('reads CI the way CI services set it', () => {
    for (const value of ['true', '1', 'yes', 'github-actions']) expect(isCi(value), value).toBe(true)
    for (const value of [undefined, '', '0', 'false', 'FALSE', 'no']) expect(isCi(value), String(value)).toBe(false)
  })

  it('lets a test run when nothing is missing, in CI or not', () => {
    expect(skipReason(null, true)).toBeNull()
    expect(skipReason(null, false)).toBeNull()
  })

  it('outside CI: skips, printing what is missing', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined)
    expect(skipReason('python3 is not installed', false)).toBe('python3 is not installed')
    expect(info).toHaveBeenCalledWith('[skipped] python3 is not installed')
  })

  it('under CI: a missing python3 fails instead of skipping', () => {
    const path = process.env.PATH
    process.env.PATH = ''
    let missing: string | null
    try {
      missing = pythonUnavailable()
    } finally {
      process.env.PATH = path
    }
    expect(missing).toMatch(/python3 is not installed/)
    expect(() => skipReason(missing, true)).toThrow(MissingInCiError)
    expect(() => skipReason(missing, true)).toThrow(/^python3 is not installed .*: with CI set a missing fixture or tool fails the run/)
  })
})
