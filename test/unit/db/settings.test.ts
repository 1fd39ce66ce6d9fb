import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { readSetting, writeSetting } from '../../../renderer/src/db/repositories/settings'
import { dismissedSuggestionsSetting, EXPORT_BOM, POSITIONS_VIEW, REMEMBERED_MAPPING } from '../../../renderer/src/domain/settings'
import { InvalidDataError } from '../../../renderer/src/domain/validation'

let db: StandpointDB
let counter = 0

beforeEach(async () => {
  db = new StandpointDB(`settings-${++counter}-${Date.now()}`)
  await db.open()
})

afterEach(async () => {
  db.close()
  await StandpointDB.delete(db.name)
})

describe('settings are read through their schemas', () => {
  it('reads back what was written, and the fallback when nothing was', async () => {
    expect(await readSetting(db, EXPORT_BOM)).toBe(false)
    await writeSetting(db, EXPORT_BOM, true)
    expect(await readSetting(db, EXPORT_BOM)).toBe(true)
    await writeSetting(db, dismissedSuggestionsSetting('a1'), ['k1', 'k2'])
    expect(await readSetting(db, dismissedSuggestionsSetting('a1'))).toEqual(['k1', 'k2'])
    expect(await readSetting(db, dismissedSuggestionsSetting('a2'))).toEqual([])
  })

  it('falls back when a stored value does not fit (an older release, a hand edit, a damaged backup)', async () => {
    await db.settings.put({ key: 'export.bom', value: 'yes' })
    expect(await readSetting(db, EXPORT_BOM)).toBe(false)
    await db.settings.put({ key: 'dismissedSuggestions:a1', value: ['k1', 7] })
    expect(await readSetting(db, dismissedSuggestionsSetting('a1'))).toEqual([])
    await db.settings.put({ key: 'import.lastColumnMapping', value: { mapping: { title: 'headline' }, defaultSource: '', dateOrder: 'ymd' } })
    expect(await readSetting(db, REMEMBERED_MAPPING)).toBeNull()
  })

  it('keeps the parts of a preference that are still good', async () => {
    await db.settings.put({ key: 'positions.view', value: { bucketSize: 'fortnight', mode: 'actor' } })
    expect(await readSetting(db, POSITIONS_VIEW)).toEqual({ bucketSize: undefined, mode: 'actor' })
    await db.settings.put({ key: 'import.lastColumnMapping', value: { mapping: { title: 'headline', body: 42, url: null }, defaultSource: 'AP', dateOrder: 'dmy' } })
    expect(await readSetting(db, REMEMBERED_MAPPING)).toEqual({ mapping: { title: 'headline' }, defaultSource: 'AP', dateOrder: 'dmy' })
  })

  it('refuses to write a value that does not fit, naming the setting', async () => {
    await expect(writeSetting(db, EXPORT_BOM, 'yes' as unknown as boolean)).rejects.toThrow(InvalidDataError)
    await expect(writeSetting(db, EXPORT_BOM, 'yes' as unknown as boolean)).rejects.toThrow(/export\.bom/)
    expect(await db.settings.get('export.bom')).toBeUndefined()
  })
})
