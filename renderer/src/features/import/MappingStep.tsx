import { useId, useMemo, useState } from 'react'
import { describeStoredDate } from '../../domain/import/dates'
import { mapRecord, metaColumns } from '../../domain/import/mapping'
import { FIELD_LABELS, MAPPABLE_FIELDS, type ColumnMapping, type DateOrder, type MappableField, type MappingOptions } from '../../domain/import/types'
import { plural } from '../../domain/text/plural'
import type { CollectionPreview } from './importTypes'
import type { RememberedMapping } from './mappingMemory'

const FIELD_HINTS: Record<MappableField, string> = {
  title: 'Optional: without it, the first sentence of the body is used.',
  publishedAt: 'Rows whose date cannot be read are flagged for review.',
  source: 'The outlet.',
  author: '',
  url: '',
  body: 'Required: the article text.',
}

export function MappingStep({
  preview,
  remembered,
  onDecide,
}: {
  preview: CollectionPreview
  remembered: RememberedMapping | null
  onDecide: (options: MappingOptions | null) => void
}) {
  const [mapping, setMapping] = useState<ColumnMapping>(preview.proposed)
  // A remembered default source belongs to the same kind of export (its body column is here).
  const rememberedBody = remembered?.mapping.body
  const sameExport = typeof rememberedBody === 'string' && preview.columns.includes(rememberedBody)
  const [defaultSource, setDefaultSource] = useState(sameExport ? (remembered?.defaultSource ?? '') : '')
  const [dateOrder, setDateOrder] = useState<DateOrder>(preview.dateOrderDetected || !sameExport ? preview.dateOrder : (remembered?.dateOrder ?? preview.dateOrder))
  const baseId = useId()

  const options: MappingOptions = { mapping, defaultSource, dateOrder }
  const extra = metaColumns(preview.columns, mapping)
  const sampleRows = useMemo(
    () => preview.sample.slice(0, 3).map((record, index) => mapRecord(record, index + 1, { mapping, defaultSource, dateOrder }, [])),
    [preview.sample, mapping, defaultSource, dateOrder],
  )
  const importable = preview.recordCount

  const set = (field: MappableField, column: string): void => {
    setMapping((current) => {
      const next = { ...current }
      // A column fills one field: choosing it here frees it elsewhere.
      for (const other of MAPPABLE_FIELDS) if (next[other] === column) next[other] = null
      next[field] = column === '' ? null : column
      return next
    })
  }

  return (
    <section className="import-mapping" aria-labelledby={`${baseId}-heading`}>
      <h3 id={`${baseId}-heading`} className="mapping-title">
        Map the columns of {preview.name}
      </h3>
      <p className="mapping-facts">
        {plural(preview.recordCount, 'row')} · {preview.layout} · {preview.encoding.toUpperCase()}
        {preview.rejectedRowCount > 0 && <> · {plural(preview.rejectedRowCount, 'malformed row')} will be skipped</>}
      </p>
      {preview.notices.map((notice) => (
        <p key={notice} className="import-notice">
          {notice}
        </p>
      ))}
      <div className="mapping-grid">
        {MAPPABLE_FIELDS.map((field) => (
          <div key={field} className="field">
            <label htmlFor={`${baseId}-${field}`}>{FIELD_LABELS[field]}</label>
            <select id={`${baseId}-${field}`} value={mapping[field] ?? ''} onChange={(event) => set(field, event.currentTarget.value)} aria-describedby={FIELD_HINTS[field] ? `${baseId}-${field}-hint` : undefined}>
              <option value="">{field === 'body' ? '— choose the text column —' : '(none)'}</option>
              {preview.columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
            {FIELD_HINTS[field] && (
              <span id={`${baseId}-${field}-hint`} className="field-hint muted">
                {FIELD_HINTS[field]}
              </span>
            )}
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${baseId}-order`}>Date order</label>
          <select id={`${baseId}-order`} value={dateOrder} onChange={(event) => setDateOrder(event.currentTarget.value as DateOrder)} disabled={!mapping.publishedAt}>
            <option value="dmy">Day first (31/12/2024){preview.dateOrderDetected && preview.dateOrder === 'dmy' ? ', detected' : ''}</option>
            <option value="mdy">Month first (12/31/2024){preview.dateOrderDetected && preview.dateOrder === 'mdy' ? ', detected' : ''}</option>
          </select>
          <span className="field-hint muted">Only for numeric dates; ISO dates and month names read either way.</span>
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-default-source`}>Source for rows without one</label>
          <input id={`${baseId}-default-source`} type="text" value={defaultSource} placeholder="e.g. Reuters" onChange={(event) => setDefaultSource(event.currentTarget.value)} />
        </div>
      </div>
      <p className="mapping-meta">
        {extra.length === 0 ? 'Every column is mapped.' : <>Kept as article metadata: {extra.join(', ')}</>}
      </p>
      <div className="mapping-preview">
        <table className="data-table" aria-label="Mapping preview">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col">Source</th>
              <th scope="col">Author</th>
              <th scope="col">Body</th>
            </tr>
          </thead>
          <tbody>
            {sampleRows.map((row, index) =>
              row.article ? (
                <tr key={index}>
                  <td className={`cell-date${row.article.publishedAt === '' ? ' needs-review' : ''}`}>{describeStoredDate(row.article.publishedAt)}</td>
                  <td dir="auto">{row.article.title}</td>
                  <td dir="auto">{row.article.source}</td>
                  <td dir="auto">{row.article.author}</td>
                  <td dir="auto" className="mapping-body">
                    {row.article.body.slice(0, 140)}
                    {row.article.body.length > 140 ? '…' : ''}
                  </td>
                </tr>
              ) : (
                <tr key={index}>
                  <td colSpan={5} className="needs-review">
                    {row.rejection?.reason}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <div className="button-row mapping-actions">
        <button type="button" onClick={() => onDecide(null)}>
          Skip this file
        </button>
        <button type="button" className="primary" disabled={!mapping.body} onClick={() => onDecide(options)}>
          Import {plural(importable, 'row')}
        </button>
        {!mapping.body && <span className="muted">Choose the column that holds the article text.</span>}
      </div>
    </section>
  )
}
