import { plural } from '../../domain/text/plural'
import { describeStorageError, isStorageError } from '../../db/storageErrors'
import { platform } from '../../platform'
import { notify } from '../../shared/notices'
import { startInteropWorker } from './worker/interopClient'
import { errorText } from '../../domain/errorText'

// Export REFI-QDA project… and Export codebook (.qdc)…: built in the interop worker, then
// written through the host (the save dialog and a temp file renamed into place in the desktop
// app; a download in a browser).

const ORIGIN = `Standpoint ${__APP_VERSION__}`

function today(): string {
  return new Date().toISOString().slice(0, 10)
}

function failed(error: unknown, what: string): void {
  notify('error', isStorageError(error) ? describeStorageError(error, what) : `Could not ${what}: ${errorText(error)}`)
}

export async function exportQdpx(): Promise<void> {
  const client = startInteropWorker()
  try {
    const result = await client.api.exportQdpx(client.databaseName, { projectName: `Standpoint workspace ${today()}`, origin: ORIGIN })
    const saved = await platform.saveFile({
      suggestedName: `standpoint-${today()}.qdpx`,
      content: result.bytes,
      mimeType: 'application/zip',
      filters: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }],
    })
    if (saved.canceled) return
    const { counts } = result
    notify('success', `Exported ${plural(counts.sources, 'source')} with ${plural(counts.claims, 'claim')} and ${plural(counts.mentions, 'mention')}, ${plural(counts.issues, 'issue')} and ${plural(counts.actors, 'actor')} as codes${saved.path ? ` to ${saved.path}` : ''}.`)
    if (result.leftOut.length > 0) {
      notify('warning', `Not in the project: ${result.leftOut.map((entry) => `${plural(entry.count, entry.what.replace(/s$/, ''), entry.what)} ${entry.reason}`).join('; ')}.`)
    }
  } catch (error) {
    failed(error, 'export the REFI-QDA project')
  } finally {
    client.terminate()
  }
}

export async function exportQdc(): Promise<void> {
  const client = startInteropWorker()
  try {
    const result = await client.api.exportQdc(client.databaseName, { origin: ORIGIN })
    const saved = await platform.saveFile({
      suggestedName: `standpoint-codebook-${today()}.qdc`,
      content: result.text,
      mimeType: 'application/xml',
      filters: [{ name: 'REFI-QDA codebook', extensions: ['qdc'] }],
    })
    if (!saved.canceled) notify('success', `Exported the codebook: ${plural(result.counts.issues, 'issue')} and ${plural(result.counts.actors, 'actor')} as codes, with the stance codes${saved.path ? `, to ${saved.path}` : ''}.`)
  } catch (error) {
    failed(error, 'export the codebook')
  } finally {
    client.terminate()
  }
}
