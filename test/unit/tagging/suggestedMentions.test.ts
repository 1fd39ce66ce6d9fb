import { describe, expect, it } from 'vitest'
import { findSuggestedMentions, suggestionKey } from '../../../renderer/src/domain/suggestedMentions'
import { ACTORS, actor, IRAN, NUJABA, SUDANI, TRUMP } from './fixtures'

const BODY =
  'pro-Iranian militias in Iraq, including the Al-Nujaba Movement, have decided on a pause. ' +
  'This decision follows discussions with Iraqi Prime Minister Mohammed Shia al-Sudani and aligns with directives from Iran. ' +
  'A month earlier the militias defied the al-Sudani government. Nujaba said nothing. President-elect Donald Trump was silent.'

describe('findSuggestedMentions', () => {
  const found = findSuggestedMentions(BODY, ACTORS)
  const texts = found.map((suggestion) => BODY.slice(suggestion.start, suggestion.end))

  it('finds names and aliases of known actors as whole words, in text order', () => {
    expect(texts).toEqual(['Al-Nujaba Movement', 'Mohammed Shia al-Sudani', 'Iran', 'al-Sudani', 'Nujaba', 'Donald Trump'])
    expect(found.map((suggestion) => suggestion.actorId)).toEqual([NUJABA.id, SUDANI.id, IRAN.id, SUDANI.id, NUJABA.id, TRUMP.id])
  })

  it('does not fire inside a longer word ("Iran" in "pro-Iranian")', () => {
    expect(found.some((suggestion) => BODY.slice(suggestion.start - 4, suggestion.end) === 'pro-Iran')).toBe(false)
  })

  it('prefers the longest name where names overlap', () => {
    expect(texts).not.toContain('Sudani')
    expect(texts.filter((text) => text.includes('Sudani'))).toEqual(['Mohammed Shia al-Sudani', 'al-Sudani'])
  })

  it('skips spans already tagged and suggestions the coder dismissed', () => {
    const nujaba = found[0]!
    const again = findSuggestedMentions(BODY, ACTORS, { taken: [{ start: nujaba.start + 3, end: nujaba.end }], dismissed: new Set([found[1]!.key]) })
    expect(again.map((suggestion) => suggestion.key)).not.toContain(nujaba.key)
    expect(again.map((suggestion) => suggestion.key)).not.toContain(found[1]!.key)
    expect(again).toHaveLength(found.length - 2)
  })

  it('matches diacritics-insensitively and reports original offsets', () => {
    const body = 'Le Premier ministre al-Sūdānī a parlé.'
    const [first] = findSuggestedMentions(body, [SUDANI])
    expect(body.slice(first!.start, first!.end)).toBe('al-Sūdānī')
    expect(first!.key).toBe(suggestionKey(SUDANI.id, first!))
  })

  it('finds Arabic names spelled with other hamza or vowel marks', () => {
    const body = 'أعلنت حركة النُجباء أنها ستتوقف.'
    const [first] = findSuggestedMentions(body, [NUJABA])
    expect(body.slice(first!.start, first!.end)).toBe('حركة النُجباء')
  })

  it('finds Arabic names after a joined conjunction or preposition, covering the name alone', () => {
    const government = actor('gov', 'الحكومة العراقية', [])
    const body = 'وقالت الحكومة العراقية إن، والحكومة العراقية ترفض، وبالحكومة العراقية، كالحكومة العراقية. والحكومةالعراقية'
    const texts = findSuggestedMentions(body, [government]).map((suggestion) => [body.slice(suggestion.start - 2, suggestion.start), body.slice(suggestion.start, suggestion.end)])
    expect(texts).toEqual([
      ['ت ', 'الحكومة العراقية'],
      [' و', 'الحكومة العراقية'],
      ['وب', 'الحكومة العراقية'],
      [' ك', 'الحكومة العراقية'],
    ])
  })

  it('does not take an Arabic word for a proclitic: a name inside a longer word stays unmatched', () => {
    const body = 'قالت مصادر بالعراق وتالعراق'
    const iraq = actor('iq', 'العراق', [])
    const found = findSuggestedMentions(body, [iraq]).map((suggestion) => body.slice(suggestion.start - 1, suggestion.end))
    expect(found).toEqual(['بالعراق'])
  })

  it('ignores two-letter aliases unless written in capitals', () => {
    const body = 'It is what it is, said the US envoy.'
    const found = findSuggestedMentions(body, [actor('us', 'United States', ['US', 'is'])])
    expect(found.map((suggestion) => body.slice(suggestion.start, suggestion.end))).toEqual(['US'])
  })
})
