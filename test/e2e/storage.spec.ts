import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/workbench'

/** A blank page on the app's origin (so it shares the app's IndexedDB) that is not the app. */
async function openProbe(page: Page, origin: string): Promise<void> {
  await page.route(`${origin}/__probe`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>probe</title>' }))
  await page.goto(`${origin}/__probe`)
}

// Storage failures an analyst can meet, each of which must end in a clear message and an
// intact workspace: a full disk (quota), an upgrade blocked by an old window, and a newer
// version opened in another window.

test.describe('on a nearly full disk', () => {
  // A real full disk: the browser profile lives on a 48 MB tmpfs, so Chromium's own quota and
  // disk checks refuse the write (CDP's quota override is ignored by this Chromium).
  const mountPoint = join(tmpdir(), `standpoint-small-disk-${process.pid}`)
  let mounted = false
  test.beforeAll(() => {
    mkdirSync(mountPoint, { recursive: true })
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint], { stdio: 'pipe' })
      mounted = true
    } catch (error) {
      console.info(`[e2e] small-disk quota test skipped: cannot mount a tmpfs here (${String(error).split('\n')[0]})`)
    }
  })
  test.afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', mountPoint])
  })
  test.use({ profileRoot: mountPoint })

  test('a full disk gives a clear message and writes nothing', async ({ workbench }) => {
    test.skip(!mounted, 'needs root to mount a small tmpfs for the browser profile')
    const { page } = workbench
    await expect(page.getByRole('button', { name: 'Load sample workspace' })).toBeVisible()

    // Another database of the same origin takes up the space, 1 MB at a time, until refused.
    const filled = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('filler', 1)
        request.onupgradeneeded = () => request.result.createObjectStore('blocks')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error ?? new Error('open failed'))
      })
      // Big blocks first, then ever smaller ones, until not even 512 bytes fit.
      let stored = 0
      for (const size of [1024 * 1024, 64 * 1024, 4 * 1024, 512]) {
        const block = new Uint8Array(size).map((_, index) => (index * 7919) % 251)
        for (let attempt = 0; attempt < 400; attempt++) {
          const ok = await new Promise<boolean>((resolve) => {
            const tx = db.transaction('blocks', 'readwrite')
            tx.objectStore('blocks').put(new Blob([block, String(stored)]), stored)
            tx.oncomplete = () => resolve(true)
            tx.onabort = () => resolve(false)
          })
          if (!ok) break
          stored++
        }
      }
      db.close()
      return stored
    })
    expect(filled).toBeGreaterThan(0)
    expect(filled).toBeLessThan(1600)

    await page.getByRole('button', { name: 'Load sample workspace' }).click()
    await expect(page.getByRole('alert')).toContainText(/Could not load the sample workspace: the disk or the browser's storage quota is full/)
    await expect(page.getByRole('alert')).toContainText('Nothing from this step was written')
    // All or nothing: the sample's one transaction left no article behind.
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('0 articles')

    // Free the space and the same action succeeds.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase('filler')
          request.onsuccess = () => resolve()
          request.onerror = () => resolve()
        }),
    )
    await page.getByRole('button', { name: 'Load sample workspace' }).click()
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('3 articles')
  })
})

test('a newer version opened in another window closes this one cleanly, with a message', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('3 articles')

  // Another window upgrades the database (as a newer release of Standpoint would).
  const other = await page.context().newPage()
  await openProbe(other, workbench.origin)
  const upgraded = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const probe = indexedDB.open('standpoint')
        probe.onsuccess = () => {
          const current = probe.result.version
          probe.result.close()
          const request = indexedDB.open('standpoint', current + 10)
          request.onsuccess = () => {
            request.result.close()
            resolve(current + 10)
          }
          request.onerror = () => reject(request.error ?? new Error('upgrade failed'))
          request.onblocked = () => reject(new Error('the app did not let go of the database'))
        }
      }),
  )
  expect(upgraded).toBeGreaterThan(20)
  await expect(page.getByRole('alert')).toContainText('Standpoint was updated in another window. Reload this window')
  await other.close()
})

test('an upgrade blocked by an old window says so, then proceeds when it closes', async ({ workbench }) => {
  const { page } = workbench
  // A workspace left at schema v1 (native version 10) and held open by an old window that
  // ignores requests to close.
  await openProbe(page, workbench.origin)
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('standpoint')
        request.onsuccess = () => resolve()
        request.onerror = () => reject(request.error ?? new Error('delete failed'))
      }),
  )
  const old = await page.context().newPage()
  await openProbe(old, workbench.origin)
  await old.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('standpoint', 10)
        request.onupgradeneeded = () => {
          const db = request.result
          db.createObjectStore('articles', { keyPath: 'id' })
          for (const name of ['actors', 'issues', 'claims', 'mentions']) db.createObjectStore(name, { keyPath: 'id' })
        }
        request.onsuccess = () => {
          ;(window as unknown as { held: IDBDatabase }).held = request.result
          resolve()
        }
        request.onerror = () => reject(request.error ?? new Error('open failed'))
      }),
  )

  await page.goto(`${workbench.origin}/`)
  await expect(page.getByRole('alert')).toContainText('Another Standpoint window or tab is using an older version of the workspace')

  await old.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close())
  await expect(page.getByRole('button', { name: 'Load sample workspace' })).toBeVisible()
  await old.close()
})

test('the status bar says whether the browser granted persistent storage', async ({ workbench }) => {
  await expect(workbench.page.getByRole('contentinfo', { name: 'Status' })).toContainText(/Storage: (persistent|not persistent)/)
})
