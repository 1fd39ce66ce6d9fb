/**
 * Frame intervals while a scroller moves one step a frame for 120 frames (median and 95th
 * percentile, ms). It starts at the top, and at the right end when startAtRight is set.
 */
export function scrollFrames(page, { selector, down = 0, right = 0, startAtRight = false }) {
  return page.evaluate(
    async ({ selector, down, right, startAtRight }) => {
      const scroller = document.querySelector(selector)
      scroller.scrollTop = 0
      if (startAtRight) scroller.scrollLeft = scroller.scrollWidth
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      const intervals = []
      let last = performance.now()
      for (let frame = 0; frame < 120; frame++) {
        if (down !== 0) scroller.scrollTop += down
        if (right !== 0) scroller.scrollLeft += right
        await new Promise((resolve) => requestAnimationFrame(resolve))
        const now = performance.now()
        intervals.push(now - last)
        last = now
      }
      intervals.sort((a, b) => a - b)
      return { median: intervals[Math.floor(intervals.length / 2)], p95: intervals[Math.floor(intervals.length * 0.95)] }
    },
    { selector, down, right, startAtRight },
  )
}
