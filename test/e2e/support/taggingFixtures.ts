import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { SHARED_FIXTURES, sharedFixturePath } from '../../support/sharedFixtures'
import type { Actor, Article, Claim, Issue, Mention, Stance } from '../../../renderer/src/domain/model'

// Records and page helpers for the tagging specs. The seed article comes from the shared
// fixtures (test/support/sharedFixtures.ts); specs that need it skip without it (fail under CI).

export const hasSeedArticle = (): boolean => SHARED_FIXTURES !== null && existsSync(join(SHARED_FIXTURES, 'seed-article.txt'))

const T0 = '2025-01-01T00:00:00.000Z'

/**
 * The seed article as the importer would store it: the headline from the `date YYYY-MM-DD …`
 * line, the author from the `By …` line, the rest as the body.
 */
export function seedArticle(id = 'seed-article'): Article {
  const lines = readFileSync(sharedFixturePath('seed-article.txt'), 'utf8').replace(/\r\n?/g, '\n').split('\n')
  const first = lines.findIndex((line) => line.trim() !== '')
  const dateLine = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.*)$/.exec(lines[first]!)
  if (!dateLine) throw new Error('seed-article.txt: the first line should be "date YYYY-MM-DD headline"')
  const byIndex = lines.findIndex((line, index) => index > first && /^\s*By\s+/.test(line))
  const author = byIndex >= 0 ? lines[byIndex]!.trim().replace(/^By\s+/, '') : ''
  const body = lines
    .slice((byIndex >= 0 ? byIndex : first) + 1)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return {
    id,
    title: dateLine[2]!.trim(),
    source: 'World Israel News',
    author,
    publishedAt: dateLine[1]!,
    url: '',
    language: 'en',
    direction: 'ltr',
    body,
    contentHash: `seed-${id}`,
    importedAt: T0,
    origin: 'file:seed-article.txt',
    meta: {},
    updatedAt: T0,
    externalId: '',
  }
}

export function makeArticle(id: string, title: string, publishedAt: string, body: string, extra: Partial<Article> = {}): Article {
  return { id, title, source: 'Test Wire', author: '', publishedAt, url: '', language: 'en', direction: 'ltr', body, contentHash: `hash-${id}`, importedAt: T0, origin: 'test', meta: {}, updatedAt: T0, externalId: '', ...extra }
}

export function makeActor(id: string, name: string, kind: Actor['kind'], aliases: string[] = []): Actor {
  return { id, name, kind, aliases, notes: '', createdAt: T0, updatedAt: T0, attributes: {}, updatedBy: '' }
}

export function makeIssue(id: string, label: string, description = ''): Issue {
  return { id, label, description, parentId: null, createdAt: T0, updatedAt: T0, code: '', updatedBy: '' }
}

/** A claim on the first occurrence of `quote` in the article body. */
export function makeClaim(id: string, article: Article, quote: string, actorId: string, issueId: string, stance: Stance, extra: Partial<Claim> = {}): Claim {
  const start = article.body.indexOf(quote)
  if (start < 0) throw new Error(`quote not in article: ${quote}`)
  const end = start + quote.length
  return {
    id,
    articleId: article.id,
    actorId,
    issueIds: [issueId],
    stance,
    date: article.publishedAt.slice(0, 10),
    addresseeId: null,
    note: '',
    anchor: { exact: quote, prefix: article.body.slice(Math.max(0, start - 32), start), suffix: article.body.slice(end, end + 32), start, end },
    createdAt: T0,
    updatedAt: T0,
    coderId: 'coder-1',
    updatedBy: 'coder-1',
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
    ...extra,
  }
}

export function makeMention(id: string, article: Article, words: string, actorId: string): Mention {
  const claim = makeClaim(id, article, words, actorId, 'none', 0)
  return { id, articleId: article.id, actorId, anchor: claim.anchor, createdAt: T0, updatedAt: T0, coderId: 'coder-1', updatedBy: 'coder-1' }
}

/** Opens the reader on an article (optionally on a claim) and waits until its highlights are drawn. */
export async function openArticle(page: Page, articleId: string, claimId?: string): Promise<void> {
  await page.evaluate(
    ([id, claim]) => {
      location.hash = `#/library/article/${encodeURIComponent(id!)}${claim ? `?claim=${encodeURIComponent(claim)}` : ''}`
    },
    [articleId, claimId],
  )
  await waitForHighlights(page)
}

export async function waitForHighlights(page: Page): Promise<void> {
  await page.locator('.reader-text[data-highlights="ready"]').waitFor()
}

/**
 * Selects `text` in the article as a drag with the mouse would: a DOM Range from its first
 * character to its last, across however many highlight segments it spans.
 */
export async function selectText(page: Page, text: string, occurrence = 0): Promise<void> {
  const found = await page.evaluate(
    ([wanted, nth]) => {
      const root = document.querySelector('.reader-text')
      if (!root) return false
      const nodes: Text[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
      const whole = nodes.map((node) => node.data).join('')
      let at = -1
      for (let index = 0; index <= (nth); index++) at = whole.indexOf(wanted, at + 1)
      if (at < 0) return false
      const locate = (offset: number, isEnd: boolean): [Text, number] => {
        let passed = 0
        for (const node of nodes) {
          const inside = isEnd ? offset <= passed + node.data.length : offset < passed + node.data.length
          if (inside) return [node, offset - passed]
          passed += node.data.length
        }
        const last = nodes[nodes.length - 1]!
        return [last, last.data.length]
      }
      const [startNode, startOffset] = locate(at, false)
      const [endNode, endOffset] = locate(at + (wanted).length, true)
      const range = document.createRange()
      range.setStart(startNode, startOffset)
      range.setEnd(endNode, endOffset)
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return true
    },
    [text, occurrence] as const,
  )
  if (!found) throw new Error(`text not found in the article: ${text}`)
}
