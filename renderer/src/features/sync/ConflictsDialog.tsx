import { useCallback, useEffect, useId, useState } from 'react'
import { choosableFields, mergeFields, shownValue, type ConflictVersion } from '../../domain/sync/conflicts'
import type { WorkspaceRecord } from '../../domain/sync/documents'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import type { ConflictView } from './engine/engine'
import { listConflicts, resolveConflict } from './syncClient'
import { useSyncStatus } from './syncStore'
import { errorText } from '../../domain/errorText'

const TABLE_NAMES: Record<string, string> = {
  articles: 'Article',
  actors: 'Actor',
  issues: 'Issue',
  claims: 'Claim',
  mentions: 'Mention',
  coders: 'Coder',
  assignments: 'Assignment',
}

function versionTitle(version: ConflictView['versions'][number], index: number): string {
  const who = version.state?.kind === 'record' ? version.state.record.updatedAt : version.state?.kind === 'deleted' ? version.state.tombstone.deletedAt : ''
  const when = typeof who === 'string' && who ? ` · ${who.slice(0, 16).replace('T', ' ')}` : ''
  return `Version ${index + 1}${version.winner ? ' (shown now)' : ''}${when}`
}

/**
 * The Conflicts list: records two members changed while apart, with CouchDB keeping both
 * versions. The workspace shows CouchDB's winner until a member keeps one version, or picks
 * field by field; the resolution replicates to everyone.
 */
export function ConflictsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const status = useSyncStatus()
  const [conflicts, setConflicts] = useState<ConflictView[] | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [picks, setPicks] = useState<Record<string, number>>({})
  const [busy, setBusy] = useState(false)
  const id = useId()

  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((current) => current + 1), [])

  useEffect(() => {
    if (!open) return
    let live = true
    void listConflicts().then((list) => {
      if (!live) return
      setConflicts(list)
      setSelected((current) => (current && list.some((conflict) => conflict.docId === current) ? current : (list[0]?.docId ?? null)))
    })
    return () => {
      live = false
    }
  }, [open, version, status.conflicts])

  const conflict = conflicts?.find((entry) => entry.docId === selected) ?? null
  const versions = (conflict?.versions.filter((version) => version.state !== null) ?? []) as (ConflictView['versions'][number] & { state: ConflictVersion['state'] })[]
  const fields = choosableFields(versions)

  const keep = async (kept: { kind: 'record'; record: WorkspaceRecord } | { kind: 'deleted' }, what: string): Promise<void> => {
    if (!conflict) return
    setBusy(true)
    try {
      await resolveConflict(conflict.docId, kept)
      notify('success', `Conflict resolved: ${what}. The resolution goes to the other members.`)
      setPicks({})
      reload()
    } catch (error) {
      notify('error', errorText(error))
    } finally {
      setBusy(false)
    }
  }

  const keepVersion = (index: number): void => {
    const state = versions[index]?.state
    if (!state) return
    void keep(state.kind === 'record' ? { kind: 'record', record: state.record } : { kind: 'deleted' }, state.kind === 'record' ? `version ${index + 1} kept` : 'the deletion kept')
  }

  const keepMerged = (): void => {
    const records = versions.map((version) => (version.state.kind === 'record' ? version.state.record : null))
    const base = records.find((record): record is WorkspaceRecord => record !== null)
    if (!base) return
    const chosen: Record<string, WorkspaceRecord> = {}
    for (const field of fields) {
      const record = records[picks[field] ?? 0]
      if (record) chosen[field] = record
    }
    void keep({ kind: 'record', record: mergeFields(base, chosen, { at: new Date().toISOString(), by: null }) }, 'merged field by field')
  }

  const allRecords = versions.every((version) => version.state.kind === 'record')
  return (
    <Dialog title="Conflicts" open={open} onClose={onClose} wide>
      {conflicts === null && <p className="muted">Reading conflicts…</p>}
      {conflicts !== null && conflicts.length === 0 && <p>No conflicts: every record has one version on this machine and the server.</p>}
      {conflicts !== null && conflicts.length > 0 && (
        <div className="conflicts-layout">
          <ul className="conflict-list" aria-label="Conflicting records">
            {conflicts.map((entry) => (
              <li key={entry.docId}>
                <button type="button" aria-current={entry.docId === selected ? 'true' : undefined} onClick={() => setSelected(entry.docId)}>
                  <strong>{entry.label}</strong>
                  <span className="muted">
                    {TABLE_NAMES[entry.table] ?? entry.table} · {entry.versions.length} versions
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {conflict && (
            <section className="conflict-detail" aria-label={`Versions of ${conflict.label}`}>
              <p className="field-note">Until you choose, the workspace shows version 1, which CouchDB picks the same way on every machine.</p>
              <table className="conflict-table" aria-label="Versions side by side">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    {versions.map((version, index) => (
                      <th scope="col" key={version.rev}>
                        {versionTitle(version, index)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {versions.some((version) => version.state.kind === 'deleted') && (
                    <tr>
                      <th scope="row">State</th>
                      {versions.map((version) => (
                        <td key={version.rev}>{version.state.kind === 'deleted' ? `Deleted${version.state.tombstone.deletedBy ? ` by ${version.state.tombstone.deletedBy}` : ''}` : 'Kept and edited'}</td>
                      ))}
                    </tr>
                  )}
                  {fields.map((field) => (
                    <tr key={field}>
                      <th scope="row">{field}</th>
                      {versions.map((version, index) => (
                        <td key={version.rev}>
                          {version.state.kind === 'record' ? (
                            allRecords ? (
                              <label className="conflict-pick">
                                <input type="radio" name={`${id}-${field}`} checked={(picks[field] ?? 0) === index} onChange={() => setPicks((current) => ({ ...current, [field]: index }))} />
                                <span>{shownValue(version.state.record[field])}</span>
                              </label>
                            ) : (
                              shownValue(version.state.record[field])
                            )
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="button-row">
                {versions.map((version, index) => (
                  <button type="button" key={version.rev} disabled={busy} onClick={() => keepVersion(index)}>
                    {version.state.kind === 'deleted' ? 'Keep the deletion' : `Keep version ${index + 1}`}
                  </button>
                ))}
                {allRecords && fields.length > 0 && (
                  <button type="button" className="primary" disabled={busy} onClick={keepMerged}>
                    Keep merged
                  </button>
                )}
              </div>
            </section>
          )}
        </div>
      )}
    </Dialog>
  )
}
