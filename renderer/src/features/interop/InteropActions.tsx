import { lazy, Suspense, useState } from 'react'
import { createPortal } from 'react-dom'
import { platform, type PickedFile } from '../../platform'
import { notify } from '../../shared/notices'
import type { FileFilter } from '../../../../preload/api'

// The dialogs and the exports load when first used (they bring the worker client and the
// steps); the worker itself brings sql.js, fflate and the XML parser.
const DnaImportDialog = lazy(() => import('./DnaImportDialog').then((module) => ({ default: module.DnaImportDialog })))
const QdaImportDialog = lazy(() => import('./QdaImportDialog').then((module) => ({ default: module.QdaImportDialog })))

/** A dialog per picked file: a new pick mounts it afresh (`serial`). */
type Opened = { kind: 'dna' | 'qdpx'; file: PickedFile; serial: number }

const PICK: Record<Opened['kind'], { title: string; filters: FileFilter[] }> = {
  dna: { title: 'Open DNA project', filters: [{ name: 'Discourse Network Analyzer project', extensions: ['dna'] }] },
  qdpx: { title: 'Import REFI-QDA project', filters: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }] },
}

let serials = 0

/** The Data section's buttons for other tools' files: DNA projects and REFI-QDA exchange. */
export function InteropActions() {
  const [opened, setOpened] = useState<Opened | null>(null)
  const [open, setOpen] = useState(false)
  const [exporting, setExporting] = useState<'qdpx' | 'qdc' | null>(null)

  const pick = async (kind: Opened['kind']): Promise<void> => {
    const picked = await platform.pickFiles(PICK[kind])
    if (!picked) return
    for (const rejected of picked.rejected) notify('error', `${rejected.relativePath}: ${rejected.reason}`)
    const file = picked.files[0]
    if (!file) return
    setOpened({ kind, file, serial: ++serials })
    setOpen(true)
  }

  const runExport = async (kind: 'qdpx' | 'qdc'): Promise<void> => {
    setExporting(kind)
    try {
      const module = await import('./qdaExport')
      await (kind === 'qdpx' ? module.exportQdpx() : module.exportQdc())
    } finally {
      setExporting(null)
    }
  }

  const close = (): void => {
    setOpen(false)
    setOpened(null)
  }
  const again = (): void => {
    if (opened) void pick(opened.kind)
  }

  return (
    <>
      <button type="button" className="data-button" onClick={() => void pick('dna')}>
        Open DNA project…
      </button>
      <button type="button" className="data-button" onClick={() => void pick('qdpx')}>
        Import REFI-QDA project…
      </button>
      <button type="button" className="data-button" disabled={exporting !== null} aria-busy={exporting === 'qdpx'} onClick={() => void runExport('qdpx')}>
        Export REFI-QDA project…
      </button>
      <button type="button" className="data-button" disabled={exporting !== null} aria-busy={exporting === 'qdc'} onClick={() => void runExport('qdc')}>
        Export codebook (.qdc)…
      </button>
      {opened &&
        createPortal(
          <Suspense fallback={null}>
            {opened.kind === 'dna' ? (
              <DnaImportDialog key={opened.serial} file={opened.file} open={open} onClose={close} onChooseAnother={again} />
            ) : (
              <QdaImportDialog key={opened.serial} file={opened.file} open={open} onClose={close} onChooseAnother={again} />
            )}
          </Suspense>,
          document.body,
        )}
    </>
  )
}
