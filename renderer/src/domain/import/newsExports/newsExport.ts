import { normaliseLineEnds } from '../normaliseText'
import { ImportRejection, type BatchEntry } from '../types'
import { LEXIS_ACADEMIC, looksLikeLexisAcademic, readLexisAcademic } from './lexisNexisAcademic'
import { looksLikeNexisUni, NEXIS_UNI, readNexisUni } from './nexisUni'

// Which news-database export a file is, if any, and its documents. A file that carries an
// export's markers but yields no document is refused whole, with the reason.

export interface NewsExport {
  format: string
  entries: BatchEntry[]
}

function nothingSplit(format: string, marker: string): ImportRejection {
  return new ImportRejection(
    `This looks like a ${format} export (it has ${marker}), but no article could be split from it: the documents' layout is not the one ${format} exports have. Export the results again (${format === NEXIS_UNI ? 'Word .docx' : 'Text'} format) and import that file.`,
  )
}

/** An export from its paragraphs (a Word file's, or a text file's lines); null when it is none. */
export function newsExportFromParagraphs(paragraphs: string[]): NewsExport | null {
  if (looksLikeNexisUni(paragraphs)) {
    const entries = readNexisUni(paragraphs) ?? []
    if (entries.length === 0) throw nothingSplit(NEXIS_UNI, '"End of Document" markers')
    return { format: NEXIS_UNI, entries }
  }
  const text = paragraphs.join('\n')
  if (looksLikeLexisAcademic(text)) {
    const entries = readLexisAcademic(text) ?? []
    if (entries.length === 0) throw nothingSplit(LEXIS_ACADEMIC, '"1 of N DOCUMENTS" markers')
    return { format: LEXIS_ACADEMIC, entries }
  }
  return null
}

/** An export from a text file; null when it is none. */
export function newsExportFromText(text: string): NewsExport | null {
  // Cheap checks first: nearly every text file is one article.
  if (!/\d+ of \d+ DOCUMENTS?|Dokument \d+ von \d+|Document \d+ de \d+|end of document|dokumentende|fin du document/i.test(text)) return null
  return newsExportFromParagraphs(normaliseLineEnds(text).split('\n'))
}
