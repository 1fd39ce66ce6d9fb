import { Dialog } from '../shared/ui/Dialog'
import { shortcutGroups } from '../shared/shortcuts'

// Features declare their shortcuts as their modules load, and screens load lazily: the overlay
// lists the groups in this order rather than in loading order. Unlisted groups come last.
const GROUP_ORDER = ['Workbench', 'Reader and tagging', 'Library', 'Claims', 'Positions', 'Data']
const rank = (group: string): number => (GROUP_ORDER.includes(group) ? GROUP_ORDER.indexOf(group) : GROUP_ORDER.length)

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const groups = shortcutGroups().sort(([a], [b]) => rank(a) - rank(b))
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose} footer={<button type="button" onClick={onClose}>Close</button>}>
      {groups.map(([group, entries]) => (
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
