import type { QdaProject, QdaSelection } from '../../renderer/src/domain/interop/refiqda/types'

// A REFI-QDA project in the shape Standpoint's export will give it: articles as text sources,
// issues and actors as codes (actors under a non-codable "Actors" parent), a claim as one
// selection carrying its actor, issue and stance codes, its note as a memo. The texts hold the
// hard cases: characters outside the BMP before selections, Arabic, XML's special characters.

export function guid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
}

const ARTICLE_1 = [
  'Al-Nujaba Movement says it will stop military operations against Israel.',
  'Its leader said the group "will stop military operations against Israel" 🇮🇶 now.',
  'Prime Minister al-Sudani said that "all weapons must be in the hands of the state" & <nothing> else.',
].join('\n')

const ARTICLE_2 = [
  '𝟐𝟎𝟐𝟒 — حركة النجباء تعلن وقف العمليات ضد إسرائيل.',
  'Kataib Hezbollah said: "Operations will go on until the aggression stops."',
].join('\n')

const ARTICLE_3 = 'A wire note with no coded words, only a whole-text code.'

/** The selection of `quote` in `text` (first occurrence at or after `from`). */
export function select(text: string, quote: string, from = 0): Pick<QdaSelection, 'start' | 'end'> {
  const start = text.indexOf(quote, from)
  if (start < 0) throw new Error(`sample: quote not found: ${quote}`)
  return { start, end: start + quote.length }
}

export function sampleProject(): QdaProject {
  const alice = guid(1)
  const bilal = guid(2)
  const code = { issues: guid(10), attacks: guid(11), attacksUs: guid(12), weapons: guid(13), actors: guid(20), nujaba: guid(21), government: guid(22), kh: guid(23), stance: guid(30), against: guid(31), favour: guid(32), wire: guid(40) }
  const note = { claim: guid(50), code: guid(51), project: guid(52), source: guid(53) }
  const variable = { outlet: guid(60), published: guid(61), words: guid(62), wire: guid(63), score: guid(64), seen: guid(65) }
  const coding = (n: number, codeGuid: string, creatingUser = alice) => ({ guid: guid(1000 + n), codeGuid, creatingUser, creationDateTime: '2024-12-24T09:00:00Z', noteGuids: [] })
  return {
    name: 'Iraq militias & Israel <2024>',
    origin: 'Standpoint 0.1.0',
    description: 'Claims about attacks on Israel, exported for checking in MAXQDA.',
    creatingUser: alice,
    creationDateTime: '2024-12-24T08:00:00Z',
    modifyingUser: bilal,
    modifiedDateTime: '2024-12-26T17:30:05Z',
    users: [
      { guid: alice, name: 'Alice Haddad', id: 'AH' },
      { guid: bilal, name: 'Bilal Karim' },
    ],
    codes: [
      {
        guid: code.issues,
        name: 'Issues',
        isCodable: false,
        noteGuids: [],
        children: [
          {
            guid: code.attacks,
            name: 'Attacks on Israel',
            isCodable: true,
            color: '#cc3333',
            description: 'Whether armed groups should keep attacking Israel.',
            noteGuids: [note.code],
            children: [{ guid: code.attacksUs, name: 'Attacks on US forces', isCodable: true, color: '#c33', noteGuids: [], children: [] }],
          },
          { guid: code.weapons, name: 'Weapons belong to the state', isCodable: true, color: '#3366CC', noteGuids: [], children: [] },
        ],
      },
      {
        guid: code.actors,
        name: 'Actors',
        isCodable: false,
        noteGuids: [],
        children: [
          { guid: code.nujaba, name: 'Al-Nujaba Movement', isCodable: true, description: 'Aliases: Nujaba; al-Nujaba', noteGuids: [], children: [] },
          { guid: code.government, name: 'Government of Iraq', isCodable: true, noteGuids: [], children: [] },
          { guid: code.kh, name: 'Kataib Hezbollah "KH"', isCodable: true, noteGuids: [], children: [] },
        ],
      },
      {
        guid: code.stance,
        name: 'Stance',
        isCodable: false,
        noteGuids: [],
        children: [
          { guid: code.against, name: '−1 against', isCodable: true, noteGuids: [], children: [] },
          { guid: code.favour, name: '+1 in favour', isCodable: true, noteGuids: [], children: [] },
        ],
      },
      { guid: code.wire, name: 'Wire copy', isCodable: true, noteGuids: [], children: [] },
    ],
    variables: [
      { guid: variable.outlet, name: 'Outlet', type: 'Text' },
      { guid: variable.published, name: 'Published', type: 'Date', description: 'Date of publication' },
      { guid: variable.words, name: 'Words', type: 'Integer' },
      { guid: variable.wire, name: 'Wire story', type: 'Boolean' },
      { guid: variable.score, name: 'Relevance', type: 'Float' },
      { guid: variable.seen, name: 'Seen at', type: 'DateTime' },
    ],
    sources: [
      {
        guid: guid(100),
        name: 'Nujaba halts attacks on Israel',
        text: ARTICLE_1,
        description: 'The New Arab, 2024-12-23',
        creatingUser: alice,
        creationDateTime: '2024-12-24T08:05:00Z',
        selections: [
          {
            guid: guid(200),
            name: 'will stop military operations against Israel',
            ...select(ARTICLE_1, 'will stop military operations against Israel', ARTICLE_1.indexOf('"')),
            creatingUser: alice,
            creationDateTime: '2024-12-24T09:00:00Z',
            codings: [coding(1, code.nujaba), coding(2, code.attacks), coding(3, code.against)],
            noteGuids: [note.claim],
          },
          {
            guid: guid(201),
            // After the flag emoji (two code points, four UTF-16 units).
            ...select(ARTICLE_1, 'now.'),
            description: 'Time marker & <check>',
            codings: [coding(4, code.attacks, bilal)],
            noteGuids: [],
          },
          {
            guid: guid(202),
            ...select(ARTICLE_1, 'all weapons must be in the hands of the state" & <nothing>'),
            codings: [coding(5, code.government), coding(6, code.weapons), coding(7, code.favour)],
            noteGuids: [],
          },
        ],
        codings: [],
        noteGuids: [note.source],
        variableValues: [
          { variableGuid: variable.outlet, value: 'The New Arab' },
          { variableGuid: variable.published, value: '2024-12-23' },
          { variableGuid: variable.words, value: 412 },
          { variableGuid: variable.wire, value: false },
          { variableGuid: variable.score, value: 0.75 },
          { variableGuid: variable.seen, value: '2024-12-23T18:45:00Z' },
        ],
      },
      {
        guid: guid(101),
        name: 'النجباء — Kataib Hezbollah',
        text: ARTICLE_2,
        selections: [
          { guid: guid(203), ...select(ARTICLE_2, 'حركة النجباء تعلن وقف العمليات ضد إسرائيل'), codings: [coding(8, code.nujaba, bilal), coding(9, code.attacks, bilal), coding(10, code.against, bilal)], noteGuids: [] },
          { guid: guid(204), ...select(ARTICLE_2, 'Operations will go on until the aggression stops.'), codings: [coding(11, code.kh), coding(12, code.attacks), coding(13, code.favour)], noteGuids: [] },
        ],
        codings: [],
        noteGuids: [],
        variableValues: [{ variableGuid: variable.outlet, value: 'Shafaq News' }],
      },
      {
        guid: guid(102),
        name: 'Wire note',
        text: ARTICLE_3,
        selections: [],
        codings: [coding(14, code.wire)],
        noteGuids: [],
        variableValues: [],
      },
    ],
    notes: [
      { guid: note.claim, name: 'Claim note', text: 'Stance −1: the group halts attacks.\nCheck against the Arabic original.', creatingUser: alice, creationDateTime: '2024-12-24T09:01:00Z' },
      { guid: note.code, name: 'Coding rule', text: 'Code threats as well as actual attacks.' },
      { guid: note.project, text: 'Exported from Standpoint.' },
      { guid: note.source, name: 'Source note', text: '  Leading spaces and a trailing newline kept.\n' },
    ],
    noteGuids: [note.project],
  }
}
