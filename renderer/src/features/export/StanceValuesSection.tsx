import { StanceOrReject } from '../../shared/ui/StanceOrReject'
import type { ImportChoices } from '../../domain/claimsImport/choices'
import { SCHEME_LABELS, STANCE_SCHEMES, type StanceScheme, type StanceValueCount } from '../../domain/claimsImport/stanceValues'
import type { Stance } from '../../domain/model'

interface Props {
  idBase: string
  scheme: StanceScheme
  stanceMap: ImportChoices['stanceMap']
  stanceValues: StanceValueCount[]
  onScheme: (scheme: StanceScheme) => void
  onStanceValue: (key: string, stance: Stance | null) => void
}

/** Every distinct stance value in the file, its row count and the stance it is read as (or rejected). */
export function StanceValuesSection({ idBase, scheme, stanceMap, stanceValues, onScheme, onStanceValue }: Props) {
  return (
    <section className="stance-mapping" aria-labelledby={`${idBase}-stance-title`}>
      <h3 id={`${idBase}-stance-title`}>Stance values — check before importing</h3>
      <div className="field stance-scheme">
        <label htmlFor={`${idBase}-scheme`}>Stance values are</label>
        <select id={`${idBase}-scheme`} value={scheme} onChange={(event) => onScheme(event.target.value as StanceScheme)}>
          {STANCE_SCHEMES.map((option) => (
            <option key={option} value={option}>
              {SCHEME_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      <table className="data-table compact-table" aria-label="Stance values">
        <thead>
          <tr>
            <th scope="col">Value in the file</th>
            <th scope="col" className="cell-number">
              Rows
            </th>
            <th scope="col">Imported as</th>
          </tr>
        </thead>
        <tbody>
          {stanceValues.map((entry) => {
            const mapped = stanceMap[entry.key]
            return (
              <tr key={entry.key}>
                <td>{entry.key === '' ? <span className="muted">(empty)</span> : <code>{entry.value}</code>}</td>
                <td className="cell-number">{entry.count}</td>
                <td>
                  <StanceOrReject value={entry.value} mapped={mapped} rejectLabel="Reject these rows" onChange={(stance) => onStanceValue(entry.key, stance)} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
