import { useState } from 'react'
import { db } from '../../db/instance'
import { mergeCodingFiles, type MergeReport, type PackageFile } from '../../db/team/codingPackages'
import { LATEST_SCHEMA_VERSION } from '../../db/schema'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import { writeCsv } from '../../domain/csv/writeCsv'
import { CODING_PACKAGE_EXTENSION, CodingPackageError, parseCodingPackage, type CodingPackage } from '../../domain/team/codingPackage'
import type { MergeCaseKind } from '../../domain/team/mergeRules'
import { MERGED_TABLES } from '../../domain/team/packageMerge'
import { platform } from '../../platform'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { resetTaggingHistory } from '../../shared/undo/history'
import { openTeamDialog } from './teamDialogs'
import { errorText } from '../../domain/errorText'

const number = new Intl.NumberFormat('en')

type Chosen = { name: string; text: string; pkg: CodingPackage | null; error: string | null }

type Step = { kind: 'choose'; files: Chosen[]; error: string | null } | { kind: 'merging' } | { kind: 'done'; report: MergeReport }

const CASE_WORDS: Record<MergeCaseKind, string> = {
  'both-edited': 'changed on both sides',
  'edited-and-deleted': 'edited on one side, deleted on the other',
  'deletion-refused': 'deleted there, still used here',
  'restored-for-references': 'deleted here, needed there',
}

const TABLE_WORDS: Record<string, string> = { coders: 'coder', articles: 'article', issues: 'issue', actors: 'actor', claims: 'claim', mentions: 'mention' }

function readerInfo() {
  return { appVersion: __APP_VERSION__, schemaVersion: LATEST_SCHEMA_VERSION }
}

/** Merge coding…: one or more coders' packages into this workspace, with a summary of every decision. */
export function MergeCodingDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose', files: [], error: null })

  const choose = async (list: FileList): Promise<void> => {
    const files: Chosen[] = []
    for (const file of Array.from(list)) {
      let text: string
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
      } catch {
        files.push({ name: file.name, text: '', pkg: null, error: 'it is not UTF-8 text, so it is not a Standpoint coding package' })
        continue
      }
      try {
        files.push({ name: file.name, text, pkg: parseCodingPackage(text, readerInfo()), error: null })
      } catch (error) {
        files.push({ name: file.name, text, pkg: null, error: error instanceof CodingPackageError ? error.message : String(error) })
      }
    }
    setStep({ kind: 'choose', files, error: null })
  }

  const merge = async (files: Chosen[]): Promise<void> => {
    setStep({ kind: 'merging' })
    try {
      const report = await mergeCodingFiles(db, files.map((file): PackageFile => ({ name: file.name, text: file.text })), __APP_VERSION__)
      // What the undo steps describe may have just changed under them.
      resetTaggingHistory()
      setStep({ kind: 'done', report })
      const changed = report.packages.some((entry) => !entry.changedNothing)
      notify('success', changed ? `Merged the coding of ${report.packages.map((entry) => entry.coder.name).join(', ')}.` : 'Merged: nothing changed, this workspace already held that coding.')
    } catch (error) {
      const message =
        error instanceof CodingPackageError ? error.message : isStorageError(error) ? describeStorageError(error, 'merge the coding') : `Could not merge: ${errorText(error)}. Nothing in your workspace was changed.`
      setStep({ kind: 'choose', files, error: message })
    }
  }

  const close = (): void => {
    if (step.kind === 'merging') return
    setStep({ kind: 'choose', files: [], error: null })
    onClose()
  }

  const footer =
    step.kind === 'choose' ? (
      <>
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={step.files.length === 0 || step.files.some((file) => file.error !== null)} onClick={() => void merge(step.files)}>
          Merge
        </button>
      </>
    ) : step.kind === 'done' ? (
      <>
        <button type="button" onClick={() => void saveReport(step.report)}>
          Save merge report
        </button>
        <button type="button" className="primary" onClick={close}>
          Close
        </button>
      </>
    ) : undefined

  return (
    <Dialog title="Merge coding" open={open} onClose={close} wide footer={footer}>
      {step.kind === 'choose' && (
        <>
          <p>
            Choose the coding packages your coders exported (<em>Export my coding…</em>). Each is checked whole before anything is written. Nothing is lost: a deletion on either side stays deleted, the newer edit of a record wins, and every record both sides changed is listed.
          </p>
          <div className="button-row">
            <label className="button file-button">
              Choose coding packages
              <input
                type="file"
                multiple
                className="visually-hidden"
                accept={`.${CODING_PACKAGE_EXTENSION},application/json`}
                aria-label="Choose coding packages"
                onChange={(event) => {
                  const list = event.target.files
                  if (list && list.length > 0) void choose(list)
                  event.target.value = ''
                }}
              />
            </label>
          </div>
          {step.files.length > 0 && (
            <ul className="package-list" aria-label="Chosen packages">
              {step.files.map((file) => (
                <li key={file.name} className={file.error ? 'package-bad' : 'package-good'}>
                  <strong>{file.name}</strong>:{' '}
                  {file.pkg ? (
                    <>
                      {file.pkg.coders.find((coder) => coder.id === file.pkg!.coderId)?.name ?? 'unknown coder'}’s coding of {file.pkg.createdAt.slice(0, 10)} — {number.format(file.pkg.claims.length)} claims, {number.format(file.pkg.mentions.length)} mentions,{' '}
                      {number.format(file.pkg.actors.length)} actors, {number.format(file.pkg.issues.length)} issues, {number.format(file.pkg.tombstones.length)} deletions
                    </>
                  ) : (
                    <span role="alert">refused: {file.error}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {step.error && (
            <p role="alert" className="inline-error">
              {step.error}
            </p>
          )}
        </>
      )}
      {step.kind === 'merging' && <progress aria-label="Merge progress" />}
      {step.kind === 'done' && <MergeSummary report={step.report} />}
    </Dialog>
  )
}

function MergeSummary({ report }: { report: MergeReport }) {
  return (
    <section className="merge-summary" aria-label="Merge summary">
      {report.packages.map((entry) => {
        const totals = MERGED_TABLES.map((table) => ({ table, ...entry.counts[table] }))
        return (
          <div key={entry.packageId} className="merge-package">
            <h3>
              <span className="coder-dot" style={{ background: entry.coder.color }} aria-hidden="true" /> {entry.coder.name}’s coding ({entry.createdAt.slice(0, 10)})
            </h3>
            {entry.mergedBefore && <p className="muted">This package was merged here before ({entry.mergedBefore.slice(0, 10)}).</p>}
            {entry.changedNothing ? (
              <p>Nothing changed: this workspace already held all of it.</p>
            ) : null}
            <table className="data-table compact-table" aria-label={`Merged from ${entry.coder.name}`}>
              <thead>
                <tr>
                  <th scope="col">Records</th>
                  <th scope="col" className="cell-number">
                    Added
                  </th>
                  <th scope="col" className="cell-number">
                    Updated (theirs newer)
                  </th>
                  <th scope="col" className="cell-number">
                    Kept (yours newer)
                  </th>
                  <th scope="col" className="cell-number">
                    Identical
                  </th>
                  <th scope="col" className="cell-number">
                    Deleted (deleted there)
                  </th>
                  <th scope="col" className="cell-number">
                    Stayed deleted (deleted here)
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.map((row) => (
                  <tr key={row.table}>
                    <th scope="row">{row.table}</th>
                    <td className="cell-number">{number.format(row.added)}</td>
                    <td className="cell-number">{number.format(row.updated)}</td>
                    <td className="cell-number">{number.format(row.kept)}</td>
                    <td className="cell-number">{number.format(row.identical)}</td>
                    <td className="cell-number">{number.format(row.deleted)}</td>
                    <td className="cell-number">{number.format(row.stayedDeleted)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {entry.cases.length > 0 ? (
              <table className="data-table compact-table merge-cases" aria-label={`Records both sides changed (${entry.coder.name})`}>
                <caption>Records both sides changed: what was kept</caption>
                <thead>
                  <tr>
                    <th scope="col">Record</th>
                    <th scope="col">What happened</th>
                    <th scope="col">Kept</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.cases.map((item) => (
                    <tr key={`${item.table}:${item.id}`}>
                      <td>
                        {TABLE_WORDS[item.table] ?? item.table} <bdi>{item.label}</bdi>
                      </td>
                      <td>{CASE_WORDS[item.kind]}</td>
                      <td>{item.kept === 'incoming' ? `${entry.coder.name}’s version` : item.kept === 'workspace' ? 'this workspace’s version' : 'deleted'}</td>
                      <td className="muted small">{item.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">No record was changed on both sides.</p>
            )}
          </div>
        )
      })}
      {report.proposals.length > 0 && (
        <p className="notice-inline" role="note">
          {report.proposals.length === 1 ? '1 actor or issue now has' : `${report.proposals.length} actors or issues now have`} the same name as another: they were kept apart, not merged.{' '}
          <button type="button" className="link-button" onClick={() => openTeamDialog('duplicates')}>
            Review duplicates…
          </button>
        </p>
      )}
    </section>
  )
}

async function saveReport(report: MergeReport): Promise<void> {
  const rows = report.packages.flatMap((entry) => entry.cases.map((item) => [entry.coder.name, item.table, item.id, item.label, CASE_WORDS[item.kind], item.kept, item.workspaceUpdatedAt, item.incomingUpdatedAt, item.reason]))
  const result = await platform.saveFile({
    suggestedName: 'standpoint-coding-merge-report.csv',
    content: writeCsv(['package_coder', 'table', 'record_id', 'record', 'case', 'kept', 'workspace_updated_at', 'incoming_updated_at', 'reason'], rows, { bom: true }),
    mimeType: 'text/csv;charset=utf-8',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  })
  if (!result.canceled) notify('success', 'Saved the merge report.')
}
