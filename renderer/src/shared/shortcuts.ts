// The keyboard shortcuts each part of the app offers, gathered for the help overlay.
// Features declare theirs once at module load; the overlay lists them by group.

export interface ShortcutEntry {
  /** As shown to the user: "Ctrl+Z", "T", "Alt+1". */
  keys: string
  action: string
}

const groups = new Map<string, ShortcutEntry[]>()

export function defineShortcuts(group: string, entries: ShortcutEntry[]): void {
  groups.set(group, entries)
}

export function shortcutGroups(): [string, ShortcutEntry[]][] {
  return Array.from(groups.entries())
}

/** True when a key event is typing into a field, where single-key shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type)
  }
  return false
}

defineShortcuts('Workbench', [
  { keys: 'Alt+1 … Alt+6', action: 'Go to Library, Claims, Positions, Actors, Codebook, Agreement' },
  { keys: 'Ctrl+O', action: 'Import articles' },
  { keys: 'Ctrl+Z / Ctrl+Y', action: 'Undo / redo' },
  { keys: 'F1 or ?', action: 'Show keyboard shortcuts' },
])
