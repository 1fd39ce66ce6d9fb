interface Props {
  onFile: (file: File) => void
  /** Why the last file was refused, shown under the button. */
  error: string | null
}

/** The `Choose CSV file` button of the CSV imports, with the reason the last file was refused. */
export function CsvFileChooser({ onFile, error }: Props) {
  return (
    <>
      <label className="button primary file-button">
        Choose CSV file
        <input
          type="file"
          className="visually-hidden"
          accept=".csv,.tsv,.txt,text/csv"
          aria-label="Choose CSV file"
          onChange={(event) => {
            const file = event.target.files?.[0]
            // Cleared so that choosing the same file again (after fixing it) reads it again.
            event.target.value = ''
            if (file) onFile(file)
          }}
        />
      </label>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </>
  )
}
