// A long, densely coded article for the reader benchmark: 200,000 characters of pseudo-news
// in paragraphs, 2,000 claims (some overlapping) by 60 actors on 20 issues, 300 mentions.
// Deterministic (seeded), so runs compare.

const WORDS = (
  'the militia government minister said will would not attacks against border talks ceasefire forces ' +
  'spokesman official reported statement factions parliament decision support oppose announced security ' +
  'operations region withdrawal agreement negotiations council armed groups president election reform ' +
  'sanctions oil exports pipeline capital province army police commander leaders meeting weapons peace'
).split(' ')

function prng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function buildReaderWorkload({ chars = 200_000, claims = 2000, mentions = 300 } = {}) {
  const random = prng(20241223)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const paragraphs = []
  let length = 0
  while (length < chars) {
    const sentences = []
    const count = 3 + Math.floor(random() * 4)
    for (let s = 0; s < count; s++) {
      const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(WORDS))
      words[0] = words[0][0].toUpperCase() + words[0].slice(1)
      sentences.push(`${words.join(' ')} ${Math.floor(random() * 1000)}.`)
    }
    const paragraph = sentences.join(' ')
    paragraphs.push(paragraph)
    length += paragraph.length + 2
  }
  const body = paragraphs.join('\n\n').slice(0, chars).trimEnd() + '.'
  const T0 = '2025-01-01T00:00:00.000Z'
  const article = { id: 'bench-long', title: 'Benchmark: a long, densely coded article', source: 'Bench Wire', author: 'Bench', publishedAt: '2024-12-23', url: '', language: 'en', direction: 'ltr', body, contentHash: 'bench-long', importedAt: T0, origin: 'bench', meta: {}, updatedAt: T0, externalId: '' }
  const actors = Array.from({ length: 60 }, (_, index) => ({ id: `actor-${index}`, name: `Actor ${index} ${pick(WORDS)}`, kind: 'armed group', aliases: [], notes: '', createdAt: T0, updatedAt: T0, attributes: {}, updatedBy: '' }))
  const issues = Array.from({ length: 20 }, (_, index) => ({ id: `issue-${index}`, label: `Issue ${index}`, description: '', parentId: null, createdAt: T0, updatedAt: T0, code: '', updatedBy: '' }))
  const anchor = (start, end) => ({ exact: body.slice(start, end), prefix: body.slice(Math.max(0, start - 32), start), suffix: body.slice(end, end + 32), start, end })
  const claimRecords = []
  const step = body.length / claims
  for (let index = 0; index < claims; index++) {
    // Mostly side by side; every fifth claim reaches back over its neighbour (an overlap).
    const start = Math.floor(index * step + random() * step * 0.3) - (index % 5 === 0 && index > 0 ? Math.floor(step * 0.5) : 0)
    const end = Math.min(body.length, start + 30 + Math.floor(random() * 50))
    claimRecords.push({ id: `claim-${index}`, articleId: article.id, actorId: pick(actors).id, issueIds: [pick(issues).id], stance: [-2, -1, 0, 1, 2][Math.floor(random() * 5)], date: '2024-12-23', addresseeId: null, note: '', anchor: anchor(Math.max(0, start), end), createdAt: T0, updatedAt: T0, coderId: 'coder-1', updatedBy: 'coder-1', externalId: '', attributes: {}, adjudicatedFrom: [] })
  }
  const mentionRecords = Array.from({ length: mentions }, (_, index) => {
    const start = Math.floor((index + 0.5) * (body.length / mentions))
    return { id: `mention-${index}`, articleId: article.id, actorId: pick(actors).id, anchor: anchor(start, start + 12), createdAt: T0, updatedAt: T0, coderId: 'coder-1', updatedBy: 'coder-1' }
  })
  return { articles: [article], actors, issues, claims: claimRecords, mentions: mentionRecords }
}
