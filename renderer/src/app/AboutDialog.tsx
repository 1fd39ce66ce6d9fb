import { useEffect, useState } from 'react'
import { platform } from '../platform'
import type { HostInfo } from '../platform/platform'
import { Dialog } from '../shared/ui/Dialog'

export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [info, setInfo] = useState<HostInfo | null>(null)
  useEffect(() => {
    if (open) void platform.info().then(setInfo, () => setInfo(null))
  }, [open])
  return (
    <Dialog title="About Standpoint" open={open} onClose={onClose} footer={<button type="button" onClick={onClose}>Close</button>}>
      <p>
        Standpoint is an offline workbench for tracking what political and armed actors claim over time: import
        articles, code who claims what, and compare positions across months.
      </p>
      <dl className="fact-list">
        <dt>Version</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>Running in</dt>
        <dd>{info ? (info.host === 'electron' ? 'the Standpoint desktop app' : 'a web browser') : '…'}</dd>
        <dt>Your data</dt>
        <dd>{info?.dataLocation ?? '…'}</dd>
        <dt>Network</dt>
        <dd>None. Standpoint never sends anything over the network.</dd>
      </dl>
    </Dialog>
  )
}
