import { normaliseLine } from './normaliseText'

// "By …" lines. The author is who the byline names; the outlet is taken from it only when
// the byline plainly names one: "World Israel News Staff", "Jane Doe, Reuters",
// "Jane Doe for The Guardian", "Jane Doe | Al Jazeera".

export interface Byline {
  author: string
  /** The outlet the byline names, or '' when it names none. */
  source: string
}

// Words that follow an outlet's name when the byline credits the newsroom, not a person.
const NEWSROOM_SUFFIX =
  /^(.+?)\s+(staff(?:\s+(?:writers?|reporters?))?|newsroom|news\s+desk|desk|editorial\s+board|editors|correspondents?|reporters|team|wire\s+services?)$/i

// Wire services and broadcasters that appear after an author's name.
const KNOWN_OUTLETS = [
  'Reuters',
  'Associated Press',
  'AP',
  'AFP',
  'Agence France-Presse',
  'Bloomberg',
  'Xinhua',
  'Anadolu Agency',
  'Anadolu',
  'TASS',
  'dpa',
  'EFE',
  'ANSA',
  'UPI',
  'Al Jazeera',
  'Al Arabiya',
  'BBC News',
  'BBC',
  'CNN',
  'Saudi Press Agency',
  'SPA',
  'WAM',
  'IRNA',
  'Tasnim',
  'Fars',
  'Mehr',
]

const KNOWN = new Map(KNOWN_OUTLETS.map((outlet) => [outlet.toLowerCase(), outlet]))

/** Recognises a "By …" line; null when the line is not one. */
export function bylineFromLine(line: string): string | null {
  const match = /^\s*(?:by|written by|بقلم)[:\s]\s*(.+?)\s*$/i.exec(line)
  if (!match) return null
  const rest = match[1]!
  // "By the way, …" is prose: a byline is short and has no sentence punctuation at its end.
  if (rest.length > 120 || (/[.!?]$/.test(rest) && !/\b[A-Z]\.$/.test(rest))) return null
  return rest
}

export function parseByline(raw: string): Byline {
  const text = normaliseLine(raw).replace(/^by\s+/i, '')
  if (text === '') return { author: '', source: '' }

  const newsroom = NEWSROOM_SUFFIX.exec(text)
  if (newsroom && !/^(the|our|a)$/i.test(newsroom[1]!)) return { author: text, source: newsroom[1]! }

  const forOutlet = /^(.+?)\s+for\s+((?:the\s+)?[A-Z].+)$/.exec(text)
  if (forOutlet) return { author: forOutlet[1]!, source: forOutlet[2]! }

  const separated = /^(.+?)\s*(?:,|\||–|—|\/)\s*(.+)$/.exec(text)
  if (separated) {
    const outlet = KNOWN.get(separated[2]!.replace(/^\(|\)$/g, '').toLowerCase())
    if (outlet) return { author: separated[1]!, source: outlet }
  }
  const parenthesised = /^(.+?)\s*\(([^)]+)\)$/.exec(text)
  if (parenthesised) {
    const outlet = KNOWN.get(parenthesised[2]!.toLowerCase())
    if (outlet) return { author: parenthesised[1]!, source: outlet }
  }
  return { author: text, source: '' }
}
