import { CoderSwitcher } from '../features/team'
import type { PersistenceState } from '../platform/storagePersistence'
import { SyncStatusItem } from '../features/sync'
import { useVisibleClaimTotal } from '../features/library'
import { useRecordCounts } from '../shared/useRecordCounts'

const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persistent: 'Storage: persistent',
  'best-effort': 'Storage: not persistent (the browser may clear it under disk pressure)',
  unsupported: 'Storage: persistence unavailable',
}

const number = new Intl.NumberFormat('en')
/** Claims come from the visible total: blind coding hides some. */
const COUNTED = ['articles', 'actors', 'issues'] as const

export function StatusBar({ persistence, host }: { persistence: PersistenceState | null; host: string }) {
  const counts = useRecordCounts(COUNTED)
  // Claims as blind coding lets the person here see them, not every claim stored.
  const claims = useVisibleClaimTotal()
  return (
    <footer className="status-bar" aria-label="Status">
      <span>
        {counts && claims !== null
          ? `${number.format(counts.articles)} articles · ${number.format(claims)} claims · ${number.format(counts.actors)} actors · ${number.format(counts.issues)} issues`
          : 'Opening workspace…'}
      </span>
      <span className="status-spacer" />
      <CoderSwitcher />
      <span data-testid="storage-persistence">{persistence ? PERSISTENCE_TEXT[persistence] : 'Storage: checking…'}</span>
      <SyncStatusItem host={host} />
    </footer>
  )
}
