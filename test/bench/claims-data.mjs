// A synthetic coded corpus for the claims table's benchmark and screenshots, deterministic
// (seeded) and built inside the page that uses it: the function must stay self-contained (no
// imports, no outer variables) because it is sent to the browser as source text.
//
// Shaped like the corpora analysts bring (a migration debate coded in DNA): a two-level
// codebook whose labels repeat under different parents ("General"), claims on one to three
// issues, actors with a party attribute (several for a few), quotes that differ from claim to
// claim, notes on some, external claim IDs, two coders.

export function generateClaimsWorkspace(config) {
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
  const { claims: claimCount, actors: actorCount, articles: articleCount, seed } = config
  const random = mulberry32(seed)
  const idRandom = mulberry32(seed ^ 0x9e3779b9)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const hex = (n) => n.toString(16).padStart(12, '0')
  const uuid = (prefix, n) => `${prefix}-0000-4000-8000-${hex(n)}`
  const randomHex = (length) => Array.from({ length }, () => Math.floor(idRandom() * 16).toString(16)).join('')
  const randomUuid = () => `${randomHex(8)}-${randomHex(4)}-4${randomHex(3)}-${'89ab'[Math.floor(idRandom() * 4)]}${randomHex(3)}-${randomHex(12)}`
  const now = '2025-01-05T10:00:00.000Z'
  const coders = [
    { id: '44444444-4444-4000-8000-000000000001', name: 'Anna Weber', color: '#0072b2', role: 'lead', createdAt: now, updatedAt: now },
    { id: '44444444-4444-4000-8000-000000000002', name: 'Jonas Klein', color: '#e69f00', role: 'coder', createdAt: now, updatedAt: now },
  ]

  const topics = [
    ['Controlling migration', ['General', 'Ceiling / upper limit', 'Border controls', 'Safe countries of origin', 'Deportations']],
    ['Asylum procedure', ['General', 'Processing times', 'Family reunification', 'Appeals']],
    ['Integration', ['General', 'Language courses', 'Labour market access', 'Housing', 'Schools']],
    ['European solidarity', ['General', 'Relocation quota', 'Dublin rules', 'Turkey agreement']],
    ['Security', ['General', 'Terrorism', 'Crime statistics']],
    ['Humanitarian obligations', ['General', 'Sea rescue', 'Refugee camps abroad']],
    ['Costs and funding', ['General', 'Federal funding for municipalities', 'Benefits']],
    ['Public mood', ['General', 'Xenophobic attacks', 'Volunteers']],
  ]
  const issues = []
  const leaves = []
  topics.forEach(([label, children], parentIndex) => {
    const parentId = uuid('00000000-0000', parentIndex * 100)
    issues.push({ id: parentId, label, description: '', parentId: null, createdAt: now, updatedAt: now, code: `${parentIndex + 1}`, updatedBy: '' })
    children.forEach((child, childIndex) => {
      const id = uuid('00000000-0000', parentIndex * 100 + childIndex + 1)
      issues.push({ id, label: child, description: '', parentId, createdAt: now, updatedAt: now, code: `${parentIndex + 1}.${childIndex + 1}`, updatedBy: '' })
      leaves.push(id)
    })
  })

  const kinds = ['person', 'person', 'person', 'organization', 'party', 'state', 'media']
  const parties = ['CDU', 'CSU', 'SPD', 'Greens', 'Left', 'FDP', 'AfD']
  const first = ['Angela', 'Horst', 'Sigmar', 'Thomas', 'Katrin', 'Sahra', 'Christian', 'Frauke', 'Julia', 'Peter', 'Ursula', 'Winfried', 'Boris', 'Manuela', 'Jens', 'Andrea', 'Cem', 'Alexander', 'Beatrix', 'Dietmar']
  const last = ['Merkel', 'Seehofer', 'Gabriel', 'de Maizière', 'Göring-Eckardt', 'Wagenknecht', 'Lindner', 'Petry', 'Klöckner', 'Altmaier', 'von der Leyen', 'Kretschmann', 'Palmer', 'Schwesig', 'Spahn', 'Nahles', 'Özdemir', 'Dobrindt', 'von Storch', 'Bartsch']
  const actors = Array.from({ length: actorCount }, (_, index) => {
    const kind = kinds[index % kinds.length]
    const name =
      kind === 'person'
        ? `${first[index % first.length]} ${last[Math.floor(index / first.length) % last.length]}${index >= first.length * last.length ? ` (${Math.floor(index / (first.length * last.length)) + 1})` : ''}`
        : `${kind === 'party' ? 'Party' : kind === 'state' ? 'State' : kind === 'media' ? 'Outlet' : 'Association'} ${String(index + 1).padStart(4, '0')}`
    const party = random() < 0.05 ? [pick(parties), pick(parties)].filter((value, position, list) => list.indexOf(value) === position) : random() < 0.8 ? [pick(parties)] : []
    return {
      id: uuid('11111111-1111', index),
      name,
      kind,
      aliases: [],
      notes: '',
      createdAt: now,
      updatedAt: now,
      attributes: party.length > 0 ? { party } : {},
      updatedBy: '',
    }
  })

  const outlets = ['Süddeutsche Zeitung', 'Frankfurter Allgemeine', 'Die Welt', 'taz', 'Der Spiegel', 'Die Zeit', 'Bild', 'Handelsblatt', 'Tagesspiegel', 'Focus']
  const start = Date.UTC(2015, 0, 1)
  const span = Date.UTC(2016, 11, 31) - start
  const words = 'we must limit the number of refugees arriving this year and the federal states need more money for housing and language courses while Europe has to share the burden fairly the borders cannot stay open forever but the right to asylum has no upper limit integration works when people can work quickly deportations of rejected applicants must be faster we will not accept violence against shelters the municipalities are at the limit of what they can do'.split(' ')
  const sentence = (min, max) => {
    const length = min + Math.floor(random() * (max - min))
    const at = Math.floor(random() * (words.length - length))
    const text = words.slice(at, at + length).join(' ')
    return text.charAt(0).toUpperCase() + text.slice(1)
  }
  // Articles carry a body of a short news article (about 4,000 characters), made without a
  // draw from the seeded stream so the rest of the workspace stays what it was: what the claims
  // table must not read on a cold open.
  const paragraph = words.join(' ') + '. '
  const body = paragraph.repeat(Math.ceil(4_000 / paragraph.length))
  const articles = Array.from({ length: articleCount }, (_, index) => {
    const date = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10)
    return {
      id: uuid('22222222-2222', index),
      title: `${sentence(4, 9)} (${index + 1})`,
      source: pick(outlets),
      author: '',
      publishedAt: date,
      url: '',
      language: 'de',
      direction: 'ltr',
      body: `${index + 1}. ${body}`,
      contentHash: `hash-${index}`,
      importedAt: now,
      origin: 'bench',
      meta: {},
      updatedAt: now,
      externalId: `D${String(index + 1).padStart(5, '0')}`,
    }
  })

  const claims = []
  for (let index = 0; index < claimCount; index++) {
    // A few actors talk a lot: weight ~ 1/rank.
    const actor = actors[Math.min(actors.length - 1, Math.floor(Math.pow(random(), 2.2) * actors.length))]
    const article = articles[Math.floor(random() * articles.length)]
    const issueCount = random() < 0.55 ? 1 : random() < 0.7 ? 2 : 3
    const issueIds = []
    while (issueIds.length < issueCount) {
      const id = pick(leaves)
      if (!issueIds.includes(id)) issueIds.push(id)
    }
    const quote = sentence(6, 28)
    const coder = coders[random() < 0.7 ? 0 : 1]
    claims.push({
      id: randomUuid(),
      articleId: article.id,
      actorId: actor.id,
      issueIds,
      stance: Math.floor(random() * 5) - 2,
      date: random() < 0.95 ? article.publishedAt : '',
      addresseeId: random() < 0.1 ? pick(actors).id : null,
      note: random() < 0.25 ? sentence(3, 12) : '',
      anchor: { exact: quote, prefix: '', suffix: '', start: 0, end: 0 },
      createdAt: new Date(Date.parse(now) + index * 1000).toISOString(),
      updatedAt: now,
      coderId: coder.id,
      updatedBy: coder.id,
      externalId: `S${String(index + 1).padStart(6, '0')}`,
      attributes: random() < 0.3 ? { certainty: [pick(['high', 'medium', 'low'])] } : {},
      adjudicatedFrom: [],
    })
  }
  return { actors, issues, articles, claims, coders }
}
