/**
 * A screen's `Export CSV`. While `waiting` names what it waits for (the claims being counted),
 * it is disabled and says so: a file written then would say every row has no claims. When the
 * count failed (`failed`), it stays disabled and the reason is shown beside it, not only in a
 * title nobody hovers.
 */
export function ExportCsvButton({ title, waiting, failed = null, onExport }: { title: string; waiting: string | null; failed?: string | null; onExport: () => void }) {
  const reason = failed === null ? null : `The counts could not be read (${failed}), so Export CSV is off and the counts shown may be wrong. Reload the workspace to count again.`
  return (
    <>
      <button type="button" disabled={waiting !== null || reason !== null} onClick={onExport} title={reason ?? waiting ?? title}>
        Export CSV
      </button>
      {reason !== null && (
        <span className="export-failed" role="alert">
          {reason}
        </span>
      )}
    </>
  )
}
