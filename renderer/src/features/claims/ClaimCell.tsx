import { memo } from 'react'
import { cellText, type ClaimColumn } from '../../domain/claims/columns'
import { issuePathsOf, rowDate, type ClaimLookups, type ClaimRow } from '../../domain/claims/rows'
import { buildHash, followRouteLink } from '../../shared/routing'
import { stanceClass, stanceSign, stanceText } from '../../shared/ui/stance'
import { STANCE_LABELS } from '../../domain/model'

// One cell of the claims table: one line, cut with an ellipsis; the whole text shows on hover
// and on focus (CellTooltip reads the cell's .claims-clip, or the cell itself, data-full first).
// A plain text cell is its text alone: each element less, times a dozen cells, is a row that
// mounts, styles and lays out faster while scrolling.

const classes = new WeakMap<ClaimColumn, string>()
function classOf(column: ClaimColumn): string {
  let name = classes.get(column)
  if (name === undefined) {
    name = `claims-cell cell-${column.type} col-${column.id.replace(/[^a-z0-9]/gi, '-')}`
    classes.set(column, name)
  }
  return name
}

interface ClaimCellProps {
  column: ClaimColumn
  row: ClaimRow
  lookups: ClaimLookups
  /** Where the keyboard finds it: "<row position>:<column index>". */
  at: string
  /** Its column's place in the table (the checkbox is 1), for the cells a row leaves out. */
  colIndex: number
  tabbable: boolean
  /** Set when the cell before it in the row is not its neighbour: the grid line it starts on. */
  gridColumn?: number
}

export const ClaimCell = memo(function ClaimCell({ column, row, lookups, at, colIndex, tabbable, gridColumn }: ClaimCellProps) {
  const text = column.id === 'date' || column.id === 'issues' || column.id === 'stance' || column.id === 'article' ? null : cellText(column, row, lookups)
  return (
    <td
      data-cell={at}
      aria-colindex={colIndex}
      tabIndex={tabbable ? 0 : -1}
      className={classOf(column)}
      dir={text === null ? undefined : 'auto'}
      style={gridColumn === undefined ? undefined : { gridColumnStart: gridColumn }}
    >
      {text ?? <CellContent column={column} row={row} lookups={lookups} />}
    </td>
  )
})

/** What a cell reads as, the way an accessible name is computed from its content. */
function spokenText(column: ClaimColumn, row: ClaimRow, lookups: ClaimLookups): string {
  switch (column.id) {
    case 'date':
      return rowDate(row, lookups) || 'no date'
    case 'issues': {
      const paths = issuePathsOf(row, lookups)
      return paths.length > 1 ? `${paths.length} ${paths.join(' ')}` : paths.join(' ')
    }
    case 'stance':
      return stanceText(row.stance)
    case 'article': {
      const article = lookups.articles.get(row.articleId)
      return article ? article.title || 'Untitled article' : 'Article no longer in the workspace'
    }
    default:
      return cellText(column, row, lookups)
  }
}

/**
 * A row's accessible name: its checkbox and every column's cell, as it reads from its content
 * with all of its cells drawn. A row draws only the columns in view, so the name is given whole
 * and stays what it was, whatever the horizontal scroll.
 */
export function rowName(position: number, columns: readonly ClaimColumn[], row: ClaimRow, lookups: ClaimLookups): string {
  let name = `Select claim ${position + 1}`
  for (const column of columns) {
    const text = spokenText(column, row, lookups)
    if (text !== '') name += ` ${text}`
  }
  return name.replace(/\s+/g, ' ').trim()
}

function CellContent({ column, row, lookups }: { column: ClaimColumn; row: ClaimRow; lookups: ClaimLookups }) {
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
      const several = paths.length > 1
      return (
        <span className="claims-clip claims-issues" data-full={paths.join('\n')}>
          {/* How many, before any chip is cut: a claim on three issues never reads as one. */}
          {several && (
            <span className="claims-issue-count" title={`${paths.length} issues`}>
              {paths.length}
            </span>
          )}
          {paths.map((path, index) => {
            // The leaf names the issue; its parents ("Controlling migration ›") give way first
            // when the cell is narrow, so "General" under two parents still reads apart.
            const leaf = lookups.tree.byId.get(row.issueIds[index]!)?.label
            const parents = leaf !== undefined && path.length > leaf.length && path.endsWith(leaf) ? path.slice(0, path.length - leaf.length).trimEnd() : ''
            return (
              <span key={row.issueIds[index]} className={several ? 'claims-issue is-shrinking' : 'claims-issue'} dir="auto">
                {parents !== '' && <span className="claims-issue-parents">{parents}</span>}
                <span className="claims-issue-leaf">{parents === '' ? path : leaf}</span>
              </span>
            )
          })}
        </span>
      )
    }
    case 'stance':
      return (
        <>
          <span className={`stance-badge stance-${stanceClass(row.stance)}`}>{stanceSign(row.stance)}</span> {STANCE_LABELS[row.stance]}
        </>
      )
    case 'article': {
      const article = lookups.articles.get(row.articleId)
      const title = article ? article.title || 'Untitled article' : 'Article no longer in the workspace'
      return (
        <a className="claims-clip" data-full={title} href={buildHash('library', ['article', row.articleId], { claim: row.id })} onClick={followRouteLink} dir="auto" tabIndex={-1}>
          {title}
        </a>
      )
    }
    default:
      return cellText(column, row, lookups)
  }
}
