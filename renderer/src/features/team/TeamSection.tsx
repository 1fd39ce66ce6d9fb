import { useLiveQuery } from 'dexie-react-hooks'
import { lazy, Suspense, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { db } from '../../db/instance'
import { findDuplicateProposals } from '../../db/team/duplicates'
import { whenIdleAndQuiet } from '../../domain/timeSlices'
import { exportMyCoding } from './exportMyCoding'
import { openTeamDialog, useOpenTeamDialog, type TeamDialog } from './teamDialogs'

// The dialogs load when first opened, then stay mounted so each keeps its state between openings.
const CodersDialog = lazy(() => import('./CodersDialog').then((module) => ({ default: module.CodersDialog })))
const AssignmentsDialog = lazy(() => import('./AssignmentsDialog').then((module) => ({ default: module.AssignmentsDialog })))
const MergeCodingDialog = lazy(() => import('./MergeCodingDialog').then((module) => ({ default: module.MergeCodingDialog })))
const DuplicatesDialog = lazy(() => import('./DuplicatesDialog').then((module) => ({ default: module.DuplicatesDialog })))

/** The sidebar's Team section: coders, assignments, exchanging coding without a server, duplicates. */
export function TeamSection() {
  const open = useOpenTeamDialog()
  const [opened, setOpened] = useState<ReadonlySet<TeamDialog>>(new Set())
  if (open && !opened.has(open)) setOpened(new Set([...opened, open]))
  // The count on Duplicates… is looked for once the page is idle: with 2,000 actors it took
  // 12-18 ms, in the first moments after a start, when a click on another screen waited for it.
  const [counting, setCounting] = useState(false)
  useEffect(() => {
    let live = true
    whenIdleAndQuiet(() => {
      if (live) setCounting(true)
    })
    return () => {
      live = false
    }
  }, [])
  const duplicates = useLiveQuery(async () => (counting ? (await findDuplicateProposals(db)).length : 0), [counting], 0)
  const close = (): void => openTeamDialog(null)
  return (
    <section className="data-section team-section" aria-labelledby="team-section-title">
      <h2 id="team-section-title" className="data-section-title">
        Team
      </h2>
      <button type="button" className="data-button" onClick={() => openTeamDialog('coders')}>
        Coders…
      </button>
      <button type="button" className="data-button" onClick={() => openTeamDialog('assignments')}>
        Assignments…
      </button>
      <button type="button" className="data-button" onClick={() => void exportMyCoding()}>
        Export my coding…
      </button>
      <button type="button" className="data-button" onClick={() => openTeamDialog('mergeCoding')}>
        Merge coding…
      </button>
      <button type="button" className="data-button" onClick={() => openTeamDialog('duplicates')} aria-label={duplicates > 0 ? `Duplicates… (${duplicates} proposed)` : 'Duplicates…'}>
        Duplicates…{duplicates > 0 && <span className="count-badge">{duplicates}</span>}
      </button>
      {createPortal(
        <Suspense fallback={null}>
          {opened.has('coders') && <CodersDialog open={open === 'coders'} onClose={close} />}
          {opened.has('assignments') && <AssignmentsDialog open={open === 'assignments'} onClose={close} />}
          {opened.has('mergeCoding') && <MergeCodingDialog open={open === 'mergeCoding'} onClose={close} />}
          {opened.has('duplicates') && <DuplicatesDialog open={open === 'duplicates'} onClose={close} />}
        </Suspense>,
        document.body,
      )}
    </section>
  )
}
