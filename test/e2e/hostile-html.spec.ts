import { BASE_RELATIVE, HOSTILE_PAGE, PHONE_HOME, VISIBLE_PARAGRAPHS } from '../fixtures/hostilePage'
import { expect, test } from './support/workbench'

// Imported HTML cannot act: a saved page built to phone home (scripts inline and remote, event
// handlers, javascript: links, remote images, CSS url() and @import, prefetch and stylesheet
// links, frames, plugins, a meta refresh, a base href, SVG script, a form) is imported through
// the dialog and read in the reader. No request leaves, none is even attempted and blocked by
// the CSP, no script runs, and the reader holds text only.

/** Elements through which a page loads or runs something. */
const ACTIVE_ELEMENTS = 'img, picture, source, iframe, frame, script, style, link, object, embed, video, audio, svg, form, base, meta, input, button, a[href]'

test('a saved page built to phone home imports as text: nothing loads, nothing runs', async ({ workbench }) => {
  const { page } = workbench
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  const titleBefore = await page.title()
  // A page that tried to load something the CSP refused would fire this event: that counts
  // as an attempt even though nothing left.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
  })

  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import articles' })
  await dialog.getByLabel('Choose files').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_PAGE, 'utf8') })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const summary = page.getByRole('region', { name: 'Import summary' })
  await expect(summary.getByRole('status')).toContainText('1 article imported')
  await summary.getByRole('button', { name: 'Open' }).click()

  const article = page.getByRole('article')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Factions weigh a halt to attacks')
  for (const paragraph of VISIBLE_PARAGRAPHS) await expect(article).toContainText(paragraph)
  await page.locator('.reader-text[data-highlights="ready"]').waitFor()

  // Where the handlers and links were: click, hover, activate.
  await article.getByText(VISIBLE_PARAGRAPHS[0]!).click()
  await article.getByText(VISIBLE_PARAGRAPHS[1]!).hover()
  await article.getByText('Read the statement', { exact: false }).click()
  await article.getByText('the full report', { exact: false }).dblclick()

  // The reader holds text only: no element from the page, no attribute that points off the app.
  expect(await article.locator(ACTIVE_ELEMENTS).count(), 'elements in the reader that could load or run').toBe(0)
  const leaked = await page.evaluate(() => {
    const found: string[] = []
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`${element.localName}[${attribute.name}]`)
        if (/phone-home|javascript:/i.test(attribute.value)) found.push(`${element.localName}[${attribute.name}=${attribute.value}]`)
      }
    }
    if (document.querySelector('base')) found.push('base element')
    if (document.querySelector('meta[http-equiv="refresh" i]')) found.push('meta refresh')
    return found
  })
  expect(leaked, 'handlers and off-app URLs anywhere in the document').toEqual([])

  // No script of the page ran.
  expect(await page.evaluate(() => (window as unknown as { __standpointPwned?: unknown }).__standpointPwned)).toBeUndefined()
  expect(await page.title()).toBe(titleBefore)
  expect(await page.title()).not.toContain('PWNED')
  expect(page.url()).toMatch(new RegExp(`^${workbench.origin.replace(/[.:/]/g, '\\$&')}/`))

  // No request left the app, and none was tried and refused by the CSP on the way.
  expect(workbench.offOriginRequests, 'requests to another origin').toEqual([])
  expect(requests.filter((url) => /phone-home/.test(url) || url.includes(BASE_RELATIVE) || (Object.values(PHONE_HOME) as string[]).includes(url))).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
})
