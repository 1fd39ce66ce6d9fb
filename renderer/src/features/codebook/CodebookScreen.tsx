import { useLiveQuery } from 'dexie-react-hooks'
import { Screen } from '../../app/ui/Screen'
import { db } from '../../db/instance'

export function CodebookScreen() {
  const issues = useLiveQuery(() => db.issues.orderBy('label').toArray(), [])
  return (
    <Screen title="Codebook">
      <table className="data-table" aria-label="Issues">
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {(issues ?? []).map((issue) => (
            <tr key={issue.id}>
              <td>{issue.label}</td>
              <td>{issue.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Screen>
  )
}
