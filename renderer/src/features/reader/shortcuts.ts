import { defineShortcuts } from '../../shared/shortcuts'

// Declared with the feature's index, so the help overlay lists them before the reader loads.
defineShortcuts('Reader and tagging', [
  { keys: 'Shift+arrows, Ctrl+Shift+←/→', action: 'Select text in the article by character, line or word' },
  { keys: '/', action: 'Find words in the article and select them (Enter)' },
  { keys: 'A', action: 'Tag actor: the selected words name an actor' },
  { keys: 'C', action: 'Tag claim: the selected words are a claim' },
  { keys: '1 … 5', action: 'Stance −2 … +2 (in the claim form, or on the selected claim)' },
  { keys: 'Ctrl+Enter', action: 'Save the claim or mention' },
  { keys: 'Esc', action: 'Cancel the form; clear the selection' },
  { keys: 'J / K', action: 'Next / previous tag in the text' },
  { keys: 'E', action: 'Edit the selected claim or mention' },
  { keys: 'Delete', action: 'Delete the selected claim or mention (undo with Ctrl+Z)' },
  { keys: 'Y / X', action: 'Accept / dismiss the current suggested mention' },
  { keys: 'N / P', action: 'Next / previous article (newest first, then by title)' },
])
