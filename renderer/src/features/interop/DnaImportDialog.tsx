import { useEffect } from 'react'
import { defaultDnaStanceMap, suggestChoiceForType, type DnaOverview, type DnaPreview, type DnaStanceMap } from '../../domain/interop/mapping/dnaImport'
import type { DnaClaimChoice } from '../../domain/interop/dna/dnaClaims'
import type { PickedFile } from '../../platform'
import { navigate } from '../../shared/routing'
import { DnaChoiceStep } from './DnaChoiceStep'
import { InteropImportFrame, type ChooseProps, type Opened } from './InteropImportFrame'
import type { InteropClient } from './worker/interopClient'

/** What the confirmation step holds: the project read, the analyst's choice, and its counts. */
interface DnaChoice {
  overview: DnaOverview
  choice: DnaClaimChoice | null
  stanceMap: DnaStanceMap
  preview: DnaPreview | null
}

interface Props {
  file: PickedFile
  open: boolean
  onClose: () => void
  onChooseAnother: () => void
}

/** Open DNA project…: read the .dna in a worker, confirm how statements become claims, import, summarise. */
export function DnaImportDialog(props: Props) {
  return (
    <InteropImportFrame<DnaChoice>
      {...props}
      title="Open DNA project"
      read={readDna}
      Choose={ChooseDna}
      importLabel="Import statements"
      canImport={({ choice, preview }) => choice !== null && !(preview !== null && preview.claims === 0)}
      run={(client, { choice, stanceMap }, onProgress) => {
        if (!choice) throw new Error('no statement type is chosen')
        return client.api.importDna(client.databaseName, choice, stanceMap, onProgress)
      }}
      item="statement"
      reportColumn="statement"
      tableLabel="Statement outcomes"
      showItemId
      doneActions={(close) => (
        <button
          type="button"
          onClick={() => {
            close()
            navigate('positions')
          }}
        >
          Show positions
        </button>
      )}
    />
  )
}

async function readDna(client: InteropClient, fileName: string, bytes: Uint8Array): Promise<Opened<DnaChoice>> {
  const opened = await client.openDna(fileName, bytes)
  if (!opened.ok) return opened
  const choice = opened.overview.suggestion
  return { ok: true, choice: { overview: opened.overview, choice, stanceMap: stanceMapFor(opened.overview, choice), preview: null } }
}

function ChooseDna({ fileName, choice: state, onChoice, client }: ChooseProps<DnaChoice>) {
  const { overview, choice, stanceMap, preview } = state
  // The counts under the choices follow every change, computed in the worker.
  useEffect(() => {
    if (!choice || !client) return
    let current = true
    void client.api.previewDna(choice, stanceMap).then(
      (result) => current && onChoice({ ...state, preview: result }),
      () => current && onChoice({ ...state, preview: null }),
    )
    return () => {
      current = false
    }
    // Only a new choice or stance map asks for new counts; the preview arriving must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [choice, stanceMap, client])
  return (
    <DnaChoiceStep
      fileName={fileName}
      overview={overview}
      choice={choice}
      stanceMap={stanceMap}
      preview={preview}
      onChoice={(next) => onChoice({ ...state, choice: next, stanceMap: next.stanceVariableId === choice?.stanceVariableId ? stanceMap : stanceMapFor(overview, next) })}
      onStanceMap={(next) => onChoice({ ...state, stanceMap: next })}
      onType={(typeId) => {
        const type = overview.statementTypes.find((candidate) => candidate.id === typeId)
        const next = type ? suggestChoiceForType(type) : null
        onChoice({ ...state, choice: next, stanceMap: stanceMapFor(overview, next) })
      }}
    />
  )
}

function stanceMapFor(overview: DnaOverview, choice: DnaClaimChoice | null): DnaStanceMap {
  if (!choice || choice.stanceVariableId === null) return {}
  const variable = overview.statementTypes.flatMap((type) => type.variables).find((candidate) => candidate.id === choice.stanceVariableId)
  return defaultDnaStanceMap(variable?.dataType ?? null, overview.stanceValues[choice.stanceVariableId] ?? [])
}
