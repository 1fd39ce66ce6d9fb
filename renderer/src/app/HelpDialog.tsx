import { Dialog } from '../shared/ui/Dialog'
import { shortcutGroups } from '../shared/shortcuts'

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose} footer={<button type="button" onClick={onClose}>Close</button>}>
      {shortcutGroups().map(([group, entries]) => (
        <section key={group} className="shortcut-group">
          <h3>{group}</h3>
          <table className="shortcut-table">
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.keys + entry.action}>
                  <td>
                    <kbd>{entry.keys}</kbd>
                  </td>
                  <td>{entry.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Dialog>
  )
}
