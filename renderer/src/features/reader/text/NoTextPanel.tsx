import { useId, useState } from 'react'
import { db } from '../../../db/instance'
import { addArticleText } from '../../../db/repositories/articles'
import { describeStorageError, isStorageError } from '../../../db/storageErrors'
import { decodeBytes } from '../../../domain/import/decode'
import { ImportRejection } from '../../../domain/import/types'
import { plural } from '../../../domain/text/plural'
import { notify } from '../../../shared/notices'
import { useReaderSession } from '../ReaderSession'
import { errorText } from '../../../domain/errorText'

const MAX_TEXT_BYTES = 32 * 1024 * 1024

/**
 * A document imported without its text (known by ID and title only): the reader says so and
 * takes the text, pasted or from a plain-text file; its waiting claims are then placed by quote.
 */
export function NoTextPanel() {
  const { article, claims } = useReaderSession()
  const id = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const waiting = claims.filter((claim) => claim.anchor.exact.trim() !== '').length

  const save = async (value: string, from: string): Promise<void> => {
    if (value.trim() === '') {
      setError(from === 'paste' ? 'Paste the document’s text first.' : 'The file has no text.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const result = await addArticleText(db, article.id, value)
      const parts = [`Added the text${from === 'paste' ? '' : ` from ${from}`}.`]
      if (result.anchored + result.notFound > 0) parts.push(`${plural(result.anchored, 'claim')} placed by ${result.anchored === 1 ? 'its' : 'their'} quote`)
      if (result.notFound > 0) parts.push(`${plural(result.notFound, 'quote')} not found in the text: re-attach ${result.notFound === 1 ? 'it' : 'them'} in the panel`)
      notify(result.notFound > 0 ? 'warning' : 'success', parts.join(' '))
    } catch (caught) {
      setError(isStorageError(caught) ? describeStorageError(caught, 'add the text') : `Could not add the text: ${errorText(caught)}. Nothing was changed.`)
    } finally {
      setBusy(false)
    }
  }

  const readFile = async (file: File): Promise<void> => {
    if (file.size > MAX_TEXT_BYTES) {
      setError(`${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; a document’s text file can be up to ${MAX_TEXT_BYTES / 1024 / 1024} MB.`)
      return
    }
    try {
      const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()), { name: file.name })
      await save(decoded.text, file.name)
    } catch (caught) {
      setError(caught instanceof ImportRejection ? `${file.name}: ${caught.message}` : `${file.name} could not be read: ${errorText(caught)}`)
    }
  }

  return (
    <section className="no-text" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>This document has no text yet</h2>
      <p>
        It was imported with its claims but without its text{article.externalId ? ` (document ID ${article.externalId})` : ''}.
        {waiting > 0 ? ` ${plural(waiting, 'claim')} ${waiting === 1 ? 'waits' : 'wait'} for it and ${waiting === 1 ? 'is' : 'are'} placed by ${waiting === 1 ? 'its' : 'their'} quote once the text is here.` : ''}
      </p>
      <div className="field">
        <label htmlFor={`${id}-text`}>Document text</label>
        <textarea id={`${id}-text`} rows={10} value={text} disabled={busy} onChange={(event) => setText(event.target.value)} aria-invalid={!!error || undefined} placeholder="Paste the article’s text here" />
      </div>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void save(text, 'paste')}>
          Add text
        </button>
        <label className={busy ? 'button file-button is-disabled' : 'button file-button'}>
          Import a file for it…
          <input
            type="file"
            className="visually-hidden"
            accept=".txt,.text,.md,text/plain"
            aria-label="Import a file for it"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) void readFile(file)
            }}
          />
        </label>
        <span className="muted small">Plain text (.txt); for a web page or Word file, import it in the Library and copy its text here.</span>
      </div>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </section>
  )
}
