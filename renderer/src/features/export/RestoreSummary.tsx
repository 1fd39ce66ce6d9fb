import type { RestoreReport } from '../../db/backup/restore'

const number = new Intl.NumberFormat('en')

export const TABLE_LABELS: Record<string, string> = {
  articles: 'articles',
  actors: 'actors',
  issues: 'issues',
  claims: 'claims',
  mentions: 'mentions',
  coders: 'coders',
  assignments: 'assignments',
  tombstones: 'deletion records',
  settings: 'settings',
}

/** What a restore did, table by table: what came from the backup and what the workspace kept. */
export function RestoreSummary({ report, fileName }: { report: RestoreReport; fileName: string }) {
  const merge = report.mode === 'merge'
  const sum = (pick: (table: RestoreReport['tables'][number]) => number): number => report.tables.reduce((total, table) => total + pick(table), 0)
  const added = sum((table) => table.added)
  const updated = sum((table) => table.updatedFromBackup)
  const keptNewer = sum((table) => table.keptFromWorkspace)
  const onlyHere = sum((table) => table.onlyInWorkspace)
  const identical = sum((table) => table.identical)
  return (
    <section className="restore-summary" aria-label="Restore summary">
      <p className="summary-lead">
        {merge ? (
          <>
            <strong>Merged {fileName}.</strong>{' '}
            {added + updated === 0
              ? 'The backup had nothing this workspace lacked: nothing changed.'
              : `${number.format(added)} records added and ${number.format(updated)} updated from the backup.`}{' '}
            Kept from this workspace: {number.format(keptNewer)} newer than the backup’s, {number.format(onlyHere)} not in the backup.{' '}
            {number.format(identical)} identical on both sides.
          </>
        ) : (
          <>
            <strong>Restored {fileName}.</strong> The workspace now holds exactly what the backup holds.
          </>
        )}
      </p>
      <table className="data-table compact-table" aria-label="Restore summary by table">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col" className="cell-number">
              In backup
            </th>
            {merge ? (
              <>
                <th scope="col" className="cell-number">
                  Added from backup
                </th>
                <th scope="col" className="cell-number">
                  Updated from backup (newer)
                </th>
                <th scope="col" className="cell-number">
                  Kept from workspace (newer)
                </th>
                <th scope="col" className="cell-number">
                  Identical
                </th>
                <th scope="col" className="cell-number">
                  Only in workspace (kept)
                </th>
              </>
            ) : (
              <th scope="col" className="cell-number">
                Removed from workspace
              </th>
            )}
            <th scope="col" className="cell-number">
              Now in workspace
            </th>
          </tr>
        </thead>
        <tbody>
          {report.tables.map((table) => (
            <tr key={table.table}>
              <th scope="row">{TABLE_LABELS[table.table] ?? table.table}</th>
              <td className="cell-number">{number.format(table.inBackup)}</td>
              {merge ? (
                <>
                  <td className="cell-number">{number.format(table.added)}</td>
                  <td className="cell-number">{number.format(table.updatedFromBackup)}</td>
                  <td className="cell-number">{number.format(table.keptFromWorkspace)}</td>
                  <td className="cell-number">{number.format(table.identical)}</td>
                  <td className="cell-number">{number.format(table.onlyInWorkspace)}</td>
                </>
              ) : (
                <td className="cell-number">{number.format(table.removed)}</td>
              )}
              <td className="cell-number">{number.format(table.inWorkspaceAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {merge && report.conflicts.length > 0 && (
        <details className="conflict-list">
          <summary>
            {number.format(report.conflicts.length)} record{report.conflicts.length === 1 ? '' : 's'} changed on both sides
          </summary>
          <ul>
            {report.conflicts.slice(0, 50).map((conflict) => (
              <li key={`${conflict.table}:${conflict.key}`}>
                {TABLE_LABELS[conflict.table] ?? conflict.table} <code>{conflict.key}</code>: kept the {conflict.kept}’s version — {conflict.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
