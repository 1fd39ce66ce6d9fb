// A coded corpus shaped like a real claims study (the 2015 German migration debate: ~3,700
// claims, ~1,000 actor names, a party column, one to five category codes per claim from a
// two-level codebook that reuses "General" under several parents), generated from a seed so
// every run, test and screenshot gets the same files. Plain JavaScript so Node scripts can run
// it as well as the tests: `node scripts/coded-corpus.mjs <folder>` writes the two CSVs.
//
// What it deliberately contains, because real files do:
// - category cells like "Controlling Migration|Ceiling/upper limit", several per claim;
// - "General" as a child of several parents (named after its parent in the same cell);
// - actor names that fold together: "AfD" on most rows, "AFD" on a few, "PRO ASYL"/"Pro Asyl";
// - a party column (multi-valued "CDU|CSU" for the Union's joint actors) and more columns
//   than the mapping has fields (page, section, intensity, region…);
// - statement IDs shared by several rows (one annotation, several actors);
// - documents known by ID and title only: no text;
// - three coders, one of them spelt in two cases ("Anna", "anna").

/** mulberry32: a small seeded generator. */
function generator(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const CATEGORIES = [
  ['Controlling Migration', ['Ceiling/upper limit', 'Safe countries of origin', 'Transit zones', 'General', 'Quotas', 'Reducing incentives']],
  ['Asylum Procedure', ['Speeding up procedures', 'Registration', 'Staff at the federal office', 'General', 'Legal aid']],
  ['Integration', ['Language courses', 'Labour market access', 'Schools', 'Housing', 'General', 'Values and culture', 'Sports and clubs']],
  ['Humanitarian Obligations', ['Right to asylum', 'Refugee convention', 'Welcome culture', 'General']],
  ['Security', ['Terrorism', 'Crime', 'Police presence', 'General', 'Radicalisation']],
  ['Border Control', ['Border closures', 'Schengen', 'Fences', 'Frontex', 'General']],
  ['European Solidarity', ['Distribution key', 'Turkey deal', 'Dublin regulation', 'Hotspots', 'General']],
  ['Deportation', ['Rejected applicants', 'Deportation to Afghanistan', 'Voluntary return', 'Toleration status']],
  ['Accommodation', ['Initial reception centres', 'Emergency shelters', 'Costs for municipalities', 'Gyms as shelters']],
  ['Economy and Labour', ['Skilled workers', 'Minimum wage', 'Costs', 'Demographic change']],
  ['Family Reunification', ['Suspension', 'Subsidiary protection', 'Unaccompanied minors']],
  ['Public Opinion', ['Protests', 'Attacks on shelters', 'Volunteers', 'Media coverage', 'Pegida']],
]

/** The codebook: code, label, parent (by code), description. Parents are "1"…"12", children "1.1"…. */
export function codebookRows() {
  const rows = [['code', 'label', 'parent', 'description']]
  CATEGORIES.forEach(([parent, children], index) => {
    const code = String(index + 1)
    rows.push([code, parent, '', `Claims about ${parent.toLowerCase()}.`])
    children.forEach((child, childIndex) => {
      rows.push([`${code}.${childIndex + 1}`, child, code, child === 'General' ? `${parent} in general, no narrower category.` : ''])
    })
  })
  return rows
}

const FIRST = ['Angela', 'Horst', 'Sigmar', 'Thomas', 'Ursula', 'Julia', 'Peter', 'Andrea', 'Katrin', 'Frank-Walter', 'Wolfgang', 'Cem', 'Sahra', 'Volker', 'Manuela', 'Boris', 'Winfried', 'Heiko', 'Joachim', 'Aydan', 'Frauke', 'Alexander', 'Bernd', 'Stephan', 'Hannelore', 'Olaf', 'Markus', 'Christian', 'Lothar', 'Ralf', 'Claudia', 'Dietmar', 'Armin', 'Anton', 'Gregor', 'Jens', 'Karl', 'Lena', 'Martin', 'Nadine']
const LAST = ['Merkel', 'Seehofer', 'Gabriel', 'de Maizière', 'von der Leyen', 'Klöckner', 'Altmaier', 'Nahles', 'Göring-Eckardt', 'Steinmeier', 'Schäuble', 'Özdemir', 'Wagenknecht', 'Kauder', 'Schwesig', 'Palmer', 'Kretschmann', 'Maas', 'Gauck', 'Özoğuz', 'Petry', 'Gauland', 'Höcke', 'Weil', 'Kraft', 'Scholz', 'Söder', 'Lindner', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange']
const PARTIES = ['CDU', 'CSU', 'SPD', 'Grüne', 'Die Linke', 'FDP', 'AfD']
const STATES = ['Bavaria', 'Baden-Württemberg', 'Berlin', 'Brandenburg', 'Bremen', 'Hamburg', 'Hesse', 'Lower Saxony', 'Mecklenburg-Vorpommern', 'North Rhine-Westphalia', 'Rhineland-Palatinate', 'Saarland', 'Saxony', 'Saxony-Anhalt', 'Schleswig-Holstein', 'Thuringia']
const ORGANISATIONS = ['Pro Asyl', 'UNHCR', 'Caritas', 'Diakonie', 'German Red Cross', 'Federal Office for Migration and Refugees', 'Federal Police', 'Association of German Cities', 'Confederation of German Employers', 'German Trade Union Confederation', 'Amnesty International', 'Catholic Church', 'Protestant Church', 'Central Council of Jews', 'Central Council of Muslims', 'Pegida', 'European Commission', 'Frontex', 'Turkish government', 'Austrian government', 'Hungarian government', 'Federal Government', 'Bundestag', 'Bundesrat', 'Federal Constitutional Court', 'Police union', 'Mayors of Bavaria', 'Refugee council', 'Welcome initiatives']

/** ~1,000 actor names with a party (or none), the talkative few first. */
export function actorList() {
  const random = generator(7)
  const actors = [
    { name: 'Angela Merkel', party: 'CDU' },
    { name: 'Horst Seehofer', party: 'CSU' },
    { name: 'Sigmar Gabriel', party: 'SPD' },
    { name: 'Thomas de Maizière', party: 'CDU' },
    { name: 'AfD', party: 'AfD' },
    { name: 'CDU/CSU', party: 'CDU|CSU' },
    { name: 'Frauke Petry', party: 'AfD' },
    { name: 'Pro Asyl', party: '' },
    { name: 'Mecklenburg-Vorpommern', party: '' },
  ]
  const taken = new Set(actors.map((actor) => actor.name))
  const add = (name, party) => {
    if (taken.has(name)) return
    actors.push({ name, party })
    taken.add(name)
  }
  for (const party of PARTIES) add(party, party)
  for (const state of STATES) add(state, '')
  for (const organisation of ORGANISATIONS) add(organisation, '')
  for (const state of STATES) {
    const name = `Government of ${state}`
    actors.push({ name, party: '' })
    taken.add(name)
  }
  while (actors.length < 1000) {
    const first = FIRST[Math.floor(random() * FIRST.length)]
    const last = LAST[Math.floor(random() * LAST.length)]
    let name = `${first} ${last}`
    if (taken.has(name)) name = `${first} ${String.fromCharCode(65 + Math.floor(random() * 26))}. ${last}`
    if (taken.has(name)) continue
    taken.add(name)
    const roll = random()
    actors.push({ name, party: roll < 0.8 ? PARTIES[Math.floor(random() * PARTIES.length)] : roll < 0.85 ? 'CDU|CSU' : '' })
  }
  return actors
}

/** Spellings the file uses besides an actor's own, and on how many rows (the rest use the name). */
export const VARIANT_SPELLINGS = [
  { name: 'AfD', variant: 'AFD', rows: 6 },
  { name: 'Pro Asyl', variant: 'PRO ASYL', rows: 4 },
]

export const CODERS = ['Anna', 'Ben', 'Chris']

export const CLAIMS_HEADER = ['statement_id', 'document_id', 'title', 'date', 'newspaper', 'page', 'section', 'actor', 'party', 'categories', 'agreement', 'quote', 'coder', 'intensity', 'region', 'wave', 'checked']

const NEWSPAPERS = ['Süddeutsche Zeitung', 'Frankfurter Allgemeine', 'Die Welt', 'taz', 'Bild', 'Der Spiegel']
const SECTIONS = ['Politik', 'Meinung', 'Wirtschaft', 'Feuilleton', 'Regional']

/**
 * The coded claims: CLAIMS_HEADER then one row per claim. Deterministic for a given size.
 * `claims` rows in total, over `documents` documents that have no text.
 */
export function codedClaimRows({ claims = 3700, documents = 800 } = {}) {
  const random = generator(2015)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const actors = actorList()
  // A few actors talk a lot: Zipf-like weights.
  const weights = actors.map((_, index) => 1 / (index + 3))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const pickActor = () => {
    // Most claims come from the talkative few; a third from anyone, so the long tail is there.
    if (random() < 0.5) return actors[Math.floor(random() * actors.length)]
    let target = random() * total
    for (let index = 0; index < actors.length; index++) {
      target -= weights[index]
      if (target <= 0) return actors[index]
    }
    return actors[actors.length - 1]
  }
  const variantsLeft = new Map(VARIANT_SPELLINGS.map((entry) => [entry.name, entry.rows]))
  const spell = (actor) => {
    const left = variantsLeft.get(actor.name) ?? 0
    if (left > 0 && random() < 0.3) {
      variantsLeft.set(actor.name, left - 1)
      return VARIANT_SPELLINGS.find((entry) => entry.name === actor.name).variant
    }
    return actor.name
  }
  const categoriesCell = () => {
    const parents = new Set()
    const count = random() < 0.55 ? 1 : random() < 0.75 ? 2 : 3
    while (parents.size < count) parents.add(Math.floor(random() * CATEGORIES.length))
    const values = []
    for (const index of parents) {
      const [parent, children] = CATEGORIES[index]
      values.push(parent)
      if (random() < 0.7) values.push(pick(children))
    }
    return values.slice(0, 5).join('|')
  }
  const day = (n) => {
    const date = new Date(Date.UTC(2015, 7, 1) + n * 86400000)
    return `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`
  }
  const docs = Array.from({ length: documents }, (_, index) => ({
    id: `D${String(index + 1).padStart(4, '0')}`,
    title: `${pick(['Debate on', 'Dispute over', 'Coalition argues about', 'New plans for', 'Criticism of', 'Report on'])} ${pick(CATEGORIES)[0].toLowerCase()} (${index + 1})`,
    date: day(Math.floor((index / documents) * 240)),
    newspaper: pick(NEWSPAPERS),
    page: String(1 + Math.floor(random() * 12)),
    section: pick(SECTIONS),
  }))
  const rows = [CLAIMS_HEADER]
  let statement = 1
  while (rows.length - 1 < claims) {
    const doc = docs[Math.min(docs.length - 1, Math.floor(((rows.length - 1) / claims) * docs.length))]
    // One annotation in twelve names two or three actors: one statement ID, several rows.
    const speakers = random() < 1 / 12 ? 2 + Math.floor(random() * 2) : 1
    const id = `S${String(statement++).padStart(5, '0')}`
    const categories = categoriesCell()
    const agreement = random() < 0.55 ? '1' : '0'
    const coder = pick(CODERS)
    const used = new Set()
    for (let n = 0; n < speakers && rows.length - 1 < claims; n++) {
      let actor = pickActor()
      while (used.has(actor.name)) actor = pickActor()
      used.add(actor.name)
      const written = spell(actor)
      rows.push([
        id,
        doc.id,
        doc.title,
        doc.date,
        doc.newspaper,
        doc.page,
        doc.section,
        written,
        actor.party,
        categories,
        agreement,
        `${written} said the government ${agreement === '1' ? 'must' : 'must not'} act on ${categories.split('|')[0].toLowerCase()} (${id}).`,
        coder === 'Anna' && random() < 0.2 ? 'anna' : coder,
        String(1 + Math.floor(random() * 3)),
        pick(['north', 'south', 'east', 'west', 'federal']),
        String(1 + Math.floor(random() * 3)),
        random() < 0.9 ? 'yes' : 'no',
      ])
    }
  }
  return rows
}

/** Rows as CSV text (RFC 4180, CRLF). */
export function toCsv(rows) {
  return rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n') + '\r\n'
}

export function codebookCsv() {
  return toCsv(codebookRows())
}

export function codedClaimsCsv(options) {
  return toCsv(codedClaimRows(options))
}
