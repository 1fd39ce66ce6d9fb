import { useLiveQuery } from 'dexie-react-hooks'
import { Screen } from '../../app/ui/Screen'
import { db } from '../../db/instance'

export function ActorsScreen() {
  const actors = useLiveQuery(() => db.actors.orderBy('name').toArray(), [])
  return (
    <Screen title="Actors">
      <table className="data-table" aria-label="Actors">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Aliases</th>
          </tr>
        </thead>
        <tbody>
          {(actors ?? []).map((actor) => (
            <tr key={actor.id}>
              <td>{actor.name}</td>
              <td>{actor.kind}</td>
              <td>{actor.aliases.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Screen>
  )
}
