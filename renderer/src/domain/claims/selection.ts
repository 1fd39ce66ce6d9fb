import type { Id } from '../model'

// Selecting rows as file managers and spreadsheets do: a click selects one row, Ctrl (⌘) adds
// or removes one, Shift takes the range from the last clicked row (the anchor), Ctrl+Shift adds
// that range to what was selected. Positions are in the order shown.

export interface Selection {
  selected: ReadonlySet<Id>
  /** The row a range starts from (the last one clicked); null before any click. */
  anchor: Id | null
}

export const NO_SELECTION: Selection = { selected: new Set(), anchor: null }

export interface ClickModifiers {
  /** Shift: a range. */
  range: boolean
  /** Ctrl or ⌘: add to (or take from) the selection instead of replacing it. */
  toggle: boolean
}

function rangeIds(idAt: (position: number) => Id, from: number, to: number): Id[] {
  const ids: Id[] = []
  for (let position = Math.min(from, to); position <= Math.max(from, to); position++) ids.push(idAt(position))
  return ids
}

/** The rows shown, as the selection sees them. */
export interface ShownRows {
  count: number
  idAt: (position: number) => Id
  /** -1 when the row is not shown. */
  positionOf: (id: Id) => number
}

export function clickRow(current: Selection, position: number, shown: ShownRows, modifiers: ClickModifiers): Selection {
  const { idAt } = shown
  const id = idAt(position)
  const anchorAt = current.anchor === null ? -1 : shown.positionOf(current.anchor)
  if (modifiers.range && anchorAt >= 0) {
    const range = rangeIds(idAt, anchorAt, position)
    const selected = modifiers.toggle ? new Set([...current.selected, ...range]) : new Set(range)
    // The anchor stays, so a second Shift+click re-draws the range from the same row.
    return { selected, anchor: current.anchor }
  }
  if (modifiers.toggle) {
    const selected = new Set(current.selected)
    if (selected.has(id)) selected.delete(id)
    else selected.add(id)
    return { selected, anchor: id }
  }
  return { selected: new Set([id]), anchor: id }
}

/** Shift+↑/↓ from the focused row: the range from the anchor (or the focused row) to the new one. */
export function extendTo(current: Selection, from: number, to: number, shown: ShownRows): Selection {
  const anchorAt = current.anchor === null ? -1 : shown.positionOf(current.anchor)
  const start = anchorAt >= 0 ? anchorAt : from
  return { selected: new Set(rangeIds(shown.idAt, start, to)), anchor: shown.idAt(start) }
}

/** Ctrl+A: every row shown (the filters' result), not the whole workspace. */
export function selectAll(shown: ShownRows): Selection {
  const selected = new Set<Id>()
  for (let position = 0; position < shown.count; position++) selected.add(shown.idAt(position))
  return { selected, anchor: null }
}

/** The selected ids among the rows shown, in the order shown: what a bulk edit applies to. */
export function selectedShown(selected: ReadonlySet<Id>, shown: ShownRows): Id[] {
  if (selected.size === 0) return []
  const ids: Id[] = []
  for (let position = 0; position < shown.count; position++) {
    const id = shown.idAt(position)
    if (selected.has(id)) ids.push(id)
  }
  return ids
}

/** The rows shown, for the selection: `order` holds indices into `rows`. */
export function shownRowsOf(rows: readonly { id: Id }[], order: Uint32Array): ShownRows {
  let positions: Map<Id, number> | null = null
  return {
    count: order.length,
    idAt: (position) => rows[order[position]!]!.id,
    positionOf: (id) => {
      if (!positions) {
        positions = new Map()
        for (let position = 0; position < order.length; position++) positions.set(rows[order[position]!]!.id, position)
      }
      return positions.get(id) ?? -1
    },
  }
}
