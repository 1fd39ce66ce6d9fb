import { useMemo } from 'react'
import type { ImportChoices } from '../../domain/claimsImport/choices'
import { parseDate } from '../../domain/claimsImport/dates'
import type { ClaimField } from '../../domain/claimsImport/mapping'
import { splitCell } from '../../domain/claimsImport/options'
import type { ParsedTable } from '../../domain/claimsImport/parseTable'
import { stanceKey } from '../../domain/claimsImport/stanceValues'
import { stanceText } from '../../shared/ui/stance'

/** The file's first rows read through the current mapping, stance map and date format. */
export function ImportPreview({ idBase, table, state }: { idBase: string; table: ParsedTable; state: ImportChoices }) {
  const { mapping } = state
  const preview = useMemo(() => table.rows.slice(0, 5).map((row, index) => ({ row, number: table.rowNumbers[index]! })), [table])
  const cell = (row: string[], field: ClaimField): string => (mapping[field] === null ? '' : (row[mapping[field]] ?? ''))
  const previewStance = (row: string[]): string => {
    if (mapping.stance === null) return ''
    const stance = state.stanceMap[stanceKey(cell(row, 'stance'))]
    return stance === undefined || stance === null ? 'rejected' : stanceText(stance)
  }
  const previewDate = (row: string[]): string => {
    const parsed = parseDate(cell(row, 'date'), state.dateOrder)
    return parsed === null ? 'unreadable' : parsed
  }
  const documentOf = (row: string[]): string => cell(row, 'documentTitle') || cell(row, 'documentId') || cell(row, 'documentText').slice(0, 60)
  return (
    <section aria-labelledby={`${idBase}-preview-title`}>
      <h3 id={`${idBase}-preview-title`}>The first rows, as they will be imported</h3>
      <div className="table-scroll">
        <table className="data-table compact-table" aria-label="Preview">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Actor</th>
              <th scope="col">Issue</th>
              <th scope="col">Stance</th>
              <th scope="col">Date</th>
              <th scope="col">Document</th>
              <th scope="col">Quote</th>
              {mapping.coder !== null && <th scope="col">Coder</th>}
            </tr>
          </thead>
          <tbody>
            {preview.map(({ row, number }) => (
              <tr key={number}>
                <td className="cell-number">{number}</td>
                <td dir="auto">{cell(row, 'actor')}</td>
                <td dir="auto">
                  {splitCell(cell(row, 'issue'), state.issueSeparator).map((issue) => (
                    <span key={issue} className="issue-chip">
                      {issue}
                    </span>
                  ))}
                </td>
                <td>{previewStance(row)}</td>
                <td className="cell-date">{mapping.date === null ? '' : previewDate(row)}</td>
                <td dir="auto" className="cell-clip">
                  {documentOf(row)}
                </td>
                <td dir="auto" className="cell-clip">
                  {cell(row, 'quote')}
                </td>
                {mapping.coder !== null && <td dir="auto">{cell(row, 'coder')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
