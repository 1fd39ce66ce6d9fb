import { useMemo, useState } from 'react'
import { Combobox, type ComboOption } from '../../shared/ui/Combobox'
import { buildCodebookTree, depthOf, descendantsOf, pathLabel } from '../../domain/codebook/tree'
import type { Id, Issue } from '../../domain/model'
import { foldText } from '../../domain/text/folding'

// The Issue filter: a searchable combobox over the codebook tree (a real codebook has hundreds
// of issues). Typing matches labels, parents' labels and codes; a parent stands for itself
// and everything below it, and the list says how many issues that is.

const ALL_ISSUES: ComboOption = { id: '', label: 'All issues' }
const MAX_OPTIONS = 400

export function IssueFilter({ issues, value, allowAll, onChange }: { issues: readonly Issue[]; value: Id | null; allowAll: boolean; onChange: (issueId: Id | null) => void }) {
  const tree = useMemo(() => buildCodebookTree(issues), [issues])
  const entries = useMemo(() => {
    // Depth first in label order: children right under their parent.
    const order: Id[] = []
    for (const top of tree.childrenOf.get(null) ?? []) order.push(top, ...descendantsOf(tree, top))
    return order.map((id) => {
      const issue = tree.byId.get(id)!
      const below = descendantsOf(tree, id).length
      const path = pathLabel(tree, id)
      return {
        id,
        path,
        depth: depthOf(tree, id),
        code: issue.code,
        below,
        search: foldText(`${path} ${issue.code}`),
      }
    })
  }, [tree])
  const current = value === null ? '' : tree.byId.has(value) ? pathLabel(tree, value) : ''
  const [text, setText] = useState<string | null>(null)
  const shownText = text ?? (value === null && allowAll ? '' : current)

  const options = useMemo(() => {
    const query = foldText(text ?? '')
    const words = query.split(/\s+/).filter((word) => word !== '')
    const matches = entries.filter((entry) => words.every((word) => entry.search.includes(word))).slice(0, MAX_OPTIONS)
    const list: ComboOption[] = matches.map((entry) => ({
      id: entry.id,
      label: `${'\u2003'.repeat(Math.min(entry.depth, 4))}${words.length > 0 ? entry.path : (tree.byId.get(entry.id)?.label ?? entry.path)}`,
      detail: [entry.code, entry.below > 0 ? `+${entry.below} below` : ''].filter((part) => part !== '').join(' · ') || undefined,
    }))
    return allowAll && words.length === 0 ? [ALL_ISSUES, ...list] : list
  }, [entries, text, allowAll, tree])

  return (
    <div className="field issue-filter" title={current || undefined}>
      <Combobox
        label="Issue"
        text={shownText}
        placeholder={allowAll ? 'All issues' : 'Choose an issue'}
        onTextChange={setText}
        options={options}
        onPick={(option) => {
          setText(null)
          onChange(option.id === '' ? null : option.id)
        }}
        onCommitText={(typed) => {
          // Emptied and left: all issues (when allowed); anything else typed and left: as it was.
          if (typed.trim() === '' && allowAll) onChange(null)
          setText(null)
        }}
      />
    </div>
  )
}
