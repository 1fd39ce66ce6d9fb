import { describe, expect, it, vi } from 'vitest'
import { timeSlicer } from '../../../renderer/src/domain/timeSlices'

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
