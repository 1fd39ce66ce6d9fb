import { describe, expect, it, vi } from 'vitest'
import { forEachInSlices, isBusy, noteActivity, QUIET_AFTER_MS, timeSlicer, whenIdleAndQuiet, whenQuiet } from '../../../renderer/src/domain/timeSlices'

describe('timeSlicer', () => {
  it('lets a loop run on within its budget, then gives the thread back once and starts a new slice', async () => {
    let now = 1_000
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now)
    const pause = timeSlicer(8)
    now += 7
    expect(pause()).toBeNull()
    now += 2
    let timerRan = false
    setTimeout(() => (timerRan = true), 0)
    const wait = pause()
    expect(wait).toBeInstanceOf(Promise)
    await wait
    // A timer queued before the pause ran first: the thread was given back.
    expect(timerRan).toBe(true)
    expect(pause()).toBeNull()
    clock.mockRestore()
  })

  it('gives the thread back at background priority where the browser has a task scheduler', async () => {
    let now = 0
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now)
    const postTask = vi.fn((callback: () => void) => Promise.resolve().then(callback))
    vi.stubGlobal('scheduler', { postTask })
    const pause = timeSlicer(8, 'background')
    now = 9
    await pause()
    expect(postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'background' })
    const normal = timeSlicer(8)
    now = 30
    await normal()
    expect(postTask).toHaveBeenCalledTimes(1)
    vi.unstubAllGlobals()
    clock.mockRestore()
  })
})

describe('background work while the person scrolls', () => {
  it('a background slice waits until nothing has scrolled for a moment; normal slices do not', async () => {
    vi.useFakeTimers()
    const postTask = vi.fn((callback: () => void) => Promise.resolve().then(callback))
    vi.stubGlobal('scheduler', { postTask })
    try {
      noteActivity()
      expect(isBusy()).toBe(true)
      const pause = timeSlicer(0, 'background')
      let resumed = false
      void pause()?.then(() => (resumed = true))
      const normal = timeSlicer(0)
      let normalResumed = false
      void normal()?.then(() => (normalResumed = true))
      await vi.advanceTimersByTimeAsync(1)
      expect(normalResumed).toBe(true)
      expect(resumed).toBe(false)
      // Still scrolling: the wait is pushed on.
      await vi.advanceTimersByTimeAsync(QUIET_AFTER_MS - 50)
      noteActivity()
      await vi.advanceTimersByTimeAsync(QUIET_AFTER_MS - 50)
      expect(resumed).toBe(false)
      await vi.advanceTimersByTimeAsync(60)
      expect(isBusy()).toBe(false)
      expect(resumed).toBe(true)
      // It went back through the scheduler's background queue once the scroll had stopped.
      expect(postTask.mock.calls.length).toBeGreaterThanOrEqual(2)
    } finally {
      vi.unstubAllGlobals()
      vi.useRealTimers()
    }
  })

  it('with nothing scrolling, whenQuiet and whenIdleAndQuiet go on at once', async () => {
    vi.useFakeTimers()
    try {
      // Past any activity the test before noted (each fake clock starts again from its start).
      await vi.advanceTimersByTimeAsync(QUIET_AFTER_MS * 20)
      expect(isBusy()).toBe(false)
      let quiet = false
      void whenQuiet().then(() => (quiet = true))
      // No timer is involved: microtasks alone settle it.
      await vi.advanceTimersByTimeAsync(0)
      expect(quiet).toBe(true)
      const ran = vi.fn()
      vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 5))
      whenIdleAndQuiet(ran)
      await vi.advanceTimersByTimeAsync(5)
      expect(ran).toHaveBeenCalledTimes(1)
      // Idle, but scrolled just before: it waits for the scroll to stop, then for idleness again.
      noteActivity()
      whenIdleAndQuiet(ran)
      await vi.advanceTimersByTimeAsync(10)
      expect(ran).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(QUIET_AFTER_MS + 10)
      expect(ran).toHaveBeenCalledTimes(2)
    } finally {
      vi.unstubAllGlobals()
      vi.useRealTimers()
    }
  })
})

describe('forEachInSlices', () => {
  it('visits every index once, in order, and says it finished', async () => {
    const seen: number[] = []
    expect(await forEachInSlices(5_000, (index) => seen.push(index), () => false)).toBe(true)
    expect(seen).toEqual(Array.from({ length: 5_000 }, (_, index) => index))
  })

  it('stops at the next look at the clock once stopped, saying so, without visiting the rest', async () => {
    let stopped = false
    const seen: number[] = []
    const done = await forEachInSlices(
      5_000,
      (index) => {
        seen.push(index)
        if (index === 100) stopped = true
      },
      () => stopped,
    )
    expect(done).toBe(false)
    // The clock (and the stop) is looked at every 1,024 indexes: 0..1022 were visited.
    expect(seen).toHaveLength(1_023)
  })
})
