// Long loops on the window's thread (start-up counts, a cold build of Positions) run in slices
// of a few milliseconds, so a click that lands meanwhile is handled within a frame. Background
// work also waits while the person scrolls: a scroll leaves a few milliseconds between frames,
// and a slice run there pushed the next frame late (the positions grid, measured in the bench).

/** How long after the last scroll background work waits before it goes on. */
export const QUIET_AFTER_MS = 250

let busyUntil = 0

/** The person is scrolling: background slices wait until a moment after the last call. */
export function noteActivity(): void {
  busyUntil = Math.max(busyUntil, performance.now() + QUIET_AFTER_MS)
}

/** Whether activity was noted within the last moment. */
export function isBusy(): boolean {
  return performance.now() < busyUntil
}

/** Resolves once no activity has been noted for a moment (at once when none was). */
export async function whenQuiet(): Promise<void> {
  for (let wait = busyUntil - performance.now(); wait > 0; wait = busyUntil - performance.now()) {
    await new Promise<void>((resolve) => setTimeout(resolve, wait))
  }
}

/**
 * Runs `run` when the page is idle (within `timeout`) and nothing has scrolled for a moment: a
 * cache written in an idle gap between two scroll frames delayed the second.
 */
export function whenIdleAndQuiet(run: () => void, timeout = 5_000): void {
  if (typeof requestIdleCallback !== 'function') {
    void whenQuiet().then(run)
    return
  }
  requestIdleCallback(
    () => {
      if (isBusy()) void whenQuiet().then(() => whenIdleAndQuiet(run, timeout))
      else run()
    },
    { timeout },
  )
}

/** Resolves in a task of its own: what follows does not lengthen the task running now. */
export function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0))
}

interface BackgroundScheduler {
  postTask: (callback: () => void, options: { priority: 'background' }) => Promise<unknown>
}

/**
 * Gives the thread back. 'background': the next slice waits for every task of normal
 * priority (a click's work, a screen's reads and renders), where the browser can tell
 * (scheduler.postTask), and for a scroll to stop; the work that does not answer the person's
 * last action uses it.
 */
async function yieldThread(priority: 'normal' | 'background'): Promise<void> {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler
  if (priority === 'normal') return nextTask()
  for (;;) {
    await (typeof scheduler?.postTask === 'function' ? scheduler.postTask(() => undefined, { priority: 'background' }) : nextTask())
    if (!isBusy()) return
    await whenQuiet()
  }
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

/** Runs a sliced computation's steps to the end at once; returns what it returns. */
export function drainSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Runs the steps, awaiting `pause()` between them whenever it returns a promise (it decides when a slice is long enough). */
export async function runSliced<T>(steps: Generator<void, T, void>, pause: () => Promise<void> | null): Promise<T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    const waiting = pause()
    if (waiting) await waiting
  }
}

/**
 * Calls `visit` for each index below `count`, in background slices (the clock is looked at every
 * 1,024 indexes): for walks of a hundred thousand records that run while the app starts, when a
 * click should not wait for them. Stops, returning false, once `stopped` says so.
 */
export async function forEachInSlices(count: number, visit: (index: number) => void, stopped: () => boolean): Promise<boolean> {
  const pause = timeSlicer(8, 'background')
  for (let index = 0; index < count; index++) {
    if ((index & 1023) === 1023) {
      const waiting = pause()
      if (waiting) await waiting
      if (stopped()) return false
    }
    visit(index)
  }
  return true
}
