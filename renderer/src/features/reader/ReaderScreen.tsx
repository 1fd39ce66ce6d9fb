import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../../db/instance'
import { getArticle } from '../../db/repositories/articles'
import { navigate } from '../../shared/routing'
import { Screen } from '../../shared/ui/Screen'
import { UndoRedoButtons } from '../../shared/undo/UndoRedoButtons'
import { ReaderSessionProvider, useReaderSession } from './ReaderSession'
import { TaggingPanel } from './tagging/TaggingPanel'
import { ArticleView } from './text/ArticleView'
import { useReaderKeys } from './useReaderKeys'

/** #/library/article/<id>: the article and its Tagging panel. */
export function ReaderScreen({ articleId }: { articleId: string }) {
  const article = useLiveQuery(() => getArticle(db, articleId), [articleId], null)
  if (article === null) return null
  if (article === undefined) {
    return (
      <Screen title="Article not found" actions={<BackToLibrary />}>
        <p>This article is no longer in the workspace.</p>
      </Screen>
    )
  }
  return (
    <ReaderSessionProvider key={article.id} article={article}>
      <Reader />
    </ReaderSessionProvider>
  )
}

function BackToLibrary() {
  return (
    <button type="button" onClick={() => navigate('library')}>
      ← Library
    </button>
  )
}

function Reader() {
  const session = useReaderSession()
  useReaderKeys(session)
  const { article, actions, setFindOpen } = session
  return (
    <Screen
      title={article.title || 'Untitled article'}
      className="reader-screen"
      actions={
        <>
          <BackToLibrary />
          <button type="button" onClick={() => void actions.goToArticle(-1)} aria-keyshortcuts="P" title="Previous article (P)">
            Previous article
          </button>
          <button type="button" onClick={() => void actions.goToArticle(1)} aria-keyshortcuts="N" title="Next article (N)">
            Next article
          </button>
          <button type="button" onClick={() => setFindOpen(true)} aria-keyshortcuts="/" title="Find words in the article and select them (/)">
            Find
          </button>
          <UndoRedoButtons />
        </>
      }
    >
      <ArticleView />
      <TaggingPanel />
    </Screen>
  )
}
