import { useMemo } from 'react'
import { previewQdaImport, suggestQdaMapping, type QdaMapping, type QdaOverview } from '../../domain/interop/mapping/fromQda'
import type { PickedFile } from '../../platform'
import { InteropImportFrame, type ChooseProps, type Opened } from './InteropImportFrame'
import { QdaMappingStep } from './QdaMappingStep'
import type { InteropClient } from './worker/interopClient'

interface QdaChoice {
  overview: QdaOverview
  mapping: QdaMapping
}

interface Props {
  file: PickedFile
  open: boolean
  onClose: () => void
  onChooseAnother: () => void
}

/** Import REFI-QDA project…: read the .qdpx in a worker, map its code groups, import, summarise. */
export function QdaImportDialog(props: Props) {
  return (
    <InteropImportFrame<QdaChoice>
      {...props}
      title="Import REFI-QDA project"
      read={readQdpx}
      Choose={ChooseQda}
      importLabel="Import codings"
      canImport={({ overview }) => overview.sources > 0}
      run={(client, { mapping }, onProgress) => client.api.importQdpx(client.databaseName, mapping, onProgress)}
      item="coded selection"
      reportColumn="selection_guid"
      tableLabel="Selection outcomes"
      showItemId={false}
    />
  )
}

async function readQdpx(client: InteropClient, fileName: string, bytes: Uint8Array): Promise<Opened<QdaChoice>> {
  const opened = await client.openQdpx(fileName, bytes)
  if (!opened.ok) return opened
  return { ok: true, choice: { overview: opened.overview, mapping: suggestQdaMapping(opened.overview.codes) } }
}

function ChooseQda({ fileName, choice: { overview, mapping }, onChoice }: ChooseProps<QdaChoice>) {
  const preview = useMemo(() => previewQdaImport(overview, mapping), [overview, mapping])
  return <QdaMappingStep fileName={fileName} overview={overview} mapping={mapping} preview={preview} onMapping={(next) => onChoice({ overview, mapping: next })} />
}
