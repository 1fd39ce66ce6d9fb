import { defineShortcuts } from '../../shared/shortcuts'

// Declared with the feature's index, so the help overlay lists them before the screen loads.
defineShortcuts('Positions', [
  { keys: 'Click a header', action: 'Sort by that column (again to reverse, a third time to unsort)' },
  { keys: 'Shift+click a header', action: 'Add the column to the sort' },
  { keys: 'Arrow keys, Page Up/Down, Home/End', action: 'Move between cells of the table' },
  { keys: 'Enter', action: 'List the claims behind the focused cell' },
])
