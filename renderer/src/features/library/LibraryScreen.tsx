import { useLiveQuery } from 'dexie-react-hooks'
import { navigate, useRoute } from '../../app/routing'
import { Screen } from '../../app/ui/Screen'
import { db } from '../../db/instance'
import { ReaderScreen } from '../reader/ReaderScreen'
import { SampleWorkspaceOffer } from './SampleWorkspaceOffer'

export function LibraryScreen() {
  const route = useRoute()
  if (route.rest[0] === 'article' && route.rest[1]) return <ReaderScreen articleId={route.rest[1]} />
  return <ArticleList />
}

function ArticleList() {
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
                <td>
                  <button type="button" className="link-button" onClick={() => navigate('library', ['article', article.id])}>
                    {article.title}
                  </button>
                </td>
                <td>{article.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Screen>
  )
}
