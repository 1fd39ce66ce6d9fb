import { notify } from '../../shared/notices'
import { db } from '../../db/instance'
import { readSetting } from '../../db/repositories/settings'
import { EXPORT_BOM } from '../../domain/settings'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import type { CsvCell } from '../../domain/csv/writeCsv'
import { csvChunks } from '../../domain/export/csvChunks'
import { datedName, SaveCancelled, saveInChunks, savedName } from './saveChunks'
import { errorText } from '../../domain/errorText'

const CSV_FILTERS = [{ name: 'CSV', extensions: ['csv'] }]
const number = new Intl.NumberFormat('en')

/**
 * `Export CSV` on a screen: writes exactly the rows the screen shows (its search, filters and
 * order), through the same writer and save path as the Export dialog, honouring the Excel BOM
 * choice made there.
 */
export async function exportShownTable(table: {
  /** For the file name: "library" → standpoint-library-2025-01-20.csv. */
  what: string
  /** The header and rows as shown; read when the user asks, not on every render. */
  build: () => Promise<{ header: readonly string[]; rows: CsvCell[][] }> | { header: readonly string[]; rows: CsvCell[][] }
  noun: string
}): Promise<void> {
  const suggestedName = datedName(table.what, 'csv')
  try {
    const [{ header, rows }, bom] = await Promise.all([table.build(), readSetting(db, EXPORT_BOM)])
    const total = Math.max(1, rows.length)
    let done = 0
    const chunks = (function* () {
      for (const chunk of csvChunks([...header], rows, { bom })) {
        done += chunk.rows
        yield { text: chunk.text, progress: done / total }
      }
    })()
    const result = await saveInChunks({ suggestedName, mimeType: 'text/csv;charset=utf-8', filters: CSV_FILTERS, chunks, onProgress: () => undefined, cancelled: () => false })
    if (result === null || result.canceled) return
    notify('success', `Exported ${number.format(rows.length)} ${table.noun} to ${savedName(result, suggestedName)}.`)
  } catch (error) {
    if (error instanceof SaveCancelled) return
    notify(
      'error',
      isStorageError(error)
        ? describeStorageError(error, `export the ${table.noun}`)
        : `Could not export the ${table.noun}: ${errorText(error)}. No file was written.`,
    )
  }
}
