import { useLiveQuery } from 'dexie-react-hooks'
import { navigate } from '../../app/routing'
import { Screen } from '../../app/ui/Screen'
import { db } from '../../db/instance'
import './reader.css'

/** Splits a plain-text body into paragraphs (blank-line separated), keeping their offsets. */
function paragraphs(body: string): { start: number; text: string }[] {
  const result: { start: number; text: string }[] = []
  const pattern = /\n{2,}/g
  let start = 0
  for (const match of body.matchAll(pattern)) {
    result.push({ start, text: body.slice(start, match.index) })
    start = match.index + match[0].length
  }
  result.push({ start, text: body.slice(start) })
  return result.filter((paragraph) => paragraph.text.trim() !== '')
}

export function ReaderScreen({ articleId }: { articleId: string }) {
  const article = useLiveQuery(() => db.articles.get(articleId), [articleId], null)
  const back = (
    <button type="button" onClick={() => navigate('library')}>
      ← Library
    </button>
  )
  if (article === null) return null
  if (article === undefined) {
    return (
      <Screen title="Article not found" actions={back}>
        <p>This article is no longer in the workspace.</p>
      </Screen>
    )
  }
  return (
    <Screen title={article.title || 'Untitled article'} actions={back} className="reader-screen">
      <article className="reader" aria-label={article.title || 'Untitled article'} dir={article.direction} lang={article.language || undefined}>
        <header className="reader-meta">
          <span className="reader-date">{article.publishedAt ? article.publishedAt.slice(0, 10) : 'No date'}</span>
          {article.source && <span className="reader-source">{article.source}</span>}
          {article.author && <span className="reader-author">By {article.author}</span>}
        </header>
        {paragraphs(article.body).map((paragraph) => (
          <p key={paragraph.start} data-offset={paragraph.start}>
            {paragraph.text}
          </p>
        ))}
      </article>
    </Screen>
  )
}
