import { lazy, Suspense, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useCommand } from '../../shared/commands'
import { defineShortcuts, isTypingTarget } from '../../shared/shortcuts'
import { platform } from '../../platform'
import { InteropActions } from '../interop'
import { SyncButtons } from '../sync'
import { openDataDialog, useOpenDataDialog, type DataDialog } from './dataDialogs'

// The dialogs load when first opened (they bring the CSV parser and the backup code), and then
// stay mounted, so each keeps its choices between openings.
const ExportDialog = lazy(() => import('./ExportDialog').then((module) => ({ default: module.ExportDialog })))
const ClaimsImportDialog = lazy(() => import('./ClaimsImportDialog').then((module) => ({ default: module.ClaimsImportDialog })))
const BackupDialog = lazy(() => import('./BackupDialog').then((module) => ({ default: module.BackupDialog })))

defineShortcuts('Data', [{ keys: 'Ctrl+Shift+E', action: 'Export claims, actors, articles or the network' }])

/**
 * The sidebar's Data section: export, coded-claims import, and backup/restore. The dialogs
 * live in document.body (not inside the navigation landmark) through a portal.
 */
export function DataSection() {
  const open = useOpenDataDialog()
  const [opened, setOpened] = useState<ReadonlySet<DataDialog>>(new Set())
  if (open && !opened.has(open)) setOpened(new Set([...opened, open]))
  // The File › Export… menu item and Ctrl+Shift+E. A screen that exports its own table can
  // take the command first (newer listeners run first) by returning true.
  useCommand('export', () => openDataDialog('export'))

  useEffect(() => {
    if (platform.kind !== 'browser') return
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'e' && !isTypingTarget(event.target)) {
        event.preventDefault()
        openDataDialog('export')
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const close = (): void => openDataDialog(null)
  return (
    <section className="data-section" aria-labelledby="data-section-title">
      <h2 id="data-section-title" className="data-section-title">
        Data
      </h2>
      <button type="button" className="data-button" onClick={() => openDataDialog('export')} title="Export (Ctrl+Shift+E)">
        Export…
      </button>
      <button type="button" className="data-button" onClick={() => openDataDialog('claimsImport')}>
        Import coded claims…
      </button>
      <button type="button" className="data-button" onClick={() => openDataDialog('backup')}>
        Backup & restore…
      </button>
      <InteropActions />
      <SyncButtons />
      {createPortal(
        <Suspense fallback={null}>
          {opened.has('export') && <ExportDialog open={open === 'export'} onClose={close} />}
          {opened.has('claimsImport') && <ClaimsImportDialog open={open === 'claimsImport'} onClose={close} />}
          {opened.has('backup') && <BackupDialog open={open === 'backup'} onClose={close} />}
        </Suspense>,
        document.body,
      )}
    </section>
  )
}
