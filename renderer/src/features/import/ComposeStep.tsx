import { useId } from 'react'
import { formatBytes } from '../../domain/import/limits'
import { SUPPORTED_EXTENSIONS } from '../../domain/import/fileKinds'
import { fromBrowserFile, type PickedFile } from '../../platform/platform'

const ACCEPT = SUPPORTED_EXTENSIONS.map((extension) => `.${extension}`).join(',')
const SHOWN_FILES = 6

export function ComposeStep({
  files,
  pasted,
  onFiles,
  onPasted,
}: {
  files: PickedFile[]
  pasted: string
  onFiles: (files: PickedFile[]) => void
  onPasted: (text: string) => void
}) {
  const pasteId = useId()
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0)
  const add = (list: FileList | null): void => {
    if (list && list.length > 0) onFiles([...files, ...Array.from(list).map(fromBrowserFile)])
  }
  return (
    <div className="import-compose">
      <p className="muted">
        Text and Markdown files, saved web pages (.html), PDF, Word (.docx) and OpenDocument (.odt) files, CSV or JSON
        collections, and Nexis Uni or LexisNexis exports (each article on its own). You can also drop files or whole folders
        anywhere on the window.
      </p>
      <div className="button-row">
        <label className="button file-button">
          Choose files
          <input
            type="file"
            multiple
            accept={ACCEPT}
            aria-label="Choose files"
            className="visually-hidden"
            onChange={(event) => {
              add(event.currentTarget.files)
              event.currentTarget.value = ''
            }}
          />
        </label>
        <label className="button file-button">
          Choose a folder
          <input
            type="file"
            multiple
            aria-label="Choose a folder"
            className="visually-hidden"
            ref={(input) => {
              // React does not know the attribute; set it on the element.
              if (input) input.webkitdirectory = true
            }}
            onChange={(event) => {
              add(event.currentTarget.files)
              event.currentTarget.value = ''
            }}
          />
        </label>
        {files.length > 0 && (
          <button type="button" onClick={() => onFiles([])}>
            Clear files
          </button>
        )}
      </div>
      {files.length > 0 && (
        <div className="import-file-list" aria-label="Chosen files">
          <p>
            <strong>
              {files.length.toLocaleString('en')} file{files.length === 1 ? '' : 's'}
            </strong>{' '}
            <span className="muted">({formatBytes(totalBytes)})</span>
          </p>
          <ul>
            {files.slice(0, SHOWN_FILES).map((file, index) => (
              <li key={`${file.relativePath}-${index}`}>
                {file.relativePath || file.name} <span className="muted">{formatBytes(file.size)}</span>
              </li>
            ))}
            {files.length > SHOWN_FILES && <li className="muted">and {(files.length - SHOWN_FILES).toLocaleString('en')} more</li>}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor={pasteId}>Paste article text</label>
        <textarea
          id={pasteId}
          className="import-paste"
          dir="auto"
          rows={8}
          value={pasted}
          placeholder={'date 2024-12-23 Headline of the article\n\nBy Author Name\n\nThe article text…'}
          onChange={(event) => onPasted(event.currentTarget.value)}
        />
        <span className="muted field-hint">
          Headers it understands: a first line <code>date YYYY-MM-DD Headline</code>, a <code>By …</code> line, or Title:, Date:, Source:,
          URL:, Author: lines. Without a date the article is flagged for review.
        </span>
      </div>
    </div>
  )
}
