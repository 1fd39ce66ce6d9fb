// Long loops on the window's thread (start-up counts, a cold build of Positions) run in slices
// of a few milliseconds, so a click that lands meanwhile is handled within a frame.

interface BackgroundScheduler {
  postTask: (callback: () => void, options: { priority: 'background' }) => Promise<unknown>
}

/**
 * Gives the thread back. 'background': the next slice waits for every task of normal
 * priority (a click's work, a screen's reads and renders), where the browser can tell
 * (scheduler.postTask); the work that does not answer the person's last action uses it.
 */
function yieldThread(priority: 'normal' | 'background'): Promise<void> {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler
  if (priority === 'background' && typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => undefined, { priority: 'background' }).then(() => undefined)
  }
  return new Promise<void>((resolve) => setTimeout(resolve, 0))
}

/**
 * A pause for a loop to ask between steps: null while the current slice is under `budgetMs`
 * old, else a promise that resolves once the thread has been given back (a new slice starts).
 */
export function timeSlicer(budgetMs = 8, priority: 'normal' | 'background' = 'normal'): () => Promise<void> | null {
  let sliceStart = performance.now()
  return () => {
    if (performance.now() - sliceStart < budgetMs) return null
    return yieldThread(priority).then(() => {
      sliceStart = performance.now()
    })
  }
}
