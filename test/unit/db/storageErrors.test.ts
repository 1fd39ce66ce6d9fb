import { describe, expect, it } from 'vitest'
import { describeStorageError, isQuotaError, isStorageError } from '../../../renderer/src/db/storageErrors'

const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' })

describe('storage errors', () => {
  it('finds a quota error however Dexie wraps it', () => {
    expect(isQuotaError(quota)).toBe(true)
    expect(isQuotaError({ name: 'AbortError', message: 'Transaction aborted', inner: quota })).toBe(true)
    expect(isQuotaError({ name: 'BulkError', message: '1 of 3 failed', inner: { name: 'AbortError', message: '', inner: quota } })).toBe(true)
    expect(isQuotaError(new Error('boom'))).toBe(false)
    expect(isQuotaError(null)).toBe(false)
  })

  it('tells the user what happened and that nothing was half-written', () => {
    expect(describeStorageError(quota, 'save the claim')).toMatch(/^Could not save the claim: the disk or the browser's storage quota is full. Nothing/)
    expect(describeStorageError({ name: 'DatabaseClosedError', message: '' })).toMatch(/Reload Standpoint/)
    expect(describeStorageError(new Error('disk on fire'), 'import')).toBe('Could not import: disk on fire. Nothing from this step was written.')
  })

  it('recognises IndexedDB failures', () => {
    expect(isStorageError({ name: 'ConstraintError', message: 'Key already exists' })).toBe(true)
    expect(isStorageError(new TypeError('x is undefined'))).toBe(false)
  })
})
