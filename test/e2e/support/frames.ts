import type { Page } from '@playwright/test'

/**
 * Waits for this many animation frames in the page: longer than a grid's keyboard move waits for
 * its cell to be drawn (10 frames), so whatever that move was going to do has been done.
 */
export async function waitFrames(page: Page, frames: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let seen = 0
        const next = (): void => void (++seen > count ? resolve() : requestAnimationFrame(next))
        requestAnimationFrame(next)
      }),
    frames,
  )
}
