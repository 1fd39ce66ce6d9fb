import { defineShortcuts } from '../../shared/shortcuts'

// Declared with the feature's index, so the help overlay lists them before the screen loads.
defineShortcuts('Claims', [
  { keys: 'Ctrl+F', action: 'Search quotes and notes' },
  { keys: 'Click a header / Shift+click', action: 'Sort by that column / add it to the sort' },
  { keys: 'Arrow keys, Page Up/Down, Ctrl+Home/End', action: 'Move between cells' },
  { keys: 'Enter or double-click', action: 'Open the reader at the claim' },
  { keys: 'Click, Ctrl+click, Shift+click', action: 'Select a claim, add one, select a range' },
  { keys: 'Space, Shift+↑/↓', action: 'Select the focused claim, extend the selection' },
  { keys: 'Ctrl+A', action: 'Select every claim shown' },
  { keys: 'Ctrl+Enter', action: 'Edit the selected claims' },
  { keys: 'Esc', action: 'Clear the selection' },
])
