import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useId, useRef, useState } from 'react'
import { notify } from '../../shared/notices'
import { useRecordCounts } from '../../shared/useRecordCounts'
import { Dialog } from '../../shared/ui/Dialog'
import { db } from '../../db/instance'
import { readSetting, writeSetting } from '../../db/repositories/settings'
import { EXPORT_BOM } from '../../domain/settings'
import { ALL_CLAIMS, type ClaimSet } from '../../domain/coding/claimSet'
import { readCoderState } from '../../db/team/coders'
import { useCodingView } from '../team'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import { EXPORT_KIND_INFO, EXPORT_KINDS, type ExportKind } from './exportKinds'
import { datedName, SaveCancelled, saveInChunks, savedName } from './saveChunks'
import { startExport, type ExportRun } from './worker/exportClient'
import { errorText } from '../../domain/errorText'

const number = new Intl.NumberFormat('en')
const COUNTED = ['articles', 'actors', 'claims'] as const

export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [kind, setKind] = useState<ExportKind>('claims')
  const [bom, setBom] = useState(false)
  const [includeBody, setIncludeBody] = useState(false)
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const cancelRef = useRef(false)
  const idBase = useId()
  // Followed only while the dialog shows: it stays mounted once opened.
  const counts = useRecordCounts(COUNTED, open)
  const coders = useLiveQuery(async () => (await readCoderState(db)).coders, [])
  const [claimSet, setClaimSet] = useState<ClaimSet>(ALL_CLAIMS)
  const { blind } = useCodingView()
  const setKey = claimSet.kind === 'coder' ? `coder:${claimSet.coderId}` : claimSet.kind

  useEffect(() => {
    if (open) void readSetting(db, EXPORT_BOM).then(setBom)
  }, [open])

  const info = EXPORT_KIND_INFO[kind]
  const busy = progress !== null
  // Filtered by claim set, the workspace's count would overstate the file: the summary gives the real one.
  const claimCount = counts ? (claimSet.kind === 'all' ? `${number.format(counts.claims)} claims` : `of ${number.format(counts.claims)} claims`) : ''
  const amount: Record<ExportKind, string> = {
    claims: claimCount,
    actors: counts ? `${number.format(counts.actors)} actors` : '',
    articles: counts ? `${number.format(counts.articles)} articles` : '',
    graphml: counts ? `built from ${claimCount}` : '',
    edges: counts ? `built from ${claimCount}` : '',
  }

  const run = async (): Promise<void> => {
    cancelRef.current = false
    setError(null)
    setProgress(0)
    const suggestedName = datedName(info.fileWhat, info.extension)
    let exporting: ExportRun | null = null
    try {
      if (info.csv) await writeSetting(db, EXPORT_BOM, bom)
      // The worker reads and writes while the save dialog (Electron) is open.
      exporting = startExport(kind, { bom, includeBody, claimSet }, db.name)
      const result = await saveInChunks({
        suggestedName,
        mimeType: info.mimeType,
        filters: info.filters,
        chunks: exporting.chunks,
        onProgress: setProgress,
        cancelled: () => cancelRef.current,
      })
      if (result === null || result.canceled) {
        setProgress(null)
        return
      }
      const { count, noun } = await exporting.summary
      notify('success', `Exported ${number.format(count)} ${noun} to ${savedName(result, suggestedName)}.`)
      setProgress(null)
      onClose()
    } catch (caught) {
      setProgress(null)
      if (caught instanceof SaveCancelled) return
      setError(
        isStorageError(caught)
          ? describeStorageError(caught, 'read the workspace for the export')
          : `Could not export: ${errorText(caught)}. No file was written.`,
      )
    } finally {
      exporting?.cancel()
    }
  }

  const close = (): void => {
    cancelRef.current = true
    setError(null)
    onClose()
  }

  return (
    <Dialog
      title="Export"
      open={open}
      onClose={close}
      footer={
        <>
          <button type="button" onClick={busy ? () => (cancelRef.current = true) : close}>
            {busy ? 'Stop' : 'Cancel'}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            Export
          </button>
        </>
      }
    >
      <fieldset className="export-choices" disabled={busy}>
        <legend>What to export</legend>
        {EXPORT_KINDS.map((option) => (
          <label key={option} className="export-choice" data-checked={option === kind || undefined}>
            <input
              type="radio"
              name={`${idBase}-kind`}
              value={option}
              checked={option === kind}
              onChange={() => setKind(option)}
              aria-describedby={`${idBase}-${option}`}
            />
            <span className="export-choice-text">
              <span className="export-choice-label">
                {EXPORT_KIND_INFO[option].label}
                <span className="export-choice-count">{amount[option]}</span>
              </span>
              <span id={`${idBase}-${option}`} className="export-choice-description">
                {EXPORT_KIND_INFO[option].description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="export-options" disabled={busy}>
        <legend>Options</legend>
        <label className="inline-field">
          Claim set
          <select
            value={setKey}
            onChange={(event) => {
              const value = event.currentTarget.value
              setClaimSet(value === 'all' ? ALL_CLAIMS : value === 'adjudicated' ? { kind: 'adjudicated' } : { kind: 'coder', coderId: value.slice('coder:'.length) })
            }}
          >
            <option value="all">All claims</option>
            <option value="adjudicated">Adjudicated only</option>
            {(coders ?? []).map((coder) => (
              <option key={coder.id} value={`coder:${coder.id}`}>
                {coder.name}’s claims
              </option>
            ))}
          </select>
        </label>
        {blind && (
          <p className="muted export-hint" role="note">
            Blind coding: on your assignment’s articles the export holds only your own claims.
          </p>
        )}
        <label className="checkbox-field">
          <input type="checkbox" checked={includeBody} disabled={kind !== 'articles'} onChange={(event) => setIncludeBody(event.target.checked)} />
          Include article text
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={bom && info.csv} disabled={!info.csv} onChange={(event) => setBom(event.target.checked)} />
          Add a byte order mark for Excel
        </label>
        <p className="muted export-hint">
          {info.csv
            ? 'UTF-8, comma-separated (RFC 4180). Excel needs the byte order mark to show Arabic and accents; leave it off for base R’s read.csv. Cells that would run as a spreadsheet formula start with an apostrophe.'
            : 'UTF-8 GraphML with typed attributes. Open it in Gephi (File › Open), yEd, igraph or networkx.'}
        </p>
      </fieldset>
      {busy && (
        <div className="export-progress">
          <progress aria-label="Export progress" value={progress} max={1} />
          <span className="muted">{Math.round(progress * 100)}%</span>
        </div>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </Dialog>
  )
}
