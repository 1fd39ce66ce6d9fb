// A synthetic workspace for the positions benchmark, deterministic (seeded), built inside the
// page that uses it: the function must stay self-contained (no imports, no outer variables)
// because it is sent to the browser as source text.
//
// Shape, chosen to look like a real coding project rather than uniform noise: actors differ in
// how much they say (a few talk a lot), each speaks on a handful of issues, stances drift and
// sometimes flip, and claims are spread over ten years of articles from 30 outlets.

export function generatePositionsWorkspace(config) {
  /** mulberry32: a small seeded generator, so every run builds the same workspace. */
  const mulberry32 = (seed) => {
    let state = seed >>> 0
    return () => {
      state = (state + 0x6d2b79f5) >>> 0
      let t = state
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }
  const { claims: claimCount, actors: actorCount, issues: issueCount, articles: articleCount, seed } = config
  const random = mulberry32(seed)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const hex = (n) => n.toString(16).padStart(12, '0')
  const uuid = (prefix, n) => `${prefix}-0000-4000-8000-${hex(n)}`
  // Claims get random version 4 UUIDs, as the app gives them (crypto.randomUUID), drawn from
  // the seeded generator: ids that count up from one prefix are not what a workspace holds,
  // and would mislead anything that splits the key space.
  // They come from a stream of their own, so the rest of the workspace is what it always was.
  const idRandom = mulberry32(seed ^ 0x9e3779b9)
  const randomHex = (length) => Array.from({ length }, () => Math.floor(idRandom() * 16).toString(16)).join('')
  const randomUuid = () => `${randomHex(8)}-${randomHex(4)}-4${randomHex(3)}-${'89ab'[Math.floor(idRandom() * 4)]}${randomHex(3)}-${randomHex(12)}`
  const now = '2025-01-05T10:00:00.000Z'
  const kinds = ['person', 'organization', 'state', 'armed group', 'party', 'media', 'other']
  const outlets = Array.from({ length: 30 }, (_, index) => `Outlet ${String(index + 1).padStart(2, '0')}`)

  const issues = Array.from({ length: issueCount }, (_, index) => ({
    id: uuid('00000000-0000', index),
    label: `Issue ${String(index + 1).padStart(2, '0')}`,
    description: '',
    parentId: null,
    createdAt: now,
    updatedAt: now,
    code: '',
    updatedBy: '',
  }))
  const actors = Array.from({ length: actorCount }, (_, index) => ({
    id: uuid('11111111-1111', index),
    name: `Actor ${String(index + 1).padStart(4, '0')}`,
    kind: kinds[index % kinds.length],
    aliases: [`A${index + 1}`],
    notes: '',
    createdAt: now,
    updatedAt: now,
    attributes: {},
    updatedBy: '',
  }))
  const start = Date.UTC(2015, 0, 1)
  const span = Date.UTC(2024, 11, 31) - start
  const articles = Array.from({ length: articleCount }, (_, index) => {
    const date = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10)
    return {
      id: uuid('22222222-2222', index),
      title: `Report ${index + 1}`,
      source: pick(outlets),
      author: '',
      publishedAt: date,
      url: '',
      language: 'en',
      direction: 'ltr',
      body: `Report ${index + 1}. The spokesman said the group will keep its position on the matter for now. Officials said talks would continue next week.`,
      contentHash: `hash-${index}`,
      importedAt: now,
      origin: 'bench',
      meta: {},
      updatedAt: now,
      externalId: '',
    }
  })

  // Activity: actor weight ~ 1/(rank^0.8), each actor with 1-8 issues and a base stance per issue.
  const weights = actors.map((_, index) => 1 / Math.pow(index + 1, 0.8))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const cumulative = []
  let running = 0
  for (const weight of weights) cumulative.push((running += weight / total))
  const pickActor = () => {
    const r = random()
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cumulative[mid] < r) low = mid + 1
      else high = mid
    }
    return low
  }
  const agendas = actors.map(() => {
    const count = 1 + Math.floor(random() * 8)
    return Array.from({ length: count }, () => ({ issue: Math.floor(random() * issueCount), stance: Math.floor(random() * 5) - 2, flipAt: random() }))
  })
  const quote = 'will keep its position on the matter'
  const quoteStart = articles[0].body.indexOf(quote)
  const claims = []
  for (let index = 0; index < claimCount; index++) {
    const actorIndex = pickActor()
    const agenda = pick(agendas[actorIndex])
    const article = articles[Math.floor(random() * articles.length)]
    const progress = (Date.parse(article.publishedAt) - start) / span
    let stance = progress > agenda.flipAt && random() < 0.7 ? -agenda.stance : agenda.stance
    if (random() < 0.2) stance = Math.max(-2, Math.min(2, stance + (random() < 0.5 ? -1 : 1)))
    const begin = article.body.indexOf(quote)
    claims.push({
      id: config.sequentialClaimIds ? uuid('33333333-3333', index) : randomUuid(),
      articleId: article.id,
      actorId: actors[actorIndex].id,
      issueIds: [issues[agenda.issue].id],
      stance,
      date: article.publishedAt,
      addresseeId: null,
      note: '',
      anchor: { exact: quote, prefix: article.body.slice(Math.max(0, begin - 32), begin), suffix: article.body.slice(begin + quote.length, begin + quote.length + 32), start: begin, end: begin + quote.length },
      createdAt: new Date(Date.parse(now) + index).toISOString(),
      updatedAt: now,
      coderId: '44444444-4444-4000-8000-000000000001',
      updatedBy: '44444444-4444-4000-8000-000000000001',
      externalId: '',
      attributes: {},
      adjudicatedFrom: [],
    })
  }
  if (quoteStart < 0) throw new Error('bench quote missing')
  return { actors, issues, articles, claims }
}
