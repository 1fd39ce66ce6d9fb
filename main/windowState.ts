import { readFile } from 'node:fs/promises'
import { writeFileAtomically } from './fileAccess'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 820 }
export const MIN_SIZE = { width: 880, height: 560 }

function isFiniteRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false
  const rect = value as Record<string, unknown>
  return ['x', 'y', 'width', 'height'].every((key) => typeof rect[key] === 'number' && Number.isFinite(rect[key]))
}

/** Parses a saved state; anything malformed yields null (the window then opens at defaults). */
export function parseWindowState(text: string): WindowState | null {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const record = value as Record<string, unknown>
    if (!isFiniteRect(record.bounds)) return null
    return { bounds: record.bounds, maximized: record.maximized === true }
  } catch {
    return null
  }
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/**
 * Keeps a remembered window usable: clamps its size to the display it mostly sits on, and
 * drops the position when the display it was on is gone (unplugged monitor).
 */
export function fitToDisplays(state: WindowState | null, workAreas: Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }
  const fallback: Rect = {
    width: Math.min(DEFAULT_SIZE.width, primary.width),
    height: Math.min(DEFAULT_SIZE.height, primary.height),
    x: primary.x + Math.max(0, Math.round((primary.width - Math.min(DEFAULT_SIZE.width, primary.width)) / 2)),
    y: primary.y + Math.max(0, Math.round((primary.height - Math.min(DEFAULT_SIZE.height, primary.height)) / 2)),
  }
  if (!state) return { bounds: fallback, maximized: false }
  let best: Rect | undefined
  let bestArea = 0
  for (const area of workAreas) {
    const overlap = overlapArea(state.bounds, area)
    if (overlap > bestArea) {
      best = area
      bestArea = overlap
    }
  }
  // Less than a title bar's worth on screen: treat it as off-screen.
  if (!best || bestArea < 100 * 40) return { bounds: fallback, maximized: state.maximized }
  const width = Math.max(MIN_SIZE.width, Math.min(state.bounds.width, best.width))
  const height = Math.max(MIN_SIZE.height, Math.min(state.bounds.height, best.height))
  const x = Math.min(Math.max(state.bounds.x, best.x), best.x + best.width - width)
  const y = Math.min(Math.max(state.bounds.y, best.y), best.y + best.height - height)
  return { bounds: { x, y, width, height }, maximized: state.maximized }
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(file, 'utf8'))
  } catch {
    return null
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomically(file, JSON.stringify(state))
}
