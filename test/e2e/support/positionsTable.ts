import type { Locator } from '@playwright/test'

/** The Positions table's rows as "<label> | <issue>" → [claims, mean], read by column header. */
export async function positionRows(table: Locator): Promise<Record<string, [string, string]>> {
  const claimsIndex = await table.getByRole('columnheader', { name: 'Claims', exact: true }).getAttribute('aria-colindex')
  const meanIndex = await table.getByRole('columnheader', { name: 'Mean', exact: true }).getAttribute('aria-colindex')
  const issueIndex = await table.getByRole('columnheader', { name: 'Issue', exact: true }).getAttribute('aria-colindex')
  return table.locator('[role="rowgroup"] + [role="rowgroup"] [role="row"]').evaluateAll(
    (rows, [issueAt, claimsAt, meanAt]) =>
      Object.fromEntries(
        rows.map((row) => {
          const text = (index: string | null) => (row.querySelector<HTMLElement>(`[role="cell"][aria-colindex="${index}"]`)?.innerText ?? '').trim()
          return [`${text('1')} | ${text(issueAt)}`, [text(claimsAt), text(meanAt)]]
        }),
      ),
    [issueIndex, claimsIndex, meanIndex] as const,
  )
}
