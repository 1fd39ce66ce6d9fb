import { useLiveQuery } from 'dexie-react-hooks'
import { Screen } from '../../app/ui/Screen'
import { db } from '../../db/instance'
import { SampleWorkspaceOffer } from './SampleWorkspaceOffer'

export function LibraryScreen() {
  const articles = useLiveQuery(() => db.articles.orderBy('publishedAt').reverse().toArray(), [])
  return (
    <Screen title="Library">
      {articles === undefined ? null : articles.length === 0 ? (
        <SampleWorkspaceOffer />
      ) : (
        <table className="data-table" aria-label="Articles">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td className="cell-date">{article.publishedAt.slice(0, 10) || 'no date'}</td>
                <td>{article.title}</td>
                <td>{article.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Screen>
  )
}
