import { StanceOrReject } from '../../shared/ui/StanceOrReject'
import { useId, useMemo } from 'react'
import { codeRoles, defaultStanceValues, stanceCodes, type CodeRole, type QdaCodeSummary, type QdaMapping, type QdaOverview, type QdaPreview } from '../../domain/interop/mapping/fromQda'
import { plural } from '../../domain/text/plural'

const number = new Intl.NumberFormat('en')

interface Props {
  fileName: string
  overview: QdaOverview
  mapping: QdaMapping
  preview: QdaPreview | null
  onMapping: (mapping: QdaMapping) => void
}

interface FlatCode {
  code: QdaCodeSummary
  path: string
  depth: number
}

function flatten(codes: readonly QdaCodeSummary[], prefix = '', depth = 0, into: FlatCode[] = []): FlatCode[] {
  for (const code of codes) {
    const path = prefix === '' ? code.name : `${prefix} › ${code.name}`
    into.push({ code, path, depth })
    flatten(code.children, path, depth + 1, into)
  }
  return into
}

const ROLE_TEXT: Record<CodeRole, string> = { actor: 'actor', 'actor group': 'actor kind', stance: 'stance', issue: 'issue', group: 'group' }

/** The mapping step: which code groups hold actors, stances and issues; what each selection becomes. */
export function QdaMappingStep({ fileName, overview, mapping, preview, onMapping }: Props) {
  const idBase = useId()
  const flat = useMemo(() => flatten(overview.codes), [overview.codes])
  const groups = flat.filter((entry) => entry.code.children.length > 0)
  const roles = useMemo(() => codeRoles(overview.codes, mapping), [overview.codes, mapping])
  const stances = stanceCodes(overview.codes, mapping.stanceGuid)

  const setGroup = (field: 'actorsGuid' | 'stanceGuid' | 'issuesGuid', value: string): void => {
    const next: QdaMapping = { ...mapping, [field]: value === '' ? null : value }
    if (field === 'stanceGuid') next.stanceValues = defaultStanceValues(overview.codes, next.stanceGuid)
    onMapping(next)
  }
  const groupSelect = (field: 'actorsGuid' | 'stanceGuid' | 'issuesGuid', label: string, none: string, hint: string) => (
    <div className="field">
      <label htmlFor={`${idBase}-${field}`}>{label}</label>
      <select id={`${idBase}-${field}`} value={mapping[field] ?? ''} onChange={(event) => setGroup(field, event.target.value)} aria-describedby={`${idBase}-${field}-hint`}>
        <option value="">{none}</option>
        {groups.map((entry) => (
          <option key={entry.code.guid} value={entry.code.guid}>
            {entry.path}
          </option>
        ))}
      </select>
      <p id={`${idBase}-${field}-hint`} className="muted mapping-hint">
        {hint}
      </p>
    </div>
  )

  // Top-level codes (and the groups' own children counts): a code system of 1,000 actors stays one line.
  const overviewRows = overview.codes.map((code) => {
    const inside = flatten(code.children)
    const count = (role: CodeRole) => inside.filter((entry) => roles.get(entry.code.guid) === role).length
    const role = roles.get(code.guid)!
    let becomes: string
    if (code.guid === mapping.actorsGuid) becomes = `Actors group: ${plural(count('actor'), 'actor')}`
    else if (code.guid === mapping.stanceGuid) becomes = `Stance group: ${plural(count('stance'), 'stance code')}`
    else if (code.guid === mapping.issuesGuid) becomes = `Issues group: ${plural(count('issue'), 'issue')}, the tree kept`
    else becomes = `${ROLE_TEXT[role]}${count('issue') > 0 ? `, with ${plural(count('issue'), 'sub-issue')}` : ''}${count('actor') > 0 ? `, with ${plural(count('actor'), 'actor')}` : ''}`
    const codings = [code, ...inside.map((entry) => entry.code)].reduce((sum, entry) => sum + entry.codings, 0)
    return { code, becomes, codings, inside: inside.length }
  })

  return (
    <div className="qda-mapping">
      <p className="file-facts">
        <strong>{fileName}</strong>
        <span className="muted">
          {' '}
          · {overview.origin ? `from ${overview.origin} · ` : ''}
          {plural(overview.sources, 'text source')} · {plural(overview.selectionCodes.length, 'coded selection')} · {plural(overview.users.length, 'user')}
        </span>
      </p>
      {overview.readerNotes.length > 0 && (
        <ul className="file-warnings" aria-label="Left out when reading">
          {overview.readerNotes.slice(0, 6).map((note) => (
            <li key={note}>{note}</li>
          ))}
          {overview.readerNotes.length > 6 && <li>…and {overview.readerNotes.length - 6} more (listed in the summary).</li>}
        </ul>
      )}
      <div className="mapping-layout">
        <div className="mapping-column">
          <fieldset className="mapping-group">
            <legend>Code groups</legend>
            {groupSelect('actorsGuid', 'Actors parent', '(no actors group)', 'The codes under it are actors (a sub-group names their kind). A selection with one actor code and issue codes becomes a claim; with actor codes only, mentions.')}
            {groupSelect('stanceGuid', 'Stance parent', '(no stance codes: claims are neutral)', 'The codes under it are stances; check what each one means.')}
            {groupSelect('issuesGuid', 'Issues parent', '(none: every other code is an issue)', 'A group that only gathers the issues: its children become top-level issues. Every code outside the actors and stance groups is an issue, the tree kept.')}
          </fieldset>
        </div>
        <div className="mapping-column">
          {stances.length > 0 && (
            <section className="stance-mapping" aria-labelledby={`${idBase}-stance-title`}>
              <h3 id={`${idBase}-stance-title`}>Stance codes — check before importing</h3>
              <table className="data-table compact-table" aria-label="Stance codes">
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col" className="cell-number">
                      Codings
                    </th>
                    <th scope="col">Imported as</th>
                  </tr>
                </thead>
                <tbody>
                  {stances.map((code) => {
                    const mapped = mapping.stanceValues[code.guid]
                    return (
                      <tr key={code.guid}>
                        <td dir="auto">{code.name}</td>
                        <td className="cell-number">{number.format(code.codings)}</td>
                        <td>
                          <StanceOrReject value={code.name} mapped={mapped} rejectLabel="Reject these selections" onChange={(stance) => onMapping({ ...mapping, stanceValues: { ...mapping.stanceValues, [code.guid]: stance } })} />
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </section>
          )}
        </div>
      </div>
      <section aria-labelledby={`${idBase}-codes-title`}>
        <h3 id={`${idBase}-codes-title`}>The code system, as it will be imported</h3>
        <div className="table-scroll qda-codes">
          <table className="data-table compact-table" aria-label="Code system">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Becomes</th>
                <th scope="col" className="cell-number">
                  Codes inside
                </th>
                <th scope="col" className="cell-number">
                  Codings
                </th>
              </tr>
            </thead>
            <tbody>
              {overviewRows.map((row) => (
                <tr key={row.code.guid}>
                  <td dir="auto">{row.code.name}</td>
                  <td>{row.becomes}</td>
                  <td className="cell-number">{number.format(row.inside)}</td>
                  <td className="cell-number">{number.format(row.codings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="interop-preview" aria-label="Import preview">
        <h3>What will be imported</h3>
        {preview && (
          <dl className="fact-list summary-facts">
            <dt>Claims</dt>
            <dd>
              <strong>{plural(preview.claims, 'claim')}</strong>
              {preview.neutralForLackOfStance > 0 ? ` (${number.format(preview.neutralForLackOfStance)} without a stance code, imported as neutral)` : ''}
            </dd>
            <dt>Mentions</dt>
            <dd>{plural(preview.mentions, 'mention')}</dd>
            <dt>Not imported</dt>
            <dd>
              {preview.skipped + preview.rejected === 0 ? (
                'nothing'
              ) : (
                <ul className="reason-list">
                  {preview.reasons.slice(0, 6).map((reason) => (
                    <li key={reason.example}>
                      {number.format(reason.count)} × {reason.example}
                      {reason.varied && <span className="muted"> (the first of them; the others alike)</span>}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Codebook</dt>
            <dd>
              {plural(preview.issues, 'issue')}, {plural(preview.actors, 'actor')}
            </dd>
            <dt>Documents</dt>
            <dd>{plural(overview.sources, 'article')}; source variables become document attributes</dd>
            <dt>Coders</dt>
            <dd>{overview.users.map((user) => user.name || user.guid).join(', ') || 'none'}</dd>
          </dl>
        )}
      </section>
    </div>
  )
}
