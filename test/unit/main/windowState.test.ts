import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomically } from '../../../main/fileAccess'
import { DEFAULT_SIZE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from '../../../main/windowState'

const display = { x: 0, y: 0, width: 1920, height: 1080 }
const second = { x: 1920, y: 0, width: 1280, height: 1024 }

describe('window state', () => {
  it('parses saved state and rejects garbage', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":900,"height":700},"maximized":true}')).toEqual({
      bounds: { x: 1, y: 2, width: 900, height: 700 },
      maximized: true,
    })
    expect(parseWindowState('not json')).toBeNull()
    expect(parseWindowState('{"bounds":{"x":"1"}}')).toBeNull()
    expect(parseWindowState('null')).toBeNull()
  })

  it('opens at the default size, centred, without saved state', () => {
    const { bounds } = fitToDisplays(null, [display])
    expect(bounds.width).toBe(DEFAULT_SIZE.width)
    expect(bounds.x).toBe((1920 - DEFAULT_SIZE.width) / 2)
  })

  it('keeps a window where it was when that display still exists', () => {
    const state = { bounds: { x: 2000, y: 50, width: 1000, height: 800 }, maximized: false }
    expect(fitToDisplays(state, [display, second])).toEqual(state)
  })

  it('brings back a window whose display was unplugged', () => {
    const state = { bounds: { x: 2000, y: 50, width: 1000, height: 800 }, maximized: false }
    const { bounds } = fitToDisplays(state, [display])
    expect(bounds.x).toBeGreaterThanOrEqual(0)
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(1920)
  })

  it('clamps a window larger than its display', () => {
    const { bounds } = fitToDisplays({ bounds: { x: -50, y: -20, width: 5000, height: 3000 }, maximized: false }, [display])
    expect(bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1080 })
  })

  it('round-trips through a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sp-ws-')), 'window-state.json')
    expect(await loadWindowState(file)).toBeNull()
    await saveWindowState(file, { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: false })
    expect(await loadWindowState(file)).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: false })
  })
})

describe('atomic file writes', () => {
  it('replaces the target whole and leaves no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-atomic-'))
    const target = join(dir, 'claims.csv')
    writeFileSync(target, 'old')
    await writeFileAtomically(target, 'new,content\n')
    expect(readFileSync(target, 'utf8')).toBe('new,content\n')
    await writeFileAtomically(target, new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))
    expect(readFileSync(target)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))
    expect(readdirSync(dir)).toEqual(['claims.csv'])
  })

  it('leaves the old file intact when the write fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-atomic-'))
    const target = join(dir, 'missing-folder', 'x.csv')
    await expect(writeFileAtomically(target, 'x')).rejects.toThrow()
    expect(readdirSync(dir)).toEqual([])
  })
})
