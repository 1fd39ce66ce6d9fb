import { describe, expect, it } from 'vitest'
import { actorAnswersTo, buildActorIndex, parseAliases, uniqueNames } from '../../../renderer/src/domain/actorMatching'
import { compactForm, foldText, foldWithMap } from '../../../renderer/src/domain/text/folding'
import { ACTORS, actor, NUJABA, SUDANI } from './fixtures'

describe('foldText', () => {
  it('ignores case, diacritics, hyphens and apostrophes', () => {
    expect(foldText('Al-Sūdānī')).toBe('al sudani')
    expect(foldText('  KATA’IB   Hizballah ')).toBe('kataib hizballah')
    expect(foldText('Ba‘ath')).toBe('baath')
    expect(foldText('Ünal İnce')).toBe('unal ince')
  })

  it('folds Arabic letter variants and vowel marks', () => {
    expect(foldText('السودانيّ')).toBe(foldText('السوداني'))
    expect(foldText('أحمد')).toBe(foldText('احمد'))
    expect(foldText('إيران')).toBe(foldText('ايران'))
    expect(foldText('مصطفى')).toBe(foldText('مصطفي'))
    expect(foldText('حركة')).toBe(foldText('حركه'))
    expect(foldText('الـنجباء')).toBe(foldText('النجباء'))
  })

  it('maps folded offsets back to the original text', () => {
    const text = 'Mr  Al-Sūdānī said'
    const { folded, map } = foldWithMap(text)
    const at = folded.indexOf('al sudani')
    expect(text.slice(map[at], map[at + 'al sudani'.length - 1]! + 1)).toBe('Al-Sūdānī')
    expect(map[folded.length]).toBe(text.length)
  })

  it('gives a compact form without spaces and particles', () => {
    expect(compactForm(foldText('al-Sudani'))).toBe('sudani')
    expect(compactForm(foldText('AlSudani'))).toBe('alsudani')
    expect(compactForm(foldText('the'))).toBe('the')
  })
})

describe('buildActorIndex', () => {
  it('ranks exact and prefix matches above fuzzy ones: “Merkel” finds Angela Merkel first, not Mecklenburg-Vorpommern', () => {
    const index = buildActorIndex([actor('mv', 'Mecklenburg-Vorpommern'), actor('mer', 'Merkur Verlag'), actor('am', 'Angela Merkel'), actor('mk', 'Merkel government', [], {})])
    const found = index.search('Merkel').map((match) => match.actor.name)
    expect(found.slice(0, 2)).toEqual(['Merkel government', 'Angela Merkel'])
    expect(found.indexOf('Angela Merkel')).toBeLessThan(found.includes('Mecklenburg-Vorpommern') ? found.indexOf('Mecklenburg-Vorpommern') : Infinity)
    expect(index.search('angela merkel')[0]!.actor.name).toBe('Angela Merkel')
  })

  const index = buildActorIndex(ACTORS)

  it('"sudani" finds "Mohammed Shia al-Sudani" first', () => {
    const [first] = index.search('sudani')
    expect(first?.actor.id).toBe(SUDANI.id)
  })

  it('is case- and diacritics-insensitive', () => {
    expect(index.search('SŪDĀNĪ')[0]?.actor.id).toBe(SUDANI.id)
    expect(index.search('al sudani')[0]?.actor.id).toBe(SUDANI.id)
    expect(index.search('AlSudani')[0]?.actor.id).toBe(SUDANI.id)
  })

  it('finds actors by alias and reports which alias matched', () => {
    const [first] = index.search('nujaba')
    expect(first?.actor.id).toBe(NUJABA.id)
    expect(first?.matched).toBe('Nujaba')
    expect(index.search('KH')[0]?.actor.name).toBe('Kataib Hezbollah')
    expect(index.search('hizballah')[0]?.actor.name).toBe('Kataib Hezbollah')
  })

  it('finds Arabic aliases whatever the spelling of hamza or ta marbuta', () => {
    expect(index.search('حركه النجبا')[0]?.actor.id).toBe(NUJABA.id)
  })

  it('tolerates a typo', () => {
    expect(index.search('Nujabba')[0]?.actor.id).toBe(NUJABA.id)
    expect(index.search('Hezbolah')[0]?.actor.name).toBe('Kataib Hezbollah')
  })

  it('ranks exact matches above word prefixes above fuzzy ones', () => {
    const actors = [actor('a', 'Iranian Revolutionary Guard'), actor('b', 'Iran'), actor('c', 'Iraq')]
    const results = buildActorIndex(actors).search('iran')
    expect(results.map((result) => result.actor.id).slice(0, 2)).toEqual(['b', 'a'])
  })

  it('lists everyone alphabetically for an empty query', () => {
    expect(index.search('').map((result) => result.actor.name)).toEqual([...ACTORS].map((a) => a.name).sort())
  })

  it('finds nothing for unrelated text', () => {
    expect(index.search('zzzqqq')).toEqual([])
  })

  it('exact() matches a whole name or alias only', () => {
    expect(index.exact('al-sudani').map((a) => a.id)).toEqual([SUDANI.id])
    expect(index.exact('sudani')).toEqual([])
  })
})

describe('aliases', () => {
  it('actorAnswersTo any name or alias, folded', () => {
    expect(actorAnswersTo(NUJABA, 'AL NUJABA')).toBe(true)
    expect(actorAnswersTo(NUJABA, 'Nujaba Movement')).toBe(false)
  })

  it('parses an aliases field on commas, semicolons, Arabic commas and lines', () => {
    expect(parseAliases('Nujaba; al-Nujaba,  النجباء، حركة النجباء\nNUJABA')).toEqual(['Nujaba', 'al-Nujaba', 'النجباء', 'حركة النجباء'])
  })

  it('uniqueNames keeps the first spelling and drops excluded names', () => {
    expect(uniqueNames(['al-Sudani', 'Al Sudani', ' ', 'Sudani'], ['SUDANI'])).toEqual(['al-Sudani'])
  })
})
