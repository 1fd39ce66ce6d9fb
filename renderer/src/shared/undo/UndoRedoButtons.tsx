import { redoTagging, undoTagging, useTaggingHistory } from './history'

/** Undo and Redo for tagging actions, naming what they would undo or redo. */
export function UndoRedoButtons() {
  const history = useTaggingHistory()
  const lastUndo = history.done[history.done.length - 1]
  const lastRedo = history.undone[history.undone.length - 1]
  return (
    <>
      <button type="button" onClick={() => void undoTagging()} disabled={!lastUndo} title={lastUndo ? `Undo: ${lastUndo.label} (Ctrl+Z)` : 'Nothing to undo'} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" onClick={() => void redoTagging()} disabled={!lastRedo} title={lastRedo ? `Redo: ${lastRedo.label} (Ctrl+Y)` : 'Nothing to redo'} aria-keyshortcuts="Control+Y">
        Redo
      </button>
    </>
  )
}
