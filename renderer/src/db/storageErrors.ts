// Turns IndexedDB failures into messages an analyst can act on. Dexie wraps the browser's
// DOMException (sometimes twice: AbortError -> inner QuotaExceededError), so we walk the chain.

function errorChain(error: unknown): { name: string; message: string }[] {
  const chain: { name: string; message: string }[] = []
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') break
    const record = current as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown }
    chain.push({
      name: typeof record.name === 'string' ? record.name : '',
      message: typeof record.message === 'string' ? record.message : '',
    })
    current = record.inner ?? record.cause
  }
  return chain
}

export function isQuotaError(error: unknown): boolean {
  return errorChain(error).some(
    (entry) => entry.name === 'QuotaExceededError' || /quota/i.test(entry.message),
  )
}

export function isStorageError(error: unknown): boolean {
  const names = new Set([
    'QuotaExceededError',
    'AbortError',
    'DatabaseClosedError',
    'InvalidStateError',
    'UnknownError',
    'VersionError',
    'OpenFailedError',
    'BulkError',
    'ConstraintError',
    'DataError',
    'TransactionInactiveError',
    'ReadOnlyError',
  ])
  return errorChain(error).some((entry) => names.has(entry.name))
}

/** A sentence for the user: what happened and what was (not) saved. */
export function describeStorageError(error: unknown, action = 'save your change'): string {
  const chain = errorChain(error)
  if (isQuotaError(error)) {
    return (
      `Could not ${action}: the disk or the browser's storage quota is full. Nothing from this step was written; ` +
      'free some disk space (or export and remove old articles) and try again.'
    )
  }
  if (chain.some((entry) => entry.name === 'DatabaseClosedError')) {
    return `Could not ${action}: the workspace database was closed (another window may have upgraded it). Reload Standpoint.`
  }
  if (chain.some((entry) => entry.name === 'VersionError')) {
    return 'This workspace was written by a newer version of Standpoint. Update the app to open it; nothing was changed.'
  }
  const detail = chain.map((entry) => entry.message).find((message) => message !== '') ?? 'unknown error'
  return `Could not ${action}: ${detail}. Nothing from this step was written.`
}
