/**
 * A screen's `Export CSV`. While `waiting` names what it waits for (the claims being counted),
 * it is disabled and says so: a file written then would say every row has no claims.
 */
export function ExportCsvButton({ title, waiting, onExport }: { title: string; waiting: string | null; onExport: () => void }) {
  return (
    <button type="button" disabled={waiting !== null} onClick={onExport} title={waiting ?? title}>
      Export CSV
    </button>
  )
}
