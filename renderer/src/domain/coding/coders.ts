import { newId, type Coder, type CoderRole } from '../model'

// Coders' colours tell their highlights apart in the reader and their rows in comparisons. The
// Okabe–Ito palette: distinguishable with the common colour-vision deficiencies, and none of it
// is the stance scale's red–blue.
export const CODER_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'] as const

/** The colour for the n-th coder (0-based), cycling through the palette. */
export function coderColor(index: number): string {
  return CODER_COLORS[((index % CODER_COLORS.length) + CODER_COLORS.length) % CODER_COLORS.length]!
}

/** The coder a workspace gets when someone codes before any coder was named. */
export const DEFAULT_CODER_NAME = 'Coder 1'

export function newCoderRecord(fields: { name: string; role: CoderRole; color: string }, now: string, id: string = newId()): Coder {
  return { id, name: fields.name.trim().replace(/\s+/g, ' '), color: fields.color, role: fields.role, createdAt: now, updatedAt: now }
}

/** The first coder of a workspace: "Coder 1", its lead, in the palette's first colour. */
export function defaultCoder(now: string, id?: string): Coder {
  return newCoderRecord({ name: DEFAULT_CODER_NAME, role: 'lead', color: coderColor(0) }, now, id)
}
