// The 1,000,000-claim workspace of the scale run (STANDPOINT_BENCH_SCALE=1), generated in
// slices so neither Node nor the page ever holds all of it: every record is a pure function of
// its index (a hash, not a running random stream), so any slice can be built on its own.
// Self-contained: the functions are sent to the page as source text.

export function scaleParts(config) {
  const hex = (n) => n.toString(16).padStart(12, '0')
  const now = '2025-01-05T10:00:00.000Z'
  const kinds = ['person', 'organization', 'state', 'armed group', 'party', 'media', 'other']
  const coder = { id: '44444444-4444-4000-8000-000000000001', name: 'Coder 1', color: '#1f77b4', role: 'lead', createdAt: now, updatedAt: now }
  const issues = Array.from({ length: config.issues }, (_, index) => ({ id: `00000000-0000-4000-8000-${hex(index)}`, label: `Issue ${String(index + 1).padStart(3, '0')}`, description: '', parentId: null, code: '', createdAt: now, updatedAt: now, updatedBy: '' }))
  const actors = Array.from({ length: config.actors }, (_, index) => ({
    id: `11111111-1111-4000-8000-${hex(index)}`,
    name: `Actor ${String(index + 1).padStart(5, '0')}`,
    kind: kinds[index % kinds.length],
    aliases: [],
    notes: '',
    attributes: {},
    createdAt: now,
    updatedAt: now,
    updatedBy: '',
  }))
  return { coder, issues, actors }
}

export function scaleArticles(config, from, to) {
  const hex = (n) => n.toString(16).padStart(12, '0')
  const now = '2025-01-05T10:00:00.000Z'
  const start = Date.UTC(2015, 0, 1)
  const articles = []
  for (let index = from; index < to; index++) {
    const day = Math.floor(((index * 2654435761) >>> 0) / 4294967296 * 3650)
    articles.push({
      id: `22222222-2222-4000-8000-${hex(index)}`,
      title: `Report ${index + 1}`,
      source: `Outlet ${String((index % 30) + 1).padStart(2, '0')}`,
      author: '',
      publishedAt: new Date(start + day * 86400000).toISOString().slice(0, 10),
      url: '',
      language: 'en',
      direction: 'ltr',
      body: `Report ${index + 1}. The spokesman said the group will keep its position on the matter for now. Officials said talks would continue next week.`,
      contentHash: `scale-${index}`,
      importedAt: now,
      origin: 'bench',
      meta: {},
      externalId: '',
      updatedAt: now,
    })
  }
  return articles
}

export function scaleClaims(config, from, to) {
  const hex = (n) => n.toString(16).padStart(12, '0')
  const now = '2025-01-05T10:00:00.000Z'
  const start = Date.UTC(2015, 0, 1)
  /** A well-mixed 32-bit hash of (index, salt), as a fraction in [0, 1). */
  const unit = (index, salt) => {
    let h = (index ^ Math.imul(salt, 0x9e3779b9)) >>> 0
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296
  }
  const quote = 'will keep its position on the matter'
  const claims = []
  for (let index = from; index < to; index++) {
    // A few actors say most (rank^-0.8-ish via a power of a uniform draw), each on a few issues.
    const actor = Math.min(config.actors - 1, Math.floor(config.actors * Math.pow(unit(index, 1), 2.5)))
    const issue = (actor * 7 + Math.floor(unit(index, 2) * 6)) % config.issues
    const article = Math.floor(unit(index, 3) * config.articles)
    const day = Math.floor(((article * 2654435761) >>> 0) / 4294967296 * 3650)
    const date = new Date(start + day * 86400000).toISOString().slice(0, 10)
    const base = ((actor + issue) % 5) - 2
    const stance = unit(index, 4) < 0.2 ? Math.max(-2, Math.min(2, base + (unit(index, 5) < 0.5 ? -1 : 1))) : base
    const begin = 'Report '.length + String(article + 1).length + '. The spokesman said the group '.length
    const issueId = `00000000-0000-4000-8000-${hex(issue)}`
    claims.push({
      // Random-looking v4 UUIDs (as the app makes them), from the hash.
      id: `${Math.floor(unit(index, 6) * 2 ** 32).toString(16).padStart(8, '0')}-${hex(index).slice(0, 4)}-4${hex(index).slice(4, 7)}-8${hex(index).slice(7, 10)}-${Math.floor(unit(index, 7) * 2 ** 32).toString(16).padStart(8, '0')}${hex(index).slice(8, 12)}`,
      articleId: `22222222-2222-4000-8000-${hex(article)}`,
      actorId: `11111111-1111-4000-8000-${hex(actor)}`,
      issueId,
      issueIds: [issueId],
      stance,
      date,
      addresseeId: null,
      note: '',
      anchor: { exact: quote, prefix: '', suffix: '', start: begin, end: begin + quote.length },
      createdAt: now,
      updatedAt: now,
      coderId: '44444444-4444-4000-8000-000000000001',
      updatedBy: '44444444-4444-4000-8000-000000000001',
      externalId: '',
      attributes: {},
      adjudicatedFrom: [],
    })
  }
  return claims
}
