import { memo } from 'react'
import { cellText, type ClaimColumn } from '../../domain/claims/columns'
import { issuePathsOf, rowDate, type ClaimLookups, type ClaimRow } from '../../domain/claims/rows'
import { buildHash } from '../../shared/routing'
import { stanceClass, stanceSign } from '../../shared/ui/stance'
import { STANCE_LABELS } from '../../domain/model'

// One cell of the claims table: one line, cut with an ellipsis; the whole text shows on hover
// and on focus (CellTooltip reads data-full).

export const ClaimCell = memo(function ClaimCell({ column, row, lookups }: { column: ClaimColumn; row: ClaimRow; lookups: ClaimLookups }) {
  switch (column.id) {
    case 'date': {
      const date = rowDate(row, lookups)
      if (date === '') return <span className="muted">no date</span>
      return row.date === '' ? (
        <span className="claims-article-date" title="The claim has no date of its own: this is its article's">
          {date}
        </span>
      ) : (
        <>{date}</>
      )
    }
    case 'issues': {
      const paths = issuePathsOf(row, lookups)
      return (
        <span className="claims-clip claims-issues" data-full={paths.join('\n')}>
          {paths.map((path, index) => (
            <span key={row.issueIds[index]} className="claims-issue">
              {path}
            </span>
          ))}
        </span>
      )
    }
    case 'stance':
      return (
        <span className="claims-stance">
          <span className={`stance-badge stance-${stanceClass(row.stance)}`}>{stanceSign(row.stance)}</span> {STANCE_LABELS[row.stance]}
        </span>
      )
    case 'article': {
      const article = lookups.articles.get(row.articleId)
      const title = article ? article.title || 'Untitled article' : 'Article no longer in the workspace'
      return (
        <a className="claims-clip" data-full={title} href={buildHash('library', ['article', row.articleId], { claim: row.id })} dir="auto" tabIndex={-1}>
          {title}
        </a>
      )
    }
    default: {
      const text = cellText(column, row, lookups)
      return (
        <span className="claims-clip" data-full={text} dir="auto">
          {text}
        </span>
      )
    }
  }
})
