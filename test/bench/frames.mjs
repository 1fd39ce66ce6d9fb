/**
 * Frame intervals while a scroller moves one step a frame for 120 frames (median and 95th
 * percentile, ms). It starts at the top, and at the right end when startAtRight is set.
 */
export function scrollFrames(page, { selector, down = 0, right = 0, startAtRight = false }) {
  return page.evaluate(
    async ({ selector, down, right, startAtRight }) => {
      const scroller = document.querySelector(selector)
      if (!scroller) throw new Error(`nothing to scroll: no ${selector}`)
      // A page that stops drawing (hidden, or its renderer stalled; seen once in a bench run)
      // fails the run instead of holding it forever.
      const nextFrame = () =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no animation frame for 10 s: the page stopped drawing')), 10_000)
          requestAnimationFrame(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      scroller.scrollTop = 0
      if (startAtRight) scroller.scrollLeft = scroller.scrollWidth
      await nextFrame()
      await nextFrame()
      const intervals = []
      let last = performance.now()
      for (let frame = 0; frame < 120; frame++) {
        if (down !== 0) scroller.scrollTop += down
        if (right !== 0) scroller.scrollLeft += right
        await nextFrame()
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
